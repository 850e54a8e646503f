/**
 * The security events every account forwards from its default bus to the central bus, as ONE table:
 * adding an event class is a row here, not a copy of a rule. Patterns never filter on `account`
 * (the rule runs in the account whose events it forwards; the central routing tells accounts apart).
 * Rows are mutually exclusive: an event matches at most one rule of a region, or the central bus would
 * receive it (and page) twice — root activity belongs to `root-activity` alone (`NOT_ROOT_ACTIVITY`).
 *
 * Not forwarded on purpose: GuardDuty, Security Hub, Inspector, Macie and IAM Access Analyzer
 * findings. Their delegated administrator (the security account) already aggregates every member's
 * findings and the security stack forwards its own default-bus findings, so forwarding them here
 * would deliver each finding twice. Calls that change those services are forwarded, though: the
 * tampering rows send every call the guardrails deny (`iam/tamper-events.ts`), allowed or not.
 *
 * `FORWARDING_RULES` are the same in every account; `landingZoneForwardingRules` adds the rows that
 * name the landing zone's own resources (its prefix, the break-glass role, the archive) and the rows
 * only the security or log-archive account needs.
 */
import type { AccountKind } from "../../config/model";
import { healthAlarmPrefix } from "../../config/health";
import {
    ALERT_RESOURCE_TAMPER_EVENTS,
    BUS_TAMPER_EVENT_NAMES,
    DETECTION_TAMPER_CLASSES,
    flatten,
    LOG_GROUP_BLINDING_EVENT_NAMES,
    S3_BUCKET_TAMPER_EVENTS,
    SECURITY_TOOLING_TAMPER_EVENTS,
    type TamperEvents,
} from "../../iam/tamper-events";
import { functionTamperingDetail } from "../../iam/function-tamper-events";

/**
 * Where a rule runs. Events of global services (IAM, Organizations, Trusted Advisor, global sign-in,
 * global Health events) are delivered only in the partition's global-events region (us-east-1 in
 * `aws`), whether or not that region is one of the enabled regions.
 * - `enabled`: every enabled region;
 * - `enabled+global`: every enabled region and the global-events region;
 * - `global`: the global-events region only;
 * - `home`: the home region only (the archive's object events).
 */
export type ForwardingScope = "enabled" | "enabled+global" | "global" | "home";

export interface ForwardingRule {
    /** Stable id: part of the rule's physical name and of resource names. */
    readonly id: string;
    /** Why the events matter, shown as the rule description. */
    readonly description: string;
    readonly scope: ForwardingScope;
    /** EventBridge event pattern. */
    readonly pattern: Readonly<Record<string, unknown>>;
    /**
     * The rule also receives read-only management events (rule state
     * `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS`): `sts:AssumeRole` is recorded `readOnly`, and a
     * rule in the default `ENABLED` state never sees such events (EventBridge User Guide, "Receiving
     * read-only management events from AWS services").
     * @default false
     */
    readonly allManagementEvents?: boolean;
    /**
     * Regions the rule runs in besides those of its scope (`consoleSignInRegions`).
     * @default []
     */
    readonly alsoIn?: readonly string[];
}

const API_CALL = "AWS API Call via CloudTrail";

/**
 * What `root-activity` forwards (the CIS root-usage filter): a call with the root user's credentials,
 * not made by a service on its behalf, that is not an AWS service event. Shared by that row and by
 * its complement below, so the two cannot drift apart.
 */
const ROOT_ACTIVITY_DETAIL = {
    userIdentity: { type: ["Root"], invokedBy: [{ exists: false }] },
    eventType: [{ "anything-but": "AwsServiceEvent" }],
} as const;

/**
 * The exact complement of `ROOT_ACTIVITY_DETAIL` within API calls, one alternative per way a call
 * is not root activity: another identity type, no identity type at all, made by a service on the
 * root user's behalf (`invokedBy`, e.g. CloudFormation), or an AWS service event. The API-change rows
 * carry it so that a root user's IAM, CloudTrail, Config, KMS, Organizations or logging change is
 * forwarded once, by `root-activity`, instead of twice (the central bus would page twice); a change a
 * service makes with the root identity is not root activity and is still forwarded by its service's row.
 */
export const NOT_ROOT_ACTIVITY: readonly Record<string, unknown>[] = [
    { userIdentity: { type: [{ "anything-but": "Root" }] } },
    { userIdentity: { type: [{ exists: false }] } },
    { userIdentity: { invokedBy: [{ exists: true }] } },
    { eventType: ["AwsServiceEvent"] },
];

