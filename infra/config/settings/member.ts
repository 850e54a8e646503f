import type { ObjectSchema } from "../schema";
import { PRICING_PAGES } from "../pricing-pages";

/** How often AWS Config records a resource type. */
export const RECORDING_FREQUENCIES = ["CONTINUOUS", "DAILY"] as const;
export type RecordingFrequency = (typeof RECORDING_FREQUENCIES)[number];

/** Settings of the `member` role (`lz:member` in its stack file). Defaults record everything. */
export interface MemberSettings {
    readonly config: {
        /** Recording frequency of every resource type not listed in `dailyResourceTypes`. */
        readonly recordingFrequency: RecordingFrequency;
        /** Resource types recorded once a day instead of on every change (cost control for high-churn types). */
        readonly dailyResourceTypes: readonly string[];
        /** Resource types not recorded at all (switches the recorder to the exclusion strategy). */
        readonly excludedResourceTypes: readonly string[];
        /** The account already has `AWSServiceRoleForConfig`: adopt it with `import` instead of creating it. */
        readonly adoptServiceLinkedRole: boolean;
    };
    readonly breakGlassRole: {
        /** The account already has the break-glass role: adopt it with `import` (its trust and policies are then replaced). */
        readonly adopt: boolean;
    };
    readonly logSubscription: {
        /** Account-level subscription-filter policy sending log groups to the central destination. */
        readonly enabled: boolean;
        /** More log groups (exact names) kept out of the account-level subscription. */
        readonly excludedLogGroups: readonly string[];
    };
}

const resourceType = { kind: "string", pattern: /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/, describe: "an AWS Config resource type such as AWS::EC2::NetworkInterface" } as const;

export const memberSettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    fields: {
        config: {
            kind: "object",
            default: {},
            fields: {
                recordingFrequency: {
                    kind: "string",
                    enum: RECORDING_FREQUENCIES,
                    default: "CONTINUOUS",
                    doc: "AWS Config recording frequency of every resource type not listed in dailyResourceTypes.",
                    cost: { unit: "per configuration item recorded (DAILY records at most one item per resource a day, at a higher price per item)", pricing: PRICING_PAGES.config },
                },
                dailyResourceTypes: {
                    kind: "array",
                    items: resourceType,
                    default: [],
                    doc: "Resource types AWS Config records daily instead of continuously (cost control for high-churn types).",
                },
                excludedResourceTypes: {
                    kind: "array",
                    items: resourceType,
                    default: [],
                    doc: "Resource types AWS Config does not record at all; global IAM types stay recorded in the home region only.",
                },
                adoptServiceLinkedRole: {
                    kind: "boolean",
                    default: false,
                    doc: "Adopt an existing AWSServiceRoleForConfig with import instead of creating it.",
                },
            },
        },
        breakGlassRole: {
            kind: "object",
            default: {},
            doc: "The break-glass role the baseline creates in the account (who may assume it is set in the org file's breakGlass).",
            fields: {
                adopt: {
                    kind: "boolean",
                    default: false,
                    doc: "Adopt an existing role named like roles.breakGlass with import (its trust and policies are replaced by the landing zone's) instead of creating it.",
                },
            },
        },
        logSubscription: {
            kind: "object",
            default: {},
            fields: {
                enabled: {
                    kind: "boolean",
                    default: true,
                    doc: "Account-level CloudWatch Logs subscription-filter policy to the central log destination in every enabled region.",
                    cost: { unit: "per GB of log data streamed through the central Firehose streams (then stored in the archive)", pricing: PRICING_PAGES.firehose },
                },
                excludedLogGroups: {
                    kind: "array",
                    items: { kind: "string", pattern: /^[\w\-./#]{1,512}$/, describe: "a CloudWatch Logs log group name" },
                    default: [],
                    doc: "More log groups (exact names) left out of the account-level subscription.",
                },
            },
        },
    },
};
