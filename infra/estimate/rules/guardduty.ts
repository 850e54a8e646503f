import type { VolumeKey } from "../../config/settings/estimate";
import { charge, type CostLine } from "../cost-line";
import { accountMix, ofTypes, orgVolume, regionMix } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PriceId } from "../prices";
import type { PricingRule } from "./pricing-rule";

/** GuardDuty feature (API name) → what it analyses and the volume that measures it. */
const FEATURES: Readonly<Record<string, { price: PriceId; volume: VolumeKey; per?: number }>> = {
    S3_DATA_EVENTS: { price: "guardDutyS3DataEvents", volume: "s3DataEvents" },
    EKS_AUDIT_LOGS: { price: "guardDutyEksAudit", volume: "eksAuditEvents" },
    EBS_MALWARE_PROTECTION: { price: "guardDutyEbsScanGb", volume: "ebsScannedGb" },
    RDS_LOGIN_EVENTS: { price: "guardDutyRdsVcpu", volume: "rdsVcpus" },
    LAMBDA_NETWORK_LOGS: { price: "guardDutyLambdaGb", volume: "lambdaNetworkGb" },
    RUNTIME_MONITORING: { price: "guardDutyRuntimeVcpu", volume: "ec2Vcpus" },
    AI_PROTECTION: { price: "guardDutyAiEvents", volume: "aiEvents" },
};

const enabled = (autoEnable: unknown) => autoEnable === "ALL" || autoEnable === "NEW";

/**
 * GuardDuty in every account of the organisation, per region whose organisation configuration
 * auto-enables members: foundational detection (management events, flow and DNS logs) and each
 * protection plan whose organisation feature is auto-enabled. The delegated admin's own detector is
 * one of those accounts.
 */
export const guardDuty: PricingRule = {
    id: "guardduty",
    types: ["aws:guardduty/organizationConfiguration:OrganizationConfiguration", "aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        const mix = `${accountMix(ctx.org)}, ${regionMix(ctx.org)}`;
        const features = ofTypes(stack, "aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature");
        for (const config of ofTypes(stack, "aws:guardduty/organizationConfiguration:OrganizationConfiguration")) {
            if (!enabled(config.inputs.autoEnableOrganizationMembers)) continue;
            const region = regionOf(config, ctx.org.homeRegion);
            lines.push(charge("guardDutyManagementEvents", orgVolume(ctx.org, "managementEvents", region), region, `management events of ${mix}`));
            lines.push(charge("guardDutyFlowDnsGb", orgVolume(ctx.org, "flowAndDnsLogGb", region), region, `flow and DNS logs of ${mix}`));
            for (const f of features.filter((x) => regionOf(x, ctx.org.homeRegion) === region && enabled(x.inputs.autoEnable))) {
                const spec = FEATURES[String(f.inputs.name)];
                if (spec === undefined) throw new Error(`GuardDuty feature ${String(f.inputs.name)} has no price in infra/estimate/rules/guardduty.ts: add it`);
                lines.push(charge(spec.price, orgVolume(ctx.org, spec.volume, region), region, `${spec.volume} of ${mix} (feature ${String(f.inputs.name)} auto-enabled)`));
            }
        }
        return lines;
    },
};
