import { approvedList, destinationsConfig, isApproved } from "../../lib/destinations";
import { resourceRule } from "../../lib/rule";
import { TRAIL } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

/** Trail logs belong in the organisation's immutable archive, out of reach of the account they describe. */
export const cloudtrailArchiveDestination = resourceRule({
    name: "lz-cloudtrail-archive-destination",
    description: "CloudTrail trails deliver to an approved archive bucket (applies when approved buckets are configured).",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-9(2)", "AU-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: TRAIL,
    config: { approvedBuckets: destinationsConfig("archive bucket names") },
    remediation: "Set `s3BucketName` to the organisation's archive bucket (log-archive stack output `archiveBucketName`).",
    check(r, config, f) {
        const approved = approvedList(config.approvedBuckets);
        if (!approved.length) return;
        const bucket = str(r.get("s3BucketName"));
        if (isUnknown(bucket)) f.unknown("s3BucketName");
        else if (!bucket || !isApproved(bucket, approved)) f.fail(`Set \`s3BucketName\` to an approved archive bucket (${approved.join(", ")}) instead of ${bucket ? `"${bucket}"` : "nothing"}.`);
    },
});
