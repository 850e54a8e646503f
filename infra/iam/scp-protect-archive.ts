/**
 * Guardrail: the landing-zone buckets (log archive, its cross-region replica, staging, query
 * results, member access-log buckets) and the landing-zone KMS keys. A bucket owner's root can
 * always rewrite a bucket policy whatever the policy says; only an SCP stops that.
 */
import type { OrgModel } from "../config/model";
import { arn, stagingBucketPrefix } from "../naming";
import { LANDING_ZONE_TAG, unlessExempt } from "./scp-common";
import { OBJECT_DELETION_ACTIONS, PROTECTED_CONFIGURATION_ACTIONS } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

/** The same configuration changes the log buckets' own policies deny: one list, so the two layers agree. */
export const BUCKET_TAMPER_ACTIONS = PROTECTED_CONFIGURATION_ACTIONS;

export const KEY_TAMPER_ACTIONS = [
    "kms:ScheduleKeyDeletion",
    "kms:DisableKey",
    "kms:PutKeyPolicy",
    "kms:DisableKeyRotation",
    "kms:RevokeGrant",
    "kms:UntagResource",
    "kms:TagResource",
];

// kms:CreateGrant stays allowed: services (Firehose, CloudWatch Logs) create grants on behalf of
// non-exempt roles, and the key policy already decides who may create one.

/**
 * Name patterns of the buckets whose objects are logs kept for the retention period: the archive
 * and its cross-region replica (`<prefix>-archive-<account>-<region>`), every staging bucket in
 * any region, and the member accounts' per-region S3 access-log buckets
 * (`<prefix>-s3-access-logs-<account>-<region>`).
 */
export function logBucketPatterns(org: OrgModel): string[] {
    return [`${org.namePrefix}-archive-*`, `${stagingBucketPrefix(org)}*`, `${org.namePrefix}-s3-access-logs-*`];
}

/**
 * Configuration of every landing-zone bucket (`<prefix>-*`: the log buckets above and the query
 * results); objects only in the log buckets, since query results are derived data.
 */
export function protectArchiveScp(org: OrgModel): PolicyDocument {
    return policyDocument([
        {
            Sid: "ProtectArchiveBucketConfiguration",
            Effect: "Deny",
            // CreateBucket: a landing-zone name taken by another account's bucket (S3 names are global) would hide it or block the stack.
            Action: ["s3:CreateBucket", ...BUCKET_TAMPER_ACTIONS],
            Resource: [arn(org, "s3", "", "", `${org.namePrefix}-*`)],
            Condition: unlessExempt(org),
        },
        {
            Sid: "ProtectArchiveObjects",
            Effect: "Deny",
            // The actions the log buckets' own policies deny: denied still if an account's root rewrites a bucket policy.
            Action: [...OBJECT_DELETION_ACTIONS],
            Resource: logBucketPatterns(org).map((b) => `${arn(org, "s3", "", "", b)}/*`),
        },
        {
            Sid: "ProtectLandingZoneKeys",
            Effect: "Deny",
            Action: KEY_TAMPER_ACTIONS,
            Resource: [arn(org, "kms", "*", "*", "key/*")],
            Condition: { ...unlessExempt(org), StringEquals: { [`aws:ResourceTag/${LANDING_ZONE_TAG}`]: org.namePrefix } },
        },
    ]);
}
