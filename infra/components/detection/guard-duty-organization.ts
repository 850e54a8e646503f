import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny, regionProblems } from "../validate";

/** A GuardDuty protection plan as the organisation configuration names it. */
export interface GuardDutyFeature {
    readonly name: string;
    /** Sub-features (Runtime Monitoring agent management). */
    readonly additional?: readonly string[];
}

/**
 * Every protection plan `OrganizationConfigurationFeature` accepts, except `EKS_RUNTIME_MONITORING`,
 * which `RUNTIME_MONITORING` (EKS, ECS Fargate and EC2 with agent management) supersedes: AWS rejects
 * a configuration that names both.
 */
export const GUARDDUTY_FEATURES: readonly GuardDutyFeature[] = [
    { name: "S3_DATA_EVENTS" },
    { name: "EKS_AUDIT_LOGS" },
    { name: "EBS_MALWARE_PROTECTION" },
    { name: "RDS_LOGIN_EVENTS" },
    { name: "LAMBDA_NETWORK_LOGS" },
    { name: "RUNTIME_MONITORING", additional: ["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"] },
    { name: "AI_PROTECTION" },
];

export interface GuardDutyOrganizationArgs {
    /** Enabled regions: GuardDuty's delegated administration is per region. */
    readonly regions: readonly string[];
    /** How often updated findings are published. */
    readonly findingPublishingFrequency: "FIFTEEN_MINUTES" | "ONE_HOUR" | "SIX_HOURS";
    /**
     * Detectors that already exist in this account (the delegated-admin designation creates one), by
     * region: adopted with `import`; regions not listed get a new detector.
     * @default {}
     */
    readonly adoptDetectorIds?: Readonly<Record<string, string>>;
    /**
     * Protection plans enabled for every account of the organisation and for this account.
     * @default GUARDDUTY_FEATURES
     */
    readonly features?: readonly GuardDutyFeature[];
    /**
     * Feature names (of `features`) to turn off: disabled on this account's detector and not
     * auto-enabled for members. Leaving a feature out of `features` is not the same: a new detector
     * enables every feature but Runtime Monitoring by itself.
     * @default []
     */
    readonly disabledFeatures?: readonly string[];
    /** Where findings are exported: the archive bucket (ARN, optionally with a prefix) and its KMS key. */
    readonly publishing: { readonly destinationArn: pulumi.Input<string>; readonly kmsKeyArn: pulumi.Input<string> };
}

export type ResolvedGuardDutyOrganizationArgs = Required<GuardDutyOrganizationArgs>;

export function resolveGuardDutyOrganizationArgs(name: string, args: GuardDutyOrganizationArgs): ResolvedGuardDutyOrganizationArgs {
    const adoptDetectorIds = args.adoptDetectorIds ?? {};
    const features = args.features ?? GUARDDUTY_FEATURES;
    const problems = regionProblems(args.regions, adoptDetectorIds, "adoptDetectorIds");
    const names = features.map((f) => f.name);
    if (names.includes("EKS_RUNTIME_MONITORING") && names.includes("RUNTIME_MONITORING")) {
        problems.push("features: EKS_RUNTIME_MONITORING and RUNTIME_MONITORING cannot both be configured; keep RUNTIME_MONITORING");
    }
    if (new Set(names).size !== names.length) problems.push(`features: ${names.join(", ")} lists a feature twice`);
    const disabledFeatures = args.disabledFeatures ?? [];
    for (const d of disabledFeatures) if (!names.includes(d)) problems.push(`disabledFeatures: ${d} is not one of the features ${names.join(", ")}`);
    failIfAny("GuardDutyOrganization", name, problems);
    return { ...args, adoptDetectorIds, features, disabledFeatures };
}

/**
 * GuardDuty as delegated administrator in every enabled region: this account's detector with every
 * protection plan (those in `disabledFeatures` explicitly off), the organisation configuration
 * auto-enabling all accounts (existing and new) with the same plans, and findings exported to the
 * archive under KMS.
 */
export class GuardDutyOrganization extends pulumi.ComponentResource {
    /** Detector id by region. */
    public readonly detectorIds: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: GuardDutyOrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:detection:GuardDutyOrganization", name, {}, opts);
        const a = resolveGuardDutyOrganizationArgs(name, args);
        const detectorIds: Record<string, pulumi.Output<string>> = {};
        for (const region of a.regions) {
            const adopt = a.adoptDetectorIds[region];
            const detector = new aws.guardduty.Detector(
                `${name}-${region}-detector`,
                { region, enable: true, findingPublishingFrequency: a.findingPublishingFrequency },
                { parent: this, ...(adopt ? { import: adopt } : {}) },
            );
            const orgConfig = new aws.guardduty.OrganizationConfiguration(
                `${name}-${region}-organization`,
                { region, detectorId: detector.id, autoEnableOrganizationMembers: "ALL" },
                { parent: this },
            );
            for (const f of a.features) {
                const suffix = f.name.toLowerCase().replace(/_/g, "-");
                const on = !a.disabledFeatures.includes(f.name);
                const autoEnable = on ? "ALL" : "NONE";
                const status = on ? "ENABLED" : "DISABLED";
                new aws.guardduty.OrganizationConfigurationFeature(
                    `${name}-${region}-org-${suffix}`,
                    {
                        region,
                        detectorId: detector.id,
                        name: f.name,
                        autoEnable,
                        additionalConfigurations: f.additional?.map((n) => ({ name: n, autoEnable })),
                    },
                    { parent: this, dependsOn: [orgConfig] },
                );
                new aws.guardduty.DetectorFeature(
                    `${name}-${region}-${suffix}`,
                    {
                        region,
                        detectorId: detector.id,
                        name: f.name,
                        status,
                        additionalConfigurations: f.additional?.map((n) => ({ name: n, status })),
                    },
                    { parent: this },
                );
            }
            new aws.guardduty.PublishingDestination(
                `${name}-${region}-export`,
                { region, detectorId: detector.id, destinationType: "S3", destinationArn: a.publishing.destinationArn, kmsKeyArn: a.publishing.kmsKeyArn },
                { parent: this },
            );
            detectorIds[region] = detector.id;
        }
        this.detectorIds = detectorIds;
        this.registerOutputs({ detectorIds });
    }
}
