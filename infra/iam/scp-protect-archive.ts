/**
 * Guardrail: the log archive and staging buckets, and the landing-zone KMS keys. A bucket owner's
 * root can always rewrite a bucket policy whatever the policy says; only an SCP stops that.
 */
import type { OrgModel } from "../config/model";
import { archiveBucketName, arn, stagingBucketPrefix } from "../naming";
import { LANDING_ZONE_TAG, unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const BUCKET_TAMPER_ACTIONS = [
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
    "s3:PutBucketObjectLockConfiguration",
    "s3:PutBucketVersioning",
    "s3:PutLifecycleConfiguration",
    "s3:PutEncryptionConfiguration",
    "s3:PutReplicationConfiguration",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutBucketOwnershipControls",
    "s3:PutBucketLogging",
    "s3:DeleteBucket",
];

export const OBJECT_TAMPER_ACTIONS = ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention", "s3:PutObjectRetention", "s3:PutObjectLegalHold"];

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

/** Buckets named by naming.ts (archive and every staging bucket) and keys tagged `landing-zone=<prefix>`. */
export function protectArchiveScp(org: OrgModel): PolicyDocument {
    const buckets = [arn(org, "s3", "", "", archiveBucketName(org)), arn(org, "s3", "", "", `${stagingBucketPrefix(org)}*`)];
    return policyDocument([
        {
            Sid: "ProtectArchiveBucketConfiguration",
            Effect: "Deny",
            Action: BUCKET_TAMPER_ACTIONS,
            Resource: buckets,
            Condition: unlessExempt(org),
        },
        {
            Sid: "ProtectArchiveObjects",
            Effect: "Deny",
            Action: OBJECT_TAMPER_ACTIONS,
            Resource: buckets.map((b) => `${b}/*`),
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
