/**
 * Guardrail: the organisation trail, landing-zone log groups and the event routing that carries
 * security events to the central bus cannot be stopped, changed or deleted from member accounts.
 */
import type { OrgModel } from "../config/model";
import { arn, logGroupPrefix } from "../naming";
import { unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const TRAIL_TAMPER_ACTIONS = [
    "cloudtrail:StopLogging",
    "cloudtrail:DeleteTrail",
    "cloudtrail:UpdateTrail",
    "cloudtrail:PutEventSelectors",
    "cloudtrail:PutInsightSelectors",
    "cloudtrail:RemoveTags",
];

export const LOG_GROUP_TAMPER_ACTIONS = [
    "logs:DeleteLogGroup",
    "logs:DeleteLogStream",
    "logs:PutRetentionPolicy",
    "logs:DeleteRetentionPolicy",
    "logs:DeleteSubscriptionFilter",
    "logs:PutSubscriptionFilter",
    "logs:DisassociateKmsKey",
    "logs:DeleteDataProtectionPolicy",
    "logs:UntagResource",
];

/**
 * Account-level CloudWatch Logs policies carry the subscription that sends every log group to the
 * central destination. IAM has no condition key for the policy type, so every account policy
 * change goes through the exempt roles.
 */
export const LOG_ACCOUNT_POLICY_ACTIONS = ["logs:PutAccountPolicy", "logs:DeleteAccountPolicy"];

export const EVENT_ROUTING_TAMPER_ACTIONS = [
    "events:DeleteRule",
    "events:DisableRule",
    "events:PutRule",
    "events:PutTargets",
    "events:RemoveTargets",
    "events:DeleteEventBus",
    "events:PutPermission",
    "events:RemovePermission",
    "events:UntagResource",
];

/** Trails, log groups and event rules/buses whose names start with the landing-zone prefix. */
export function protectLoggingScp(org: OrgModel): PolicyDocument {
    const p = org.namePrefix;
    return policyDocument([
        {
            Sid: "ProtectLandingZoneTrails",
            Effect: "Deny",
            Action: TRAIL_TAMPER_ACTIONS,
            Resource: [arn(org, "cloudtrail", "*", "*", `trail/${p}-*`)],
            Condition: unlessExempt(org),
        },
        {
            Sid: "ProtectLandingZoneLogGroups",
            Effect: "Deny",
            Action: LOG_GROUP_TAMPER_ACTIONS,
            Resource: [arn(org, "logs", "*", "*", `log-group:${logGroupPrefix(org)}*`)],
            Condition: unlessExempt(org),
        },
        {
            Sid: "ProtectLogAccountPolicies",
            Effect: "Deny",
            Action: LOG_ACCOUNT_POLICY_ACTIONS,
            Resource: "*",
            Condition: unlessExempt(org),
        },
        {
            Sid: "ProtectLandingZoneEventRouting",
            Effect: "Deny",
            Action: EVENT_ROUTING_TAMPER_ACTIONS,
            Resource: [
                arn(org, "events", "*", "*", `rule/${p}-*`),
                arn(org, "events", "*", "*", `rule/*/${p}-*`),
                arn(org, "events", "*", "*", `event-bus/${p}-*`),
            ],
            Condition: unlessExempt(org),
        },
    ]);
}
