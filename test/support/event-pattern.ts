/**
 * A small evaluator of EventBridge event patterns, so tests can decide which sample events a rule
 * forwards without calling AWS (`TestEventPattern`). It follows the documented syntax:
 *
 * - a pattern is an object whose keys mirror the event; a leaf is an ARRAY of alternatives (OR),
 *   sibling keys are AND, nested objects descend into the event;
 * - an event array matches when any element matches;
 * - alternatives: exact strings/numbers/`null` (type-sensitive: `"5"` never matches `5`),
 *   `prefix`, `suffix` (plain or `{ "equals-ignore-case": … }`), `equals-ignore-case`, `wildcard`,
 *   `anything-but` (a value, a list, `prefix`, `suffix`, `wildcard`, `equals-ignore-case`),
 *   `numeric` ranges, `exists`, `cidr` (IPv4 and IPv6);
 * - `$or: [pattern, …]` at any object level.
 *
 * Malformed patterns throw (unknown operator, a leaf that is not an array...), so a typo in a rule
 * makes a test fail instead of silently matching nothing. Like EventBridge, comparison operators
 * apply to leaves only: a leaf alternative never matches an object in the event, `exists: true`
 * included, and `exists: false` matches where no leaf value is (absent field, empty array, object);
 * `anything-but` needs the field present.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MISSING = Symbol("missing");
type Value = Json | typeof MISSING;

/** True when `event` matches `pattern`. Throws on a malformed pattern. */
export function matches(pattern: unknown, event: unknown): boolean {
    if (!isObject(pattern)) throw new Error(`event pattern must be a JSON object, got ${describe(pattern)}`);
    return matchObject(pattern as Record<string, unknown>, event as Json, "");
}

function matchObject(pattern: Record<string, unknown>, event: Value, path: string): boolean {
    for (const [key, sub] of Object.entries(pattern)) {
        const here = path ? `${path}.${key}` : key;
        if (key === "$or") {
            if (!Array.isArray(sub) || sub.length < 2) throw new Error(`${here}: $or needs an array of at least two patterns`);
            const ok = sub.some((alt, i) => {
                if (!isObject(alt)) throw new Error(`${here}[${i}]: $or alternatives must be objects`);
                return matchObject(alt as Record<string, unknown>, event, path);
            });
            if (!ok) return false;
            continue;
        }
        const value = field(event, key);
        if (Array.isArray(sub)) {
            if (!matchLeaf(sub, value, here)) return false;
        } else if (isObject(sub)) {
            if (!matchNested(sub as Record<string, unknown>, value, here)) return false;
        } else {
            throw new Error(`${here}: a pattern leaf must be an array of values or operators, got ${describe(sub)}`);
        }
    }
    return true;
}

function matchNested(pattern: Record<string, unknown>, value: Value, path: string): boolean {
    if (Array.isArray(value)) return value.some((element) => isObject(element) && matchObject(pattern, element, path));
    // A leaf or an absent field has no children: descend with nothing, so that only `exists: false`
    // below can still match (the flattened event has no key under this path).
    if (value === MISSING || !isObject(value)) return matchObject(pattern, MISSING, path);
    return matchObject(pattern, value, path);
}

function field(event: Value, key: string): Value {
    if (event === MISSING || !isObject(event)) return MISSING;
    const obj = event as Record<string, Json>;
    return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : MISSING;
}

/** Leaf: the alternatives are OR-ed; an array value in the event matches when any element does. */
function matchLeaf(alternatives: unknown[], value: Value, path: string): boolean {
    if (alternatives.length === 0) throw new Error(`${path}: an empty array matches nothing; remove the key or add values`);
    const leaves: (Json | typeof MISSING)[] = value === MISSING ? [] : Array.isArray(value) ? value : [value];
    return alternatives.some((alt) => {
        if (isObject(alt)) {
            const op = alt as Record<string, unknown>;
            const keys = Object.keys(op);
            if (keys.length !== 1) throw new Error(`${path}: an operator object has exactly one key, got ${JSON.stringify(op)}`);
            const name = keys[0];
            if (name === "exists") {
                if (typeof op.exists !== "boolean") throw new Error(`${path}: exists takes true or false`);
                const present = leaves.some((v) => !isObject(v));
                // Leaves only: an object (intermediate node) is no leaf, so it neither satisfies
                // `exists: true` nor prevents `exists: false` from matching.
                return op.exists ? present : !present;
            }
            const test = operator(name, op[name], path);
            return leaves.some((v) => !isObject(v) && test(v as Json));
        }
        checkExact(alt, path);
        return leaves.some((v) => exactEquals(alt as Json, v as Json));
    });
}

