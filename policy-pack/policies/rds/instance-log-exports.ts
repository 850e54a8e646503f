import { EXPORTS_CONFIG, checkExports } from "../../lib/rds";
import { resourceRule } from "../../lib/rule";
import { RDS_INSTANCE } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

/** Database logs (audit, errors, slow queries) only leave the instance when exported to CloudWatch Logs. */
export const rdsInstanceLogExports = resourceRule({
    name: "lz-rds-instance-log-exports",
    description: "RDS DB instances export the engine's logs to CloudWatch Logs (engine-aware; Aurora instances are judged on their cluster).",
    controls: {
        cis: [],
        securityHub: ["RDS.9", "RDS.36", "RDS.40", "RDS.42"],
        awsConfig: ["rds-logging-enabled", "mariadb-publish-logs-to-cloudwatch-logs"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: RDS_INSTANCE,
    config: { requiredExports: EXPORTS_CONFIG },
    remediation: "Set `enabledCloudwatchLogsExports` to the engine's log types (mysql/mariadb: audit, error, general, slowquery; postgres: postgresql; oracle: alert, audit, listener, trace; sqlserver: agent, error; db2: diag.log, notify.log).",
    check(r, config, f) {
        const engine = str(r.get("engine"));
        if (isUnknown(engine)) return f.unknown("engine");
        if (!engine || engine.startsWith("aurora") || engine.startsWith("custom-")) return;
        checkExports(r, config, f, engine);
    },
});
