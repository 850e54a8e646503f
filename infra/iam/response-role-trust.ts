import { policyDocument, type PolicyDocument } from "./types";

export interface ResponseRoleTrustArgs {
    /** The playbook's function role, `arn:<partition>:iam::<security account>:role/<prefix>-playbook-<id>`. */
    readonly functionRoleArn: string;
    /** `responseExternalId(prefix, playbook, security account)`: the value the function passes. */
    readonly externalId: string;
}

/**
 * Trust of a playbook's response role in a member account: the playbook's own function role, and
 * only with the playbook's external id. Not the security account's root or administrators, not
 * another playbook's function (another role, another external id), not the member account itself.
 *
 * The principal is the security account, narrowed to the function role by `aws:PrincipalArn`,
 * rather than the role's ARN itself: IAM turns a role ARN principal into the role's unique id when
 * the policy is saved and rejects a policy naming a role that does not exist yet (IAM User Guide,
 * "AWS JSON policy elements: Principal", IAM role principals), so a member baseline deployed before
 * the security stack would fail, and a playbook switched off and on again would leave every member
 * role trusting a deleted role's id. The condition compares the ARN on each request instead; only
 * the exempt roles can create a role of that name (`scp-protect-roles.ts`), so it cannot be taken.
 *
 * No `sts:RoleSessionName` or `sts:SourceIdentity` condition: only the function's code (which only
 * the exempt roles can change, `scp-protect-functions.ts`) runs as the function role, and it names
 * each session after its finding (`responseSessionName`); a condition would restate what the code
 * already does and stop nobody.
 */
export function responseRoleTrustPolicy(a: ResponseRoleTrustArgs): PolicyDocument {
    const m = /^arn:([a-z-]+):iam::(\d{12}):role\/[\w+=,.@/-]+$/.exec(a.functionRoleArn);
    if (!m) throw new Error(`responseRoleTrustPolicy: functionRoleArn ${JSON.stringify(a.functionRoleArn)} is not an IAM role ARN`);
    if (a.externalId.length < 2) throw new Error("responseRoleTrustPolicy: externalId must be at least 2 characters (STS's minimum)");
    const [, partition, account] = m;
    return policyDocument([
        {
            Sid: "PlaybookFunctionAssumes",
            Effect: "Allow",
            Principal: { AWS: `arn:${partition}:iam::${account}:root` },
            Action: "sts:AssumeRole",
            Condition: { ArnEquals: { "aws:PrincipalArn": a.functionRoleArn }, StringEquals: { "sts:ExternalId": a.externalId } },
        },
    ]);
}
