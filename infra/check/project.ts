/**
 * A program's `Pulumi.yaml`, read the way `pulumi preview` reads it: the project name (URNs carry
 * it), the runtime and its options (`typescript`, `tsconfig`), `main` (the entry point, relative to
 * the project folder), `stackConfigDir` and project-level `config`. A folder without one (the test
 * fixtures, a quick experiment) is a Node.js TypeScript project named after the folder.
 */
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { ProgramError } from "./program-error";

export interface ProgramProject {
    /** Absolute project folder: the program runs with it as working directory. */
    readonly dir: string;
    /** The `Pulumi.yaml` read, or undefined when the folder has none. */
    readonly file: string | undefined;
    readonly name: string;
    /** `main`: entry point relative to `dir` (a file or a folder); undefined when not set. */
    readonly main: string | undefined;
    /** `runtime.options.typescript` (default true): compile `.ts` files with ts-node. */
    readonly typescript: boolean;
    /** `runtime.options.tsconfig`: the tsconfig file, relative to `dir`. */
    readonly tsconfig: string | undefined;
    /** Absolute folder of the `Pulumi.<stack>.yaml` files (`stackConfigDir`, default `dir`). */
    readonly stackConfigDir: string;
    /** Project-level `config` values (`ns:key` or bare key → value), before stack config overrides them. */
    readonly config: Readonly<Record<string, unknown>>;
}

function record(v: unknown): Record<string, unknown> | undefined {
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Project-level config: plain values (`aws:region: us-west-2`) or `{ value }` / `{ default }` entries. */
function projectConfig(file: string, v: unknown): Record<string, unknown> {
    if (v === undefined || v === null) return {};
    const map = record(v);
    if (!map) throw new ProgramError(`${file}: config: expected a map of keys to values`);
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(map)) {
        const e = record(entry);
        if (e && ("value" in e || "default" in e || "type" in e)) {
            const value = "value" in e ? e.value : e.default;
            if (value !== undefined) out[key] = value;
        } else {
            out[key] = entry;
        }
    }
    return out;
}

/** A YAML file as a map (empty when the file holds nothing); a file that is not YAML is a ProgramError naming it. */
export function readYamlMap(full: string): Record<string, unknown> {
    let doc: unknown;
    try {
        doc = parseYaml(fs.readFileSync(full, "utf8"));
    } catch (e) {
        throw new ProgramError(`${full}: not valid YAML (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
    }
    if (doc === null || doc === undefined) return {};
    const map = record(doc);
    if (!map) throw new ProgramError(`${full}: expected a YAML map`);
    return map;
}

/** Reads `<dir>/Pulumi.yaml` (or `.yml`). */
export function readProgramProject(dir: string): ProgramProject {
    const abs = path.resolve(dir);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new ProgramError(`${dir}: no such folder (check runs the Pulumi program in a folder)`);
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(abs, f)).find((f) => fs.existsSync(f));
    if (!file) {
        return { dir: abs, file: undefined, name: path.basename(abs), main: undefined, typescript: true, tsconfig: undefined, stackConfigDir: abs, config: {} };
    }
    const doc = readYamlMap(file);
    const runtime = typeof doc.runtime === "string" ? { name: doc.runtime } : record(doc.runtime);
    const runtimeName = runtime?.name;
    if (runtimeName !== "nodejs") {
        throw new ProgramError(`${file}: runtime: ${JSON.stringify(runtimeName ?? null)}: check runs Node.js programs (runtime: nodejs)`);
    }
    const options = record(runtime?.options) ?? {};
    const name = typeof doc.name === "string" && doc.name !== "" ? doc.name : path.basename(abs);
    const main = typeof doc.main === "string" && doc.main !== "" ? doc.main : undefined;
    const stackConfigDir = typeof doc.stackConfigDir === "string" && doc.stackConfigDir !== "" ? path.resolve(abs, doc.stackConfigDir) : abs;
    return {
        dir: abs,
        file,
        name,
        main,
        // Pulumi's language host compiles TypeScript unless `typescript: false` (a string too: it reads YAML loosely).
        typescript: !(options.typescript === false || options.typescript === "false"),
        tsconfig: typeof options.tsconfig === "string" && options.tsconfig !== "" ? options.tsconfig : undefined,
        stackConfigDir,
        config: projectConfig(file, doc.config),
    };
}
