import { checkQueryLogging, LOG_STATEMENT_CONFIG, POSTGRES_QUERY_LOGGING_BASIS } from "../../lib/postgres-logging";
import { stackRule } from "../../lib/rule";
import { RDS_CLUSTER, RDS_CLUSTER_PARAMETER_GROUP } from "../../lib/types";

/** Aurora PostgreSQL (and Multi-AZ PostgreSQL) clusters take log_statement from the cluster parameter group. */
export const rdsPostgresClusterQueryLogging = stackRule({
    name: "lz-rds-postgres-cluster-query-logging",
    description: "Aurora PostgreSQL and Multi-AZ PostgreSQL DB clusters log statements: the cluster parameter group they use (created in the same program or not) sets log_statement to ddl or more.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: RDS_CLUSTER[0],
    types: [...RDS_CLUSTER, ...RDS_CLUSTER_PARAMETER_GROUP],
    config: { minimumLogStatement: LOG_STATEMENT_CONFIG },
    follows: POSTGRES_QUERY_LOGGING_BASIS,
    remediation: "Create `new aws.rds.ClusterParameterGroup(name, { family: \"aurora-postgresql16\", parameters: [{ name: \"log_statement\", value: \"ddl\" }] })` and set `dbClusterParameterGroupName: group.name` on the cluster.",
    check(stack, config, f) {
        checkQueryLogging(stack, { types: RDS_CLUSTER, engines: ["aurora-postgresql", "postgres"], kind: "cluster", prop: "dbClusterParameterGroupName", groupTypes: RDS_CLUSTER_PARAMETER_GROUP, groupClass: "aws.rds.ClusterParameterGroup" }, config, f);
    },
});
