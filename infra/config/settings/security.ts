import { defaultFor, type ObjectSchema, type Schema } from "../schema";
import type { Cost, Profile } from "../profiles";
import type { ProblemList } from "../errors";
import type { OrgModel } from "../model";
import { PRICING_PAGES } from "../pricing-pages";
import { securityEventsSettingsSchema, type SecurityEventsSettings } from "./security-events";
import { integritySettingsSchema, type IntegritySettings } from "./integrity";

/** Security Hub standards the configuration policy can enable (the part of the ARN after `standards/`). */
export const SECURITY_HUB_STANDARDS = [
    "aws-foundational-security-best-practices/v/1.0.0",
    "cis-aws-foundations-benchmark/v/3.0.0",
    "pci-dss/v/4.0.1",
    "nist-800-53/v/5.0.0",
] as const;
export type SecurityHubStandard = (typeof SECURITY_HUB_STANDARDS)[number];

/** How often GuardDuty and Macie publish updates of existing findings. */
export const FINDING_FREQUENCIES = ["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"] as const;
export type FindingFrequency = (typeof FINDING_FREQUENCIES)[number];

/** Settings of the `security` role (`lz:security` in its stack file). */
export interface SecuritySettings {
    /**
     * Organisation Config rules and conformance packs. Off for the very first rollout (they fail
     * until every account has a recorder), on in the steady state.
     */
    readonly orgRules: boolean;
    /** Central event bus, routing and alerting. */
    readonly events: SecurityEventsSettings;
    /** The scheduled CloudTrail log integrity validation. */
    readonly integrity: IntegritySettings;
    /** Organisation trail options. */
    readonly trail: {
        /** S3 object-level and Lambda invoke data events (archive and staging buckets excluded). */
        readonly dataEvents: boolean;
        /** CloudTrail Insights on API call rate and API error rate. */
        readonly insights: boolean;
    };
    /** GuardDuty and Macie finding update frequency. */
    readonly findingFrequency: FindingFrequency;
    readonly guardDuty: {
        readonly enabled: boolean;
        /** Protection plans on top of foundational detection, by switch name (see GUARDDUTY_PROTECTION_PLANS). */
        readonly protections: Readonly<Record<GuardDutyProtection, boolean>>;
        /**
         * Detector ids that designating the delegated admin created in this account, by region: adopted
         * with `import` instead of created (creating a second detector fails).
         */
        readonly detectorIds: Readonly<Record<string, string>>;
    };
    readonly securityHub: {
        readonly enabled: boolean;
        /** Standards the organisation configuration policy enables. */
        readonly standards: readonly SecurityHubStandard[];
    };
    readonly inspector: { readonly enabled: boolean };
    readonly macie: { readonly enabled: boolean };
    readonly detective: {
        readonly enabled: boolean;
        /** Behavior graph ARNs the delegated-admin designation created, by region: adopted with `import`. */
        readonly graphArns: Readonly<Record<string, string>>;
    };
    readonly accessAnalyzer: {
        readonly enabled: boolean;
        /** The paid organisation unused-access analyzer (home region). */
        readonly unusedAccess: boolean;
    };
}

const enabled = (doc: string, cost?: Cost, essential?: false): Schema => ({ kind: "boolean", default: true, doc, cost, ...(essential === false ? { profiles: { essential: false } } : {}) });

/**
 * GuardDuty protection plans, each a switch under `guardDuty.protections`: settings key → the
 * feature name GuardDuty's API uses, with what the plan costs. A new detector turns every plan but
 * Runtime Monitoring on unless told otherwise, so a switch that is off disables its plan explicitly.
 */
