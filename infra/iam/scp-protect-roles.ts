/**
 * Guardrail: the roles the landing zone depends on (deployment, break-glass, investigator, and
 * every `<namePrefix>-*` service role such as the event-forwarding role) cannot be deleted or have
 * their trust or permissions changed from a member account: otherwise an administrator could lock
 * the landing zone out, or silently break forwarding.
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
];

/** Role ARN patterns in any account: the named roles of `roles` and the prefixed service roles. */
export function landingZoneRolePatterns(org: OrgModel): string[] {
    return [org.roles.deployment, org.roles.breakGlass, org.roles.investigator, `${org.namePrefix}-*`].map((n) => `arn:${org.partition}:iam::*:role/${n}`);
}

export function protectRolesScp(org: OrgModel): PolicyDocument {
    return policyDocument([
        { Sid: "ProtectLandingZoneRoles", Effect: "Deny", Action: ROLE_TAMPER_ACTIONS, Resource: landingZoneRolePatterns(org), Condition: unlessExempt(org) },
    ]);
}
