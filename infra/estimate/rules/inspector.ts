import { charge, type CostLine } from "../cost-line";
import { accountMix, ofTypes, orgVolume } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PricingRule } from "./pricing-rule";

/** Inspector scanning per region where the organisation configuration auto-enables each scan type. */
export const inspector: PricingRule = {
    id: "inspector",
    types: ["aws:inspector2/organizationConfiguration:OrganizationConfiguration"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        const mix = accountMix(ctx.org);
        for (const config of ofTypes(stack, ...this.types)) {
            const region = regionOf(config, ctx.org.homeRegion);
            const on = (config.inputs.autoEnable ?? {}) as { ec2?: boolean; ecr?: boolean; lambda?: boolean; lambdaCode?: boolean };
            if (on.ec2) lines.push(charge("inspectorEc2", orgVolume(ctx.org, "ec2Instances"), region, `EC2 instances of ${mix} in each region`));
            if (on.ecr) lines.push(charge("inspectorEcrImage", orgVolume(ctx.org, "containerImages"), region, `images pushed by ${mix} in each region`));
            if (on.lambda) lines.push(charge("inspectorLambda", orgVolume(ctx.org, "lambdaFunctions"), region, `Lambda functions of ${mix} in each region`));
            if (on.lambdaCode) lines.push(charge("inspectorLambdaCode", orgVolume(ctx.org, "lambdaFunctions"), region, `Lambda functions of ${mix} in each region`));
        }
        return lines;
    },
};
