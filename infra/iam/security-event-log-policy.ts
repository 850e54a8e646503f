import { policyDocument, type PolicyDocument } from "./types";

export interface SecurityEventLogPolicyArgs {
    /** Log group ARN without `:*`. */
    readonly logGroupArn: string;
    /** `events.amazonaws.com` and `delivery.logs.amazonaws.com` of the partition: EventBridge writes through Logs delivery. */
    readonly principals: readonly string[];
    /** The routing rules that target the log group. */
    readonly ruleArns: readonly string[];
}

/**
 * CloudWatch Logs resource policy that lets EventBridge write into the security-events log group.
 * Only `PutLogEvents` carries the rule in `aws:SourceArn`; `CreateLogStream` does not, so that
 * statement is bound by its resource alone: streams of this one log group.
 */
export function securityEventLogPolicy(a: SecurityEventLogPolicyArgs): PolicyDocument {
    const streams = `${a.logGroupArn}:*`;
    return policyDocument([
        {
            Sid: "EventBridgeCreatesStreams",
            Effect: "Allow",
            Principal: { Service: [...a.principals] },
            Action: "logs:CreateLogStream",
            Resource: streams,
        },
        {
            Sid: "RoutingRulesWriteEvents",
            Effect: "Allow",
            Principal: { Service: [...a.principals] },
            Action: "logs:PutLogEvents",
            Resource: streams,
            Condition: { ArnEquals: { "aws:SourceArn": [...a.ruleArns] } },
        },
    ]);
}
