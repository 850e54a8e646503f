/**
 * Guardrail (every account): the landing zone's event rules (the forwarding rules of every account,
 * the routing rules of the central bus), its queues (SIEM, dead letters) and its alarms cannot be
 * stopped, changed, opened to other accounts, purged or muted. What exists only in the security
 * account (the central bus, its policy and archive, the severity topics, schedules, log resource
 * policies) is in `scp-protect-security-tooling.ts`.
 */
import type { OrgModel } from "../config/model";
import { arn } from "../naming";
import { unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const EVENT_RULE_TAMPER_ACTIONS = ["events:DeleteRule", "events:DisableRule", "events:PutRule", "events:PutTargets", "events:RemoveTargets"];

/**
 * `AddPermission` would let another account read or send; `PurgeQueue` deletes every message the
 * SIEM has not read yet, or every event the dead-letter queue holds.
 */
export const ALERT_QUEUE_TAMPER_ACTIONS = ["sqs:DeleteQueue", "sqs:SetQueueAttributes", "sqs:AddPermission", "sqs:RemovePermission", "sqs:PurgeQueue"];

/**
 * Alarms deleted, muted (actions disabled), forced back to OK, or replaced with a threshold that never
 * fires; and composite alarms under the landing zone's names, whose rule (`TRUE`/`FALSE`) an
 * administrator chooses: a forged health alarm pages with text of the attacker's choosing, and one
 * publishing to a severity topic keeps that topic's self-test metric up.
 */
export const ALARM_TAMPER_ACTIONS = ["cloudwatch:DeleteAlarms", "cloudwatch:DisableAlarmActions", "cloudwatch:SetAlarmState", "cloudwatch:PutMetricAlarm", "cloudwatch:PutCompositeAlarm", "cloudwatch:PutLogAlarm"];

/**
 * Every account's default bus carries the forwarding rules; their patterns and targets are encrypted
 * under the bus's key (EventBridge User Guide, "Encrypting events with customer managed keys"), so
 * re-keying the default bus with a key EventBridge cannot use would silence them without touching a
 * rule.
 */
export const DEFAULT_BUS_TAMPER_ACTIONS = ["events:UpdateEventBus"];

/**
 * `ALARM_TAMPER_ACTIONS` as the SCP writes them: the alarm writes (`PutMetricAlarm`,
 * `PutCompositeAlarm`, `PutLogAlarm`) as `cloudwatch:Put*Alarm`, which names exactly those in the
 * Service Authorization Reference and keeps the root guardrail under 5,120 characters with the
 * longest names.
 */
function scpAlarmActions(): string[] {
    const put = /^cloudwatch:Put\w+Alarm$/;
    return [...ALARM_TAMPER_ACTIONS.filter((a) => !put.test(a)), "cloudwatch:Put*Alarm"];
}

/** Rules, queues and alarms whose names start with the landing-zone prefix, and every default bus. */
export function protectAlertingScp(org: OrgModel): PolicyDocument {
    const p = org.namePrefix;
    return policyDocument([
        {
            Sid: "ProtectLandingZoneAlerting",
            Effect: "Deny",
            Action: [...EVENT_RULE_TAMPER_ACTIONS, ...DEFAULT_BUS_TAMPER_ACTIONS, ...ALERT_QUEUE_TAMPER_ACTIONS, ...scpAlarmActions()],
            Resource: [
                arn(org, "events", "*", "*", `rule/${p}-*`),
                arn(org, "events", "*", "*", `rule/*/${p}-*`),
                arn(org, "events", "*", "*", "event-bus/default"),
                arn(org, "sqs", "*", "*", `${p}-*`),
                arn(org, "cloudwatch", "*", "*", `alarm:${p}-*`),
            ],
            Condition: unlessExempt(org),
        },
    ]);
}