function checkExact(alt: unknown, path: string): void {
    if (alt === null || typeof alt === "string" || typeof alt === "number" || typeof alt === "boolean") return;
    throw new Error(`${path}: ${describe(alt)} is neither a value nor an operator`);
}

function exactEquals(expected: Json, actual: Json): boolean {
    return expected === actual;
}

type Test = (value: Json) => boolean;

function operator(name: string, arg: unknown, path: string): Test {
    switch (name) {
        case "prefix":
            return stringTest(arg, path, "prefix", (v, s) => v.startsWith(s), (v, s) => v.toLowerCase().startsWith(s.toLowerCase()));
        case "suffix":
            return stringTest(arg, path, "suffix", (v, s) => v.endsWith(s), (v, s) => v.toLowerCase().endsWith(s.toLowerCase()));
        case "equals-ignore-case": {
            const s = requireString(arg, path, name);
            return (v) => typeof v === "string" && v.toLowerCase() === s.toLowerCase();
        }
        case "wildcard": {
            const re = wildcardRegExp(requireString(arg, path, name), path);
            return (v) => typeof v === "string" && re.test(v);
        }
        case "numeric":
            return numericTest(arg, path);
        case "cidr":
            return cidrTest(requireString(arg, path, name), path);
        case "anything-but":
            return anythingBut(arg, path);
        default:
            throw new Error(`${path}: unknown operator "${name}"`);
    }
}

function stringTest(arg: unknown, path: string, name: string, plain: (v: string, s: string) => boolean, ignoreCase: (v: string, s: string) => boolean): Test {
    if (typeof arg === "string") return (v) => typeof v === "string" && plain(v, arg);
    if (isObject(arg)) {
        const inner = arg as Record<string, unknown>;
        const keys = Object.keys(inner);
        if (keys.length === 1 && keys[0] === "equals-ignore-case") {
            const s = requireString(inner["equals-ignore-case"], path, `${name}.equals-ignore-case`);
            return (v) => typeof v === "string" && ignoreCase(v, s);
        }
    }
    throw new Error(`${path}: ${name} takes a string or { "equals-ignore-case": string }, got ${describe(arg)}`);
}

function anythingBut(arg: unknown, path: string): Test {
    if (typeof arg === "string" || typeof arg === "number") return (v) => v !== arg;
    if (Array.isArray(arg)) {
        if (arg.length === 0) throw new Error(`${path}: anything-but needs at least one value`);
        for (const a of arg) if (typeof a !== "string" && typeof a !== "number") throw new Error(`${path}: anything-but lists strings or numbers, got ${describe(a)}`);
        return (v) => !arg.includes(v as string | number);
    }
    if (isObject(arg)) {
        const inner = arg as Record<string, unknown>;
        const keys = Object.keys(inner);
        if (keys.length !== 1) throw new Error(`${path}: anything-but takes one operator, got ${JSON.stringify(arg)}`);
        const name = keys[0];
        const a = inner[name];
        switch (name) {
            case "prefix": {
                const s = requireString(a, path, "anything-but.prefix");
                return (v) => typeof v === "string" && !v.startsWith(s);
            }
            case "suffix": {
                const s = requireString(a, path, "anything-but.suffix");
                return (v) => typeof v === "string" && !v.endsWith(s);
            }
            case "equals-ignore-case": {
                const list = stringList(a, path, "anything-but.equals-ignore-case").map((s) => s.toLowerCase());
                return (v) => typeof v === "string" && !list.includes(v.toLowerCase());
            }
            case "wildcard": {
                const res = stringList(a, path, "anything-but.wildcard").map((s) => wildcardRegExp(s, path));
                return (v) => typeof v === "string" && !res.some((re) => re.test(v));
            }
            default:
                throw new Error(`${path}: anything-but does not support "${name}"`);
        }
    }
    throw new Error(`${path}: anything-but takes a value, a list, or an operator, got ${describe(arg)}`);
}

