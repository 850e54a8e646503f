/**
 * Reading resource properties the way the analyzer hands them to a policy: plain JSON in which a
 * value the engine does not know yet (preview) is one of the SDK's unknown sentinels, and secrets
 * are either unwrapped (Analyze) or `Secret` objects (Remediate). Rules never touch the SDK's
 * unknown-checking proxy directly: one unknown field would throw out of the whole rule (and, for a
 * stack rule, hide every other finding). They read through `get`, which turns any unknown into the
 * `UNKNOWN` marker, and decide per check what an unknown means.
 */
import { Secret } from "@pulumi/policy";
import { types as utilTypes } from "util";

/** A value the engine cannot know until apply. */
export const UNKNOWN: unique symbol = Symbol("unknown-until-apply");
export type Unknown = typeof UNKNOWN;

/** The SDK's unknown sentinels (`@pulumi/policy/proxy`): the engine sends the string one for any type. */
const SENTINELS = new Set<string>([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

const SENTINEL_LIST: readonly string[] = [...SENTINELS];

const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * The object behind the SDK's unknown-checking proxy (reading the target never throws). Only a
 * real Proxy is unwrapped: a plain object whose input happens to be named like the proxy's key is
 * the resource's own properties.
 */
export function unproxy(props: unknown): Record<string, unknown> {
    if (props === null || typeof props !== "object") return {};
    // Remediation props are two proxies deep (unknown-checking around secrets-preserving).
    let obj = props as Record<string, unknown>;
    for (let i = 0; i < 4; i++) {
        if (!utilTypes.isProxy(obj)) break;
        const target = obj[PROXY_TARGET];
        if (target === undefined || target === null || typeof target !== "object" || target === obj) break;
        obj = target as Record<string, unknown>;
    }
    return obj;
}

/** A plain value: secrets unwrapped, unknown sentinels turned into `UNKNOWN`. */
export function plain(v: unknown): unknown {
    if (typeof v === "string" && SENTINELS.has(v)) return UNKNOWN;
    if (v instanceof Secret) return plain(v.value);
    return v;
}

export function isUnknown(v: unknown): v is Unknown {
    return v === UNKNOWN;
}

/** Rules read a fixed set of literal paths: split each once. */
const PATHS = new Map<string, readonly string[]>();
function keysOf(path: string): readonly string[] {
    let keys = PATHS.get(path);
    if (!keys) {
        keys = path.split(".");
        if (PATHS.size < 10_000) PATHS.set(path, keys);
    }
    return keys;
}

/**
 * The value at a dotted path (`accessLogs.enabled`, `loggings.0.targetBucket`). `UNKNOWN` when the
 * value or any object on the way is unknown; `undefined` when absent or the path runs through a
 * non-object. Never throws.
 */
export function get(obj: unknown, path: string): unknown {
    let cur: unknown = plain(obj);
    for (const key of keysOf(path)) {
        if (cur === UNKNOWN) return UNKNOWN;
        if (cur === null || typeof cur !== "object") return undefined;
        cur = plain((cur as Record<string, unknown>)[key]);
    }
    return cur;
}

/** A list value: `UNKNOWN`, the array (elements made plain), or `[]` for anything else. */
export function list(v: unknown): unknown[] | Unknown {
    const p = plain(v);
    if (p === UNKNOWN) return UNKNOWN;
    if (!Array.isArray(p)) return [];
    return p.map(plain);
}

/** A record value: `UNKNOWN`, the object, or `undefined` when absent or not an object. */
export function record(v: unknown): Record<string, unknown> | Unknown | undefined {
    const p = plain(v);
    if (p === UNKNOWN) return UNKNOWN;
    if (p === null || typeof p !== "object" || Array.isArray(p)) return undefined;
    return p as Record<string, unknown>;
}

/** True when the value is present and not an empty string (unknown counts as present). */
export function isSet(v: unknown): boolean {
    const p = plain(v);
    if (p === UNKNOWN) return true;
    if (p === undefined || p === null) return false;
    if (typeof p === "string") return p.trim().length > 0;
    return true;
}

/** A string value, `UNKNOWN`, or `undefined` for absent or non-string values. */
export function str(v: unknown): string | Unknown | undefined {
    const p = plain(v);
    if (p === UNKNOWN) return UNKNOWN;
    return typeof p === "string" ? p : undefined;
}

/** A boolean value (`"true"`/`"false"` strings too), `UNKNOWN`, or `undefined`. */
export function bool(v: unknown): boolean | Unknown | undefined {
    const p = plain(v);
    if (p === UNKNOWN) return UNKNOWN;
    if (typeof p === "boolean") return p;
    if (p === "true") return true;
    if (p === "false") return false;
    return undefined;
}

/** A number value (numeric strings too), `UNKNOWN`, or `undefined`. */
export function num(v: unknown): number | Unknown | undefined {
    const p = plain(v);
    if (p === UNKNOWN) return UNKNOWN;
    if (typeof p === "number" && Number.isFinite(p)) return p;
    if (typeof p === "string" && p.trim() !== "" && Number.isFinite(Number(p))) return Number(p);
    return undefined;
}

/** Resource tags (`tags` input): `UNKNOWN`, or a string map (non-string values dropped). */
export function tags(props: Record<string, unknown>): Record<string, string> | Unknown {
    const t = record(props.tags);
    if (t === UNKNOWN) return UNKNOWN;
    const out: Record<string, string> = {};
    if (!t) return out;
    for (const [k, v] of Object.entries(t)) {
        const p = plain(v);
        if (p === UNKNOWN) return UNKNOWN;
        if (typeof p === "string") out[k] = p;
    }
    return out;
}

/** Parses a JSON string input (container definitions, policy documents); `UNKNOWN` if it contains an unknown. */
export function json(v: unknown): unknown {
    const p = plain(v);
    if (p === UNKNOWN) return UNKNOWN;
    if (typeof p !== "string") return p;
    if (SENTINEL_LIST.some((s) => p.includes(s))) return UNKNOWN;
    try {
        return JSON.parse(p);
    } catch {
        return undefined;
    }
}

/** Short rendering of a value for messages. */
export function show(v: unknown): string {
    const p = plain(v);
    if (p === UNKNOWN) return "(unknown until apply)";
    if (p === undefined) return "(not set)";
    try {
        const s = JSON.stringify(p);
        return s.length > 80 ? `${s.slice(0, 77)}...` : s;
    } catch {
        return String(p);
    }
}
