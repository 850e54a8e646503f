import { checkQueryLogging, LOG_STATEMENT_CONFIG, POSTGRES_QUERY_LOGGING_BASIS } from "../../lib/postgres-logging";
import { stackRule } from "../../lib/rule";
import { RDS_INSTANCE, RDS_PARAMETER_GROUP } from "../../lib/types";

/**
 * Exporting the `postgresql` log (lz-rds-instance-log-exports) ships an empty trail unless the
 * instance's parameter group tells PostgreSQL which statements to log.
 */
export const rdsPostgresInstanceQueryLogging = stackRule({
    name: "lz-rds-postgres-instance-query-logging",
    description: "RDS for PostgreSQL instances log statements: the parameter group they use (created in the same program or not) sets log_statement to ddl or more.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: RDS_INSTANCE[0],
    types: [...RDS_INSTANCE, ...RDS_PARAMETER_GROUP],
    config: { minimumLogStatement: LOG_STATEMENT_CONFIG },
    follows: POSTGRES_QUERY_LOGGING_BASIS,
    remediation: "Create `new aws.rds.ParameterGroup(name, { family: \"postgres16\", parameters: [{ name: \"log_statement\", value: \"ddl\" }] })` and set `parameterGroupName: group.name` on the instance (the default group cannot be changed).",
    check(stack, config, f) {
        checkQueryLogging(stack, { types: RDS_INSTANCE, engines: ["postgres"], kind: "instance", prop: "parameterGroupName", groupTypes: RDS_PARAMETER_GROUP, groupClass: "aws.rds.ParameterGroup" }, config, f);
    },
});
