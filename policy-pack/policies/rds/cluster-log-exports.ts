import { EXPORTS_CONFIG, checkExports } from "../../lib/rds";
import { resourceRule } from "../../lib/rule";
import { RDS_CLUSTER } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

export const rdsClusterLogExports = resourceRule({
    name: "lz-rds-cluster-log-exports",
    description: "RDS/Aurora DB clusters export the engine's logs to CloudWatch Logs (engine-aware).",
    controls: {
        cis: [],
        securityHub: ["RDS.9", "RDS.34", "RDS.37"],
        awsConfig: ["rds-logging-enabled", "rds-aurora-mysql-audit-logging-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: RDS_CLUSTER,
    config: { requiredExports: EXPORTS_CONFIG },
    remediation: "Set `enabledCloudwatchLogsExports` on the cluster (aurora-mysql: audit, error, general, slowquery; aurora-postgresql: postgresql).",
    check(r, config, f) {
        const engine = str(r.get("engine"));
        if (isUnknown(engine)) return f.unknown("engine");
        // The cluster's engine defaults to aurora (MySQL-compatible).
        checkExports(r, config, f, engine ?? "aurora-mysql");
    },
});