/** A CloudTrail `detail` pattern restricted to calls `root-activity` does not forward. */
function notRootActivity(detail: Record<string, unknown>): Record<string, unknown> {
    return { ...detail, $or: NOT_ROOT_ACTIVITY.map((alt) => ({ ...alt })) };
}

/**
 * Changes made through one service's API: CloudTrail marks every read API `readOnly: true`, so
 * `readOnly: [false]` keeps the writes, new APIs included; `ignored` names writes that are plumbing
 * or reports rather than changes. Root activity is left to `root-activity` (see `NOT_ROOT_ACTIVITY`).
 */
function apiCalls(source: string, eventSource: string, ignored: readonly string[]): Record<string, unknown> {
    return {
        source: [source],
        "detail-type": [API_CALL],
        detail: notRootActivity({
            eventSource: [eventSource],
            readOnly: [false],
            ...(ignored.length > 0 ? { eventName: [{ "anything-but": [...ignored] }] } : {}),
        }),
    };
}

/**
 * AWS Config's delivery status events of a failed delivery: Config sends them directly to EventBridge
 * (EventBridge events reference, "AWS Config events"), with the SNS notification's `messageType`
 * (AWS Config Developer Guide, "Notifications that AWS Config sends to an Amazon SNS topic":
 * `ConfigurationSnapshotDeliveryFailed`; a history delivery failure ends in `Failed` the same way).
 */
export const CONFIG_DELIVERY_FAILED_PATTERN: Readonly<Record<string, unknown>> = {
    source: ["aws.config"],
    "detail-type": ["Config Configuration Snapshot Delivery Status", "Config Configuration History Delivery Status"],
    detail: { messageType: [{ suffix: "Failed" }] },
};

