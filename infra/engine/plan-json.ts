import type { StackPlan } from "./run";
import type { Json } from "./wire";
import type { PlanFileEstimate } from "../estimate/plan-file-estimate";

/** One resource of a plan file (the public `--json` shape, see README "Plan JSON"). */
export interface PlanFileResource {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    provider: string | null;
    dependencies: string[];
    inputs: Record<string, Json>;
    protect: boolean;
    retainOnDelete: boolean;
    /** Present only when the resource has the option: input paths `pulumi up` does not change. */
    ignoreChanges?: string[];
}

export interface PlanFile {
    project: string;
    stack: string;
    resources: PlanFileResource[];
    outputs: Record<string, Json>;
    /** The stack's cost and deploy-time estimate (written by `plan --json`; absent in files of older versions). */
    estimate?: PlanFileEstimate;
}

function sortKeys(value: Json): Json {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value !== null && typeof value === "object") {
        const out: { [k: string]: Json } = {};
        for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]);
        return out;
    }
    return value;
}

/** The plan of one stack in the documented file shape. */
export function toPlanFile(plan: StackPlan): PlanFile {
    return {
        project: plan.project,
        stack: plan.stack,
        resources: plan.resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent,
            provider: r.provider,
            dependencies: r.dependencies,
            inputs: sortKeys(r.inputs) as Record<string, Json>,
            protect: r.protect,
            retainOnDelete: r.retainOnDelete,
            ...(r.ignoreChanges.length > 0 ? { ignoreChanges: [...r.ignoreChanges].sort() } : {}),
        })),
        outputs: sortKeys(plan.outputs) as Record<string, Json>,
    };
}

/** Serialises a plan file; the same plan always gives the same bytes. */
export function serializePlanFile(file: PlanFile): string {
    return JSON.stringify(file, null, 2) + "\n";
}
