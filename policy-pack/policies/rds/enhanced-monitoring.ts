import { resourceRule } from "../../lib/rule";
import { RDS_INSTANCE } from "../../lib/types";
import { isUnknown, num } from "../../lib/values";

/** OS-level metrics help tell an attack from a load spike; it costs, so it is advisory. */
export const rdsEnhancedMonitoring = resourceRule({
    name: "lz-rds-enhanced-monitoring",
    description: "RDS DB instances have Enhanced Monitoring (monitoringInterval > 0); advisory.",
    controls: {
        cis: [],
        securityHub: ["RDS.6"],
        awsConfig: ["rds-enhanced-monitoring-enabled"],
        nist: ["SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: RDS_INSTANCE,
    remediation: "Set `monitoringInterval` (1, 5, 10, 15, 30 or 60 seconds) and `monitoringRoleArn` on the instance.",
    check(r, _c, f) {
        const i = num(r.get("monitoringInterval"));
        if (isUnknown(i)) f.unknown("monitoringInterval");
        else if (!i || i <= 0) f.fail("Set `monitoringInterval` to 60 (or lower) and `monitoringRoleArn` to turn on Enhanced Monitoring.");
    },
});
