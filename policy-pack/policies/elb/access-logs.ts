import { resourceRule } from "../../lib/rule";
import { LB_V2 } from "../../lib/types";
import { bool, isSet, isUnknown, str } from "../../lib/values";

/**
 * Access logs are the request record of a load balancer. Gateway load balancers have none, and a
 * network load balancer writes them only for TLS listeners, so NLBs are judged only when the
 * organisation lists "network" in `loadBalancerTypes`.
 */
export const elbAccessLogs = resourceRule({
    name: "lz-elb-access-logs",
    description: "Application load balancers (and network ones when configured) write access logs to S3; gateway load balancers are skipped.",
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
    config: {
        loadBalancerTypes: {
            type: "array",
            items: { type: "string", enum: ["application", "network"] },
            default: ["application"],
            description: "Load balancer types that must write access logs (add \"network\" when NLBs have TLS listeners).",
        },
    },
    remediation: "Set `accessLogs: { enabled: true, bucket: <ELB log bucket>, prefix }` (log-archive stack output `elbLogBucketNames[<region>]`, a bucket in the load balancer's region; ELB needs an SSE-S3 bucket).",
    check(r, config, f) {
        const kind = str(r.get("loadBalancerType"));
        if (isUnknown(kind)) return f.unknown("loadBalancerType");
        const judged = Array.isArray(config.loadBalancerTypes) ? (config.loadBalancerTypes as unknown[]) : [];
        if (!judged.includes(kind ?? "application")) return;
        const enabled = bool(r.get("accessLogs.enabled"));
        const bucket = r.get("accessLogs.bucket");
        if (isUnknown(enabled)) return f.unknown("accessLogs.enabled");
        if (enabled !== true || !isSet(bucket)) {
            f.fail("Set `accessLogs: { enabled: true, bucket: <ELB log bucket> }` on this load balancer.");
        }
    },
});
