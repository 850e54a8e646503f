import { stackRule } from "../../lib/rule";
import { defaultRetention, label, LOG_BUCKET_TAG, objectLockEnabled } from "../../lib/s3";
import { S3_BUCKET, S3_OBJECT_LOCK } from "../../lib/types";
import { isUnknown } from "../../lib/values";

/**
 * Only buckets tagged as archives need Object Lock: S3 access logging, ELB logs and Config delivery
 * cannot write to a locked bucket, so staging and access-log buckets are tagged differently.
 */
export const s3LogBucketObjectLock = stackRule({
    name: "lz-s3-log-bucket-object-lock",
    description: "Buckets tagged as log archives have Object Lock enabled with a default retention rule.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: ["s3-bucket-default-lock-enabled"],
        nist: ["AU-9", "AU-11"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: [...S3_BUCKET, ...S3_OBJECT_LOCK],
    config: {
        logBucketTagKey: LOG_BUCKET_TAG,
        lockedValues: { type: "array", items: { type: "string" }, default: ["archive"], description: "Values of the log-bucket tag that require Object Lock." },
    },
    remediation: "Create the bucket with `objectLockEnabled: true` and add `new aws.s3.BucketObjectLockConfiguration(name, { bucket: bucket.id, rule: { defaultRetention: { mode: \"COMPLIANCE\", days } } })`.",
    check(stack, config, f) {
        const key = String(config.logBucketTagKey);
        const values = Array.isArray(config.lockedValues) ? (config.lockedValues as unknown[]) : [];
        for (const b of stack.ofType(S3_BUCKET)) {
            const t = b.tags;
            if (isUnknown(t)) {
                f.unknown(b, `tags of bucket ${label(b)}`);
                continue;
            }
            if (!values.includes(t[key])) continue;
            const lock = objectLockEnabled(b);
            if (isUnknown(lock)) f.unknown(b, `objectLockEnabled of bucket ${label(b)}`);
            else if (!lock) f.fail(b, `Create archive bucket ${label(b)} with \`objectLockEnabled: true\` (Object Lock can only be turned on at creation on older buckets).`);
            const ret = defaultRetention(stack, b);
            if (isUnknown(ret)) f.unknown(b, `the default retention of bucket ${label(b)}`);
            else if (!ret) f.fail(b, `Add an aws.s3.BucketObjectLockConfiguration for archive bucket ${label(b)} with \`rule.defaultRetention\` (mode COMPLIANCE, days ≥ the archive retention).`);
        }
    },
});
