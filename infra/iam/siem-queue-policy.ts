import { denyInsecureTransport, routingRulesDeliver } from "./statements";
import { policyDocument, type PolicyDocument, type Statement } from "./types";

export const SIEM_SEND_ACTIONS = ["sqs:SendMessage"] as const;
/** What a SIEM/SOAR consumer needs to drain a queue. */
export const SIEM_CONSUME_ACTIONS = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"] as const;

export interface SiemQueuePolicyArgs {
    readonly queueArn: string;
    /** The security account: the only one whose rules may send. */
    readonly accountId: string;
    /** `events.amazonaws.com` of the partition. */
    readonly eventsPrincipal: string;
    /** ARNs of the routing rules that target the queue; empty for the dead-letter queue (only SQS redrive writes there). */
    readonly ruleArns: readonly string[];
    /** IAM role ARNs of SIEM/SOAR consumers in other accounts (same-account consumers need only IAM policies). */
    readonly consumerArns: readonly string[];
}

/**
 * SIEM queue policy: the routing rules that target the queue may send, named consumers may drain it,
 * nobody without TLS.
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
    statements.push(denyInsecureTransport("sqs", a.queueArn));
    return policyDocument(statements);
}
