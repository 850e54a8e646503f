import { resourceRule } from "../../lib/rule";
import { LB_CLASSIC } from "../../lib/types";
import { bool, isSet, isUnknown } from "../../lib/values";

/** Classic load balancers log only when an `accessLogs` block names a bucket. */
export const elbClassicAccessLogs = resourceRule({
    name: "lz-elb-classic-access-logs",
    description: "Classic load balancers write access logs to S3.",
    controls: {
        cis: [],
        securityHub: ["ELB.5"],
        awsConfig: ["elb-logging-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: LB_CLASSIC,
    remediation: "Set `accessLogs: { bucket: <ELB log bucket>, enabled: true, interval: 60 }` on the classic load balancer.",
    check(r, _c, f) {
        const enabled = bool(r.get("accessLogs.enabled"));
        const bucket = r.get("accessLogs.bucket");
        if (isUnknown(enabled)) return f.unknown("accessLogs.enabled");
        // The classic block's `enabled` defaults to true.
        if (enabled === false || !isSet(bucket)) f.fail("Set `accessLogs: { bucket: <ELB log bucket>, enabled: true }` on this classic load balancer.");
    },
});
