import type { ProblemList } from "../errors";
import type { OrgModel } from "../model";
import type { ObjectSchema } from "../schema";
import { PRICING_PAGES } from "../pricing-pages";

/** How often AWS Config records a resource type. */
export const RECORDING_FREQUENCIES = ["CONTINUOUS", "DAILY"] as const;
export type RecordingFrequency = (typeof RECORDING_FREQUENCIES)[number];

/** Who owns an account's AWS Config recorders and delivery channels. */
export const CONFIG_OWNERS = ["landing-zone", "control-tower"] as const;
export type ConfigOwner = (typeof CONFIG_OWNERS)[number];

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
        /**
         * `control-tower`: AWS Control Tower owns the recorder and delivery channel of this enrolled
         * account, so the baseline creates none (AWS Config allows one customer-managed recorder per
         * account and region, and Control Tower's controls forbid changing its own).
         */
        readonly owner: ConfigOwner;
        /** Recorders and delivery channels that exist already, adopted with `import` instead of created. */
        readonly adopt: {
            readonly regions: readonly string[];
            readonly recorderName: string;
            readonly deliveryChannelName: string;
        };
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
    readonly response: {
        /** VPCs (by region) that get the quarantine security group the compromised-instance playbook isolates instances in. */
        readonly quarantineVpcs: Readonly<Record<string, readonly string[]>>;
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
                owner: {
                    kind: "string",
                    enum: CONFIG_OWNERS,
                    default: "landing-zone",
                    doc: "Who owns the account's Config recorders and delivery channels: landing-zone, or control-tower for an account enrolled in AWS Control Tower, whose recorder and channel are kept and none created (one recorder per account and region).",
                },
                adopt: {
                    kind: "object",
                    default: {},
                    doc: "Recorders and delivery channels the account already has (one per region is all AWS Config allows), adopted with import and then set to the landing zone's settings.",
                    fields: {
                        regions: {
                            kind: "array",
                            items: { kind: "string", pattern: /^[a-z]{2}(-[a-z]+)+-\d$/, describe: "an AWS region name" },
                            default: [],
                            doc: "Enabled regions whose existing recorder and delivery channel are adopted (aws configservice describe-configuration-recorders --region <r>); recorders are created in the others.",
                        },
                        recorderName: {
                            kind: "string",
                            pattern: /^[\w.-]{1,256}$/,
                            describe: "a Config recorder name",
                            default: "default",
                            doc: "Name of the existing recorders (kept: renaming a recorder replaces it).",
                        },
                        deliveryChannelName: {
                            kind: "string",
                            pattern: /^[\w.-]{1,256}$/,
                            describe: "a Config delivery channel name",
                            default: "default",
                            doc: "Name of the existing delivery channels (kept; they then deliver to the archive).",
                        },
                    },
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
        response: {
            kind: "object",
            default: {},
            doc: "What the automated response playbooks (docs/response.md) need in this account.",
            fields: {
                quarantineVpcs: {
                    kind: "map",
                    keys: { kind: "string", pattern: /^[a-z]{2}(-[a-z]+)+-\d$/, describe: "an AWS region name" },
                    values: { kind: "array", items: { kind: "string", pattern: /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/, describe: "a VPC id like vpc-0123456789abcdef0" } },
                    default: {},
                    doc: "VPC ids by enabled region (aws ec2 describe-vpcs --region <r>) that get a quarantine security group: no inbound, no outbound rule. The compromised-instance playbook moves an instance there; an instance in a VPC not listed is reported, not isolated.",
                },
            },
        },
    },
};

/** Checks of the member settings that need the organisation: adopted regions enabled, Control Tower ownership exclusive. */
export function validateMemberSettings(s: MemberSettings, org: OrgModel, file: string, path: string, problems: ProblemList): void {
    const at = `${path}.config`;
    for (const [region, vpcs] of Object.entries(s.response.quarantineVpcs)) {
        if (!org.regions.includes(region)) problems.add(file, `${path}.response.quarantineVpcs.${region}`, `"${region}" is not among the enabled regions (${org.regions.join(", ")}) of ${org.file}`);
        vpcs.forEach((vpc, i) => {
            if (vpcs.indexOf(vpc) !== i) problems.add(file, `${path}.response.quarantineVpcs.${region}[${i}]`, `"${vpc}" is listed more than once`);
        });
    }
    s.config.adopt.regions.forEach((r, i) => {
        if (!org.regions.includes(r)) problems.add(file, `${at}.adopt.regions[${i}]`, `"${r}" is not among the enabled regions (${org.regions.join(", ")}) of ${org.file}`);
    });
    if (s.config.owner !== "control-tower") return;
    const owned = "Control Tower owns this account's recorders (config.owner: control-tower)";
    if (s.config.adopt.regions.length > 0) problems.add(file, `${at}.adopt.regions`, `${owned}, so there is nothing to adopt; remove the key or set owner: landing-zone`);
    if (s.config.adoptServiceLinkedRole) problems.add(file, `${at}.adoptServiceLinkedRole`, `${owned}, so the baseline creates no Config role to adopt; remove the key`);
    for (const key of ["dailyResourceTypes", "excludedResourceTypes"] as const) {
        if (s.config[key].length > 0) problems.add(file, `${at}.${key}`, `${owned}: the recording settings are Control Tower's; remove the key`);
    }
    if (s.config.recordingFrequency !== "CONTINUOUS") problems.add(file, `${at}.recordingFrequency`, `${owned}: the recording settings are Control Tower's; remove the key`);
}
