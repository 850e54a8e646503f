import { stackRule } from "../../lib/rule";
import { inlineLogTargets, isAccessLogTarget, label, LOG_BUCKET_TAG, loggingResourcesOf } from "../../lib/s3";
import { S3_BUCKET, S3_BUCKET_LOGGING } from "../../lib/types";
import { isSet, isUnknown, plain, UNKNOWN } from "../../lib/values";

/**
 * Server access logs record requests to a bucket that CloudTrail data events do not (or cost more
 * to). The bucket that receives access logs is exempt: logging it into itself loops (AWS advises a
 * target bucket not have access logging). A target is recognised by use in the stack, or by its
 * log-bucket tag when the buckets it serves live in other stacks (a member account's per-region
 * access-log buckets).
 */
export const s3AccessLogging = stackRule({
    name: "lz-s3-access-logging",
    description: "S3 buckets have server access logging (inline or a separate BucketLogging resource); access-log target buckets are exempt.",
    controls: {
        cis: ["3.4"],
        securityHub: ["S3.9"],
        awsConfig: ["s3-bucket-logging-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: [...S3_BUCKET, ...S3_BUCKET_LOGGING],
    config: {
        logBucketTagKey: LOG_BUCKET_TAG,
        accessLogTargetValues: { type: "array", items: { type: "string" }, default: ["access-logs"], description: "Values of the log-bucket tag that mark a designated access-log target bucket (exempt)." },
    },
    remediation: "Add `new aws.s3.BucketLogging(name, { bucket: bucket.id, targetBucket: <access-log bucket>, targetPrefix })` (v7) / `BucketLoggingV2` (v6), or inline `logging`/`loggings` on older Bucket resources.",
    check(stack, config, f) {
        const key = String(config.logBucketTagKey);
        const targetValues = Array.isArray(config.accessLogTargetValues) ? (config.accessLogTargetValues as unknown[]) : [];
        const undecided = stack.ofType(S3_BUCKET_LOGGING).some((l) => plain(l.props.bucket) === UNKNOWN && !l.propertyDependencies.bucket?.length);
        for (const b of stack.ofType(S3_BUCKET)) {
            const inline = inlineLogTargets(b);
            if (!isUnknown(inline) && inline.length) continue;
            if (loggingResourcesOf(stack, b).some((l) => isSet(l.props.targetBucket))) continue;
            if (isAccessLogTarget(stack, b)) continue;
            const tags = b.tags;
            if (!isUnknown(tags) && targetValues.includes(tags[key])) continue;
            if (isUnknown(inline) || undecided) f.unknown(b, `whether bucket ${label(b)} has access logging`);
            else f.fail(b, `Turn on server access logging for bucket ${label(b)}: add an aws.s3.BucketLogging with \`bucket\` set to this bucket and \`targetBucket\` set to the access-log bucket.`);
        }
    },
});
