import { policyDocument, type PolicyDocument } from "./types";

/** The one action CloudWatch Logs needs, as the subscription's role, on an organisation destination. */
export const LOG_SUBSCRIPTION_ACTIONS = ["logs:PutLogEvents"] as const;

export interface LogSubscriptionPutLogEventsArgs {
    /** ARNs of the organisation's central CloudWatch Logs destinations (log-archive account, one per enabled region). */
    readonly destinationArns: readonly string[];
}

/** Permissions of the subscription role: deliver to the organisation's central destinations and nowhere else. */
export function logSubscriptionPutLogEventsPolicy(a: LogSubscriptionPutLogEventsArgs): PolicyDocument {
    if (a.destinationArns.length === 0) throw new Error("logSubscriptionPutLogEventsPolicy: at least one destination ARN is required");
    return policyDocument([
        {
            Sid: "PutLogEventsOnCentralDestinations",
            Effect: "Allow",
            Action: [...LOG_SUBSCRIPTION_ACTIONS],
            Resource: [...a.destinationArns],
        },
    ]);
}
