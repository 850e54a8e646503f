import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { failIfAny, roleNameProblem } from "../validate";

export interface BreakGlassRoleArgs {
    /** The role name the guardrails exempt (`roles.breakGlass`). */
    readonly roleName: string;
    /** Who may assume it (`iam/break-glass-trust.ts`: principals of the management account only). */
    readonly trustPolicy: PolicyDocument;
    /** `arn:<partition>:iam::aws:policy/AdministratorAccess`: break-glass means every permission. */
    readonly administratorPolicyArn: string;
    /**
     * Longest session, minutes (IAM allows 60 to 720).
     * @default 60
     */
    readonly maxSessionMinutes?: number;
    /**
     * The account already has a role of this name: adopt it with `import` instead of creating it (its
     * trust and policies are then replaced by these).
     * @default false
     */
    readonly adopt?: boolean;
}

export type ResolvedBreakGlassRoleArgs = BreakGlassRoleArgs & { readonly maxSessionMinutes: number; readonly adopt: boolean };

export function resolveBreakGlassRoleArgs(name: string, args: BreakGlassRoleArgs): ResolvedBreakGlassRoleArgs {
    const r = { maxSessionMinutes: 60, adopt: false, ...args };
    const problems: string[] = [];
    const roleName = roleNameProblem("roleName", r.roleName);
    if (roleName) problems.push(roleName);
    if (!Number.isInteger(r.maxSessionMinutes) || r.maxSessionMinutes < 60 || r.maxSessionMinutes > 720) problems.push(`maxSessionMinutes: ${r.maxSessionMinutes} must be a whole number of minutes from 60 to 720 (IAM limits)`);
    if (r.trustPolicy.Statement.length === 0) problems.push("trustPolicy: has no statement; nobody could use the break-glass role");
    failIfAny("BreakGlassRole", name, problems);
    return r;
}

/**
 * The break-glass role of an account: the only principal besides the deployment role that the
 * guardrails exempt. It exists in every account so that no administrator can create one of that
 * name (the guardrail denies `iam:CreateRole` on it as well), and it is protected: deleting it would
 * reopen the name. Every use of it pages the high topic (the security stack's break-glass alarm).
 */
export class BreakGlassRole extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: BreakGlassRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:baseline:BreakGlassRole", name, {}, opts);
        const a = resolveBreakGlassRoleArgs(name, args);
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                name: a.roleName,
                description: "Emergency access exempt from the landing-zone guardrails; every use pages the security team",
                assumeRolePolicy: policyJson(a.trustPolicy),
                maxSessionDuration: a.maxSessionMinutes * 60,
            },
            { parent: this, protect: true, retainOnDelete: true, ...(a.adopt ? { import: a.roleName } : {}) },
        );
        new aws.iam.RolePolicyAttachment(`${name}-administrator`, { role: role.name, policyArn: a.administratorPolicyArn }, { parent: this });
        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
