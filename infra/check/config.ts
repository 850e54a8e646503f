/**
 * Pack config for `check` and `audit`: a policy config file (`--pack-config`, by default this
 * repository's `policy-config/default.json`, the organisation's destinations) with `--config`
 * pairs on top.
 *
 * `--config key=value` → policy config in the shape of a Pulumi policy config file:
 *
 *   all=<level>                          every rule's enforcement level
 *   <rule>=<level>                       one rule's level (mandatory, advisory, remediate, disabled)
 *   <rule>.<property>=<value>            one rule setting; the value is JSON when it parses as JSON
 *                                        (numbers, booleans, lists, objects), a string otherwise
 *
 * The pack validates the result (unknown rules, wrong types) and lists every problem at once.
 */
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../cli/args";

/** The organisation's pack config that `npm run pack-config` writes and `check` uses by default. */
export const DEFAULT_PACK_CONFIG = path.resolve(__dirname, "..", "..", "policy-config", "default.json");

/** A stack-config pair (`ns:key=value`, what `pulumi preview --config` takes), not a pack setting: pack keys never hold `:`. */
export function isStackConfigPair(pair: string): boolean {
    const eq = pair.indexOf("=");
    return eq > 0 && pair.slice(0, eq).includes(":");
}

/** Reads a policy config file (the format of `pulumi policy enable --config` and `--policy-pack-config`). */
export function readPackConfigFile(file: string, option = "--pack-config"): Record<string, unknown> {
    let doc: unknown;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        throw new UsageError(`${option} ${file}: cannot be read as JSON (${why})`);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new UsageError(`${option} ${file}: expected a JSON object of rule names to levels or settings`);
    return doc as Record<string, unknown>;
}

function parseValue(raw: string): unknown {
    try {
        return JSON.parse(raw);
    } catch {
        return raw;
    }
}

export function parsePackConfig(pairs: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const pair of pairs) {
        const eq = pair.indexOf("=");
        if (eq <= 0) throw new UsageError(`--config ${pair}: expected key=value (all=<level>, <rule>=<level> or <rule>.<setting>=<value>)`);
        const key = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        const dot = key.indexOf(".");
        if (dot < 0) {
            const prev = out[key];
            if (prev !== null && typeof prev === "object") (prev as Record<string, unknown>).enforcementLevel = value;
            else out[key] = value;
            continue;
        }
        const rule = key.slice(0, dot);
        const setting = key.slice(dot + 1);
        if (rule === "all" || !setting) throw new UsageError(`--config ${pair}: settings belong to one rule: <rule>.<setting>=<value>`);
        const prev = out[rule];
        const obj: Record<string, unknown> = prev !== null && typeof prev === "object" ? (prev as Record<string, unknown>) : typeof prev === "string" ? { enforcementLevel: prev } : {};
        obj[setting] = parseValue(value);
        out[rule] = obj;
    }
    return out;
}

/**
 * Policy configs layered rule by rule, later ones winning: a rule's level and settings from both
 * combine (`{ "lz-x": "advisory" }` over `{ "lz-x": { "approvedBuckets": [...] } }` keeps the buckets),
 * a setting given again replaces the earlier one.
 */
export function mergePackConfigs(...layers: readonly Record<string, unknown>[]): Record<string, unknown> {
    const asObject = (x: unknown): Record<string, unknown> => (x !== null && typeof x === "object" ? (x as Record<string, unknown>) : typeof x === "string" ? { enforcementLevel: x } : {});
    const out: Record<string, unknown> = {};
    for (const layer of layers) {
        for (const [rule, v] of Object.entries(layer)) {
            const prev = out[rule];
            out[rule] = typeof v === "string" && (prev === undefined || typeof prev === "string") ? v : { ...asObject(prev), ...asObject(v) };
        }
    }
    return out;
}

/**
 * The pack config `check` evaluates with: the file (`"none"` for none; by default
 * {@link DEFAULT_PACK_CONFIG} when it exists), then the `--config` pairs.
 */
export function packConfigFor(file: string | undefined, pairs: readonly string[]): { config: Record<string, unknown>; file: string | undefined } {
    const chosen = file === "none" ? undefined : (file ?? (fs.existsSync(DEFAULT_PACK_CONFIG) ? DEFAULT_PACK_CONFIG : undefined));
    return { config: mergePackConfigs(chosen ? readPackConfigFile(chosen) : {}, parsePackConfig(pairs)), file: chosen };
}

/** `--tag key=value` → stack tags (baseline rules select stacks by the `lz:baseline` tag). */
export function parseStackTags(pairs: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const pair of pairs) {
        const eq = pair.indexOf("=");
        if (eq <= 0) throw new UsageError(`--tag ${pair}: expected key=value, e.g. lz:baseline=security`);
        out[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return out;
}