export const GUARDDUTY_PROTECTION_PLANS = {
    s3DataEvents: { feature: "S3_DATA_EVENTS", title: "S3 Protection (CloudTrail S3 data events)", unit: "per million S3 data events analysed" },
    eksAuditLogs: { feature: "EKS_AUDIT_LOGS", title: "EKS Protection (EKS audit logs)", unit: "per million EKS audit log events analysed" },
    ebsMalwareProtection: { feature: "EBS_MALWARE_PROTECTION", title: "Malware Protection for EC2 (scans of EBS volumes)", unit: "per GB of EBS volume data scanned" },
    rdsLoginEvents: { feature: "RDS_LOGIN_EVENTS", title: "RDS Protection (login activity)", unit: "per vCPU (Aurora Serverless v2: per ACU) of the monitored databases, per month" },
    lambdaNetworkLogs: { feature: "LAMBDA_NETWORK_LOGS", title: "Lambda Protection (function network activity)", unit: "per GB of Lambda network activity logs analysed" },
    runtimeMonitoring: { feature: "RUNTIME_MONITORING", title: "Runtime Monitoring (EC2, EKS, ECS Fargate agents)", unit: "per vCPU-hour monitored" },
    aiProtection: { feature: "AI_PROTECTION", title: "AI Protection (Amazon Bedrock and SageMaker AI activity)", unit: "per Amazon Bedrock / SageMaker AI event analysed" },
} as const;
export type GuardDutyProtection = keyof typeof GUARDDUTY_PROTECTION_PLANS;

// Pricing pages, cited by the configuration reference and the cost estimate.
const PRICING = PRICING_PAGES;
const regionKey = { kind: "string", pattern: /^[a-z]{2}(-[a-z]+)+-\d$/, describe: "a region name such as us-east-1" } as const;

export const securitySettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    fields: {
        orgRules: {
            kind: "boolean",
            default: true,
            doc: "Organisation Config rules and the logging conformance pack; off only for the very first rollout, until every account has a recorder.",
            cost: { unit: "per Config rule evaluation, per account and region", pricing: PRICING.config },
        },
        events: securityEventsSettingsSchema,
        integrity: integritySettingsSchema,
        trail: {
            kind: "object",
            default: {},
            fields: {
                dataEvents: enabled(
                    "S3 object-level and Lambda invoke data events on the organisation trail (the log archive's own buckets are always excluded).",
                    { unit: "per 100,000 data events delivered (every S3 object read and write, every Lambda invoke, in every account)", pricing: PRICING.cloudtrail },
                    false,
                ),
                insights: enabled(
                    "CloudTrail Insights for API call rate and API error rate anomalies.",
                    { unit: "per 100,000 management events analysed, per Insights type", pricing: PRICING.cloudtrail },
                    false,
                ),
            },
        },
        findingFrequency: { kind: "string", enum: FINDING_FREQUENCIES, default: "FIFTEEN_MINUTES", doc: "How often GuardDuty and Macie publish updates of existing findings." },
        guardDuty: {
            kind: "object",
            default: {},
            fields: {
                enabled: enabled("GuardDuty organisation configuration in every enabled region (foundational threat detection).", {
                    unit: "per million CloudTrail management events and per GB of VPC flow and DNS logs analysed, per account and region",
                    pricing: PRICING.guardduty,
                }),
                protections: {
                    kind: "object",
                    default: {},
                    doc: "GuardDuty protection plans, each on or off in every account and region (a plan that is off is disabled explicitly: a new detector turns most plans on by itself).",
                    fields: Object.fromEntries(
                        Object.entries(GUARDDUTY_PROTECTION_PLANS).map(([key, p]) => [key, enabled(`${p.title}.`, { unit: p.unit, pricing: PRICING.guardduty }, false)]),
                    ),
                },
                detectorIds: {
                    kind: "map",
                    default: {},
                    keys: regionKey,
                    values: { kind: "string", pattern: /^[0-9a-f]{32}$/, describe: "a 32-character GuardDuty detector id" },
                    doc: "Region → id of the detector the delegated-admin designation created in the security account, adopted instead of created.",
                },
            },
        },
        securityHub: {
            kind: "object",
            default: {},
            fields: {
                enabled: enabled("Security Hub central configuration.", { unit: "per security check and per finding ingested, per account and region", pricing: PRICING.securityhub }),
                standards: {
                    kind: "array",
                    minItems: 1,
                    items: { kind: "string", enum: SECURITY_HUB_STANDARDS },
                    default: ["aws-foundational-security-best-practices/v/1.0.0", "cis-aws-foundations-benchmark/v/3.0.0"],
                    doc: "Standards the organisation configuration policy enables in every account and region.",
                },
            },
        },
        inspector: {
            kind: "object",
            default: {},
            fields: {
                enabled: enabled(
                    "Inspector v2 organisation auto-enable in every enabled region.",
                    { unit: "per EC2 instance and per Lambda function scanned per month, per container image scanned", pricing: PRICING.inspector },
                    false,
                ),
            },
        },
        macie: {
            kind: "object",
            default: {},
            fields: {
                enabled: enabled(
                    "Macie organisation auto-enable in every enabled region.",
                    { unit: "per S3 bucket monitored per month, and per object monitored and GB inspected by automated sensitive data discovery", pricing: PRICING.macie },
                    false,
                ),
            },
        },
        detective: {
            kind: "object",
            default: {},
            fields: {
                enabled: enabled("Detective organisation behavior graph in every enabled region.", { unit: "per GB of data ingested into the behavior graph", pricing: PRICING.detective }, false),
                graphArns: {
                    kind: "map",
                    default: {},
                    keys: regionKey,
                    values: { kind: "string", pattern: /^arn:[a-z-]+:detective:[a-z0-9-]+:\d{12}:graph:[0-9a-f]{32}$/, describe: "a Detective behavior graph ARN" },
                    doc: "Region → ARN of the behavior graph the delegated-admin designation created, adopted instead of created.",
                },
            },
        },
        accessAnalyzer: {
            kind: "object",
            default: {},
            fields: {
                enabled: enabled("IAM Access Analyzer organisation external-access analyzer in every enabled region."),
                unusedAccess: {
                    kind: "boolean",
                    default: false,
                    doc: "Organisation unused-access analyzer in the home region.",
                    cost: { unit: "per IAM role and user analysed, per month", pricing: PRICING.accessAnalyzer },
                },
            },
        },
    },
};

