import { charge, type CostLine } from "../cost-line";
import { accountMix, ofTypes, orgVolume, regionMix, volumesOf } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PricingRule } from "./pricing-rule";

/**
 * Security events forwarded from a default bus to the central bus (another account's, or another
 * region's): each finding reaches the central bus once from the region it happened in. A member
 * forwards its own findings; the security account, as delegated administrator, receives every
 * account's GuardDuty, Inspector, Macie and Access Analyzer findings on its default buses and
 * forwards those.
 */
export const eventForwarding: PricingRule = {
    id: "event-forwarding",
    types: ["aws:cloudwatch/eventTarget:EventTarget"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        const toBus = ofTypes(stack, ...this.types).filter((t) => /:events:[^:]+:\d{12}:event-bus\//.test(String(t.inputs.arn)) && (t.inputs.eventBusName ?? "default") === "default");
        const regions = [...new Set(toBus.map((t) => regionOf(t, ctx.org.homeRegion)))];
        const whose = stack.role === "security" ? `of ${accountMix(ctx.org)} (delegated administrator)` : `of ${stack.account.name}`;
        for (const region of regions) {
            const findings = stack.role === "security" ? orgVolume(ctx.org, "findings", region) : volumesOf(ctx.org, stack.account, region).findings;
            lines.push(charge("eventsCrossAccount", findings, region, `findings ${whose}, ${regionMix(ctx.org)}, each forwarded once`));
        }
        return lines;
    },
};
