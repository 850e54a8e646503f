import { charge, type CostLine } from "../cost-line";
import { accountMix, ofTypes, orgVolume, regionMix } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PricingRule } from "./pricing-rule";

/** Inspector scanning per region where the organisation configuration auto-enables each scan type. */
export const inspector: PricingRule = {
    id: "inspector",
    types: ["aws:inspector2/organizationConfiguration:OrganizationConfiguration"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        const mix = `${accountMix(ctx.org)}, ${regionMix(ctx.org)}`;
        for (const config of ofTypes(stack, ...this.types)) {
            const region = regionOf(config, ctx.org.homeRegion);
            const on = (config.inputs.autoEnable ?? {}) as { ec2?: boolean; ecr?: boolean; lambda?: boolean; lambdaCode?: boolean };
            if (on.ec2) lines.push(charge("inspectorEc2", orgVolume(ctx.org, "ec2Instances", region), region, `EC2 instances of ${mix}`));
            if (on.ecr) lines.push(charge("inspectorEcrImage", orgVolume(ctx.org, "containerImages", region), region, `images pushed by ${mix}`));
            if (on.lambda) lines.push(charge("inspectorLambda", orgVolume(ctx.org, "lambdaFunctions", region), region, `Lambda functions of ${mix}`));
            if (on.lambdaCode) lines.push(charge("inspectorLambdaCode", orgVolume(ctx.org, "lambdaFunctions", region), region, `Lambda functions of ${mix}`));
        }
        return lines;
    },
};
