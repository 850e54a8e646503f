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
    // The exempt names under any path too (`*<name>` matches `<name>` and `tools/<name>`): IAM role names
    // are unique per account whatever the path, so a role `tools/<breakGlass>` would take the name (and
    // match the break-glass metric filter). Names merely ending like them are reserved with them.
    return [`*${org.roles.deployment}`, `*${org.roles.breakGlass}`, org.roles.investigator, `${org.namePrefix}-*`, "aws-service-role/config.*"].map(
        (n) => `arn:${org.partition}:iam::*:role/${n}`,
    );
}

/**
 * The exempt roles are also created and updated by the bootstrap's StackSet, which runs as the
 * StackSet execution role: that role is exempt from this statement, and only this one (no other
 * guardrail names it). It is itself protected — an administrator who could create or re-trust a
 * `stacksets-exec-*` role could mint the exemption through it. Only the management account's
 * StackSets (or a StackSets delegated administrator, which the landing zone never registers) can
 * act as it, and the management account is the root of trust already; a statement keeping it off
 * the pipeline's roles as well would not fit the 5,120-character limit with the longest names.
 */
export function protectRolesScp(org: OrgModel): PolicyDocument {
    const stackSets = `arn:${org.partition}:iam::*:role/${STACKSET_EXECUTION_ROLE}`;
    const exempt = unlessExempt(org).ArnNotLike["aws:PrincipalArn"] as string[];
    return policyDocument([
        {
            Sid: "ProtectLandingZoneRoles",
            Effect: "Deny",
            Action: ROLE_TAMPER_ACTIONS,
            Resource: [...landingZoneRolePatterns(org), stackSets],
            Condition: { ArnNotLike: { "aws:PrincipalArn": [...exempt, stackSets] } },
        },
    ]);
}
