/**
 * `--config key=value` → policy config in the shape of a Pulumi policy config file:
 *
 *   all=<level>                          every rule's enforcement level
 *   <rule>=<level>                       one rule's level (mandatory, advisory, remediate, disabled)
 *   <rule>.<property>=<value>            one rule setting; the value is JSON when it parses as JSON
 *                                        (numbers, booleans, lists, objects), a string otherwise
 *
 * The pack validates the result (unknown rules, wrong types) and lists every problem at once.
 */
import { UsageError } from "../cli/args";

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
