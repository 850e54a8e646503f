/**
 * Guardrail (every account): the detection services the landing zone turns on in every account
 * (GuardDuty, Security Hub, Config, Access Analyzer, Macie, Inspector, Detective) cannot be disabled,
 * detached from their delegated administrator, or blinded without touching the detector: no
 * suppression filter, trusted-IP list, narrower recording, paused session or silenced findings
 * export. The actions act on account-level singletons or on resources of any name, so the statement
 * covers every resource. What only the delegated administrator can change (organisation
 * configuration, members, configuration policies, aggregators, automation and archive rules) is in
 * `scp-protect-security-tooling.ts`, attached to the security account alone.
 *
 * Per-finding triage stays allowed (GuardDuty ArchiveFindings, Security Hub BatchUpdateFindings):
 * analysts need it, and each change is recorded on the finding itself.
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
    // Filters with action ARCHIVE (suppression rules): matching findings never reach EventBridge or the export.
    "guardduty:CreateFilter",
    "guardduty:UpdateFilter",
    // Trusted IP and entity lists: GuardDuty raises no finding for traffic they name.
    "guardduty:CreateIPSet",
    "guardduty:UpdateIPSet",
    "guardduty:CreateTrustedEntitySet",
    "guardduty:UpdateTrustedEntitySet",
    // Malware scan exclusions.
    "guardduty:UpdateMalwareScanSettings",
    // Sample findings page like real ones: a flood to bury a real finding in.
    "guardduty:CreateSampleFindings",
];

export const SECURITY_HUB_TAMPER_ACTIONS = [
    "securityhub:DisableSecurityHub",
    "securityhub:DisableSecurityHubV2",
    "securityhub:BatchDisableStandards",
    "securityhub:DisassociateFromAdministratorAccount",
    "securityhub:DisassociateFromMasterAccount",
    // Stops a product's findings (GuardDuty, Inspector…) from reaching Security Hub.
    "securityhub:DisableImportFindingsForProduct",
    // Controls switched off one by one, or control findings regrouped.
    "securityhub:UpdateStandardsControl",
    "securityhub:BatchUpdateStandardsControlAssociations",
    "securityhub:UpdateSecurityHubConfiguration",
];

export const CONFIG_TAMPER_ACTIONS = [
    "config:StopConfigurationRecorder",
    "config:DeleteConfigurationRecorder",
    "config:DeleteServiceLinkedConfigurationRecorder",
    "config:PutConfigurationRecorder",
    // Narrows what the recorder records without replacing it.
    "config:DisassociateResourceTypes",
    "config:DeleteDeliveryChannel",
    "config:PutDeliveryChannel",
    "config:DeleteRetentionConfiguration",
    "config:PutRetentionConfiguration",
    "config:DeleteEvaluationResults",
    "config:DeleteConfigurationAggregator",
    "config:DeleteAggregationAuthorization",
];

export const OTHER_DETECTION_TAMPER_ACTIONS = [
    "access-analyzer:DeleteAnalyzer",
    "macie2:DisableMacie",
    "macie2:DisassociateFromAdministratorAccount",
    "macie2:DisassociateFromMasterAccount",
    // Status PAUSED stops every job and automated discovery.
    "macie2:UpdateMacieSession",
    // Findings filters with action ARCHIVE (suppression rules).
    "macie2:CreateFindingsFilter",
    "macie2:UpdateFindingsFilter",
    // Stops findings from reaching Security Hub.
    "macie2:PutFindingsPublicationConfiguration",
    "inspector2:Disable",
    "inspector2:DisassociateMember",
    // Filters with action SUPPRESS (suppression rules).
    "inspector2:CreateFilter",
    "inspector2:UpdateFilter",
    "detective:DisassociateMembership",
    "detective:DeleteGraph",
];

/** Every detection-tampering action denied in every account (the delegated administrator's are in the security-tooling guardrail). */
export const DETECTION_TAMPER_ACTIONS = [...GUARDDUTY_TAMPER_ACTIONS, ...SECURITY_HUB_TAMPER_ACTIONS, ...CONFIG_TAMPER_ACTIONS, ...OTHER_DETECTION_TAMPER_ACTIONS];

/**
 * A finding set to SUPPRESSED stays suppressed (Security Hub resets only NOTIFIED and RESOLVED to
 * NEW; API Reference, WorkflowUpdate) and the routing pages NEW findings only, so a suppression blinds
 * the finding for good. It is the security account's triage, and pages there
 * (`findings-suppressed`); no other account may suppress.
 */
export const FINDING_SUPPRESSION_ACTIONS = ["securityhub:BatchUpdateFindings"];

export function protectSecurityServicesScp(org: OrgModel): PolicyDocument {
    return policyDocument([
        { Sid: "ProtectDetection", Effect: "Deny", Action: DETECTION_TAMPER_ACTIONS, Resource: "*", Condition: unlessExempt(org) },
        {
            Sid: "SuppressOnlyInSecurity",
            Effect: "Deny",
            Action: FINDING_SUPPRESSION_ACTIONS,
            Resource: "*",
            Condition: { ...unlessExempt(org), StringEquals: { "securityhub:ASFFSyntaxPath/Workflow.Status": "SUPPRESSED" }, StringNotEquals: { "aws:PrincipalAccount": org.security.id } },
        },
    ]);
}
