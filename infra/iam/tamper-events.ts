/**
 * The guardrails' tampering actions as the CloudTrail records of their calls name them, so that the
 * forwarding and routing tables page on exactly what the SCPs deny: one list, two uses, no drift.
 * Every call is detected, allowed or denied, exempt principals included (a denied call is still
 * recorded, with `errorCode`).
 *
 * For the services listed here the CloudTrail `eventName` is the IAM action name (their CloudTrail
 * pages: "Logging <service> API calls using AWS CloudTrail"). S3 is not among them: its bucket-level
 * event names differ from the IAM actions (`PutBucketLifecycle` is authorised as
 * `s3:PutLifecycleConfiguration`), so `S3_BUCKET_TAMPER_EVENTS` names them apart.
 */
import { CONFIG_TAMPER_ACTIONS, GUARDDUTY_TAMPER_ACTIONS, OTHER_DETECTION_TAMPER_ACTIONS, SECURITY_HUB_TAMPER_ACTIONS } from "./scp-protect-security-services";
import { ALERT_TOPIC_TAMPER_ACTIONS, CENTRAL_BUS_TAMPER_ACTIONS, DELEGATED_ADMIN_TAMPER_ACTIONS, SCHEDULE_TAMPER_ACTIONS, SECURITY_ACCOUNT_WIDE_TAMPER_ACTIONS } from "./scp-protect-security-tooling";
import { ALARM_TAMPER_ACTIONS, ALERT_QUEUE_TAMPER_ACTIONS } from "./scp-protect-alerting";
import { LOG_GROUP_TAMPER_ACTIONS } from "./scp-protect-logging";

/** CloudTrail `eventSource` of each IAM service prefix whose tampering calls are detected. */
export const EVENT_SOURCES: Readonly<Record<string, string>> = {
    guardduty: "guardduty.amazonaws.com",
    securityhub: "securityhub.amazonaws.com",
    "access-analyzer": "access-analyzer.amazonaws.com",
    macie2: "macie2.amazonaws.com",
    inspector2: "inspector2.amazonaws.com",
    detective: "detective.amazonaws.com",
    sns: "sns.amazonaws.com",
    sqs: "sqs.amazonaws.com",
    // CloudWatch's API is `monitoring`: its records say so, whatever the IAM prefix.
    cloudwatch: "monitoring.amazonaws.com",
    scheduler: "scheduler.amazonaws.com",
    logs: "logs.amazonaws.com",
    events: "events.amazonaws.com",
    config: "config.amazonaws.com",
};

/** Calls of one service, as a CloudTrail record names them. */
export interface TamperEvents {
    readonly eventSource: string;
    readonly eventNames: readonly string[];
}

/** Groups IAM actions (`service:Action`) by the CloudTrail event source of their service, in first-seen order, without repeats. */
export function tamperEvents(actions: readonly string[]): TamperEvents[] {
    const by = new Map<string, string[]>();
    for (const action of actions) {
        const [service, name] = action.split(":");
        const source = EVENT_SOURCES[service];
        if (source === undefined) throw new Error(`${action}: no CloudTrail event source is known for the ${service} service`);
        if (name.includes("*")) throw new Error(`${action}: a wildcard action has no one CloudTrail event name`);
        const names = by.get(source) ?? [];
        if (!names.includes(name)) names.push(name);
        by.set(source, names);
    }
    return [...by].map(([eventSource, eventNames]) => ({ eventSource, eventNames }));
}

/** Event sources of a group, and the union of their event names (for a pattern's `eventSource` and `eventName` lists). */
export function flatten(groups: readonly TamperEvents[]): { readonly eventSources: string[]; readonly eventNames: string[] } {
    return { eventSources: groups.map((g) => g.eventSource), eventNames: [...new Set(groups.flatMap((g) => g.eventNames))] };
}

const notConfig = (a: string) => !a.startsWith("config:");

/**
 * Detection services blinded, disabled or detached, in any account (GuardDuty, Security Hub, Access
 * Analyzer, Macie, Inspector, Detective). Config's calls are left to the Config rows, which already
 * see every Config write.
 */
export const DETECTION_TAMPER_EVENTS = tamperEvents(
    [...GUARDDUTY_TAMPER_ACTIONS, ...SECURITY_HUB_TAMPER_ACTIONS, ...OTHER_DETECTION_TAMPER_ACTIONS, ...DELEGATED_ADMIN_TAMPER_ACTIONS].filter(notConfig),
);

/** The detection tampering calls in two classes, so that each class's event pattern stays within EventBridge's 2,048 characters. */
export interface TamperClass {
    /** Stable id, the same in the forwarding and the routing table. */
    readonly id: string;
    readonly description: string;
    readonly events: readonly TamperEvents[];
}

function classOf(id: string, description: string, sources: readonly string[]): TamperClass {
    return { id, description, events: DETECTION_TAMPER_EVENTS.filter((g) => sources.includes(g.eventSource)) };
}

