import { denyInsecureTransport } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

export const QUEUE_READ_ACTIONS = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"] as const;

/** EventBridge may send only from the archive's new-object rule; the security account (its SIEM) may read. */
export function notificationQueuePolicy(a: { readonly queueArn: string; readonly ruleArn: string; readonly eventsPrincipal: string; readonly securityAccountRootArn: string }): PolicyDocument {
    return policyDocument([
        { Sid: "EventBridgeSendsArchiveObjects", Effect: "Allow", Principal: { Service: a.eventsPrincipal }, Action: "sqs:SendMessage", Resource: a.queueArn, Condition: { ArnEquals: { "aws:SourceArn": a.ruleArn } } },
        { Sid: "SecurityAccountReads", Effect: "Allow", Principal: { AWS: a.securityAccountRootArn }, Action: [...QUEUE_READ_ACTIONS], Resource: a.queueArn },
        denyInsecureTransport("sqs", a.queueArn),
    ]);
}
