import { denyDrainBut, denyInsecureTransport } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

export interface FunctionDeadLetterArgs {
    readonly queueArn: string;
    /** Roles that put failed events there: the function's execution role, and the schedule's role when a schedule invokes it. */
    readonly senderRoleArns: readonly string[];
    /** The account's deployment and break-glass roles. */
    readonly exemptRoleArns: readonly string[];
}

/**
 * Queue policy of a function's dead-letter queue: only the roles that deliver failed invocations
 * (and the exempt roles) send. The queue's alarm fires on the first message; a message of an
 * administrator's own would hold it in ALARM, so a real failure would never page; and only the exempt
 * roles read, hide or delete its messages (hiding each failure as it arrives would keep the alarm quiet).
 */
export function functionDeadLetterQueuePolicy(a: FunctionDeadLetterArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "OnlyFailedInvocationsArrive",
            Effect: "Deny",
            Principal: "*",
            Action: "sqs:SendMessage",
            Resource: a.queueArn,
            Condition: { ArnNotEquals: { "aws:PrincipalArn": [...a.senderRoleArns, ...a.exemptRoleArns] } },
        },
        denyDrainBut("DenyDrainButExempt", a.queueArn, a.exemptRoleArns),
        denyInsecureTransport("sqs", a.queueArn),
    ]);
}
