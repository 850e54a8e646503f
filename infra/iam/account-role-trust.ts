/**
 * Who may assume the roles the bootstrap puts in every account, besides the break-glass role
 * (`break-glass-trust.ts`): the deployment role and the read-only preview role. Both trust named
 * roles of the management account only — the organisation's root of trust, out of reach of every
 * other account's administrator — matched by `aws:PrincipalArn`, so another role of the management
 * account, its root user or a session of any other account is refused.
 */
import { breakGlassTrustPolicy, type BreakGlassTrustArgs } from "./break-glass-trust";
import { policyDocument, type PolicyDocument, type Statement } from "./types";

export interface AccountRoleTrustArgs {
    readonly partition: string;
    readonly managementAccountId: string;
    /** Names of the management-account roles that may assume the role. */
    readonly roleNames: readonly string[];
    /** Sid of the statement. */
    readonly sid: string;
}

function managementRoles(a: AccountRoleTrustArgs): Statement {
    if (a.roleNames.length === 0) throw new Error(`${a.sid}: at least one management-account role must be trusted`);
    return {
        Sid: a.sid,
        Effect: "Allow",
        Principal: { AWS: `arn:${a.partition}:iam::${a.managementAccountId}:root` },
        Action: "sts:AssumeRole",
        Condition: { ArnEquals: { "aws:PrincipalArn": a.roleNames.map((n) => `arn:${a.partition}:iam::${a.managementAccountId}:role/${n}`) } },
    };
}

export interface DeploymentTrustArgs {
    readonly partition: string;
    readonly managementAccountId: string;
    /** The CI deploy role of the management account (assumed by the deploy jobs through GitHub OIDC). */
    readonly ciDeployRoleName: string;
    /** `roles.deployment`: the management account's own deployment role, the path of a deploy by hand. */
    readonly deploymentRoleName: string;
    /**
     * The break-glass holders (MFA users, Identity Center sets): given only for the management
     * account's deployment role, so that a person can deploy by hand through it.
     * @default undefined (no person assumes the role directly)
     */
    readonly holders?: Pick<BreakGlassTrustArgs, "users" | "identityCenterPermissionSets">;
}

/**
 * Trust of the deployment role. In every account: the CI deploy role and the management account's
 * deployment role (the deploy path by hand: a holder signs in with MFA, assumes the management
 * account's deployment role, and Pulumi's providers assume each account's role from there). In the
 * management account the same document plus the holders' statements of the break-glass trust.
 */
export function deploymentTrustPolicy(a: DeploymentTrustArgs): PolicyDocument {
    const deployers = managementRoles({ partition: a.partition, managementAccountId: a.managementAccountId, roleNames: [a.ciDeployRoleName, a.deploymentRoleName], sid: "LandingZoneDeployers" });
    const people = a.holders ? breakGlassTrustPolicy({ partition: a.partition, managementAccountId: a.managementAccountId, ...a.holders }).Statement : [];
    return policyDocument([deployers, ...people]);
}

/** Trust of the read-only preview role in every account: the management account's CI preview role only. */
export function previewTrustPolicy(a: { readonly partition: string; readonly managementAccountId: string; readonly ciPreviewRoleName: string }): PolicyDocument {
    return policyDocument([managementRoles({ partition: a.partition, managementAccountId: a.managementAccountId, roleNames: [a.ciPreviewRoleName], sid: "LandingZonePreview" })]);
}
