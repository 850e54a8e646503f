import { policyDocument, type PolicyDocument } from "./types";

export interface LogSubscriptionTrustArgs {
    /** CloudWatch Logs service principal of the partition (`logs.amazonaws.com`). */
    readonly logsPrincipal: string;
    /** The account whose log groups the subscription sends. */
    readonly accountId: string;
    /**
     * ARN patterns of this account's CloudWatch Logs resources in the enabled regions, one per region,
     * e.g. `arn:aws:logs:eu-west-1:<id>:*`: the log groups on whose behalf CloudWatch Logs delivers.
     */
    readonly sourceArnPatterns: readonly string[];
}

/**
 * Trust policy of the role the account-level subscription names (`RoleArn`). The central destination
 * admits senders by organisation (`aws:PrincipalOrgID`), and for such a destination CloudWatch Logs
 * delivers as this role of the sending account. Only CloudWatch Logs may assume it, only for this
 * account (`aws:SourceAccount`) and only for its log groups in the enabled regions (`aws:SourceArn`),
 * so no other account's subscription can borrow it (confused deputy).
 */
export function logSubscriptionTrustPolicy(a: LogSubscriptionTrustArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "LogsAssumeForThisAccountsLogGroups",
            Effect: "Allow",
            Principal: { Service: a.logsPrincipal },
            Action: "sts:AssumeRole",
            Condition: {
                StringEquals: { "aws:SourceAccount": a.accountId },
                ArnLike: { "aws:SourceArn": [...a.sourceArnPatterns] },
            },
        },
    ]);
}
