/**
 * Policy config as the Pulumi CLI prepares it before Configure: normalise the config file's shapes
 * (`all`, a bare level, an object with `enforcementLevel` and settings), apply each rule's schema
 * defaults, and validate against the schema, reporting every problem at once.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PACK_NAME } from "../pack";
import { ALL_RULES, ruleByName } from "../rules";
import { LEVELS, type Level } from "./analyzer";

function schemaErrors(schema: any, value: unknown, where: string, out: string[]): void {
    if (!schema || typeof schema !== "object") return;
    const t = schema.type as string | undefined;
    const ok =
        t === undefined ||
        (t === "string" && typeof value === "string") ||
        (t === "boolean" && typeof value === "boolean") ||
        (t === "number" && typeof value === "number" && Number.isFinite(value)) ||
        (t === "integer" && Number.isInteger(value)) ||
        (t === "array" && Array.isArray(value)) ||
        (t === "object" && value !== null && typeof value === "object" && !Array.isArray(value));
    if (!ok) {
        out.push(`${where}: expected ${t}, got ${JSON.stringify(value)}`);
        return;
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${where}: must be one of ${schema.enum.join(", ")}`);
    if (typeof value === "string") {
        if (typeof schema.minLength === "number" && value.length < schema.minLength) out.push(`${where}: must not be empty`);
        if (typeof schema.pattern === "string" && !new RegExp(schema.pattern).test(value)) out.push(`${where}: "${value}" does not match ${schema.pattern}`);
    }
    if (typeof value === "number" && typeof schema.minimum === "number" && value < schema.minimum) out.push(`${where}: must be ≥ ${schema.minimum}`);
    if (Array.isArray(value) && schema.items) value.forEach((v, i) => schemaErrors(schema.items, v, `${where}[${i}]`, out));
    if (t === "object" && value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        for (const req of (schema.required ?? []) as string[]) if (obj[req] === undefined) out.push(`${where}.${req}: required`);
        if (schema.properties) {
            for (const [k, v] of Object.entries(obj)) {
                if (schema.properties[k]) schemaErrors(schema.properties[k], v, `${where}.${k}`, out);
            }
        }
    }
}

export interface Effective {
    level: Level;
    properties: Record<string, unknown>;
}

/** Per-rule effective config; throws once listing every problem. */
export function resolveConfig(config: Record<string, unknown> = {}): Map<string, Effective> {
    const errors: string[] = [];
    const all = config.all;
    let allLevel: Level | undefined;
    if (all !== undefined) {
        const l = typeof all === "string" ? all : (all as { enforcementLevel?: unknown })?.enforcementLevel;
        if (LEVELS.includes(l as Level)) allLevel = l as Level;
        else errors.push(`policy config: all: "${String(l)}" is not an enforcement level (${LEVELS.join(", ")})`);
    }
    for (const key of Object.keys(config)) {
        if (key !== "all" && !ruleByName(key)) errors.push(`policy config: "${key}" is not a rule of ${PACK_NAME}`);
    }
    const out = new Map<string, Effective>();
    for (const rule of ALL_RULES) {
        const given = config[rule.name];
        let level: Level = allLevel ?? (rule.meta.enforcementLevel as Level);
        const properties: Record<string, unknown> = {};
        for (const [k, s] of Object.entries(rule.configSchema.properties)) properties[k] = (s as { default?: unknown }).default;
        if (typeof given === "string") {
            if (LEVELS.includes(given as Level)) level = given as Level;
            else errors.push(`policy config: ${rule.name}: "${given}" is not an enforcement level`);
        } else if (given && typeof given === "object") {
            for (const [k, v] of Object.entries(given as Record<string, unknown>)) {
                if (k === "enforcementLevel") {
                    if (LEVELS.includes(v as Level)) level = v as Level;
                    else errors.push(`policy config: ${rule.name}.enforcementLevel: "${String(v)}" is not an enforcement level`);
                    continue;
                }
                const schema = rule.configSchema.properties[k];
                if (!schema) {
                    errors.push(`policy config: ${rule.name}.${k}: not a setting of this rule (settings: ${Object.keys(rule.configSchema.properties).join(", ")})`);
                    continue;
                }
                schemaErrors(schema, v, `policy config: ${rule.name}.${k}`, errors);
                properties[k] = v;
            }
        } else if (given !== undefined) {
            errors.push(`policy config: ${rule.name}: expected an enforcement level or an object`);
        }
        if (level === "remediate" && !rule.remediates) level = "mandatory";
        out.set(rule.name, { level, properties });
    }
    if (errors.length) throw new Error(errors.join("\n"));
    return out;
}