/** The regional detection services a profile can leave out, with the name their admin registration uses. */
export const PROFILED_SERVICES = { inspector: "Inspector", macie: "Macie", detective: "Detective" } as const;
export type ProfiledService = keyof typeof PROFILED_SERVICES;

/**
 * The services of PROFILED_SERVICES whose delegated administrator the management stack designates
 * under `profile`: those the profile leaves on. Designating one switches it on in the security
 * account (Macie, a Detective graph), so a profile that turns a service off skips its designation too.
 */
export function designatedServices(profile: Profile): ProfiledService[] {
    return (Object.keys(PROFILED_SERVICES) as ProfiledService[]).filter((s) => {
        const service = securitySettingsSchema.fields[s] as ObjectSchema;
        return defaultFor(service.fields.enabled, profile) === true;
    });
}

/** A service the profile leaves undesignated cannot be switched on in the security stack alone. */
export function validateSecuritySettings(s: SecuritySettings, org: OrgModel, file: string, path: string, problems: ProblemList): void {
    const designated = designatedServices(org.profile);
    for (const service of Object.keys(PROFILED_SERVICES) as ProfiledService[]) {
        if (s[service].enabled && !designated.includes(service)) {
            problems.add(
                file,
                `${path}.${service}.enabled`,
                `is true, but under profile ${org.profile} (${org.file}) the management stack designates no ${PROFILED_SERVICES[service]} delegated administrator; remove the key or set profile: full`,
            );
        }
    }
}

/** GuardDuty feature names (API) of the protection plans switched off. */
export function disabledGuardDutyFeatures(protections: Readonly<Record<GuardDutyProtection, boolean>>): string[] {
    return (Object.keys(GUARDDUTY_PROTECTION_PLANS) as GuardDutyProtection[]).filter((k) => protections[k] === false).map((k) => GUARDDUTY_PROTECTION_PLANS[k].feature);
}
