import { policyDocument, type PolicyDocument } from "./types";

/** The one action the forwarding role needs. */
export const FORWARDING_ACTIONS = ["events:PutEvents"] as const;

export interface ForwardingPutEventsArgs {
    /** ARN of the central security event bus (security account, home region). */
    readonly centralBusArn: string;
}

/** Permissions of the forwarding role: put events on the central bus and nowhere else. */
export function forwardingPutEventsPolicy(a: ForwardingPutEventsArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "PutEventsOnCentralBus",
            Effect: "Allow",
            Action: [...FORWARDING_ACTIONS],
            Resource: a.centralBusArn,
        },
    ]);
}
