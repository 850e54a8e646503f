/**
 * The pieces every forwarding of events to the central bus is built from, shared by the member
 * baseline (`EventForwarding`: an account's security events) and the security account
 * (`FindingsForwarding`: the findings its delegated-admin services aggregate): the role EventBridge
 * needs for a bus target in another account or region, a dead-letter queue per region so an event
 * the central bus refuses is kept instead of dropped, and a rule on a region's default bus whose
 * target is the central bus. Each component keeps its own loop (and so its resources' order); the
 * resources, their names and settings are defined here once.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { anyOccurrenceAlarm } from "../health/any-occurrence-alarm";

/** A row of a forwarding table. */
export interface CentralBusForwardingRow {
    /** Stable id: part of the rule's physical name and of resource names. */
    readonly id: string;
    readonly description: string;
    /** EventBridge event pattern. */
    readonly pattern: Readonly<Record<string, unknown>>;
    /**
     * Also match read-only management events (`ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS`).
     * @default false
     */
    readonly allManagementEvents?: boolean;
}

/** EventBridge's default limit on an event pattern, characters (EventBridge quotas, "Event pattern size"). */
export const EVENT_PATTERN_MAX_CHARS = 2048;

/** Checks of a forwarding table: ids unique and usable in names, no pattern filtering on `account`, patterns within EventBridge's size limit. */
export function forwardingRuleProblems(rules: readonly CentralBusForwardingRow[]): string[] {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const r of rules) {
        if (ids.has(r.id)) problems.push(`rules: id ${JSON.stringify(r.id)} appears twice`);
        ids.add(r.id);
        if (!/^[a-z0-9-]{1,24}$/.test(r.id)) problems.push(`rules: id ${JSON.stringify(r.id)} must be 1-24 characters of a-z, 0-9 and -`);
        if (JSON.stringify(r.pattern).includes('"account"')) problems.push(`rules: ${r.id} filters on "account"; forwarding patterns must not`);
        const size = JSON.stringify(forwardedPattern(r.pattern)).length;
        if (size > EVENT_PATTERN_MAX_CHARS) problems.push(`rules: ${r.id}'s pattern is ${size} characters, over EventBridge's ${EVENT_PATTERN_MAX_CHARS}; split the row`);
    }
    return problems;
}

/** The forwarding role (`<name>-role`) and its permissions (`<name>-role-policy`): targets depend on the latter. */
export interface ForwardingRole {
    readonly role: aws.iam.Role;
    readonly permissions: aws.iam.RolePolicy;
}

export function forwardingRole(
    parent: pulumi.Resource,
    name: string,
    a: { readonly roleName: string; readonly description: string; readonly trustPolicy: PolicyDocument; readonly permissionsPolicy: PolicyDocument },
): ForwardingRole {
    const role = new aws.iam.Role(`${name}-role`, { name: a.roleName, description: a.description, assumeRolePolicy: policyJson(a.trustPolicy) }, { parent });
    const permissions = new aws.iam.RolePolicy(`${name}-role-policy`, { role: role.name, policy: policyJson(a.permissionsPolicy) }, { parent });
    return { role, permissions };
}

/**
 * A region's dead-letter queue (`<name>-dlq-<region>`, SSE-SQS, protected) and its queue policy, given
 * the queue ARN; with `alarmName`, an alarm in the queue's region on its first message (no action: a
 * forwarded health alarm, `infra/config/health.ts`).
 */
export function forwardingDeadLetterQueue(
    parent: pulumi.Resource,
    name: string,
    region: string,
    a: { readonly queueName: string; readonly retentionDays: number; readonly policy: (queueArn: string) => PolicyDocument; readonly alarmName?: string },
): aws.sqs.Queue {
    const queue = new aws.sqs.Queue(
        `${name}-dlq-${region}`,
        { name: a.queueName, region, sqsManagedSseEnabled: true, messageRetentionSeconds: a.retentionDays * 86400 },
        { parent, protect: true, retainOnDelete: true },
    );
    new aws.sqs.QueuePolicy(`${name}-dlq-${region}-policy`, { queueUrl: queue.url, region, policy: queue.arn.apply((arn) => policyJson(a.policy(arn))) }, { parent });
    if (a.alarmName) {
        anyOccurrenceAlarm(
            `${name}-dlq-${region}-alarm`,
            {
                name: a.alarmName,
                description: `Events EventBridge could not deliver to the central bus wait in ${a.queueName} (${region}): nobody was alerted to them; fix the cause, then put them on the central bus again`,
                namespace: "AWS/SQS",
                metricName: "ApproximateNumberOfMessagesVisible",
                dimensions: { QueueName: a.queueName },
                statistic: "Maximum",
                topicArns: [],
                region,
            },
            { parent },
        );
    }
    return queue;
}

