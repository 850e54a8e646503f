/**
 * The entry point Pulumi's Node.js language host would load (`@pulumi/pulumi` cmd/run/run.ts, 3.248):
 * `main` from `Pulumi.yaml` (a file or a folder, relative to the project folder); without it, the
 * nearest `package.json`'s (within the project folder) `exports` (`"."`: `default`, `require` or `import`) or `main`; without
 * those, the project folder itself. A package whose `package.json` says `"type": "module"` is an ES
 * module (loaded with `import()`, a folder through its `index.js`/`.mjs`/`.ts`/`.mts`); any other
 * is CommonJS (loaded with `require`, a folder through Node's own rules: `package.json` `main`,
 * `index.js`, and `index.ts` once TypeScript is registered).
 */
import * as fs from "fs";
import * as path from "path";
import type { ProgramProject } from "./project";
import { ProgramError } from "./program-error";

export interface ProgramEntry {
    /** Absolute file or folder to load. */
    readonly path: string;
    /** `"type": "module"` in the program's package.json. */
    readonly esm: boolean;
    /** Folder of the program's package.json, if any. */
    readonly packageRoot: string | undefined;
}

/**
 * The nearest folder at or above `from`, and inside the project folder, holding a package.json (what
 * the language host calls the package root). The search stops at the project folder: a program
 * without a package.json of its own (a fixture inside this repository) must not take on the entry
 * point of whatever package happens to contain it.
 */
export function packageRootOf(from: string, projectDir: string): string | undefined {
    let dir = from;
    for (;;) {
        if (fs.existsSync(path.join(dir, "package.json"))) return dir;
        const up = path.dirname(dir);
        if (dir === projectDir || up === dir || path.relative(projectDir, up).startsWith("..")) return undefined;
        dir = up;
    }
}

function readPackage(root: string | undefined): Record<string, unknown> {
    if (!root) return {};
    try {
        const v = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
        return v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};
    } catch (e) {
        throw new ProgramError(`${path.join(root, "package.json")}: not valid JSON (${(e as Error).message})`);
    }
}

/** `exports` / `main` of package.json, when the file they name exists (the language host falls back otherwise). */
function packageEntry(root: string, pkg: Record<string, unknown>): string | undefined {
    const exp = pkg.exports;
    let target: unknown;
    if (typeof exp === "string") target = exp;
    else if (exp !== null && typeof exp === "object") {
        const main = (exp as Record<string, unknown>)["."];
        if (typeof main === "string") target = main;
        else if (main !== null && typeof main === "object") {
            const m = main as Record<string, unknown>;
            target = m.default ?? m.require ?? m.import;
        }
    } else if (typeof pkg.main === "string" && pkg.main !== "") target = pkg.main;
    if (typeof target !== "string") return undefined;
    const full = path.join(root, target);
    return fs.existsSync(full) ? full : undefined;
}

/** The ES-module entry of a folder, as the language host picks it. */
function esmFolderEntry(dir: string): string {
    for (const index of ["index.js", "index.mjs", "index.ts", "index.mts"]) {
        if (fs.existsSync(path.join(dir, index))) return path.join(dir, index);
    }
    throw new ProgramError(`${dir}: no entry point (an ES-module program needs index.js, index.mjs, index.ts or index.mts, or main in Pulumi.yaml)`);
}

export function programEntry(project: ProgramProject): ProgramEntry {
    let program = path.resolve(project.dir, project.main ?? ".");
    if (!fs.existsSync(program)) {
        throw new ProgramError(`${project.file}: main: ${project.main}: no such file or folder in ${project.dir}`);
    }
    const start = fs.statSync(program).isDirectory() ? program : path.dirname(program);
    const packageRoot = packageRootOf(start, project.dir);
    const pkg = readPackage(packageRoot);
    if (project.main === undefined && packageRoot) program = packageEntry(packageRoot, pkg) ?? program;
    const esm = pkg.type === "module";
    if (esm && fs.statSync(program).isDirectory()) program = esmFolderEntry(program);
    return { path: program, esm, packageRoot };
}
