import { approvedList, bucketName, destinationsConfig, isApproved } from "../../lib/destinations";
import { resourceRule } from "../../lib/rule";
import { inlineLogTargets } from "../../lib/s3";
import { S3_BUCKET, S3_BUCKET_LOGGING } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

/** Access logs sent anywhere but the organisation's access-log bucket escape the archive's retention. */
export const s3AccessLogDestination = resourceRule({
    name: "lz-s3-access-log-destination",
    description: "S3 server access logs go to an approved access-log bucket (applies when approved buckets are configured).",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-9(2)", "AU-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: [...S3_BUCKET, ...S3_BUCKET_LOGGING],
    config: { approvedBuckets: destinationsConfig("access-log bucket names") },
    remediation: "Set `targetBucket` to the account's access-log bucket of the bucket's region (member stack output `accessLogBucketNames[<region>]`; S3 delivers access logs only within one account and region).",
    check(r, config, f) {
        const approved = approvedList(config.approvedBuckets);
        if (!approved.length) return;
        let targets: string[];
        if (S3_BUCKET_LOGGING.includes(r.type as never)) {
            const t = str(r.get("targetBucket"));
            if (isUnknown(t)) return f.unknown("targetBucket");
            targets = t ? [t] : [];
        } else {
            const t = inlineLogTargets(r);
            if (isUnknown(t)) return f.unknown("the inline logging target bucket");
            targets = t;
        }
        for (const t of targets) {
            if (!isApproved(bucketName(t), approved)) f.fail(`Send access logs to an approved bucket (${approved.join(", ")}) instead of "${t}": change \`targetBucket\`.`);
        }
    },
});
