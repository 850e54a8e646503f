/**
 * Estimates of generated organisations for tests: plans the stacks (test/support/plan.ts) and
 * prices them with the models their programs ran on.
 */
import { flattenStackConfig } from "../../infra/config/load";
import type { OrgModel, StackModel } from "../../infra/config/model";
import { parseOrg } from "../../infra/config/org";
import { parseStack } from "../../infra/config/stack";
import type { StackPlan } from "../../infra/engine/run";
import { estimatePlans, type PlanEstimate } from "../../infra/estimate/plan-estimate";
import { planGenerated } from "./plan";

export interface GeneratedEstimate {
    readonly org: OrgModel;
    readonly models: ReadonlyMap<string, StackModel>;
    readonly plans: readonly StackPlan[];
    readonly estimate: PlanEstimate;
}

/** The models of generated stacks, as their programs load them. */
export function generatedModels(org: unknown, stacks: Record<string, Record<string, unknown>>): { org: OrgModel; models: Map<string, StackModel> } {
    const model = parseOrg(org, "stacks/org.yaml");
    const models = new Map<string, StackModel>();
    for (const [name, config] of Object.entries(stacks)) {
        const file = `stacks/Pulumi.${name}.yaml`;
        models.set(name, parseStack(name, file, flattenStackConfig({ config }, file), model));
    }
    return { org: model, models };
}

/** Plans every stack of a generated organisation and estimates them all. */
export async function estimateGenerated(org: unknown, stacks: Record<string, Record<string, unknown>>): Promise<GeneratedEstimate> {
    const plans = await planGenerated(org, stacks, Object.keys(stacks));
    const { org: model, models } = generatedModels(org, stacks);
    const estimate = estimatePlans(plans.map((p) => ({ model: models.get(p.stack)!, resources: p.resources })), model);
    return { org: model, models, plans, estimate };
}

/** The stack files of an organisation's core stacks and a member stack for each of its accounts. */
export function everyStack(org: Record<string, any>, settings: Record<string, Record<string, unknown>> = {}): Record<string, Record<string, unknown>> {
    const stacks: Record<string, Record<string, unknown>> = {
        management: { "lz:role": "management", ...settings.management },
        "log-archive": { "lz:role": "log-archive", ...settings["log-archive"] },
        security: { "lz:role": "security", ...settings.security },
    };
    for (const name of ["management", "log-archive", "security", ...(org.accounts.members as { name: string }[]).map((m) => m.name)]) {
        stacks[`member-${name}`] = { "lz:role": "member", "lz:account": name, ...settings.member };
    }
    return stacks;
}
