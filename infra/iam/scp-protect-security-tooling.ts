/**
 * Guardrail attached to the security account alone: what the landing zone keeps only there.
 *
 * - The delegated administrator's configuration of the detection services: organisation
 *   configuration (auto-enable), members, GuardDuty threat lists, Security Hub configuration
 *   policies and their associations (a policy with Security Hub disabled, associated with the root,
 *   switches it off everywhere), the finding aggregator, automation rules (which can suppress
 *   findings as they arrive), custom actions (escalation), Access Analyzer archive rules, the Config
 *   aggregator and organisation rules and conformance packs.
 * - The alert path: the central bus, its archive and its policy (`events:PutPermission` and
 *   `RemovePermission` are authorised on `*` only, so they are denied outright here), the severity
 *   topics (no `AddPermission` that would let another account subscribe, no data-protection policy
 *   that would mask what they carry), the resource policies of CloudWatch Logs (also `*` only: the
 *   one that lets EventBridge write the security-events log group), the self-test's schedule, and
 *   alarm mute rules (which can mute any alarm, so they are denied outright as well).
 *
 * Attaching these to the account instead of the root keeps the root's policies within AWS's
 * 5,120 characters and never denies another account the same `*`-only actions on its own resources.
 */
import type { OrgModel } from "../config/model";
import { arn, logGroupPrefix } from "../naming";
import { exemptPrincipalPatterns, unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const DELEGATED_ADMIN_TAMPER_ACTIONS = [
    "guardduty:UpdateOrganizationConfiguration",
    "guardduty:UpdateMemberDetectors",
    "guardduty:DisassociateMembers",
    "guardduty:StopMonitoringMembers",
    "guardduty:DeleteMembers",
    "guardduty:UpdateThreatIntelSet",
    "guardduty:DeleteThreatIntelSet",
    "guardduty:UpdateThreatEntitySet",
    "guardduty:DeleteThreatEntitySet",
    "securityhub:UpdateOrganizationConfiguration",
    "securityhub:CreateConfigurationPolicy",
    "securityhub:UpdateConfigurationPolicy",
    "securityhub:DeleteConfigurationPolicy",
    "securityhub:StartConfigurationPolicyAssociation",
    "securityhub:StartConfigurationPolicyDisassociation",
    "securityhub:UpdateFindingAggregator",
    "securityhub:DeleteFindingAggregator",
    "securityhub:UpdateAggregatorV2",
    "securityhub:DeleteAggregatorV2",
    "securityhub:CreateAutomationRule",
    "securityhub:BatchUpdateAutomationRules",
    "securityhub:CreateAutomationRuleV2",
    "securityhub:UpdateAutomationRuleV2",
    "securityhub:UpdateSecurityControl",
    "securityhub:DisassociateMembers",
    "securityhub:DeleteMembers",
    "securityhub:UpdateActionTarget",
    "securityhub:DeleteActionTarget",
    "access-analyzer:CreateArchiveRule",
    "access-analyzer:UpdateArchiveRule",
    "access-analyzer:ApplyArchiveRule",
    "access-analyzer:UpdateAnalyzer",
    "config:PutConfigurationAggregator",
    "config:PutOrganizationConfigRule",
    "config:DeleteOrganizationConfigRule",
    "config:PutOrganizationConformancePack",
    "config:DeleteOrganizationConformancePack",
    "macie2:UpdateOrganizationConfiguration",
    "macie2:UpdateMemberSession",
    "macie2:DisassociateMember",
    "macie2:DeleteMember",
    "inspector2:UpdateOrganizationConfiguration",
    "inspector2:UpdateOrgEc2DeepInspectionConfiguration",
    "detective:UpdateOrganizationConfiguration",
    "detective:DeleteMembers",
    "detective:UpdateDatasourcePackages",
];

/**
 * Actions IAM authorises on `*` only (no resource type names the bus policy, the account's log
 * resource policies or a mute rule's alarms), and the replay of the bus archive, which would page
 * everyone again with old events.
 */
export const SECURITY_ACCOUNT_WIDE_TAMPER_ACTIONS = [
    "events:PutPermission",
    "events:RemovePermission",
    "events:StartReplay",
    "logs:PutResourcePolicy",
    "logs:DeleteResourcePolicy",
    "cloudwatch:PutAlarmMuteRule",
];

export const CENTRAL_BUS_TAMPER_ACTIONS = [
    "events:DeleteEventBus",
    "events:UpdateEventBus",
    "events:UntagResource",
    "events:DeleteArchive",
    "events:UpdateArchive",
    // The bus policy as an EventBridge v2 named resource policy (`event-busv2/<bus>/<id>`).
    "events:PutResourcePolicy",
    "events:DeleteResourcePolicy",
];

/** `SetSubscriptionAttributes` too: a filter policy on the on-call subscription silences it as surely as `Unsubscribe`. */
export const ALERT_TOPIC_TAMPER_ACTIONS = [
    "sns:DeleteTopic",
    "sns:SetTopicAttributes",
    "sns:AddPermission",
    "sns:RemovePermission",
    "sns:Unsubscribe",
    "sns:SetSubscriptionAttributes",
    "sns:PutDataProtectionPolicy",
];

export const SCHEDULE_TAMPER_ACTIONS = ["scheduler:CreateSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule", "scheduler:DeleteScheduleGroup"];

/**
 * Metric data under the landing zone's namespaces (`LandingZone/CIS`, `LandingZone/Guardrails`): a
 * data point held above a threshold keeps an alarm in ALARM, and an alarm in ALARM never pages again.
 * Metric filters publish these metrics as CloudWatch Logs, which no SCP binds.
 */
export const LANDING_ZONE_METRIC_ACTIONS = ["cloudwatch:PutMetricData"];
export const LANDING_ZONE_NAMESPACES = "LandingZone/*";

/**
 * Writing into the security account's landing-zone log groups: a forged CloudTrail record in the
 * trail's group feeds the CIS and guardrail metric filters (and the copy investigators query). Only
 * the landing zone's own roles write there (CloudTrail's delivery role, the landing zone's functions);
 * EventBridge writes the security-events group under a resource policy, which no SCP binds.
 */
export const LOG_GROUP_WRITE_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"];

export function protectSecurityToolingScp(org: OrgModel): PolicyDocument {
    const p = org.namePrefix;
    const exempt = unlessExempt(org);
    return policyDocument([
        { Sid: "ProtectLandingZoneMetrics", Effect: "Deny", Action: LANDING_ZONE_METRIC_ACTIONS, Resource: "*", Condition: { ...exempt, StringLike: { "cloudwatch:namespace": LANDING_ZONE_NAMESPACES } } },
        {
            Sid: "OnlyLandingZoneWritesItsLogs",
            Effect: "Deny",
            Action: LOG_GROUP_WRITE_ACTIONS,
            Resource: arn(org, "logs", "*", "*", `log-group:${logGroupPrefix(org)}*`),
            Condition: { ArnNotLike: { "aws:PrincipalArn": [...exemptPrincipalPatterns(org), `arn:${org.partition}:iam::*:role/${p}-*`] } },
        },
        { Sid: "ProtectDelegatedAdministration", Effect: "Deny", Action: DELEGATED_ADMIN_TAMPER_ACTIONS, Resource: "*", Condition: exempt },
        { Sid: "ProtectAccountWidePolicies", Effect: "Deny", Action: SECURITY_ACCOUNT_WIDE_TAMPER_ACTIONS, Resource: "*", Condition: exempt },
        {
            Sid: "ProtectAlertPath",
            Effect: "Deny",
            Action: [...CENTRAL_BUS_TAMPER_ACTIONS, ...ALERT_TOPIC_TAMPER_ACTIONS, ...SCHEDULE_TAMPER_ACTIONS],
            Resource: [
                arn(org, "events", "*", "*", `event-bus/${p}-*`),
                arn(org, "events", "*", "*", `event-busv2/${p}-*`),
                arn(org, "events", "*", "*", `archive/${p}-*`),
                arn(org, "sns", "*", "*", `${p}-*`),
                arn(org, "scheduler", "*", "*", `schedule/${p}-*`),
                arn(org, "scheduler", "*", "*", `schedule-group/${p}-*`),
            ],
            Condition: exempt,
        },
    ]);
}
