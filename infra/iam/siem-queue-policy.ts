import { denyDrainBut, denyInsecureTransport, onlyServicesDeliver, routingRulesDeliver } from "./statements";
import { policyDocument, type PolicyDocument, type Statement } from "./types";

export const SIEM_SEND_ACTIONS = ["sqs:SendMessage"] as const;
/** What a SIEM/SOAR consumer needs to drain a queue. */
export const SIEM_CONSUME_ACTIONS = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"] as const;
/**
 * What takes messages away from the SIEM: deleting them, or hiding them (a receive's visibility
 * timeout, repeated, keeps them from the consumer until they expire) — `PurgeQueue` with extra steps.
 */

export interface SiemQueuePolicyArgs {
    readonly queueArn: string;
    /** The security account: the only one whose rules may send. */
    readonly accountId: string;
    /** `events.amazonaws.com` of the partition. */
    readonly eventsPrincipal: string;
    /** ARNs of the routing rules that target the queue; empty for the dead-letter queue (only SQS redrive writes there). */
    readonly ruleArns: readonly string[];
    /** IAM role ARNs of the SIEM/SOAR consumers, in any account: the only principals (with the exempt roles) that may drain the queue. */
    readonly consumerArns: readonly string[];
    /** The deployment and break-glass roles of the account. */
    readonly exemptRoleArns: readonly string[];
}

/**
 * SIEM queue policy: the routing rules that target the queue may send, named consumers may drain it,
 * nobody without TLS. Nothing else sends (a forged event for the SIEM, or one message keeping the
 * dead-letter alarm in ALARM so it never pages again) and nobody else drains it, an administrator of
 * the security account included: reading it is the SIEM's job, through the consumer roles.
 */
export function siemQueuePolicy(a: SiemQueuePolicyArgs): PolicyDocument {
    const statements: Statement[] = [];
    if (a.ruleArns.length > 0) statements.push(routingRulesDeliver("RoutingRulesSend", SIEM_SEND_ACTIONS, a.queueArn, a));
    if (a.consumerArns.length > 0) {
        statements.push({
            Sid: "ConsumersDrain",
            Effect: "Allow",
            Principal: { AWS: [...a.consumerArns] },
            Action: [...SIEM_CONSUME_ACTIONS],
            Resource: a.queueArn,
        });
    }
    statements.push(
        onlyServicesDeliver("DenySendButRouting", SIEM_SEND_ACTIONS, a.queueArn, [a.eventsPrincipal], a.exemptRoleArns),
        denyDrainBut("DenyDrainButConsumers", a.queueArn, [...a.consumerArns, ...a.exemptRoleArns]),
        denyInsecureTransport("sqs", a.queueArn),
    );
    return policyDocument(statements);
}
