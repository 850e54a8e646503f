import { orgSchema } from "./org";
import { ROLES } from "./model";
import { PROFILES, type Cost, type Profile } from "./profiles";
import { defaultFor, type Schema } from "./schema";
import { NAMESPACE, ROLE_SETTINGS } from "./stack";

/** One setting that costs money when on: where it is, what it costs, and its default per profile. */
export interface CostlySetting {
    /** `stacks/org.yaml`, or the stack-file key holding the role's settings (`lz:security`). */
    readonly where: string;
    /** Key path inside it, e.g. `guardDuty.protections.s3DataEvents`. */
    readonly key: string;
    readonly cost: Cost;
    /** Default of the key under each profile. */
    readonly defaults: Readonly<Record<Profile, unknown>>;
}

function walk(schema: Schema, where: string, key: string, out: CostlySetting[]): void {
    if (schema.cost) {
        out.push({ where, key, cost: schema.cost, defaults: Object.fromEntries(PROFILES.map((p) => [p, defaultFor(schema, p)])) as Record<Profile, unknown> });
    }
    if (schema.kind === "object") for (const [k, v] of Object.entries(schema.fields)) walk(v, where, key ? `${key}.${k}` : k, out);
}

/**
 * Every costly setting of the org file and of each role's settings, in reference order: what the
 * configuration reference lists and what a cost estimate reads (with the resolved settings of each
 * stack, which already apply the org file's `profile`).
 */
export function costlySettings(): CostlySetting[] {
    const out: CostlySetting[] = [];
    walk(orgSchema, "stacks/org.yaml", "", out);
    for (const role of ROLES) walk(ROLE_SETTINGS[role].schema, `${NAMESPACE}:${ROLE_SETTINGS[role].key}`, "", out);
    return out;
}
