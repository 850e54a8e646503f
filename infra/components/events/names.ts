/**
 * Physical names and ARNs of the security account's alerting resources, derived from the organisation
 * facts alone (like `naming.ts`), so policies can name every resource before it exists and tests can
 * compare the planned resources with them. The central bus itself comes from `naming.ts`
 * (`centralBusName` / `centralBusArn`), because member stacks need it too.
 */
import type { Severity } from "../../config/model";

export interface AlertingScope {
    readonly partition: string;
    /** Security account id. */
    readonly accountId: string;
    /** Home region: the central bus and everything routed from it. */
    readonly homeRegion: string;
    /** Organisation name prefix, e.g. `acme-lz`. */
    readonly namePrefix: string;
    /** Central bus name (`naming.centralBusName`). */
    readonly busName: string;
}

const arn = (s: AlertingScope, service: string, region: string, resource: string): string =>
    `arn:${s.partition}:${service}:${region}:${s.accountId}:${resource}`;

/** Physical name of a routing rule on the central bus. */
export function routeRuleName(s: AlertingScope, routeId: string): string {
    return `${s.namePrefix}-route-${routeId}`;
}

/** ARN of a routing rule on the central bus (`rule/<bus>/<rule>`: rules of a custom bus carry its name). */
export function routeRuleArn(s: AlertingScope, routeId: string): string {
    return arn(s, "events", s.homeRegion, `rule/${s.busName}/${routeRuleName(s, routeId)}`);
}

/** The arrivals the security account watches on the central bus with a rule of their own. */
export const WATCH_RULE_IDS = ["heartbeats", "log-canary"] as const;
export type WatchRuleId = (typeof WATCH_RULE_IDS)[number];

/** Physical name of a watch rule on the central bus (`<prefix>-watch-<id>`): its matches are the arrivals counted. */
export function watchRuleName(s: AlertingScope, id: WatchRuleId): string {
    return `${s.namePrefix}-watch-${id}`;
}

export function watchRuleArn(s: AlertingScope, id: WatchRuleId): string {
    return arn(s, "events", s.homeRegion, `rule/${s.busName}/${watchRuleName(s, id)}`);
}

export function severityTopicName(s: AlertingScope, severity: Severity): string {
    return `${s.namePrefix}-security-${severity}`;
}

export function severityTopicArn(s: AlertingScope, severity: Severity): string {
    return arn(s, "sns", s.homeRegion, severityTopicName(s, severity));
}

export function siemQueueName(s: AlertingScope): string {
    return `${s.namePrefix}-security-siem`;
}

export function siemQueueArn(s: AlertingScope): string {
    return arn(s, "sqs", s.homeRegion, siemQueueName(s));
}

export function siemDeadLetterQueueName(s: AlertingScope): string {
    return `${s.namePrefix}-security-siem-dlq`;
}

export function siemDeadLetterQueueArn(s: AlertingScope): string {
    return arn(s, "sqs", s.homeRegion, siemDeadLetterQueueName(s));
}

/** Log group of every event on the central bus; under the landing zone's log-group prefix. */
export function securityEventLogGroupName(s: AlertingScope): string {
    return `/${s.namePrefix}/security-events`;
}

/** Log group ARN as EventBridge targets and KMS encryption contexts name it (no `:*`). */
export function securityEventLogGroupArn(s: AlertingScope): string {
    return arn(s, "logs", s.homeRegion, `log-group:${securityEventLogGroupName(s)}`);
}

/**
 * Every CloudWatch alarm of the landing zone in the security account starts with the name prefix
 * (the CIS alarms as `<prefix>-cis-…`, the self-test ones as `<prefix>-security-…`), so topic policies
 * can admit them with one ARN pattern.
 */
export function alarmArnPattern(s: AlertingScope): string {
    return arn(s, "cloudwatch", s.homeRegion, `alarm:${s.namePrefix}-*`);
}

export function alarmArn(s: AlertingScope, alarmName: string): string {
    return arn(s, "cloudwatch", s.homeRegion, `alarm:${alarmName}`);
}

/** Security Hub custom action ARN (`action/custom/<identifier>`) in the home region. */
export function customActionArn(s: AlertingScope, identifier: string): string {
    return arn(s, "securityhub", s.homeRegion, `action/custom/${identifier}`);
}

/** Rules on the security account's default buses that send the delegated admin's findings to the central bus. */
export function findingsForwardingRuleName(s: AlertingScope, id: string): string {
    return `${s.namePrefix}-findings-${id}`;
}

/** ARN pattern of those rules in every region (the forwarding role's trust condition). */
export function findingsForwardingRuleArnPattern(s: AlertingScope, region = "*"): string {
    return arn(s, "events", region, `rule/${s.namePrefix}-findings-*`);
}

export function findingsForwardingRoleName(s: AlertingScope): string {
    return `${s.namePrefix}-findings-forwarding`;
}

export function findingsDeadLetterQueueName(s: AlertingScope): string {
    return `${s.namePrefix}-findings-dead-letter`;
}

/** Self-test: its own schedule group, so the scheduler role's trust names exactly that group. */
export function selfTestScheduleGroupName(s: AlertingScope): string {
    return `${s.namePrefix}-security-selftest`;
}

export function selfTestScheduleGroupArn(s: AlertingScope): string {
    return arn(s, "scheduler", s.homeRegion, `schedule-group/${selfTestScheduleGroupName(s)}`);
}

export function selfTestName(s: AlertingScope): string {
    return `${s.namePrefix}-security-selftest`;
}

export function chatbotRoleName(s: AlertingScope): string {
    return `${s.namePrefix}-security-chatbot`;
}

export function securityDashboardName(s: AlertingScope): string {
    return `${s.namePrefix}-security`;
}

export function securityKeyAlias(s: AlertingScope): string {
    return `alias/${s.namePrefix}-security-events`;
}

export function archiveName(s: AlertingScope): string {
    return `${s.busName}-archive`;
}
