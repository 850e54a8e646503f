import type { StackPlan } from "../engine/run";
import { estimatePlans, type PlanEstimate } from "./plan-estimate";
import { stackModels, type StackConfigSource } from "./stack-models";

/**
 * The estimate of the `shown` plans of a planning run, with the models of their stacks; the
 * log-archive plan among everything planned (predecessors included) gives the archive's tiering.
 */
export function estimateStackPlans(root: string, sources: readonly StackConfigSource[], planned: readonly StackPlan[], shown: readonly StackPlan[]): PlanEstimate {
    const { org, models } = stackModels(root, sources);
    const logArchive = planned.find((p) => models.get(p.stack)?.role === "log-archive");
    return estimatePlans(
        shown.map((p) => ({ model: models.get(p.stack)!, resources: p.resources })),
        org,
        { logArchive: logArchive?.resources },
    );
}
