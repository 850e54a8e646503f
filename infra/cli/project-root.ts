/**
 * What `--root <dir>` must point at, checked before anything is planned: a project folder as Pulumi
 * reads it. The program's code always comes from this repository; only the configuration comes from
 * `<dir>`:
 *
 *   <dir>/Pulumi.yaml                          the project file (name; stackConfigDir: stacks)
 *   <dir>/<stackConfigDir>/Pulumi.<stack>.yaml one file per stack (lz:role, lz:account, settings)
 *   <dir>/stacks/org.yaml                      the organisation facts (or the file lz:orgFile names)
 *
 * A wrong folder is a usage mistake (exit 2) that says what is missing, never a raw ENOENT.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_ORG_FILE, parseYaml } from "../config/load";
import { UsageError } from "./args";

/** The layout, as the error message and README show it. */
export const PROJECT_LAYOUT =
    "a project folder holds Pulumi.yaml (the project: name, stackConfigDir: stacks), stacks/Pulumi.<stack>.yaml (one per stack) and stacks/org.yaml (the organisation facts)";

const STACK_FILE = /^Pulumi\..+\.ya?ml$/;

function isDir(p: string): boolean {
    try {
        return fs.statSync(p).isDirectory();
    } catch {
        return false;
    }
}

/** The organisation file a stack file reads: its `lz:orgFile`, or the default. */
function orgFileOf(abs: string, rel: string): string {
    const doc = parseYaml(fs.readFileSync(abs, "utf8"), rel) as { config?: Record<string, unknown> } | null;
    const configured = doc?.config?.["lz:orgFile"];
    return typeof configured === "string" && configured !== "" ? configured : DEFAULT_ORG_FILE;
}

/** What is missing from `dir` for it to be a project folder: one line each (none when it is one). */
export function projectLayoutProblems(dir: string): string[] {
    if (!fs.existsSync(dir)) return [`${dir} does not exist`];
    if (!isDir(dir)) return [`${dir} is a file, not a folder`];
    const projectFile = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(projectFile)) {
        const entries = fs.readdirSync(dir);
        const looksLikeStacks = entries.includes("org.yaml") || entries.some((f) => STACK_FILE.test(f));
        return [
            "Pulumi.yaml is missing" +
                (looksLikeStacks ? ` (${dir} holds stack files itself: it looks like a copy of stacks/; point --root at the folder above it, next to a copy of Pulumi.yaml)` : ""),
        ];
    }
    // Syntax errors in Pulumi.yaml are configuration errors with their own line and column.
    const project = parseYaml(fs.readFileSync(projectFile, "utf8"), "Pulumi.yaml") as Record<string, unknown> | null;
    const problems: string[] = [];
    if (project === null || typeof project !== "object" || typeof project.name !== "string") problems.push("Pulumi.yaml has no project name (name:)");
    const stackDir = String(project?.stackConfigDir ?? ".");
    const stacks = isDir(path.join(dir, stackDir)) ? fs.readdirSync(path.join(dir, stackDir)).filter((f) => STACK_FILE.test(f) && f !== "Pulumi.yaml") : undefined;
    if (stacks === undefined) problems.push(`${stackDir}/ is missing (Pulumi.yaml's stackConfigDir: the folder of the stack files)`);
    else if (stacks.length === 0) problems.push(`${stackDir}/ holds no stack file (Pulumi.<stack>.yaml)`);
    else {
        // Each stack reads stacks/org.yaml unless its file names another with lz:orgFile.
        const orgFiles = new Set(stacks.map((f) => orgFileOf(path.join(dir, stackDir, f), path.posix.join(stackDir, f))));
        for (const org of [...orgFiles].sort()) {
            if (!fs.existsSync(path.join(dir, org))) problems.push(`${org} is missing (the organisation facts the stacks read)`);
        }
    }
    return problems;
}

/** `dir` resolved, when it is a project folder; otherwise a UsageError listing what is missing. */
export function projectRoot(dir: string, given: string): string {
    const problems = projectLayoutProblems(dir);
    if (problems.length === 0) return dir;
    throw new UsageError(`--root ${given}: not a landing-zone project folder:\n${problems.map((p) => `  - ${p}`).join("\n")}\n${PROJECT_LAYOUT}; the code always comes from this repository`);
}
