import { policyDocument, type PolicyDocument } from "./types";

export interface ForwardingTrustArgs {
    /** EventBridge service principal of the partition. */
    readonly eventsPrincipal: string;
    /** The account whose rules use the role. */
    readonly accountId: string;
    /** ARN pattern of the landing zone's forwarding rules in this account (any region), e.g. `arn:aws:events:*:<id>:rule/acme-lz-fwd-*`. */
    readonly ruleArnPattern: string;
}

/**
 * Trust policy of the role EventBridge uses to put events on the central bus. Only EventBridge may
 * assume it, only for this account (`aws:SourceAccount`) and only for the landing zone's own
 * forwarding rules (`aws:SourceArn`), so another rule in the account cannot borrow the role.
 */
export function forwardingTrustPolicy(a: ForwardingTrustArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "EventBridgeAssumeForForwardingRules",
            Effect: "Allow",
            Principal: { Service: a.eventsPrincipal },
            Action: "sts:AssumeRole",
            Condition: {
                StringEquals: { "aws:SourceAccount": a.accountId },
                ArnLike: { "aws:SourceArn": a.ruleArnPattern },
            },
        },
    ]);
}
