/**
 * Runs a user's Pulumi TypeScript program (`<dir>/index.ts`) under the offline engine. Its
 * `@pulumi/pulumi` and `@pulumi/aws` imports resolve to this repository's copies, so the mock
 * runtime installed here is the one the program registers with; every other import resolves from
 * the program's own folder as usual.
 */
import * as fs from "fs";
import * as path from "path";
import Module = require("module");
import { parse as parseYaml } from "yaml";
import { runStack, StackRunError, type StackPlan } from "../engine/run";
import { checkInvokes } from "./invokes";

/** Packages shared with the program: the runtime state (mock monitor, config) lives in them. */
const SHARED = ["@pulumi/pulumi", "@pulumi/aws"];

/** The program failed to load or run; `message` is the program's own error message. */
export class ProgramError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ProgramError";
    }
}

type Resolve = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
let hooked = false;

/** Resolve the shared packages (and their subpaths) from this repository, whoever imports them. */
function shareRuntimePackages(): void {
    if (hooked) return;
    hooked = true;
    const original = mod._resolveFilename;
    const here = [__dirname];
    mod._resolveFilename = function (this: unknown, request: string, parent: unknown, isMain: boolean, options?: unknown) {
        if (SHARED.some((p) => request === p || request.startsWith(`${p}/`))) {
            return original.call(this, request, parent, isMain, { paths: here });
        }
        return original.call(this, request, parent, isMain, options);
    } as Resolve;
}

/** The entry file of a program folder; a usage problem is reported as a ProgramError. */
export function programEntry(dir: string): string {
    const entry = path.resolve(dir, "index.ts");
    if (!fs.existsSync(entry)) throw new ProgramError(`${dir}: no index.ts (check runs a Pulumi TypeScript program's index.ts)`);
    return entry;
}

/** Stack outputs of a loaded module: `export = async () => ({...})`, a default function, or top-level exports. */
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

/**
 * The project name URNs carry: `name` of the program's `Pulumi.yaml` as `pulumi preview` uses it,
 * or the folder's name when there is none (the fixtures). A file that is not YAML is a ProgramError.
 */
export function projectName(dir: string): string {
    for (const file of ["Pulumi.yaml", "Pulumi.yml"]) {
        const full = path.join(dir, file);
        if (!fs.existsSync(full)) continue;
        let doc: unknown;
        try {
            doc = parseYaml(fs.readFileSync(full, "utf8"));
        } catch (e) {
            throw new ProgramError(`${full}: not valid YAML (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
        }
        const name = doc !== null && typeof doc === "object" ? (doc as Record<string, unknown>).name : undefined;
        if (typeof name === "string" && name !== "") return name;
    }
    return path.basename(path.resolve(dir));
}

export interface RunProgramOptions {
    readonly preview: boolean;
    /** Program config (`ns:key` → string), as `pulumi config set` would hold it. */
    readonly config?: Readonly<Record<string, string>>;
    readonly stack?: string;
    readonly project?: string;
}

/** Runs the program once; rejects with a ProgramError carrying the program's own message. */
export async function runProgram(dir: string, o: RunProgramOptions): Promise<StackPlan> {
    const entry = programEntry(dir);
    shareRuntimePackages();
    const project = o.project ?? projectName(dir);
    try {
        return await runStack({
            project,
            stack: o.stack ?? "check",
            preview: o.preview,
            config: { "aws:region": "us-east-1", ...(o.config ?? {}) },
            program: () => outputsOf(require(entry)),
            invoke: checkInvokes,
        });
    } catch (e) {
        // The engine names the stack (`stack check: …`); check runs one program and shows its own error.
        throw new ProgramError(e instanceof StackRunError ? e.programMessage : e instanceof Error ? e.message : String(e));
    }
}