export const FORWARDING_RULES: readonly ForwardingRule[] = [
    {
        id: "console-sign-in",
        description: "Failed console sign-ins and every root sign-in event (CIS 1.7, 4.6)",
        scope: "enabled+global",
        pattern: {
            source: ["aws.signin"],
            "detail-type": ["AWS Console Sign In via CloudTrail"],
            detail: {
                $or: [{ responseElements: { ConsoleLogin: ["Failure"] } }, { userIdentity: { type: ["Root"] } }],
            },
        },
    },
    {
        id: "root-activity",
        description: "API calls made with the root user's credentials (CIS 1.7)",
        scope: "enabled+global",
        pattern: {
            // Only AWS's own events: a custom event shaped like a root call (any source an administrator
            // may PutEvents on the default bus) would be refused by the central bus and land in the
            // dead-letter queue, holding its alarm in ALARM so that real failures never page.
            source: [{ prefix: "aws." }],
            "detail-type": [API_CALL],
            detail: ROOT_ACTIVITY_DETAIL,
        },
    },
    {
        id: "iam-changes",
        description: "Changes to IAM users, roles, groups, policies and credentials (CIS 4.4)",
        scope: "global",
        pattern: apiCalls("aws.iam", "iam.amazonaws.com", ["GenerateCredentialReport", "GenerateServiceLastAccessedDetails", "GenerateOrganizationsAccessReport"]),
    },
    {
        id: "organizations-changes",
        description: "Changes to the organisation: accounts, OUs, policies, delegated administrators (CIS 4.15)",
        scope: "global",
        pattern: apiCalls("aws.organizations", "organizations.amazonaws.com", []),
    },
    {
        id: "cloudtrail-changes",
        description: "Changes to trails and event data stores, e.g. StopLogging (CIS 4.5)",
        scope: "enabled",
        pattern: apiCalls("aws.cloudtrail", "cloudtrail.amazonaws.com", ["StartQuery", "CancelQuery"]),
    },
    {
        id: "config-changes",
        description: "Changes to AWS Config recorders, delivery channels, rules and aggregators (CIS 4.9)",
        scope: "enabled",
        // PutEvaluations is how rules report results: a write, but noise rather than a change.
        pattern: apiCalls("aws.config", "config.amazonaws.com", ["PutEvaluations", "StartConfigRulesEvaluation"]),
    },
    {
        id: "config-compliance",
        description: "AWS Config rule evaluations that turn NON_COMPLIANT",
        scope: "enabled",
        pattern: {
            source: ["aws.config"],
            "detail-type": ["Config Rules Compliance Change"],
            detail: { newEvaluationResult: { complianceType: ["NON_COMPLIANT"] } },
        },
    },
    {
        id: "config-delivery",
        description: "AWS Config failed to deliver a configuration snapshot or history file to the Config staging bucket",
        scope: "enabled",
        pattern: CONFIG_DELIVERY_FAILED_PATTERN,
    },
    {
        id: "kms-key-changes",
        description: "Customer managed keys disabled or scheduled for deletion: logs encrypted with them become unreadable (CIS 4.7)",
        scope: "enabled",
        pattern: {
            source: ["aws.kms"],
            "detail-type": [API_CALL],
            detail: notRootActivity({ eventSource: ["kms.amazonaws.com"], eventName: ["DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy"] }),
        },
    },
    {
        id: "logging-tampering",
        description: "Deletion or weakening of log groups, subscriptions, log account policies and event rules",
        scope: "enabled",
        pattern: {
            "detail-type": [API_CALL],
            $or: [
                {
                    source: ["aws.logs"],
                    detail: notRootActivity({
                        eventSource: ["logs.amazonaws.com"],
                        eventName: ["DeleteLogGroup", "DeleteLogStream", "PutRetentionPolicy", "DeleteRetentionPolicy", "DeleteSubscriptionFilter", "DeleteAccountPolicy", "PutAccountPolicy", "DeleteDestination", "DisassociateKmsKey"],
                    }),
                },
                {
                    source: ["aws.events"],
                    // Bus updates too: re-keying the default bus with a key EventBridge cannot use silences its rules.
                    detail: notRootActivity({ eventSource: ["events.amazonaws.com"], eventName: ["DeleteRule", "DisableRule", "RemoveTargets", "PutRule", "PutTargets", ...BUS_TAMPER_EVENT_NAMES] }),
                },
            ],
        },
    },
    {
        id: "findings-suppressed",
        description: "Security Hub findings set to SUPPRESSED (only the security account may; a suppressed finding never pages again)",
        scope: "enabled",
        pattern: {
            source: [{ prefix: "aws." }],
            "detail-type": [API_CALL],
            detail: notRootActivity({ eventSource: ["securityhub.amazonaws.com"], eventName: ["BatchUpdateFindings"], requestParameters: { Workflow: { Status: ["SUPPRESSED"] } } }),
        },
    },
    // Every call the guardrails deny, allowed or not, exempt principals included.
    ...DETECTION_TAMPER_CLASSES.map((c): ForwardingRule => ({ id: c.id, description: c.description, scope: "enabled", pattern: tamperingPattern(c.events) })),
    {
        id: "health",
        description: "AWS Health events: service issues, scheduled changes and account notifications (global ones arrive in the global-events region)",
        scope: "enabled+global",
        pattern: { source: ["aws.health"], "detail-type": [{ prefix: "AWS Health" }] },
    },
    {
        id: "trusted-advisor",
        description: "Trusted Advisor checks that turn WARN or ERROR (delivered in us-east-1 only)",
        scope: "global",
        pattern: {
            source: ["aws.trustedadvisor"],
            "detail-type": ["Trusted Advisor Check Item Refresh Notification"],
            detail: { status: ["WARN", "ERROR"] },
        },
    },
];

/**
 * API calls of the given services and event names, anyone's but the root user's in person (root
 * activity has its own row). `extra` narrows the match (e.g. `requestParameters` naming landing-zone
 * resources).
 */
function tamperingPattern(groups: readonly TamperEvents[], extra: Record<string, unknown> = {}): Record<string, unknown> {
    const { eventSources, eventNames } = flatten(groups);
    return { source: [{ prefix: "aws." }], "detail-type": [API_CALL], detail: notRootActivity({ eventSource: eventSources, eventName: eventNames, ...extra }) };
}

/** What the landing zone's own rows need to know: names of its resources and the account the baseline runs in. */
export interface ForwardingContext {
    /** Organisation name prefix: every landing-zone topic, queue, alarm, bucket and log group starts with it. */
    readonly namePrefix: string;
    /** Name of the break-glass role (`roles.breakGlass`). */
    readonly breakGlassRoleName: string;
    /** The kind of the account the baseline deploys into: the security and log-archive accounts forward more. */
    readonly accountKind: AccountKind;
    /**
     * The account is a quiet one (`quietAccounts`): every console sign-in there is forwarded, in the
     * enabled regions, the global-events region and these (`consoleSignInRegions`).
     * @default undefined (not quiet)
     */
    readonly quiet?: { readonly signInRegions: readonly string[] };
    /** The archive (log-archive account only): objects a principal of the account may never write, and the log canary's arrivals. */
    readonly archive?: {
        readonly bucketName: string;
        /**
         * Key prefix of the log canary's objects (`cloudwatch-logs-canary/`): their arrival is forwarded,
         * and the security account pages when it stops.
         * @default undefined (no canary)
         */
        readonly canaryKeyPrefix?: string;
        /** `.amazonaws.com` (`.amazonaws.com.cn` in China): how every service principal that delivers into the archive ends. */
        readonly servicePrincipalSuffix: string;
        /** Key prefixes only AWS services write (CloudTrail, VPC flow logs, GuardDuty), never a role of the account. */
        readonly serviceOnlyPrefixes: readonly string[];
    };
}

