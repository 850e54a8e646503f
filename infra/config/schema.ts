import { ProblemList } from "./errors";
import type { Cost, Profile } from "./profiles";

/**
 * A small declarative schema for YAML/stack configuration. It exists so that every problem in a
 * file is reported at once with its key path and what is allowed, which general-purpose YAML
 * loaders do not do.
 */
export type Schema =
    | StringSchema
    | IntegerSchema
    | NumberSchema
    | BooleanSchema
    | ArraySchema
    | ObjectSchema
    | MapSchema;

interface Common {
    /** One sentence for the generated configuration reference (docs/config-reference.md). */
    readonly doc?: string;
    /** Whether the key may be absent. */
    readonly optional?: boolean;
    /** Value used when the key is absent (implies optional). */
    readonly default?: unknown;
    /** What the setting costs when on (shown in the configuration reference). */
    readonly cost?: Cost;
    /** Default under a cost profile (`profile` in the org file), where it differs from `default`. */
    readonly profiles?: Readonly<Partial<Record<Profile, unknown>>>;
}
export interface StringSchema extends Common {
    readonly kind: "string";
    readonly enum?: readonly string[];
    readonly pattern?: RegExp;
    /** What the pattern means, for the message: `is not <describe>`. */
    readonly describe?: string;
}
export interface IntegerSchema extends Common {
    readonly kind: "integer";
    readonly min?: number;
    readonly max?: number;
}
/** Any finite number, fractions allowed (usage volumes such as 0.5 GB); whole-number settings use IntegerSchema. */
export interface NumberSchema extends Common {
    readonly kind: "number";
    readonly min?: number;
    readonly max?: number;
}
export interface BooleanSchema extends Common {
    readonly kind: "boolean";
}
export interface ArraySchema extends Common {
    readonly kind: "array";
    readonly items: Schema;
    readonly minItems?: number;
}
export interface ObjectSchema extends Common {
    readonly kind: "object";
    readonly fields: Readonly<Record<string, Schema>>;
}
export interface MapSchema extends Common {
    readonly kind: "map";
    readonly keys?: StringSchema;
    readonly values: Schema;
}

/** Renders a value for an error message: strings quoted, everything else as JSON, long values cut. */
export function show(value: unknown): string {
    let s: string;
    try {
        s = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    } catch {
        s = String(value);
    }
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function typeName(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "a map";
    return `a ${typeof value}`;
}

/** Levenshtein distance, for "did you mean" hints on misspelt keys. */
export function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}

/** The closest allowed word to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, allowed: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestD = Infinity;
    for (const a of allowed) {
        const d = editDistance(word, a);
        if (d < bestD) {
            bestD = d;
            best = a;
        }
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * YAML reads unquoted digits as a number and drops leading zeros (`id: 012345678901` becomes
 * 12345678901), so a number where a string belongs gets a hint to quote it, with the value the
 * pattern accepts when putting the lost zeros back makes it valid.
 */
function quoteHint(schema: StringSchema, value: unknown): string {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) return "";
    const digits = String(value);
    const candidates = Array.from({ length: 13 }, (_, zeros) => "0".repeat(zeros) + digits);
    const fixed = schema.pattern ? candidates.find((c) => schema.pattern!.test(c)) : digits;
    if (fixed === undefined) return "; write the value in quotes so YAML keeps it a string";
    const lost = fixed.length > digits.length ? " (YAML read it as a number and dropped its leading zeros)" : "";
    return `; write it in quotes${lost}: ${JSON.stringify(fixed)}`;
}

export function joinPath(base: string, key: string | number): string {
    if (typeof key === "number") return `${base}[${key}]`;
    return base ? `${base}.${key}` : key;
}

/** A key's default under a cost profile: the profile's value where it names one, else `default`. */
export function defaultFor(schema: Schema, profile: Profile): unknown {
    const p = schema.profiles?.[profile];
    return p !== undefined ? p : schema.default;
}

/**
 * Checks `value` against `schema`, adds one problem per violation to `problems` and returns the
 * value with defaults applied (those of `profile` where a key names one; or `undefined` where the
 * value was unusable).
 */
