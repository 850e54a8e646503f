/**
 * The CloudFormation template that creates the landing zone's three roles in an account: the
 * deployment role (AdministratorAccess; the providers assume it), the break-glass role
 * (AdministratorAccess; people, with MFA) and the preview role (ReadOnlyAccess minus data reads;
 * pull-request previews and the drift check). The StackSet deploys it into every target account and
 * the bootstrap stack into the management account, which service-managed StackSets never reach.
 * Trust documents come in as the very objects the rest of the code builds (`infra/iam/`), so the
 * template cannot drift from them.
 */
import type { PolicyDocument } from "../../iam/types";

/** The subset of CloudFormation's template anatomy this template uses (AWS CloudFormation User Guide, "Template anatomy"). */
export interface CloudFormationTemplate {
    readonly AWSTemplateFormatVersion: "2010-09-09";
    readonly Description: string;
    readonly Resources: Readonly<Record<string, { readonly Type: string; readonly DeletionPolicy?: string; readonly UpdateReplacePolicy?: string; readonly Properties: Record<string, unknown> }>>;
    readonly Outputs: Readonly<Record<string, { readonly Description: string; readonly Value: unknown }>>;
}

export interface AccountRolesTemplateArgs {
    readonly deploymentRoleName: string;
    readonly deploymentTrust: PolicyDocument;
    readonly breakGlassRoleName: string;
    readonly breakGlassTrust: PolicyDocument;
    /** Longest break-glass session, seconds (IAM allows 3,600 to 43,200). */
    readonly breakGlassMaxSessionSeconds: number;
    readonly previewRoleName: string;
    readonly previewTrust: PolicyDocument;
    /** Inline deny of the preview role (data reads ReadOnlyAccess would allow). */
    readonly previewDeny: PolicyDocument;
}

/** An AWS managed policy in whatever partition the stack runs in. */
const managedPolicy = (name: string) => ({ "Fn::Sub": `arn:\${AWS::Partition}:iam::aws:policy/${name}` });

export function accountRolesTemplate(a: AccountRolesTemplateArgs): CloudFormationTemplate {
    // Retained on delete: a stack instance removed with its account (or the StackSet deleted) must
    // not free the exempt names for an administrator to take.
    const retain = { DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" } as const;
    return {
        AWSTemplateFormatVersion: "2010-09-09",
        Description: "Landing-zone account roles: deployment, break-glass and read-only preview (generated; do not edit by hand)",
        Resources: {
            DeploymentRole: {
                Type: "AWS::IAM::Role",
                ...retain,
                Properties: {
                    RoleName: a.deploymentRoleName,
                    Description: "Landing-zone deployments (CI deploy role, management deployment role); exempt from the guardrails",
                    AssumeRolePolicyDocument: a.deploymentTrust,
                    ManagedPolicyArns: [managedPolicy("AdministratorAccess")],
                    MaxSessionDuration: 3600,
                },
            },
            BreakGlassRole: {
                Type: "AWS::IAM::Role",
                ...retain,
                Properties: {
                    RoleName: a.breakGlassRoleName,
                    Description: "Emergency access exempt from the landing-zone guardrails; every use pages the security team",
                    AssumeRolePolicyDocument: a.breakGlassTrust,
                    ManagedPolicyArns: [managedPolicy("AdministratorAccess")],
                    MaxSessionDuration: a.breakGlassMaxSessionSeconds,
                },
            },
            PreviewRole: {
                Type: "AWS::IAM::Role",
                Properties: {
                    RoleName: a.previewRoleName,
                    Description: "Read-only landing-zone previews and drift checks (no data reads)",
                    AssumeRolePolicyDocument: a.previewTrust,
                    ManagedPolicyArns: [managedPolicy("ReadOnlyAccess")],
                    Policies: [{ PolicyName: "no-data-reads", PolicyDocument: a.previewDeny }],
                    MaxSessionDuration: 3600,
                },
            },
        },
        Outputs: {
            DeploymentRoleArn: { Description: "The deployment role", Value: { "Fn::GetAtt": ["DeploymentRole", "Arn"] } },
            BreakGlassRoleArn: { Description: "The break-glass role", Value: { "Fn::GetAtt": ["BreakGlassRole", "Arn"] } },
            PreviewRoleArn: { Description: "The read-only preview role", Value: { "Fn::GetAtt": ["PreviewRole", "Arn"] } },
        },
    };
}