/** A group's calls on resources named `<prefix>-…`, given how each service names the resource in its request. */
function named(service: string, names: Record<string, unknown>): Record<string, unknown> {
    const group = ALERT_RESOURCE_TAMPER_EVENTS.find((g) => g.eventSource === service);
    if (!group) throw new Error(`forwarding-rules: ${service} has no alerting tampering calls`);
    return { eventSource: [service], eventName: [...group.eventNames], requestParameters: names, $or: NOT_ROOT_ACTIVITY.map((alt) => ({ ...alt })) };
}

/** The rows that name the landing zone's own resources, and those of the security and log-archive accounts. */
export function landingZoneForwardingRules(ctx: ForwardingContext): ForwardingRule[] {
    const p = ctx.namePrefix;
    const rows: ForwardingRule[] = [
        {
            id: "alerting-tampering",
            description: "Landing-zone topics, queues and alarms deleted, opened to other accounts, purged, muted or unsubscribed",
            scope: "enabled",
            pattern: {
                source: [{ prefix: "aws." }],
                "detail-type": [API_CALL],
                detail: {
                    $or: [
                        named("sns.amazonaws.com", { $or: ["topicArn", "subscriptionArn", "resourceArn"].map((k) => ({ [k]: [{ wildcard: `*:${p}-*` }] })) }),
                        named("sqs.amazonaws.com", { queueUrl: [{ wildcard: `*/${p}-*` }] }),
                        named("monitoring.amazonaws.com", { $or: [{ alarmName: [{ prefix: `${p}-` }] }, { alarmNames: [{ prefix: `${p}-` }] }] }),
                    ],
                },
            },
        },
        {
            id: "log-group-blinding",
            description: "Landing-zone log groups' metric filters, transformers, masking or key changed, or a group created under their name",
            scope: "enabled",
            pattern: tamperingPattern([{ eventSource: "logs.amazonaws.com", eventNames: LOG_GROUP_BLINDING_EVENT_NAMES }], {
                requestParameters: { $or: [{ logGroupName: [{ prefix: `/${p}/` }] }, { logGroupIdentifier: [{ prefix: `/${p}/` }, { wildcard: `*:log-group:/${p}/*` }] }] },
            }),
        },
        {
            id: "bucket-tampering",
            description: "Configuration of a landing-zone bucket (archive, replica, staging, access logs) changed: policy, lock, versioning, lifecycle, replication, encryption, logging, notifications",
            scope: "enabled",
            pattern: tamperingPattern([{ eventSource: "s3.amazonaws.com", eventNames: S3_BUCKET_TAMPER_EVENTS }], { requestParameters: { bucketName: [{ prefix: `${p}-` }] } }),
        },
        {
            id: "break-glass-assumed",
            description: "The break-glass role assumed (AssumeRole is a read-only event: the rule receives all management events)",
            scope: "enabled+global",
            allManagementEvents: true,
            pattern: {
                source: ["aws.sts"],
                "detail-type": [API_CALL],
                detail: {
                    eventSource: ["sts.amazonaws.com"],
                    eventName: ["AssumeRole"],
                    requestParameters: { roleArn: [{ wildcard: `arn:*:iam::*:role/${ctx.breakGlassRoleName}` }] },
                    // A cross-account call is recorded twice (IAM User Guide, "Logging IAM and AWS STS API calls with
                    // AWS CloudTrail"): the caller's record, and the role owner's with an AWSAccount identity. Only
                    // the caller's is forwarded, so a use pages once.
                    userIdentity: { type: [{ "anything-but": "AWSAccount" }] },
                },
            },
        },
    ];
    rows.push({
        id: "health-alarms",
        description: "The landing zone's health alarms in this account going into or out of ALARM (docs/operations.md): the central bus routes them by the severity in their name",
        scope: "enabled",
        // A quiet account forwards sign-ins from regions outside the enabled ones, with a dead-letter queue
        // (and its alarm) there: that alarm's state changes must leave the region too.
        ...(ctx.quiet ? { alsoIn: ctx.quiet.signInRegions } : {}),
        pattern: {
            source: ["aws.cloudwatch"],
            "detail-type": ["CloudWatch Alarm State Change"],
            detail: { alarmName: [{ prefix: healthAlarmPrefix(p) }], state: { value: ["ALARM", "OK"] } },
        },
    });
    if (ctx.accountKind === "security") {
        rows.push({
            id: "tooling-tampering",
            description: "Security account only: the central bus's policy or archive, log resource policies, schedules or alarm mute rules changed",
            scope: "enabled",
            pattern: tamperingPattern(SECURITY_TOOLING_TAMPER_EVENTS),
        });
        rows.push({
            id: "function-tampering",
            description: "Security account only: a landing-zone function's code, configuration, concurrency, invokers or failure handling changed",
            scope: "home",
            pattern: { source: ["aws.lambda"], "detail-type": [API_CALL], detail: notRootActivity(functionTamperingDetail(p)) },
        });
    }
    if (ctx.quiet) {
        rows.push({
            id: "quiet-sign-in",
            description: "A quiet account: console sign-ins and role switches into it that console-sign-in does not forward (anyone's but the root user's, but failed sign-ins)",
            scope: "enabled+global",
            alsoIn: ctx.quiet.signInRegions,
            pattern: {
                source: ["aws.signin"],
                "detail-type": ["AWS Console Sign In via CloudTrail"],
                detail: {
                    userIdentity: { type: [{ "anything-but": "Root" }] },
                    $or: [{ eventName: ["SwitchRole"] }, { eventName: ["ConsoleLogin"], responseElements: { ConsoleLogin: [{ "anything-but": "Failure" }] } }],
                },
            },
        });
    }
    if (ctx.accountKind === "log-archive" && ctx.archive) {
        const a = ctx.archive;
        rows.push({
            id: "archive-writer",
            description: "An IAM principal wrote into the archive where only AWS services write (CloudTrail, flow logs, GuardDuty): a forged log",
            scope: "home",
            pattern: {
                source: ["aws.s3"],
                "detail-type": ["Object Created"],
                // S3 names the requester by account id for an IAM principal and by service principal for a service
                // (S3 User Guide, "EventBridge event message structure"): any account id here is a forgery.
                detail: { bucket: { name: [a.bucketName] }, requester: [{ "anything-but": { suffix: a.servicePrincipalSuffix } }], object: { key: a.serviceOnlyPrefixes.map((prefix) => ({ prefix })) } },
            },
        });
        if (a.canaryKeyPrefix !== undefined) {
            rows.push({
                id: "log-canary",
                description: "The log canary's record arrived in the archive: the security account counts the arrivals and pages when they stop",
                scope: "home",
                pattern: { source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [a.bucketName] }, object: { key: [{ prefix: a.canaryKeyPrefix }] } } },
            });
        }
    }
    return rows;
}

