import { policyDocument, type PolicyDocument } from "./types";

export interface IntegrityJobTrustArgs {
    /** Lambda service principal of the partition. */
    readonly lambdaPrincipal: string;
    /** The security account, where the validation function runs. */
    readonly accountId: string;
}

/**
 * Trust of the scheduled integrity validation's role: only Lambda, and only for a function of this
 * account (`aws:SourceAccount`), so no other account's function can be given the role's reach into
 * the archive.
 */
export function integrityJobTrustPolicy(a: IntegrityJobTrustArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "LambdaOfThisAccountAssumes",
            Effect: "Allow",
            Principal: { Service: a.lambdaPrincipal },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": a.accountId } },
        },
    ]);
}
