import { approvedList, destinationsConfig, isApproved } from "../../lib/destinations";
import { resourceRule } from "../../lib/rule";
import { LOG_ACCOUNT_POLICY, LOG_SUBSCRIPTION } from "../../lib/types";
import { get, isUnknown, json, str } from "../../lib/values";

/** A subscription to a destination outside the organisation copies logs out of its control. */
export const cloudwatchLogSubscriptionDestination = resourceRule({
    name: "lz-cloudwatch-log-subscription-destination",
    description: "Log subscription filters and account-level subscription policies send to approved destinations (central CloudWatch Logs destinations; applies when configured).",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-6(3)", "AU-9(2)"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: [...LOG_SUBSCRIPTION, ...LOG_ACCOUNT_POLICY],
    config: { approvedDestinations: destinationsConfig("CloudWatch Logs destination / Firehose / Kinesis ARNs") },
    remediation: "Set `destinationArn` (subscription filter) or `DestinationArn` in the policy document (LogAccountPolicy) to the central destination of the region (log-archive stack output `logDestinationArns[<region>]`).",
    check(r, config, f) {
        const approved = approvedList(config.approvedDestinations);
        if (!approved.length) return;
        let dest: unknown;
        if (LOG_SUBSCRIPTION.includes(r.type as never)) {
            dest = str(r.get("destinationArn"));
        } else {
            const type = str(r.get("policyType"));
            if (isUnknown(type)) return f.unknown("policyType");
            if (type !== "SUBSCRIPTION_FILTER_POLICY") return;
            const doc = json(r.props.policyDocument);
            if (isUnknown(doc)) return f.unknown("policyDocument");
            dest = str(get(doc, "DestinationArn"));
        }
        if (isUnknown(dest)) return f.unknown("the destination ARN");
        if (typeof dest !== "string" || !isApproved(dest, approved)) {
            f.fail(`Send this subscription to an approved destination (${approved.join(", ")}) instead of ${typeof dest === "string" ? `"${dest}"` : "nothing"}.`);
        }
    },
});
