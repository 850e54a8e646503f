import { denyDrainBut, denyInsecureTransport, onlyServicesDeliver } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

/** The one action EventBridge needs on a dead-letter queue. */
export const DEAD_LETTER_ACTIONS = ["sqs:SendMessage"] as const;

export interface ForwardingDeadLetterArgs {
    /** EventBridge service principal of the partition. */
    readonly eventsPrincipal: string;
    /** ARN of the region's dead-letter queue. */
    readonly queueArn: string;
    /** The account whose forwarding rules use the queue. */
    readonly accountId: string;
    /** ARN pattern of the forwarding rules of this region, e.g. `arn:aws:events:eu-west-1:<id>:rule/acme-lz-fwd-*`. */
    readonly ruleArnPattern: string;
    /** The account's deployment and break-glass roles: the only IAM principals that may send. */
    readonly exemptRoleArns: readonly string[];
}

/**
 * Queue policy of a region's forwarding dead-letter queue: EventBridge may put the events it failed to
 * deliver to the central bus there, only on behalf of this account's forwarding rules; nobody else
 * sends (one message of an administrator's would hold the queue's alarm in ALARM, so it never pages
 * again); nobody but the deployment and break-glass roles reads, hides or deletes its messages (a
 * poller hiding each message as it arrives would keep the alarm quiet and destroy the only copy of the
 * undelivered events); nobody may use the queue without TLS.
 */
export function forwardingDeadLetterQueuePolicy(a: ForwardingDeadLetterArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "EventBridgeSendsUndeliveredForwardedEvents",
            Effect: "Allow",
            Principal: { Service: a.eventsPrincipal },
            Action: [...DEAD_LETTER_ACTIONS],
            Resource: a.queueArn,
            Condition: {
                StringEquals: { "aws:SourceAccount": a.accountId },
                ArnLike: { "aws:SourceArn": a.ruleArnPattern },
            },
        },
        onlyServicesDeliver("DenySendButEventBridge", DEAD_LETTER_ACTIONS, a.queueArn, [a.eventsPrincipal], a.exemptRoleArns),
        denyDrainBut("DenyDrainButExempt", a.queueArn, a.exemptRoleArns),
        denyInsecureTransport("sqs", a.queueArn),
    ]);
}
