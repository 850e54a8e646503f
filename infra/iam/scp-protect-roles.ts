/**
 * Guardrail: the roles the landing zone depends on (deployment, break-glass, investigator, every
 * `<namePrefix>-*` role the stacks create — event forwarding, log delivery, replication, trail
 * delivery, query — and AWS Config's service-linked role the member baseline creates) cannot be
 * created, deleted, passed to a service, or have their trust, permissions, boundary or tags changed
 * by anyone but the two exempt roles: otherwise an administrator could lock the landing zone out,
 * silently break forwarding and delivery, or mint an exemption.
 *
 * The guardrails exempt the deployment and break-glass roles by name, so creating a role of either
 * name is minting an exemption: `iam:CreateRole` is denied on those names in every account (the
 * member baseline creates the break-glass role through the deployment role). `iam:PassRole` keeps
 * the pipeline's roles out of resources of an administrator's making: a Firehose stream of their
 * own writing into the archive as the delivery role, a replication rule into the archive, a rule
 * forwarding their events to the central bus, or a schedule sending the self-test's event.
 */
import type { OrgModel } from "../config/model";
import { unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const ROLE_TAMPER_ACTIONS = [
    "iam:CreateRole",
    "iam:PassRole",
    "iam:DeleteRole",
    "iam:UpdateRole",
    "iam:UpdateAssumeRolePolicy",
    "iam:PutRolePolicy",
    "iam:DeleteRolePolicy",
    "iam:AttachRolePolicy",
    "iam:DetachRolePolicy",
    "iam:PutRolePermissionsBoundary",
    "iam:DeleteRolePermissionsBoundary",
    "iam:TagRole",
    "iam:UntagRole",
    // Only for the service-linked role: AWS itself refuses every other change to one.
    "iam:DeleteServiceLinkedRole",
];

/**
 * The execution role a service-managed StackSet creates in every target account and runs as
 * (AWS CloudFormation User Guide, "Configure a custom execution role template for StackSets":
 * `stacksets-exec-*`, with AdministratorAccess). Only the management account's StackSets
 * service-linked role may assume it (managed policy CloudFormationStackSetsOrgAdminServiceRolePolicy:
 * `sts:AssumeRole` on `role/stacksets-exec-*`), and AWS creates it through the member account's
 * service-linked role, which SCPs do not restrict (AWS Organizations User Guide, "Service control
 * policies": SCPs do not affect service-linked roles).
 */
export const STACKSET_EXECUTION_ROLE = "stacksets-exec-*";

/** Role ARN patterns in any account: the named roles of `roles`, the prefixed roles and Config's service-linked role. */
export function landingZoneRolePatterns(org: OrgModel): string[] {
    return [...exemptRoleNamePatterns(org), ...otherRolePatterns(org)].map((n) => `arn:${org.partition}:iam::*:role/${n}`);
}

/**
 * The exempt names under any path too (`*<name>` matches `<name>` and `tools/<name>`): IAM role names
 * are unique per account whatever the path, so a role `tools/<breakGlass>` would take the name (and
 * match the break-glass metric filter). Names merely ending like them are reserved with them.
 */
function exemptRoleNamePatterns(org: OrgModel): string[] {
    return [`*${org.roles.deployment}`, `*${org.roles.breakGlass}`];
}

function otherRolePatterns(org: OrgModel): string[] {
    return [org.roles.investigator, `${org.namePrefix}-*`, "aws-service-role/config.*"];
}

/**
 * The exempt roles themselves are also created and updated by the bootstrap's StackSet, which runs
 * as the StackSet execution role: that role is exempt for them alone (not for the pipeline's roles,
 * nor for any other guardrail), and is itself protected — an administrator who could create or
 * re-trust a `stacksets-exec-*` role could mint the exemption through it.
 */
export function protectRolesScp(org: OrgModel): PolicyDocument {
    const arnOf = (n: string) => `arn:${org.partition}:iam::*:role/${n}`;
    const exempt = unlessExempt(org).ArnNotLike["aws:PrincipalArn"] as string[];
    return policyDocument([
        { Sid: "ProtectLandingZoneRoles", Effect: "Deny", Action: ROLE_TAMPER_ACTIONS, Resource: otherRolePatterns(org).map(arnOf), Condition: unlessExempt(org) },
        {
            Sid: "ProtectExemptRoles",
            Effect: "Deny",
            Action: ROLE_TAMPER_ACTIONS,
            Resource: [...exemptRoleNamePatterns(org), STACKSET_EXECUTION_ROLE].map(arnOf),
            Condition: { ArnNotLike: { "aws:PrincipalArn": [...exempt, arnOf(STACKSET_EXECUTION_ROLE)] } },
        },
    ]);
}
