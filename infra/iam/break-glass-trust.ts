import { policyDocument, type PolicyDocument, type Statement } from "./types";

/** The 16-character suffix IAM Identity Center appends to a permission set's role name, one `?` per character. */
const IDENTITY_CENTER_SUFFIX = "?".repeat(16);

export interface BreakGlassTrustArgs {
    readonly partition: string;
    /** The organisation's management account: the only account whose principals may hold the role. */
    readonly managementAccountId: string;
    /** IAM users of the management account that may assume the role, with MFA. */
    readonly users: readonly string[];
    /** IAM Identity Center permission sets whose roles in the management account may assume it. */
    readonly identityCenterPermissionSets: readonly string[];
    /**
     * Longest time since the holder's MFA sign-in, in seconds.
     * @default 3600
     */
    readonly maxMfaAgeSeconds?: number;
}

/**
 * Trust of the break-glass role every account has: only the named principals of the management
 * account. The guardrails exempt this role by name, so whoever can assume it is outside every
 * guardrail; principals of any other account are refused because that account's administrator could
 * mint credentials for them (an access key, an MFA device). The management account is the
 * organisation's root of trust anyway (SCPs never apply to it).
 *
 * - IAM users must have signed in with MFA within the hour (`aws:MultiFactorAuthPresent`,
 *   `aws:MultiFactorAuthAge`, IAM User Guide "Configuring MFA-protected API access"); a session
 *   obtained by chaining roles carries no MFA context, so it cannot use this path.
 * - Identity Center sessions: the permission set's role in the management account,
 *   `role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_<set>_<suffix>` (the suffix changes
 *   when the assignment is recreated, so it is matched with a wildcard; IAM Identity Center User Guide
 *   "Referencing permission sets in resource policies"). The suffix is matched as exactly 16
 *   characters, so set `Ops` does not also admit the roles of a set named `Ops_Readonly`. Identity
 *   Center enforces MFA at sign-in.
 */
export function breakGlassTrustPolicy(a: BreakGlassTrustArgs): PolicyDocument {
    if (a.users.length === 0 && a.identityCenterPermissionSets.length === 0) {
        throw new Error("users, identityCenterPermissionSets: at least one holder is required, or nobody can use the break-glass role");
    }
    const management = `arn:${a.partition}:iam::${a.managementAccountId}:root`;
    const statements: Statement[] = [];
    if (a.users.length > 0) {
        statements.push({
            Sid: "ManagementUsersWithMfa",
            Effect: "Allow",
            Principal: { AWS: management },
            Action: "sts:AssumeRole",
            Condition: {
                ArnEquals: { "aws:PrincipalArn": a.users.map((u) => `arn:${a.partition}:iam::${a.managementAccountId}:user/${u}`) },
                Bool: { "aws:MultiFactorAuthPresent": "true" },
                NumericLessThan: { "aws:MultiFactorAuthAge": String(a.maxMfaAgeSeconds ?? 3600) },
            },
        });
    }
    if (a.identityCenterPermissionSets.length > 0) {
        statements.push({
            Sid: "ManagementIdentityCenterSets",
            Effect: "Allow",
            Principal: { AWS: management },
            Action: "sts:AssumeRole",
            Condition: {
                ArnLike: {
                    "aws:PrincipalArn": a.identityCenterPermissionSets.map(
                        (s) => `arn:${a.partition}:iam::${a.managementAccountId}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_${s}_${IDENTITY_CENTER_SUFFIX}`,
                    ),
                },
            },
        });
    }
    return policyDocument(statements);
}
