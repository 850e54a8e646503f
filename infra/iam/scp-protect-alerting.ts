/**
 * Guardrail: the routing that carries security events to the central bus and from there to people
 * and the SIEM — forwarding rules in every account, the central bus, its policy, rules, targets and
 * archive, the severity topics and the landing-zone queues (SIEM, dead letters) — cannot be
 * stopped, changed or deleted from member accounts.
 */
import type { OrgModel } from "../config/model";
import { arn } from "../naming";
import { unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const EVENT_ROUTING_TAMPER_ACTIONS = [
    "events:DeleteRule",
    "events:DisableRule",
    "events:PutRule",
    "events:PutTargets",
    "events:RemoveTargets",
    "events:DeleteEventBus",
    "events:UpdateEventBus",
    "events:UntagResource",
    "events:DeleteArchive",
    "events:UpdateArchive",
    // The bus policy as an EventBridge v2 named resource policy (`event-busv2/<bus>/<id>`).
    "events:PutResourcePolicy",
    "events:DeleteResourcePolicy",
];

/**
 * The bus policy through the v1 API. IAM authorises these on `*` only (no resource type, no
 * condition key naming the bus), so a statement scoped to the bus ARN would never match: they are
 * denied to every principal of the security account, where the central bus lives, instead.
 */
export const BUS_PERMISSION_ACTIONS = ["events:PutPermission", "events:RemovePermission"];

/** `SetSubscriptionAttributes` too: a filter policy on the on-call subscription would silence it as surely as `Unsubscribe`. */
export const ALERT_TOPIC_TAMPER_ACTIONS = ["sns:DeleteTopic", "sns:SetTopicAttributes", "sns:RemovePermission", "sns:Unsubscribe", "sns:SetSubscriptionAttributes"];

export const ALERT_QUEUE_TAMPER_ACTIONS = ["sqs:DeleteQueue", "sqs:SetQueueAttributes", "sqs:RemovePermission"];

/** Rules, buses, archives, topics and queues whose names start with the landing-zone prefix. */
export function protectAlertingScp(org: OrgModel): PolicyDocument {
    const p = org.namePrefix;
    return policyDocument([
        {
            Sid: "ProtectLandingZoneEventRouting",
            Effect: "Deny",
            Action: EVENT_ROUTING_TAMPER_ACTIONS,
            Resource: [
                arn(org, "events", "*", "*", `rule/${p}-*`),
                arn(org, "events", "*", "*", `rule/*/${p}-*`),
                arn(org, "events", "*", "*", `event-bus/${p}-*`),
                arn(org, "events", "*", "*", `event-busv2/${p}-*`),
                arn(org, "events", "*", "*", `archive/${p}-*`),
            ],
            Condition: unlessExempt(org),
        },
        {
            Sid: "ProtectCentralBusPolicy",
            Effect: "Deny",
            Action: BUS_PERMISSION_ACTIONS,
            Resource: "*",
            Condition: { ...unlessExempt(org), StringEquals: { "aws:PrincipalAccount": org.security.id } },
        },
        {
            Sid: "ProtectLandingZoneAlerting",
            Effect: "Deny",
            Action: [...ALERT_TOPIC_TAMPER_ACTIONS, ...ALERT_QUEUE_TAMPER_ACTIONS],
            Resource: [arn(org, "sns", "*", "*", `${p}-*`), arn(org, "sqs", "*", "*", `${p}-*`)],
            Condition: unlessExempt(org),
        },
    ]);
}
