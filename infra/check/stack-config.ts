/**
 * The stack config a program sees, as `pulumi preview --stack <s>` builds it: project-level `config`
 * from `Pulumi.yaml`, then the stack's `Pulumi.<stack>.yaml`, then `--config ns:key=value` on the
 * command line, each overriding the one before. Keys without a namespace belong to the project
 * (`dbName` → `<project>:dbName`). Structured values reach the program as JSON (what
 * `config.requireObject` parses), numbers and booleans as their text.
 *
 * Secrets (`secure: v1:…`) cannot be decrypted offline and are not needed to judge logging: each
 * becomes the opaque text {@link SECRET_PLACEHOLDER}, and its key is marked secret, so
 * `config.requireSecret` returns a secret Output as it would with the real value.
 */
import * as fs from "fs";
import * as path from "path";
import { readYamlMap, type ProgramProject } from "./project";
import { ProgramError } from "./program-error";

export const SECRET_PLACEHOLDER = "[secret]";

/** The stack name `check` uses when the project has no stack file and none is named. */
export const DEFAULT_STACK = "check";

export interface StackConfig {
    readonly stack: string;
    /** The `Pulumi.<stack>.yaml` read, if any. */
    readonly file: string | undefined;
    /** `ns:key` → text, as the engine hands config to a program. */
    readonly config: Record<string, string>;
    readonly secretKeys: string[];
}

function isSecure(v: unknown): v is { secure: string } {
    return v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { secure?: unknown }).secure === "string";
}

/** Replaces every `secure:` leaf with the placeholder; reports whether there was one. */
function opaque(v: unknown): { value: unknown; secret: boolean } {
    if (isSecure(v)) return { value: SECRET_PLACEHOLDER, secret: true };
    if (Array.isArray(v)) {
        const items = v.map(opaque);
        return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
    }
    if (v !== null && typeof v === "object") {
        let secret = false;
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
            const o = opaque(x);
            out[k] = o.value;
            secret ||= o.secret;
        }
        return { value: out, secret };
    }
    return { value: v, secret: false };
}

function text(v: unknown): string {
    return typeof v === "string" ? v : v !== null && typeof v === "object" ? JSON.stringify(v) : String(v);
}

function fullKey(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** The stack files of a project (`Pulumi.<stack>.yaml`), by stack name. */
export function stackFiles(project: ProgramProject): Map<string, string> {
    const out = new Map<string, string>();
    if (!fs.existsSync(project.stackConfigDir)) return out;
    for (const f of fs.readdirSync(project.stackConfigDir).sort()) {
        const m = /^Pulumi\.(.+)\.ya?ml$/.exec(f);
        if (m) out.set(m[1], path.join(project.stackConfigDir, f));
    }
    return out;
}

/**
 * Which stack to check: `--stack` (its file, when there is one), else the project's only stack file,
 * else {@link DEFAULT_STACK}. Several stack files and no `--stack` is a question only the user can answer.
 */
function chooseStack(project: ProgramProject, requested: string | undefined): { stack: string; file: string | undefined } {
    const files = stackFiles(project);
    if (requested !== undefined) {
        // `org/project/stack` names the same file as `stack`.
        const short = requested.split("/").pop()!;
        return { stack: short, file: files.get(short) };
    }
    if (files.size === 1) {
        const [[stack, file]] = [...files];
        return { stack, file };
    }
    if (files.size > 1) {
        throw new ProgramError(`${project.dir}: several stacks (${[...files.keys()].join(", ")}): name one with --stack`);
    }
    return { stack: DEFAULT_STACK, file: undefined };
}

function stackFileConfig(file: string): Record<string, unknown> {
    const config = readYamlMap(file).config;
    if (config === undefined || config === null) return {};
    if (typeof config !== "object" || Array.isArray(config)) throw new ProgramError(`${file}: config: expected a map of keys to values`);
    return config as Record<string, unknown>;
}

/** Splits `ns:key=value` overrides; the value is text, as `pulumi config set` stores it. */
export function parseConfigOverride(pair: string): [string, string] {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new ProgramError(`--config ${pair}: expected <namespace>:<key>=<value>`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
}

export function loadStackConfig(project: ProgramProject, o: { stack?: string; overrides?: readonly string[] }): StackConfig {
    const { stack, file } = chooseStack(project, o.stack);
    const layers: Record<string, unknown>[] = [project.config, file ? stackFileConfig(file) : {}];
    const config: Record<string, string> = {};
    const secret = new Set<string>();
    for (const layer of layers) {
        for (const [key, raw] of Object.entries(layer)) {
            const k = fullKey(project.name, key);
            const { value, secret: isSecret } = opaque(raw);
            config[k] = text(value);
            if (isSecret) secret.add(k);
            else secret.delete(k);
        }
    }
    for (const pair of o.overrides ?? []) {
        const [key, value] = parseConfigOverride(pair);
        const k = fullKey(project.name, key);
        config[k] = value;
        secret.delete(k);
    }
    return { stack, file, config, secretKeys: [...secret].sort() };
}
