import { policyDocument, type PolicyDocument } from "./types";

export interface LambdaTrustArgs {
    /** Lambda service principal of the partition. */
    readonly lambdaPrincipal: string;
    /** The account the function runs in (the security account for the integrity validation and the playbooks). */
    readonly accountId: string;
}

/**
 * Trust of a landing-zone function's execution role (the scheduled integrity validation, each
 * response playbook): only Lambda, and only for a function of this account (`aws:SourceAccount`),
 * so no other account's function can be given the role's reach (into the archive, into the member
 * accounts' response roles). Within the account, only the exempt roles may pass a `<prefix>-*` role
 * to a function (`scp-protect-roles.ts`), so no function of an administrator's making runs as it.
 */
export function lambdaTrustPolicy(a: LambdaTrustArgs): PolicyDocument {
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