/** The region where a partition delivers events of global services (IAM, Organizations, global sign-in). */
export function globalEventsRegion(partition: string): string {
    switch (partition) {
        case "aws-us-gov":
            return "us-gov-west-1";
        case "aws-cn":
            return "cn-north-1";
        default:
            return "us-east-1";
    }
}

/**
 * Regions where AWS records an IAM user's console sign-in through the global endpoint when the
 * browser holds an account-alias cookie (CloudTrail User Guide, "AWS Management Console sign-in
 * events": the console proxy sends the user to us-east-2, eu-north-1 or ap-southeast-2 by latency),
 * whether or not they are enabled regions. Documented for the `aws` partition only.
 */
export function consoleSignInRegions(partition: string): string[] {
    return partition === "aws" ? ["us-east-2", "eu-north-1", "ap-southeast-2"] : [];
}

/** The regions a rule runs in, in enabled-region order with the global-events region last when it is not enabled (`home`: the home region, by default the first enabled one). */
export function ruleRegions(scope: ForwardingScope, enabled: readonly string[], globalRegion: string, homeRegion: string = enabled[0]): string[] {
    if (scope === "global") return [globalRegion];
    if (scope === "home") return [homeRegion];
    if (scope === "enabled" || enabled.includes(globalRegion)) return [...enabled];
    return [...enabled, globalRegion];
}
