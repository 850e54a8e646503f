import { charge, type CostLine } from "../cost-line";
import { accountMix, ofTypes, orgVolume, regionMix } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PricingRule } from "./pricing-rule";

/** Detective per region where the organisation configuration auto-enables members: data ingested into the graph. */
export const detective: PricingRule = {
    id: "detective",
    types: ["aws:detective/organizationConfiguration:OrganizationConfiguration"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        for (const config of ofTypes(stack, ...this.types).filter((c) => c.inputs.autoEnable === true)) {
            const region = regionOf(config, ctx.org.homeRegion);
            lines.push(charge("detectiveGb", orgVolume(ctx.org, "detectiveGb", region), region, `GB ingested for ${accountMix(ctx.org)}, ${regionMix(ctx.org)}`));
        }
        return lines;
    },
};
