import { charge, type CostLine } from "../cost-line";
import { accountMix, ofTypes, orgVolume, volumesOf } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PricingRule } from "./pricing-rule";

/** IAM Access Analyzer: external-access analyzers are free; unused-access analyzers charge per IAM role and user analysed. */
export const accessAnalyzer: PricingRule = {
    id: "access-analyzer",
    types: ["aws:accessanalyzer/analyzer:Analyzer"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        for (const a of ofTypes(stack, ...this.types)) {
            const type = String(a.inputs.type);
            if (type === "ORGANIZATION_UNUSED_ACCESS") {
                lines.push(charge("accessAnalyzerUnused", orgVolume(ctx.org, "iamPrincipals"), regionOf(a, ctx.org.homeRegion), `IAM roles and users of ${accountMix(ctx.org)}`));
            } else if (type === "ACCOUNT_UNUSED_ACCESS") {
                lines.push(charge("accessAnalyzerUnused", volumesOf(ctx.org, stack.account).iamPrincipals, regionOf(a, ctx.org.homeRegion), `IAM roles and users of ${stack.account.name}`));
            }
        }
        return lines;
    },
};
