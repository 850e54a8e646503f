import { resourceRule } from "../../lib/rule";
import { RDS_CLUSTER_INSTANCE, RDS_INSTANCE } from "../../lib/types";
import { bool, isUnknown } from "../../lib/values";

/** Database load by query and user helps tell abuse from a load spike; it can cost, so advisory. */
export const rdsPerformanceInsights = resourceRule({
    name: "lz-rds-performance-insights",
    description: "RDS DB instances and Aurora cluster instances have Performance Insights on (performanceInsightsEnabled); advisory.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: [...RDS_INSTANCE, ...RDS_CLUSTER_INSTANCE],
    follows: {
        control: "Amazon RDS User Guide, \"Monitoring DB load with Performance Insights\" (no Security Hub, Config or CIS control; Checkov CKV_AWS_353)",
        page: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.html",
        note: "Performance Insights is monitoring, not logging: advisory, like Enhanced Monitoring. Some engine versions and instance classes do not support it; except those with a reason.",
    },
    remediation: "Set `performanceInsightsEnabled: true` on the instance (optionally `performanceInsightsRetentionPeriod` and `performanceInsightsKmsKeyId`).",
    check(r, _c, f) {
        const on = bool(r.get("performanceInsightsEnabled"));
        if (isUnknown(on)) f.unknown("performanceInsightsEnabled");
        else if (on !== true) f.fail("Set `performanceInsightsEnabled: true` on this instance to see database load by query, user and host.");
    },
});
