import { charge, type CostLine } from "../cost-line";
import { accountMix, ofTypes, orgVolume, regionMix } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PricingRule } from "./pricing-rule";

/** Macie per region where the organisation configuration auto-enables members: bucket monitoring and automated discovery. */
export const macie: PricingRule = {
    id: "macie",
    types: ["aws:macie2/organizationConfiguration:OrganizationConfiguration"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        const mix = `${accountMix(ctx.org)}, ${regionMix(ctx.org)}`;
        for (const config of ofTypes(stack, ...this.types).filter((c) => c.inputs.autoEnable === true)) {
            const region = regionOf(config, ctx.org.homeRegion);
            lines.push(charge("macieBucket", orgVolume(ctx.org, "s3Buckets", region), region, `buckets of ${mix}`));
            lines.push(charge("macieObjects", orgVolume(ctx.org, "s3ObjectsMonitored", region), region, `objects in scope of automated discovery, ${mix}`));
            lines.push(charge("macieInspectedGb", orgVolume(ctx.org, "macieInspectedGb", region), region, `GB sampled by automated discovery, ${mix}`));
        }
        return lines;
    },
};
