import { approvedList, destinationsConfig, isApproved } from "../../lib/destinations";
import { resourceRule } from "../../lib/rule";
import { LB_CLASSIC, LB_V2 } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

export const elbAccessLogDestination = resourceRule({
    name: "lz-elb-access-log-destination",
    description: "Load balancer access logs go to an approved bucket (applies when approved buckets are configured).",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-9(2)", "AU-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: [...LB_V2, ...LB_CLASSIC],
    config: { approvedBuckets: destinationsConfig("ELB log bucket names") },
    remediation: "Set `accessLogs.bucket` to the organisation's ELB log bucket of the load balancer's region (log-archive stack output `elbLogBucketNames[<region>]`; load balancers deliver only within their region).",
    check(r, config, f) {
        const approved = approvedList(config.approvedBuckets);
        if (!approved.length) return;
        const bucket = str(r.get("accessLogs.bucket"));
        if (isUnknown(bucket)) return f.unknown("accessLogs.bucket");
        if (bucket && !isApproved(bucket, approved)) f.fail(`Set \`accessLogs.bucket\` to an approved bucket (${approved.join(", ")}) instead of "${bucket}".`);
    },
});
