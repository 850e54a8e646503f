import { approvedList, bucketName, destinationsConfig, isApproved } from "../../lib/destinations";
import { resourceRule } from "../../lib/rule";
import { CLOUDFRONT } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

export const cloudfrontLogDestination = resourceRule({
    name: "lz-cloudfront-log-destination",
    description: "CloudFront access logs go to an approved bucket (applies when approved buckets are configured).",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-9(2)", "AU-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: CLOUDFRONT,
    config: { approvedBuckets: destinationsConfig("access-log bucket names") },
    remediation: "Set `loggingConfig.bucket` to `<approved bucket>.s3.amazonaws.com`.",
    check(r, config, f) {
        const approved = approvedList(config.approvedBuckets);
        if (!approved.length) return;
        const bucket = str(r.get("loggingConfig.bucket"));
        if (isUnknown(bucket)) return f.unknown("loggingConfig.bucket");
        if (bucket && !isApproved(bucketName(bucket), approved)) f.fail(`Set \`loggingConfig.bucket\` to an approved bucket (${approved.map((a) => `${a}.s3.amazonaws.com`).join(", ")}) instead of "${bucket}".`);
    },
});