export function check(schema: Schema, value: unknown, file: string, path: string, problems: ProblemList, profile: Profile = "full"): unknown {
    if (value === undefined || value === null) {
        // Check the default too, so nested defaults (a map defaulting to {} whose keys have defaults) apply.
        const fallback = defaultFor(schema, profile);
        if (fallback !== undefined) return check({ ...schema, default: undefined, profiles: undefined, optional: false } as Schema, structuredClone(fallback), file, path, problems, profile);
        if (schema.optional) return undefined;
        problems.add(file, path, `is required (${describeSchema(schema)})`);
        return undefined;
    }
    switch (schema.kind) {
        case "string": {
            if (typeof value !== "string") {
                problems.add(file, path, `must be a string (${describeSchema(schema)}), got ${typeName(value)} ${show(value)}` + quoteHint(schema, value));
                return undefined;
            }
            if (schema.enum && !schema.enum.includes(value)) {
                const hint = closest(value, schema.enum);
                problems.add(
                    file,
                    path,
                    `${show(value)} is not allowed; use one of ${schema.enum.map((e) => show(e)).join(", ")}` + (hint ? ` (did you mean ${show(hint)}?)` : ""),
                );
                return undefined;
            }
            if (schema.pattern && !schema.pattern.test(value)) {
                problems.add(file, path, `${show(value)} is not ${schema.describe ?? `a string matching ${schema.pattern}`}`);
                return undefined;
            }
            return value;
        }
        case "integer":
        case "number": {
            const whole = schema.kind === "integer";
            if (typeof value !== "number" || !(whole ? Number.isInteger(value) : Number.isFinite(value))) {
                problems.add(file, path, `must be ${whole ? "a whole number" : "a number"}, got ${typeName(value)} ${show(value)}`);
                return undefined;
            }
            if (schema.min !== undefined && value < schema.min) {
                problems.add(file, path, `${value} is below the minimum of ${schema.min}`);
                return undefined;
            }
            if (schema.max !== undefined && value > schema.max) {
                problems.add(file, path, `${value} is above the maximum of ${schema.max}`);
                return undefined;
            }
            return value;
        }
        case "boolean": {
            if (typeof value !== "boolean") {
                problems.add(file, path, `must be true or false, got ${typeName(value)} ${show(value)}`);
                return undefined;
            }
            return value;
        }
        case "array": {
            if (!Array.isArray(value)) {
                problems.add(file, path, `must be a list, got ${typeName(value)} ${show(value)}`);
                return undefined;
            }
            if (schema.minItems !== undefined && value.length < schema.minItems) {
                problems.add(file, path, `must have at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}`);
            }
            return value.map((item, i) => check(schema.items, item, file, joinPath(path, i), problems, profile));
        }
        case "object": {
            if (typeof value !== "object" || Array.isArray(value)) {
                problems.add(file, path, `must be a map with keys ${Object.keys(schema.fields).join(", ")}, got ${typeName(value)} ${show(value)}`);
                return undefined;
            }
            const input = value as Record<string, unknown>;
            const allowed = Object.keys(schema.fields);
            const out: Record<string, unknown> = {};
            for (const key of Object.keys(input)) {
                if (!(key in schema.fields)) {
                    const hint = closest(key, allowed);
                    problems.add(
                        file,
                        joinPath(path, key),
                        `unknown key` + (hint ? ` (did you mean ${show(hint)}?)` : "") + `; allowed keys here: ${allowed.join(", ")}`,
                    );
                }
            }
            for (const key of allowed) {
                const v = check(schema.fields[key], input[key], file, joinPath(path, key), problems, profile);
                if (v !== undefined) out[key] = v;
            }
            return out;
        }
        case "map": {
            if (typeof value !== "object" || Array.isArray(value)) {
                problems.add(file, path, `must be a map, got ${typeName(value)} ${show(value)}`);
                return undefined;
            }
            const out: Record<string, unknown> = {};
            for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
                if (schema.keys && check(schema.keys, k, file, joinPath(path, k), problems) === undefined) continue;
                const cv = check(schema.values, v, file, joinPath(path, k), problems, profile);
                if (cv !== undefined) out[k] = cv;
            }
            return out;
        }
    }
}

/** A short human description of what a schema accepts. */
export function describeSchema(schema: Schema): string {
    switch (schema.kind) {
        case "string":
            return schema.enum ? `one of ${schema.enum.join(", ")}` : (schema.describe ?? "a string");
        case "integer":
        case "number":
            return `${schema.kind === "integer" ? "a whole number" : "a number"}${schema.min !== undefined ? ` >= ${schema.min}` : ""}${schema.max !== undefined ? ` <= ${schema.max}` : ""}`;
        case "boolean":
            return "true or false";
        case "array":
            return `a list of ${describeSchema(schema.items)}`;
        case "object":
            return `a map with keys ${Object.keys(schema.fields).join(", ")}`;
        case "map":
            return `a map of ${describeSchema(schema.values)}`;
    }
}
