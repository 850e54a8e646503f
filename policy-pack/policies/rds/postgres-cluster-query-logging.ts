import { checkQueryLogging, POSTGRES_QUERY_LOGGING } from "../../lib/postgres-logging";
import { stackRule } from "../../lib/rule";
import { RDS_CLUSTER, RDS_CLUSTER_PARAMETER_GROUP } from "../../lib/types";

/** Aurora PostgreSQL (and Multi-AZ PostgreSQL) clusters take log_statement from the cluster parameter group. */
export const rdsPostgresClusterQueryLogging = stackRule({
    name: "lz-rds-postgres-cluster-query-logging",
    description: "Aurora PostgreSQL and Multi-AZ PostgreSQL DB clusters log statements: the cluster parameter group they use (created in the same program or not) sets log_statement to ddl or more.",
    ...POSTGRES_QUERY_LOGGING,
    subject: RDS_CLUSTER[0],
    types: [...RDS_CLUSTER, ...RDS_CLUSTER_PARAMETER_GROUP],
    remediation: "Create `new aws.rds.ClusterParameterGroup(name, { family: \"aurora-postgresql16\", parameters: [{ name: \"log_statement\", value: \"ddl\" }] })` and set `dbClusterParameterGroupName: group.name` on the cluster.",
    check(stack, config, f) {
        checkQueryLogging(stack, { types: RDS_CLUSTER, engines: ["aurora-postgresql", "postgres"], kind: "cluster", prop: "dbClusterParameterGroupName", groupTypes: RDS_CLUSTER_PARAMETER_GROUP, groupClass: "aws.rds.ClusterParameterGroup" }, config, f);
    },
});
