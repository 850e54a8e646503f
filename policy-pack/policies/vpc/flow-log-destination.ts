import { approvedList, destinationsConfig, isApproved } from "../../lib/destinations";
import { resourceRule } from "../../lib/rule";
import { FLOW_LOG } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

/** Flow logs kept in the workload account can be deleted by whoever they would incriminate. */
export const vpcFlowLogDestination = resourceRule({
    name: "lz-vpc-flow-log-destination",
    description: "Flow logs deliver to an approved destination (archive bucket ARN or central log group ARN; applies when destinations are configured).",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-9(2)", "AU-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: FLOW_LOG,
    config: { approvedDestinations: destinationsConfig("flow log destination ARNs (S3 bucket ARNs, optionally with a prefix, or log group ARNs)") },
    remediation: "Set `logDestinationType: \"s3\"` and `logDestination` to the archive bucket ARN (log-archive stack output `archiveBucketArn`), or to another approved destination.",
    check(r, config, f) {
        const approved = approvedList(config.approvedDestinations);
        if (!approved.length) return;
        const dest = str(r.get("logDestination"));
        const group = str(r.get("logGroupName"));
        if (isUnknown(dest)) return f.unknown("logDestination");
        if (!dest && isUnknown(group)) return f.unknown("logGroupName");
        const target = dest || (typeof group === "string" ? group : undefined);
        if (!target || !isApproved(target, approved)) f.fail(`Set \`logDestination\` to an approved destination (${approved.join(", ")}) instead of ${target ? `"${target}"` : "nothing"}.`);
    },
});