function numericTest(arg: unknown, path: string): Test {
    if (!Array.isArray(arg) || arg.length === 0 || arg.length % 2 !== 0 || arg.length > 4) {
        throw new Error(`${path}: numeric takes [op, number] or [op, number, op, number], got ${describe(arg)}`);
    }
    const checks: ((n: number) => boolean)[] = [];
    for (let i = 0; i < arg.length; i += 2) {
        const op = arg[i];
        const n = arg[i + 1];
        if (typeof n !== "number") throw new Error(`${path}: numeric operand must be a number, got ${describe(n)}`);
        switch (op) {
            case "=": checks.push((x) => x === n); break;
            case "<": checks.push((x) => x < n); break;
            case "<=": checks.push((x) => x <= n); break;
            case ">": checks.push((x) => x > n); break;
            case ">=": checks.push((x) => x >= n); break;
            default: throw new Error(`${path}: unknown numeric operator ${describe(op)}`);
        }
    }
    return (v) => typeof v === "number" && checks.every((c) => c(v));
}

function wildcardRegExp(glob: string, path: string): RegExp {
    if (glob.includes("**")) throw new Error(`${path}: wildcard "${glob}" has consecutive *`);
    let out = "";
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === "\\" && (glob[i + 1] === "*" || glob[i + 1] === "\\")) {
            out += escapeRegExp(glob[++i]);
        } else if (c === "*") {
            out += "[\\s\\S]*";
        } else {
            out += escapeRegExp(c);
        }
    }
    return new RegExp(`^${out}$`);
}

function escapeRegExp(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

// ---- cidr ------------------------------------------------------------------------------------

function cidrTest(cidr: string, path: string): Test {
    const [addr, bitsText] = cidr.split("/");
    const base = parseIp(addr);
    const bits = Number(bitsText);
    if (base === undefined || bitsText === undefined || !Number.isInteger(bits) || bits < 0 || bits > base.width) {
        throw new Error(`${path}: "${cidr}" is not a CIDR block`);
    }
    const shift = BigInt(base.width - bits);
    return (v) => {
        if (typeof v !== "string") return false;
        const ip = parseIp(v);
        return ip !== undefined && ip.width === base.width && ip.value >> shift === base.value >> shift;
    };
}

function parseIp(text: string): { value: bigint; width: number } | undefined {
    if (text.includes(".") && !text.includes(":")) {
        const parts = text.split(".");
        if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
        return { value: parts.reduce((acc, p) => (acc << 8n) + BigInt(Number(p)), 0n), width: 32 };
    }
    if (!text.includes(":")) return undefined;
    const halves = text.split("::");
    if (halves.length > 2) return undefined;
    const groups = (s: string) => (s === "" ? [] : s.split(":"));
    const head = groups(halves[0]);
    const tail = halves.length === 2 ? groups(halves[1]) : [];
    const fill = 8 - head.length - tail.length;
    if ((halves.length === 1 && fill !== 0) || fill < 0) return undefined;
    const all = [...head, ...Array(halves.length === 2 ? fill : 0).fill("0"), ...tail];
    if (all.length !== 8 || all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return { value: all.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n), width: 128 };
}

// ---- helpers ---------------------------------------------------------------------------------

function requireString(arg: unknown, path: string, name: string): string {
    if (typeof arg !== "string") throw new Error(`${path}: ${name} takes a string, got ${describe(arg)}`);
    return arg;
}

function stringList(arg: unknown, path: string, name: string): string[] {
    if (typeof arg === "string") return [arg];
    if (Array.isArray(arg) && arg.length > 0 && arg.every((a) => typeof a === "string")) return arg as string[];
    throw new Error(`${path}: ${name} takes a string or a list of strings, got ${describe(arg)}`);
}

function isObject(v: unknown): boolean {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
    return v === undefined ? "undefined" : JSON.stringify(v);
}
