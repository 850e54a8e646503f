import * as fs from "fs";
import * as path from "path";
import { ConfigError } from "../config/errors";
import { flattenStackConfig, parseYaml } from "../config/load";
import { ROLES } from "../config/model";

/** A stack found in `stacks/`: its name, file and the config Pulumi would give the program. */
export interface StackSource {
    readonly stack: string;
    /** Repository-relative path of the stack file. */
    readonly file: string;
    readonly config: Readonly<Record<string, string>>;
    /** The role the file declares (may be invalid; validation reports it when the stack runs). */
    readonly role: string | undefined;
}

export interface ProjectSource {
    readonly root: string;
    readonly project: string;
    readonly stackConfigDir: string;
    /** Project-level config values from Pulumi.yaml (defaults and values), `ns:key` → string. */
    readonly projectConfig: Readonly<Record<string, string>>;
}

/** Reads Pulumi.yaml: project name, stack config dir and the config values it sets for every stack. */
export function readProject(root: string): ProjectSource {
    const file = "Pulumi.yaml";
    const raw = parseYaml(fs.readFileSync(path.join(root, file), "utf8"), file) as Record<string, unknown>;
    const project = String(raw.name);
    const config: Record<string, string> = {};
    const block = (raw.config ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(block)) {
        const key = k.includes(":") ? k : `${project}:${k}`;
        let value: unknown = v;
        if (v !== null && typeof v === "object" && !Array.isArray(v)) {
            const decl = v as Record<string, unknown>;
            value = "value" in decl ? decl.value : decl.default;
        }
        if (value === undefined) continue;
        config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { root, project, stackConfigDir: String(raw.stackConfigDir ?? "."), projectConfig: config };
}

/** Deploy order of a role: management, log-archive, security, then members. */
export function roleOrder(role: string | undefined): number {
    const i = ROLES.indexOf(role as never);
    return i < 0 ? ROLES.length : i;
}

/** Every stack of the project, in deploy order (members by name). */
export function discoverStacks(project: ProjectSource): StackSource[] {
    const dir = path.join(project.root, project.stackConfigDir);
    const files = fs.readdirSync(dir).filter((f) => /^Pulumi\..+\.ya?ml$/.test(f));
    const stacks = files.map((f) => loadStackSource(project, f.replace(/^Pulumi\./, "").replace(/\.ya?ml$/, "")));
    return stacks.sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.stack.localeCompare(b.stack));
}

/** Reads one stack's file; project config values apply first, the stack file overrides them. */
export function loadStackSource(project: ProjectSource, stack: string): StackSource {
    const rel = path.posix.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
    const abs = path.join(project.root, rel);
    if (!fs.existsSync(abs)) {
        throw new ConfigError([{ file: rel, path: "", message: `does not exist: no stack named ${JSON.stringify(stack)} in ${project.stackConfigDir}/` }]);
    }
    const own = flattenStackConfig(parseYaml(fs.readFileSync(abs, "utf8"), rel), rel);
    const config = { ...project.projectConfig, ...own };
    return { stack, file: rel, config, role: config[`${project.project}:role`] };
}