/**
 * A row's pattern as its rule uses it: replayed events (`replay-name`, set on every event an archive
 * replays; EventBridge User Guide, "Replaying events") are never forwarded, so a replay started in an
 * account does not page everyone again.
 */
export function forwardedPattern(pattern: Readonly<Record<string, unknown>>): Record<string, unknown> {
    return { ...pattern, "replay-name": [{ exists: false }] };
}

/**
 * A scheduled rule on the region's default bus (`<name>-heartbeat-<region>`) whose target is the central
 * bus: every `minutes` EventBridge puts a `Scheduled Event` of this account there (source `aws.events`,
 * the rule's ARN in `resources`), through the forwarding role like any forwarded event. The security
 * account counts them per account and pages when one account's stop: the only signal that still
 * arrives when the account's forwarding is what broke.
 */
export function heartbeatToCentralBus(
    parent: pulumi.Resource,
    name: string,
    region: string,
    a: { readonly ruleName: string; readonly minutes: number; readonly centralBusArn: string; readonly role: ForwardingRole; readonly deadLetterQueue: aws.sqs.Queue },
): aws.cloudwatch.EventRule {
    const rule = new aws.cloudwatch.EventRule(
        `${name}-heartbeat-${region}`,
        {
            name: a.ruleName,
            description: `Heartbeat of this account's forwarding to the central bus, every ${a.minutes} minutes`,
            eventBusName: "default",
            scheduleExpression: `rate(${a.minutes} minutes)`,
            region,
        },
        { parent },
    );
    // A late heartbeat is no heartbeat: give up within one interval.
    centralBusTarget(parent, `${name}-heartbeat-${region}-target`, rule, region, a, { maximumEventAgeInSeconds: Math.max(60, a.minutes * 60), maximumRetryAttempts: 3 });
    return rule;
}

/**
 * A rule of the row on the region's default bus (`<name>-<id>-<region>`) and its target, the central
 * bus, through the forwarding role, retried for a day, then put on the dead-letter queue.
 */
export function forwardToCentralBus(
    parent: pulumi.Resource,
    name: string,
    region: string,
    row: CentralBusForwardingRow,
    a: { readonly ruleName: string; readonly centralBusArn: string; readonly role: ForwardingRole; readonly deadLetterQueue: aws.sqs.Queue },
): aws.cloudwatch.EventRule {
    const rule = new aws.cloudwatch.EventRule(
        `${name}-${row.id}-${region}`,
        {
            name: a.ruleName,
            description: row.description,
            eventBusName: "default",
            eventPattern: JSON.stringify(forwardedPattern(row.pattern)),
            region,
            ...(row.allManagementEvents ? { state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" } : {}),
        },
        { parent },
    );
    centralBusTarget(parent, `${name}-${row.id}-${region}-target`, rule, region, a, { maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 });
    return rule;
}

/** The central bus as a rule's target in the region: through the forwarding role, dead letters kept, retried as `retryPolicy` says. */
function centralBusTarget(
    parent: pulumi.Resource,
    resourceName: string,
    rule: aws.cloudwatch.EventRule,
    region: string,
    a: { readonly centralBusArn: string; readonly role: ForwardingRole; readonly deadLetterQueue: aws.sqs.Queue },
    retryPolicy: { readonly maximumEventAgeInSeconds: number; readonly maximumRetryAttempts: number },
): aws.cloudwatch.EventTarget {
    return new aws.cloudwatch.EventTarget(
        resourceName,
        {
            rule: rule.name,
            eventBusName: "default",
            targetId: "central-bus",
            arn: a.centralBusArn,
            roleArn: a.role.role.arn,
            region,
            deadLetterConfig: { arn: a.deadLetterQueue.arn },
            retryPolicy,
        },
        { parent, dependsOn: [a.role.permissions] },
    );
}
