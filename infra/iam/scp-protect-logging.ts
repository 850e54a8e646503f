/**
 * Guardrail: the log pipeline cannot be stopped, changed or deleted from member accounts — the
 * organisation trail, landing-zone log groups, the account-level subscription policy that sends
 * every log group to the central destination, that destination and its policy, and the Firehose
 * streams behind it that write into the archive.
 */
import type { OrgModel } from "../config/model";
import { arn, centralLogsSubscriptionRoleName, logGroupPrefix, roleArn } from "../naming";
import { exemptPrincipalPatterns, unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const TRAIL_TAMPER_ACTIONS = [
    "cloudtrail:StopLogging",
    "cloudtrail:DeleteTrail",
    "cloudtrail:UpdateTrail",
    "cloudtrail:PutEventSelectors",
    "cloudtrail:PutInsightSelectors",
    "cloudtrail:RemoveTags",
    "cloudtrail:PutEventConfiguration",
];

export const LOG_GROUP_TAMPER_ACTIONS = [
    // A group named like a landing-zone group in another account is excluded from that account's subscription: hiding by name.
    "logs:CreateLogGroup",
    "logs:DeleteLogGroup",
    "logs:DeleteLogStream",
    "logs:PutRetentionPolicy",
    "logs:DeleteRetentionPolicy",
    "logs:DeleteSubscriptionFilter",
    "logs:PutSubscriptionFilter",
    // Both directions: associating a key of the caller's own, then deleting that key, destroys the group's logs too.
    "logs:AssociateKmsKey",
    "logs:DisassociateKmsKey",
    "logs:DeleteDataProtectionPolicy",
    // Blinding without deleting: the CIS alarms' metric filters, a transformer or a masking policy rewriting what the trail delivers.
    "logs:PutDataProtectionPolicy",
    "logs:DeleteMetricFilter",
    "logs:PutMetricFilter",
    "logs:PutTransformer",
    "logs:DeleteTransformer",
    "logs:UntagResource",
];

/**
 * Account-level CloudWatch Logs policies carry the subscription that sends every log group to the
 * central destination. IAM has neither a resource type nor a condition key for them, so every
 * account policy change goes through the exempt roles.
 */
export const LOG_ACCOUNT_POLICY_ACTIONS = ["logs:PutAccountPolicy", "logs:DeleteAccountPolicy"];

/**
 * The central CloudWatch Logs destination (log-archive account, one per region): `PutDestination`
 * can repoint it, `PutDestinationPolicy` decides which accounts may subscribe to it.
 * Kept apart from the log-group statement: `PutSubscriptionFilter` is also authorised against the
 * destination, and every account must stay free to subscribe its own groups to it.
 */
export const LOG_DESTINATION_TAMPER_ACTIONS = ["logs:DeleteDestination", "logs:PutDestination", "logs:PutDestinationPolicy"];

/** Firehose streams that carry the destination's logs into the archive. */
export const DELIVERY_STREAM_TAMPER_ACTIONS = [
    "firehose:DeleteDeliveryStream",
    "firehose:UpdateDestination",
    "firehose:StartDeliveryStreamEncryption",
    "firehose:StopDeliveryStreamEncryption",
];

/**
 * Records put straight into a landing-zone stream land in the archive as if CloudWatch Logs had
 * sent them: only the role CloudWatch Logs delivers as (`centralLogsSubscriptionRoleName`) may.
 */
export const DELIVERY_STREAM_PUT_ACTIONS = ["firehose:PutRecord", "firehose:PutRecordBatch"];

/** Trails, log groups, log destinations and delivery streams whose names start with the landing-zone prefix. */
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
            Sid: "ProtectLandingZoneLogDelivery",
            Effect: "Deny",
            Action: [...LOG_DESTINATION_TAMPER_ACTIONS, ...DELIVERY_STREAM_TAMPER_ACTIONS],
            Resource: [arn(org, "logs", "*", "*", `destination:${p}-*`), arn(org, "firehose", "*", "*", `deliverystream/${p}-*`)],
            Condition: unlessExempt(org),
        },
        {
            Sid: "OnlyLogsDeliversIntoStreams",
            Effect: "Deny",
            Action: DELIVERY_STREAM_PUT_ACTIONS,
            Resource: arn(org, "firehose", "*", "*", `deliverystream/${p}-*`),
            Condition: { ArnNotLike: { "aws:PrincipalArn": [...exemptPrincipalPatterns(org), roleArn(org, org.logArchive.id, centralLogsSubscriptionRoleName(org))] } },
        },
    ]);
}
