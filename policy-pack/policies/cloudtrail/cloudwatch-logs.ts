import { resourceRule } from "../../lib/rule";
import { TRAIL } from "../../lib/types";
import { isSet } from "../../lib/values";

/** Metric filters and alarms (CIS 4.x) need the trail's events in CloudWatch Logs. */
export const cloudtrailCloudwatchLogs = resourceRule({
    name: "lz-cloudtrail-cloudwatch-logs",
    description: "CloudTrail trails deliver events to a CloudWatch Logs group (for metric filters and alarms).",
    controls: {
        cis: [],
        securityHub: ["CloudTrail.5"],
        awsConfig: ["cloud-trail-cloud-watch-logs-enabled"],
        nist: ["AU-6", "SI-4"],
        soc2: ["CC7.2", "CC7.3"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: TRAIL,
    remediation: "Set `cloudWatchLogsGroupArn` (the log group ARN ending in `:*`) and `cloudWatchLogsRoleArn` (a role CloudTrail assumes to write to it) on the trail.",
    check(r, _c, f) {
        const missing = ["cloudWatchLogsGroupArn", "cloudWatchLogsRoleArn"].filter((k) => !isSet(r.props[k]));
        if (missing.length) f.fail(`Set ${missing.map((k) => `\`${k}\``).join(" and ")} on this trail so its events reach CloudWatch Logs.`);
    },
});
