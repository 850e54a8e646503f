import { checkQueryLogging, POSTGRES_QUERY_LOGGING } from "../../lib/postgres-logging";
import { stackRule } from "../../lib/rule";
import { RDS_INSTANCE, RDS_PARAMETER_GROUP } from "../../lib/types";

/**
 * Exporting the `postgresql` log (lz-rds-instance-log-exports) ships an empty trail unless the
 * instance's parameter group tells PostgreSQL which statements to log.
 */
export const rdsPostgresInstanceQueryLogging = stackRule({
    name: "lz-rds-postgres-instance-query-logging",
    description: "RDS for PostgreSQL instances log statements: the parameter group they use (created in the same program or not) sets log_statement to ddl or more.",
    ...POSTGRES_QUERY_LOGGING,
    subject: RDS_INSTANCE[0],
    types: [...RDS_INSTANCE, ...RDS_PARAMETER_GROUP],
    remediation: "Create `new aws.rds.ParameterGroup(name, { family: \"postgres16\", parameters: [{ name: \"log_statement\", value: \"ddl\" }] })` and set `parameterGroupName: group.name` on the instance (the default group cannot be changed).",
    check(stack, config, f) {
        checkQueryLogging(stack, { types: RDS_INSTANCE, engines: ["postgres"], kind: "instance", prop: "parameterGroupName", groupTypes: RDS_PARAMETER_GROUP, groupClass: "aws.rds.ParameterGroup" }, config, f);
    },
});
