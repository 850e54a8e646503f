import { resourceRule } from "../../lib/rule";
import { LB_V2 } from "../../lib/types";
import { bool, isSet, isUnknown, str } from "../../lib/values";

/** Access logs are the request record of an ALB/NLB. Gateway load balancers have no access logs. */
export const elbAccessLogs = resourceRule({
    name: "lz-elb-access-logs",
    description: "Application and network load balancers write access logs to S3 (gateway load balancers are skipped).",
    controls: {
        cis: [],
        securityHub: ["ELB.5"],
        awsConfig: ["elb-logging-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: LB_V2,
    remediation: "Set `accessLogs: { enabled: true, bucket: <ELB log bucket>, prefix }` (log-archive stack output `elbLogBucketName`; ELB needs an SSE-S3 bucket).",
    check(r, _c, f) {
        const kind = str(r.get("loadBalancerType"));
        if (isUnknown(kind)) return f.unknown("loadBalancerType");
        if (kind === "gateway") return;
        const enabled = bool(r.get("accessLogs.enabled"));
        const bucket = r.get("accessLogs.bucket");
        if (isUnknown(enabled)) return f.unknown("accessLogs.enabled");
        if (enabled !== true || !isSet(bucket)) {
            f.fail("Set `accessLogs: { enabled: true, bucket: <ELB log bucket> }` on this load balancer.");
        }
    },
});
