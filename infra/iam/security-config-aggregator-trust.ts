import { policyDocument, type PolicyDocument } from "./types";

export interface ConfigAggregatorTrustArgs {
    /** AWS Config service principal of the partition. */
    readonly configPrincipal: string;
    /** The security account, where the aggregator lives. */
    readonly accountId: string;
}

/**
 * Trust policy of the role the organisation Config aggregator uses to list the organisation's
 * accounts. Config may assume it only for this account's own aggregators (`aws:SourceAccount`).
 */
export function configAggregatorTrustPolicy(a: ConfigAggregatorTrustArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "ConfigAssumeForOrganizationAggregator",
            Effect: "Allow",
            Principal: { Service: a.configPrincipal },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": a.accountId } },
        },
    ]);
}
