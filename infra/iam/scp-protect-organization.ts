/** Guardrail: a member account cannot leave the organisation (and so shed every other guardrail). */
import type { OrgModel } from "../config/model";
import { unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const LEAVE_ORGANIZATION_ACTIONS = ["organizations:LeaveOrganization"];

export function protectOrganizationScp(org: OrgModel): PolicyDocument {
    return policyDocument([
        { Sid: "DenyLeaveOrganization", Effect: "Deny", Action: LEAVE_ORGANIZATION_ACTIONS, Resource: "*", Condition: unlessExempt(org) },
    ]);
}
