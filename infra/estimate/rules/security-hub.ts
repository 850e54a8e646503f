import { charge, type CostLine } from "../cost-line";
import { accountMix, ofTypes, regionMix, volumesOf } from "../estimate-context";
import type { PricingRule } from "./pricing-rule";

/** Finding ingestion events per account and region Security Hub does not charge for. */
const FREE_FINDINGS = 10_000;

/**
 * Security Hub CSPM under central configuration: control checks of every enabled standard in every
 * account and enabled region the configuration policy reaches, and finding ingestion beyond the
 * free events per account and region. A policy with the service disabled costs nothing.
 */
export const securityHub: PricingRule = {
    id: "security-hub",
    types: ["aws:securityhub/configurationPolicy:ConfigurationPolicy"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        const aggregator = ofTypes(stack, "aws:securityhub/findingAggregator:FindingAggregator")[0];
        const linked = Array.isArray(aggregator?.inputs.specifiedRegions) ? aggregator.inputs.specifiedRegions.map(String) : [];
        const regions = aggregator === undefined ? [ctx.org.homeRegion] : aggregator.inputs.linkingMode === "SPECIFIED_REGIONS" ? [ctx.org.homeRegion, ...linked] : ctx.org.regions;
        for (const policy of ofTypes(stack, ...this.types)) {
            const body = (policy.inputs.configurationPolicy ?? {}) as { serviceEnabled?: boolean; enabledStandardArns?: unknown[] };
            if (body.serviceEnabled !== true) continue;
            const standards = body.enabledStandardArns?.length ?? 0;
            for (const region of regions) {
                const checks = ctx.org.accounts.reduce((n, a) => n + volumesOf(ctx.org, a, region).securityHubChecksPerStandard * standards, 0);
                lines.push(charge("securityHubCheck", checks, region, `${standards} standards × checks per standard of ${accountMix(ctx.org)} in ${regions.length} of ${regionMix(ctx.org)}`));
                const paid = ctx.org.accounts.reduce((n, a) => n + Math.max(0, volumesOf(ctx.org, a, region).findings - FREE_FINDINGS), 0);
                lines.push(charge("securityHubFinding", paid, region, `findings beyond ${FREE_FINDINGS} per account and region`));
            }
        }
        return lines;
    },
};