export const DETECTION_TAMPER_CLASSES: readonly TamperClass[] = [
    classOf("findings-tampering", "GuardDuty and Security Hub disabled, detached, suppressed or reconfigured", [EVENT_SOURCES.guardduty, EVENT_SOURCES.securityhub]),
    classOf("scanner-tampering", "Access Analyzer, Macie, Inspector and Detective disabled, detached, suppressed or reconfigured", [
        EVENT_SOURCES["access-analyzer"],
        EVENT_SOURCES.macie2,
        EVENT_SOURCES.inspector2,
        EVENT_SOURCES.detective,
    ]),
];

/** Config's tampering calls (recorders, delivery, retention, evaluations, aggregators, organisation rules and packs). */
export const CONFIG_TAMPER_EVENT_NAMES: readonly string[] = tamperEvents([...CONFIG_TAMPER_ACTIONS, ...DELEGATED_ADMIN_TAMPER_ACTIONS].filter((a) => !notConfig(a)))[0].eventNames;

/** Calls on the landing zone's topics, queues and alarms (named `<prefix>-…`, in any account). */
export const ALERT_RESOURCE_TAMPER_EVENTS = tamperEvents([...ALERT_TOPIC_TAMPER_ACTIONS, ...ALERT_QUEUE_TAMPER_ACTIONS, ...ALARM_TAMPER_ACTIONS]);

/**
 * Bus changes of any account (the default buses carry the forwarding rules, the central bus the
 * routing): the event-rule rows forward and route them with the bus's name, so they are left out of
 * the security account's tooling row (one row per call).
 */
export const BUS_TAMPER_EVENT_NAMES: readonly string[] = ["UpdateEventBus", "DeleteEventBus"];

/**
 * Calls that only the security account's landing-zone tooling is subject to: the bus policy and
 * archive, log resource policies, schedules, alarm mute rules. The security account is dedicated to
 * the landing zone, so every such call there is tampering, whatever resource it names.
 */
export const SECURITY_TOOLING_TAMPER_EVENTS = tamperEvents(
    [...SECURITY_ACCOUNT_WIDE_TAMPER_ACTIONS, ...CENTRAL_BUS_TAMPER_ACTIONS, ...SCHEDULE_TAMPER_ACTIONS].filter((a) => !BUS_TAMPER_EVENT_NAMES.includes(a.split(":")[1])),
);

/** Calls on the landing zone's log groups that blind or rewrite them without deleting anything. */
export const LOG_GROUP_BLINDING_EVENT_NAMES: readonly string[] = [
    "CreateLogGroup",
    "AssociateKmsKey",
    "PutDataProtectionPolicy",
    "DeleteDataProtectionPolicy",
    "DeleteMetricFilter",
    "PutMetricFilter",
    "PutTransformer",
    "DeleteTransformer",
].filter((n) => LOG_GROUP_TAMPER_ACTIONS.includes(`logs:${n}`));

/**
 * Bucket-level calls that change what protects a log bucket, as CloudTrail names them ("Amazon S3
 * CloudTrail events", bucket-level actions): the IAM actions of `PROTECTED_CONFIGURATION_ACTIONS`
 * and their deletes. Not the S3 Control tagging calls (TagResource, UntagResource) nor PutBucketAbac and
 * PauseReplication, which the guardrails also deny: the patterns below match `requestParameters.bucketName`,
 * and no record of those calls is at hand to show which field names the bucket.
 */
export const S3_BUCKET_TAMPER_EVENTS: readonly string[] = [
    "CreateBucket",
    "DeleteBucket",
    "PutBucketPolicy",
    "DeleteBucketPolicy",
    "PutObjectLockConfiguration",
    "PutBucketVersioning",
    "PutBucketLifecycle",
    "DeleteBucketLifecycle",
    "PutBucketEncryption",
    "DeleteBucketEncryption",
    "PutBucketReplication",
    "DeleteBucketReplication",
    "PutBucketOwnershipControls",
    "DeleteBucketOwnershipControls",
    "PutBucketPublicAccessBlock",
    "DeleteBucketPublicAccessBlock",
    "PutBucketLogging",
    "PutBucketNotification",
    "PutBucketRequestPayment",
    "PutBucketInventoryConfiguration",
    "PutBucketTagging",
    "DeleteBucketTagging",
];

/** IAM calls that change a role (every one names it in `requestParameters.roleName`). */
export const ROLE_CHANGE_EVENT_NAMES: readonly string[] = [
    "CreateRole",
    "DeleteRole",
    "UpdateRole",
    "UpdateRoleDescription",
    "UpdateAssumeRolePolicy",
    "PutRolePolicy",
    "DeleteRolePolicy",
    "AttachRolePolicy",
    "DetachRolePolicy",
    "PutRolePermissionsBoundary",
    "DeleteRolePermissionsBoundary",
    "TagRole",
    "UntagRole",
];
