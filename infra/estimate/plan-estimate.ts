import type { OrgModel, Role, StackModel } from "../config/model";
import { archiveFacts } from "./archive-facts";
import type { CostLine } from "./cost-line";
import { stackDeployTime, type DeployTime } from "./deploy-time";
import type { EstimateContext } from "./estimate-context";
import type { EstimatedResource } from "./estimated-resource";
import { PRICE_DATE, PRICE_REGION } from "./prices";
import { estimateOrganisation, estimateStack, type OrganisationEstimate } from "./stack-estimate";
import { workflowTime, type WorkflowTime } from "./workflow-time";

/** A planned stack with the model its program ran on. */
export interface PlannedStack {
    readonly model: StackModel;
    readonly resources: readonly EstimatedResource[];
}

/** One stack's estimate: monthly cost with its lines, and how long creating it takes. */
export interface StackCostEstimate {
    readonly stack: string;
    readonly role: Role;
    readonly monthlyUsd: number;
    readonly lines: readonly CostLine[];
    readonly unpricedTypes: readonly string[];
    readonly deploy: DeployTime;
}

/** The estimate of a set of planned stacks (usually the whole organisation). */
export interface PlanEstimate {
    /** Always "estimate": the figures are modelled, not billed. */
    readonly kind: "estimate";
    readonly priceDate: string;
    readonly priceRegion: string;
    readonly profile: string;
    readonly workload: string;
    /** Accounts and enabled regions of the organisation. */
    readonly accounts: number;
    readonly regions: readonly string[];
    /** Where the archive's tiering and replication come from. */
    readonly archiveSource: string;
    readonly stacks: readonly StackCostEstimate[];
    readonly organisation: OrganisationEstimate & { readonly workflow: WorkflowTime };
}

/**
 * Prices and times every planned stack. The log archive's lifecycle and replication come from the
 * log-archive plan (`o.logArchive`, else the log-archive stack among `planned`: its plan is what AWS
 * will get), else from the org file.
 */
export function estimatePlans(planned: readonly PlannedStack[], org: OrgModel, o: { logArchive?: readonly EstimatedResource[] } = {}): PlanEstimate {
    const logArchive = o.logArchive ?? planned.find((p) => p.model.role === "log-archive")?.resources;
    const ctx: EstimateContext = { org, archive: archiveFacts(org, logArchive) };
    const stacks = planned.map((p): StackCostEstimate => {
        const e = estimateStack({ stack: p.model.stack, role: p.model.role, account: p.model.account, resources: p.resources }, ctx);
        return { stack: e.stack, role: p.model.role, monthlyUsd: e.monthlyUsd, lines: e.lines, unpricedTypes: e.unpricedTypes, deploy: stackDeployTime(p.resources) };
    });
    const workflow = workflowTime(stacks.map((s, i) => ({ stack: s.stack, role: s.role, resources: planned[i].resources.length, createSeconds: s.deploy.seconds })));
    return {
        kind: "estimate",
        priceDate: PRICE_DATE,
        priceRegion: PRICE_REGION,
        profile: org.profile,
        workload: org.estimate.workload,
        accounts: org.accounts.length,
        regions: org.regions,
        archiveSource: ctx.archive.source,
        stacks,
        organisation: { ...estimateOrganisation(stacks.map((s) => ({ stack: s.stack, monthlyUsd: s.monthlyUsd, lines: s.lines, unpricedTypes: s.unpricedTypes }))), workflow },
    };
}
