/**
 * Runs a user's Pulumi program under the offline engine the way `pulumi preview` would run it:
 * the project's `Pulumi.yaml` (name, runtime options, `main`), the stack's config, the entry point
 * the language host would load (CommonJS or ES module, TypeScript or JavaScript), in the project
 * folder as working directory, on the program's own `@pulumi/pulumi` and `@pulumi/aws`.
 *
 * What cannot be known offline is reported, not guessed: functions without an offline answer
 * (their results are unknown values, as in a preview) and components implemented by provider
 * plugins (their children exist only at deploy time).
 */
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { StackRunError } from "../engine/errors";
import type { StackPlan } from "../engine/run";
import type * as RunModule from "../engine/run";
import type * as UnknownInvokesModule from "../engine/unknown-invokes";
import { programEntry, type ProgramEntry } from "./entry";
import { checkInvokes } from "./invokes";
import { ProgramError } from "./program-error";
import { readProgramProject, type ProgramProject } from "./project";
import { useProgramSdk, type ProgramSdk } from "./sdk";
import { loadStackConfig, type StackConfig } from "./stack-config";
import { registerProgramTypeScript } from "./typescript";

export { ProgramError };

export interface RunProgramOptions {
    readonly preview: boolean;
    /** `--stack`: the stack whose `Pulumi.<stack>.yaml` applies (default: the project's only one, else `check`). */
    readonly stack?: string;
    /** `ns:key=value` stack-config overrides, applied last. */
    readonly config?: readonly string[];
}

/** A component the offline engine cannot expand (see `PlannedResource.remote`). */
export interface UnsupportedComponent {
    readonly urn: string;
    readonly name: string;
    readonly type: string;
    /** The package (and provider plugin) that implements it, from the type token. */
    readonly package: string;
}

export interface ProgramRun {
    readonly plan: StackPlan;
    readonly project: ProgramProject;
    readonly stack: StackConfig;
    readonly entry: ProgramEntry;
    readonly sdk: ProgramSdk;
    /** Functions answered as unknown, by token, with their number of calls. */
    readonly unknowns: ReadonlyMap<string, number>;
    readonly unsupported: readonly UnsupportedComponent[];
}

// `import()` kept as is: compiled to CommonJS, a plain `import()` would become `require`.
const dynamicImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<Record<string, unknown>>;

/** Stack outputs of a CommonJS module: `export = async () => ({...})`, a default function, or top-level exports. */
function outputsOf(m: unknown): unknown {
    if (typeof m === "function") return (m as () => unknown)();
    const obj = (m ?? {}) as Record<string, unknown>;
    if (typeof obj.default === "function" && Object.keys(obj).every((k) => k === "default" || k === "__esModule")) {
        return (obj.default as () => unknown)();
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) if (k !== "__esModule") out[k] = v;
    return out;
}

/** Stack outputs of an ES module, as the language host reads them: the default export, or the named ones. */
function esmOutputsOf(ns: Record<string, unknown>): unknown {
    if (Object.getOwnPropertyDescriptor(ns, "default") !== undefined) {
        if (Object.keys(ns).length !== 1) throw new Error("expected entrypoint module to have either a default export or named exports but not both");
        const d = ns.default;
        return typeof d === "function" ? (d as () => unknown)() : d;
    }
    return { ...ns };
}

async function loadEntry(entry: ProgramEntry): Promise<unknown> {
    if (entry.esm) return esmOutputsOf(await dynamicImport(pathToFileURL(entry.path).href));
    // A folder is required as a folder (trailing separator), not as a neighbouring file of the same name.
    const target = fs.statSync(entry.path).isDirectory() ? entry.path + path.sep : entry.path;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return outputsOf(require(target));
}

function unsupportedOf(plan: StackPlan): UnsupportedComponent[] {
    return plan.resources.filter((r) => r.remote).map((r) => ({ urn: r.urn, name: r.name, type: r.type, package: r.type.split(":")[0] }));
}

/** Runs the program once; rejects with a ProgramError carrying the program's own message. */
export async function runProgram(dir: string, o: RunProgramOptions): Promise<ProgramRun> {
    const project = readProgramProject(dir);
    const stack = loadStackConfig(project, { stack: o.stack, overrides: o.config });
    const entry = programEntry(project);
    const sdk = useProgramSdk(fs.statSync(entry.path).isDirectory() ? entry.path : path.dirname(entry.path));
    registerProgramTypeScript(project, entry);
    // The engine loads only now, on the SDK chosen above.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { runStack } = require("../engine/run") as typeof RunModule;
    (require("../engine/unknown-invokes") as typeof UnknownInvokesModule).answerUnansweredInvokesAsUnknown();
    /* eslint-enable @typescript-eslint/no-require-imports */
    const unknowns = new Map<string, number>();
    const cwd = process.cwd();
    process.chdir(project.dir);
    try {
        const plan = await runStack({
            project: project.name,
            stack: stack.stack,
            preview: o.preview,
            config: { "aws:region": "us-east-1", ...stack.config },
            secretKeys: stack.secretKeys,
            program: () => loadEntry(entry),
            invoke: checkInvokes,
            unanswered: unknowns,
        });
        return { plan, project, stack, entry, sdk, unknowns, unsupported: unsupportedOf(plan) };
    } catch (e) {
        // The engine names the stack (`stack check: …`); check runs one program and shows its own error.
        throw new ProgramError(e instanceof StackRunError ? e.programMessage : e instanceof Error ? e.message : String(e), unknowns);
    } finally {
        process.chdir(cwd);
    }
}
