/** Guardrail: a member account cannot leave the organisation (and so shed every other guardrail). */
import type { OrgModel } from "../config/model";
import { unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

/**
 * Leaving the organisation, and — should the management account ever delegate policy management —
 * detaching, changing or deleting the guardrails themselves from a member account.
 */
export const LEAVE_ORGANIZATION_ACTIONS = ["organizations:LeaveOrganization", "organizations:DetachPolicy", "organizations:UpdatePolicy", "organizations:DeletePolicy", "organizations:DisablePolicyType"];

export function protectOrganizationScp(org: OrgModel): PolicyDocument {
    return policyDocument([
        { Sid: "DenyLeaveOrganization", Effect: "Deny", Action: LEAVE_ORGANIZATION_ACTIONS, Resource: "*", Condition: unlessExempt(org) },
    ]);
}
