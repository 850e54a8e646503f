/**
 * Guardrail: the detection services the landing zone turns on in every account (GuardDuty,
 * Security Hub, Config, Access Analyzer, Macie, Inspector, Detective) cannot be disabled, deleted
 * or detached from their delegated administrator from inside a member account. The actions act on
 * account-level singletons, so the statement covers every resource.
 */
import type { OrgModel } from "../config/model";
import { unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const GUARDDUTY_TAMPER_ACTIONS = [
    "guardduty:DeleteDetector",
    "guardduty:UpdateDetector",
    "guardduty:DeletePublishingDestination",
    "guardduty:UpdatePublishingDestination",
    "guardduty:DisassociateFromAdministratorAccount",
    "guardduty:DisassociateFromMasterAccount",
    "guardduty:DisassociateMembers",
    "guardduty:StopMonitoringMembers",
    "guardduty:DeleteMembers",
];

export const SECURITY_HUB_TAMPER_ACTIONS = [
    "securityhub:DisableSecurityHub",
    "securityhub:BatchDisableStandards",
    "securityhub:DisassociateFromAdministratorAccount",
    "securityhub:DisassociateFromMasterAccount",
    "securityhub:DisassociateMembers",
    "securityhub:DeleteMembers",
];

export const CONFIG_TAMPER_ACTIONS = [
    "config:StopConfigurationRecorder",
    "config:DeleteConfigurationRecorder",
    "config:PutConfigurationRecorder",
    "config:DeleteDeliveryChannel",
    "config:PutDeliveryChannel",
    "config:DeleteRetentionConfiguration",
    "config:DeleteConfigurationAggregator",
    "config:DeleteAggregationAuthorization",
];

export const OTHER_DETECTION_TAMPER_ACTIONS = [
    "access-analyzer:DeleteAnalyzer",
    "macie2:DisableMacie",
    "macie2:DisassociateFromAdministratorAccount",
    "macie2:DisassociateFromMasterAccount",
    "inspector2:Disable",
    "inspector2:DisassociateMember",
    "detective:DisassociateMembership",
    "detective:DeleteGraph",
];

export function protectSecurityServicesScp(org: OrgModel): PolicyDocument {
    return policyDocument([
        { Sid: "ProtectGuardDuty", Effect: "Deny", Action: GUARDDUTY_TAMPER_ACTIONS, Resource: "*", Condition: unlessExempt(org) },
        { Sid: "ProtectSecurityHub", Effect: "Deny", Action: SECURITY_HUB_TAMPER_ACTIONS, Resource: "*", Condition: unlessExempt(org) },
        { Sid: "ProtectConfig", Effect: "Deny", Action: CONFIG_TAMPER_ACTIONS, Resource: "*", Condition: unlessExempt(org) },
        { Sid: "ProtectOtherDetection", Effect: "Deny", Action: OTHER_DETECTION_TAMPER_ACTIONS, Resource: "*", Condition: unlessExempt(org) },
    ]);
}
