import { policyDocument, type PolicyDocument } from "./types";

export interface TrailLogsTrustArgs {
    /** CloudTrail service principal of the partition. */
    readonly cloudTrailPrincipal: string;
    /** ARN of the organisation trail (owned by the management account). */
    readonly trailArn: string;
}

/**
 * Trust policy of the role CloudTrail assumes to write the organisation trail into its log group.
 * Only the one trail may use it: `aws:SourceArn` names it, so another trail (in any account) that
 * is pointed at this role cannot deliver through it.
 */
export function trailLogsTrustPolicy(a: TrailLogsTrustArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "CloudTrailAssumeForOrganizationTrail",
            Effect: "Allow",
            Principal: { Service: a.cloudTrailPrincipal },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceArn": a.trailArn } },
        },
    ]);
}
