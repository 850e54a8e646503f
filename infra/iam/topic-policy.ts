import { denyInsecureTransport, onlyServicesDeliver, routingRulesDeliver } from "./statements";
import { policyDocument, type PolicyDocument, type Statement } from "./types";

export const TOPIC_PUBLISH_ACTIONS = ["sns:Publish"] as const;

export interface TopicPolicyArgs {
    readonly topicArn: string;
    /** The security account: the only one whose rules and alarms may publish. */
    readonly accountId: string;
    /** `events.amazonaws.com` of the partition. */
    readonly eventsPrincipal: string;
    /** `cloudwatch.amazonaws.com` of the partition. */
    readonly cloudwatchPrincipal: string;
    /** ARNs of the routing rules that target this topic (the statement is left out when empty). */
    readonly ruleArns: readonly string[];
    /** ARN pattern of the alarms that may notify the topic, e.g. `arn:aws:cloudwatch:us-east-1:<id>:alarm:acme-lz-*`. */
    readonly alarmArnPattern: string;
    /** The deployment and break-glass roles of the account: the only IAM principals that may publish. */
    readonly exemptRoleArns: readonly string[];
}

/**
 * Severity topic policy: only the routing rules that target this topic, and the landing zone's
 * alarms of this account, may publish; nothing without TLS. No IAM principal of the account publishes
 * either (an administrator's identity policy would otherwise let it page anyone with text of its
 * choosing): only EventBridge and CloudWatch acting as services (`aws:PrincipalServiceName`), and the
 * exempt roles. Subscribing and administration stay with the account's IAM policies (same-account
 * access), bound by the guardrails.
 */
export function topicPolicy(a: TopicPolicyArgs): PolicyDocument {
    const statements: Statement[] = [];
    if (a.ruleArns.length > 0) statements.push(routingRulesDeliver("RoutingRulesPublish", TOPIC_PUBLISH_ACTIONS, a.topicArn, a));
    statements.push(
        {
            Sid: "LandingZoneAlarmsPublish",
            Effect: "Allow",
            Principal: { Service: a.cloudwatchPrincipal },
            Action: [...TOPIC_PUBLISH_ACTIONS],
            Resource: a.topicArn,
            Condition: { StringEquals: { "aws:SourceAccount": a.accountId }, ArnLike: { "aws:SourceArn": a.alarmArnPattern } },
        },
        onlyServicesDeliver("DenyPublishButRoutingAndAlarms", TOPIC_PUBLISH_ACTIONS, a.topicArn, [a.eventsPrincipal, a.cloudwatchPrincipal], a.exemptRoleArns),
        denyInsecureTransport("sns", a.topicArn),
    );
    return policyDocument(statements);
}
