import type { ObjectSchema, Schema } from "../schema";
import { securityEventsSettingsSchema, type SecurityEventsSettings } from "./security-events";

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

const enabled = (doc: string): Schema => ({ kind: "boolean", default: true, doc });
const regionKey = { kind: "string", pattern: /^[a-z]{2}(-[a-z]+)+-\d$/, describe: "a region name such as us-east-1" } as const;

export const securitySettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    fields: {
        orgRules: { kind: "boolean", default: true },
        events: securityEventsSettingsSchema,
        trail: {
            kind: "object",
            default: {},
            fields: {
                dataEvents: { kind: "boolean", default: true, doc: "S3 object-level and Lambda invoke data events on the organisation trail (the log archive's own buckets are always excluded)." },
                insights: { kind: "boolean", default: true, doc: "CloudTrail Insights for API call rate and API error rate anomalies." },
            },
        },
        findingFrequency: { kind: "string", enum: FINDING_FREQUENCIES, default: "FIFTEEN_MINUTES", doc: "How often GuardDuty and Macie publish updates of existing findings." },
        guardDuty: {
            kind: "object",
            default: {},
            fields: {
                enabled: enabled("GuardDuty organisation configuration in every enabled region."),
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
                enabled: enabled("Security Hub central configuration."),
                standards: {
                    kind: "array",
                    minItems: 1,
                    items: { kind: "string", enum: SECURITY_HUB_STANDARDS },
                    default: ["aws-foundational-security-best-practices/v/1.0.0", "cis-aws-foundations-benchmark/v/3.0.0"],
                    doc: "Standards the organisation configuration policy enables in every account and region.",
                },
            },
        },
        inspector: { kind: "object", default: {}, fields: { enabled: enabled("Inspector v2 organisation auto-enable in every enabled region.") } },
        macie: { kind: "object", default: {}, fields: { enabled: enabled("Macie organisation auto-enable in every enabled region.") } },
        detective: {
            kind: "object",
            default: {},
            fields: {
                enabled: enabled("Detective organisation behavior graph in every enabled region."),
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
                unusedAccess: { kind: "boolean", default: false, doc: "Organisation unused-access analyzer in the home region (charged per IAM role and user)." },
            },
        },
    },
};
