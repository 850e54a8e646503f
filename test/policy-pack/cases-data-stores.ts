/**
 * Case tables of the database and broker rules: PostgreSQL query logging through parameter groups,
 * DocumentDB and Neptune audit logs, Amazon MQ logs, Performance Insights.
 */
import * as T from "../../policy-pack/lib/types";
import { dep, one, res, UNKNOWN, type Case } from "./support";

type Params = { name: string; value: unknown }[] | string;

/** A database and the parameter group it names, linked the way a program links them (`group.name`). */
function withGroup(dbType: string, dbProps: Record<string, unknown>, prop: string, groupType: string, parameters: Params, linked = true) {
    const group = res(groupType, { name: "app-params", family: "postgres16", parameters }, "app-params");
    const db = res(dbType, { ...dbProps, [prop]: "app-params" }, "db", linked ? { propertyDependencies: dep(prop, group), dependencies: [group.urn] } : {});
    return [group, db];
}

const PG = { engine: "postgres", instanceClass: "db.t4g.micro", enabledCloudwatchLogsExports: ["postgresql"] };
const AURORA_PG = { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["postgresql"] };

export const DATA_STORE_CASES: Record<string, Case> = {
    "lz-rds-postgres-instance-query-logging": {
        // Built from the group's output (property dependency) and named literally: both link.
        compliant: () => [
            ...withGroup(T.RDS_INSTANCE[0], PG, "parameterGroupName", T.RDS_PARAMETER_GROUP[0], [{ name: "log_statement", value: "mod" }]),
            ...one(T.RDS_INSTANCE[0], { engine: "mysql" }, "mysql-db"),
        ],
        violating: () => withGroup(T.RDS_INSTANCE[0], PG, "parameterGroupName", T.RDS_PARAMETER_GROUP[0], [{ name: "log_min_duration_statement", value: "1000" }], false),
        unknown: () => withGroup(T.RDS_INSTANCE[0], PG, "parameterGroupName", T.RDS_PARAMETER_GROUP[0], [{ name: "log_statement", value: UNKNOWN }]),
        says: /Set log_statement to "ddl", "mod" or "all" in parameter group app-params, which instance db uses \(it is not set, so "none"\)/,
    },
    "lz-rds-postgres-cluster-query-logging": {
        compliant: () => withGroup(T.RDS_CLUSTER[0], AURORA_PG, "dbClusterParameterGroupName", T.RDS_CLUSTER_PARAMETER_GROUP[0], [{ name: "log_statement", value: "ddl" }]),
        violating: () => [
            ...one(T.RDS_CLUSTER[0], AURORA_PG, "db"),
            res(T.RDS_CLUSTER_PARAMETER_GROUP[0], { name: "quiet-params", family: "postgres16", parameters: [{ name: "log_statement", value: "none" }] }, "quiet-params"),
            res(T.RDS_CLUSTER[0], { engine: "postgres", dbClusterParameterGroupName: "quiet-params" }, "multi-az"),
        ],
        unknown: () => withGroup(T.RDS_CLUSTER[0], AURORA_PG, "dbClusterParameterGroupName", T.RDS_CLUSTER_PARAMETER_GROUP[0], UNKNOWN),
        says: /Turn on query logging for cluster db: it uses the engine's default parameter group, where log_statement is "none"/,
    },
    "lz-docdb-audit-logs": {
        compliant: () => {
            const group = res(T.DOCDB_CLUSTER_PARAMETER_GROUP[0], { name: "docs-params", family: "docdb5.0", parameters: [{ name: "audit_logs", value: "ddl,dml_write" }] }, "docs-params");
            return [group, res(T.DOCDB_CLUSTER[0], { enabledCloudwatchLogsExports: ["audit", "profiler"], dbClusterParameterGroupName: "docs-params" }, "docs", { propertyDependencies: dep("dbClusterParameterGroupName", group) })];
        },
        // Exported, but the group turns auditing off: the export stays empty.
        violating: () => [
            res(T.DOCDB_CLUSTER_PARAMETER_GROUP[0], { name: "docs-params", family: "docdb5.0", parameters: [{ name: "audit_logs", value: "disabled" }] }, "docs-params"),
            res(T.DOCDB_CLUSTER[0], { enabledCloudwatchLogsExports: ["audit"], dbClusterParameterGroupName: "docs-params" }, "docs"),
        ],
        unknown: () => one(T.DOCDB_CLUSTER[0], { enabledCloudwatchLogsExports: UNKNOWN, dbClusterParameterGroupName: UNKNOWN }, "docs"),
        says: /Set audit_logs to enabled, ddl, dml_read, dml_write or all in parameter group docs-params, which cluster docs uses \(it is "disabled"\)/,
    },
    "lz-neptune-audit-logs": {
        compliant: () => one(T.NEPTUNE_CLUSTER[0], { enableCloudwatchLogsExports: ["audit", "slowquery"] }, "graph"),
        violating: () => one(T.NEPTUNE_CLUSTER[0], { enableCloudwatchLogsExports: ["slowquery"] }, "graph"),
        unknown: () => one(T.NEPTUNE_CLUSTER[0], { enableCloudwatchLogsExports: UNKNOWN }, "graph"),
        says: /Add "audit" to `enableCloudwatchLogsExports` of cluster graph/,
    },
    "lz-mq-broker-logs": {
        // RabbitMQ has no audit log: general logs are all it can give.
        compliant: (t) => [...one(t, { engineType: "ActiveMQ", logs: { general: true, audit: true } }, "active"), ...one(t, { engineType: "RabbitMQ", logs: { general: true } }, "rabbit")],
        violating: (t) => one(t, { engineType: "ActiveMQ", logs: { general: true, audit: false } }),
        unknown: (t) => one(t, { engineType: "ActiveMQ", logs: { general: true, audit: UNKNOWN } }),
        says: /Set `logs.audit: true` on this ActiveMQ broker/,
    },
    "lz-rds-performance-insights": {
        compliant: (t) => one(t, { engine: "postgres", performanceInsightsEnabled: true }),
        violating: (t) => one(t, { engine: "postgres", performanceInsightsEnabled: false }),
        unknown: (t) => one(t, { engine: "postgres", performanceInsightsEnabled: UNKNOWN }),
        says: /performanceInsightsEnabled: true/,
    },
};
