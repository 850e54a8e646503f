import { policyDocument, type PolicyDocument } from "./types";

/** What CloudTrail needs to deliver events to CloudWatch Logs: streams and events, nothing else. */
export const TRAIL_LOG_DELIVERY_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;

export interface TrailLogsDeliveryArgs {
    /** ARN of the trail's log group, without a trailing `:*`. */
    readonly logGroupArn: string;
}

/** Permissions of the trail's CloudWatch Logs role: write log streams of the one log group. */
export function trailLogsDeliveryPolicy(a: TrailLogsDeliveryArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "DeliverToOrganizationTrailLogGroup",
            Effect: "Allow",
            Action: [...TRAIL_LOG_DELIVERY_ACTIONS],
            Resource: `${a.logGroupArn}:log-stream:*`,
        },
    ]);
}
