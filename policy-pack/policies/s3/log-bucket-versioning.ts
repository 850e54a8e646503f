import { stackRule } from "../../lib/rule";
import { label, LOG_BUCKET_TAG, logBuckets, versioning } from "../../lib/s3";
import { S3_BUCKET, S3_BUCKET_VERSIONING } from "../../lib/types";
import { isUnknown } from "../../lib/values";

/** Versioning keeps overwritten or deleted log objects recoverable. */
export const s3LogBucketVersioning = stackRule({
    name: "lz-s3-log-bucket-versioning",
    description: "Buckets that hold logs (tagged as log buckets, trail destinations, access-log targets) have versioning enabled, inline or through a BucketVersioning resource.",
    controls: {
        cis: [],
        securityHub: ["S3.14"],
        awsConfig: ["s3-bucket-versioning-enabled"],
        nist: ["AU-9", "CP-9"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: [...S3_BUCKET, ...S3_BUCKET_VERSIONING],
    config: { logBucketTagKey: LOG_BUCKET_TAG },
    remediation: "Add `new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: \"Enabled\" } })` (BucketVersioningV2 on v6), or inline `versioning: { enabled: true }` on older Bucket resources.",
    check(stack, config, f) {
        for (const b of logBuckets(stack, String(config.logBucketTagKey))) {
            const v = versioning(stack, b);
            if (isUnknown(v)) f.unknown(b, `versioning of log bucket ${label(b)}`);
            else if (!v) f.fail(b, `Enable versioning on log bucket ${label(b)}: add an aws.s3.BucketVersioning with \`versioningConfiguration.status: "Enabled"\`.`);
        }
    },
});
