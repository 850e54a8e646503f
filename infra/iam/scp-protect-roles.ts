/**
 * Guardrail: the roles the landing zone depends on (deployment, break-glass, investigator, every
 * `<namePrefix>-*` role the stacks create — event forwarding, log delivery, replication, trail
 * delivery, query — and AWS Config's service-linked role the member baseline creates) cannot be
 * deleted or have their trust or permissions changed from a member account: otherwise an
 * administrator could lock the landing zone out, or silently break forwarding and delivery.
 */
import type { OrgModel } from "../config/model";
import { unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const ROLE_TAMPER_ACTIONS = [
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

/** Role ARN patterns in any account: the named roles of `roles`, the prefixed roles and Config's service-linked role. */
export function landingZoneRolePatterns(org: OrgModel): string[] {
    return [org.roles.deployment, org.roles.breakGlass, org.roles.investigator, `${org.namePrefix}-*`, "aws-service-role/config.*"].map(
        (n) => `arn:${org.partition}:iam::*:role/${n}`,
    );
}

export function protectRolesScp(org: OrgModel): PolicyDocument {
    return policyDocument([
        { Sid: "ProtectLandingZoneRoles", Effect: "Deny", Action: ROLE_TAMPER_ACTIONS, Resource: landingZoneRolePatterns(org), Condition: unlessExempt(org) },
    ]);
}
