import { configuredList, missingExports } from "../../lib/log-exports";
import { quoted } from "../../lib/text";
import { checkGroupParameter, groupOf } from "../../lib/parameter-groups";
import { stackRule } from "../../lib/rule";
import { DOCDB_CLUSTER, DOCDB_CLUSTER_PARAMETER_GROUP } from "../../lib/types";
import { isUnknown } from "../../lib/values";

/**
 * `audit_logs` values that record events: `enabled` (the original switch, DDL events), the event
 * classes `ddl`, `dml_read`, `dml_write`, and `all`, alone or comma-separated. `disabled` and `none`
 * record nothing, and neither does the default group (Amazon DocumentDB Developer Guide, "Auditing
 * Amazon DocumentDB events").
 */
const AUDITING = new Set(["enabled", "ddl", "dml_read", "dml_write", "all"]);

function audits(value: string): boolean {
    return value.split(",").some((v) => AUDITING.has(v.trim().toLowerCase()));
}

/** DocumentDB writes audit events only when the cluster exports them AND its parameter group turns auditing on. */
export const docdbAuditLogs = stackRule({
    name: "lz-docdb-audit-logs",
    description: "DocumentDB clusters export audit logs to CloudWatch Logs and use a cluster parameter group (created in the same program or not) that turns audit_logs on.",
    controls: {
        cis: [],
        securityHub: ["DocumentDB.4"],
        awsConfig: ["docdb-cluster-audit-logging-enabled"],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: DOCDB_CLUSTER[0],
    types: [...DOCDB_CLUSTER, ...DOCDB_CLUSTER_PARAMETER_GROUP],
    config: {
        requiredExports: { type: "array", items: { type: "string", enum: ["audit", "profiler"] }, default: ["audit"], description: "Log types each cluster must export to CloudWatch Logs (profiler also needs the group's profiler parameter on)." },
        requireAuditParameter: { type: "boolean", default: true, description: "Also require the cluster's parameter group to set audit_logs (without it the audit export stays empty)." },
    },
    follows: {
        control: "Security Hub DocumentDB.4 for the export, plus the Amazon DocumentDB Developer Guide for the audit_logs parameter",
        page: "https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html",
        note: "DocumentDB.4 (and AWS Config docdb-cluster-audit-logging-enabled) checks only that the cluster exports the audit log; AWS documents that auditing also needs audit_logs set in the cluster parameter group, which Checkov checks on the group (CKV_AWS_104), so the rule requires both. Checkov's CKV_AWS_85 also wants the profiler log exported: that is a performance log, so it is available as requiredExports but not required by default.",
    },
    remediation: "Set `enabledCloudwatchLogsExports: [\"audit\"]` on the cluster, and `dbClusterParameterGroupName` to an `aws.docdb.ClusterParameterGroup` with `parameters: [{ name: \"audit_logs\", value: \"enabled\" }]` (or ddl, dml_read, dml_write, all).",
    check(stack, config, f) {
        const required = configuredList(config.requiredExports);
        for (const c of stack.ofType(DOCDB_CLUSTER)) {
            const missing = missingExports(c, "enabledCloudwatchLogsExports", required);
            if (isUnknown(missing)) f.unknown(c, `enabledCloudwatchLogsExports of cluster ${c.name}`);
            else if (missing.length) f.fail(c, `Add ${quoted(missing)} to \`enabledCloudwatchLogsExports\` of cluster ${c.name} so its audit events reach CloudWatch Logs.`);
            if (config.requireAuditParameter === false) continue;
            checkGroupParameter(groupOf(stack, c, "dbClusterParameterGroupName", DOCDB_CLUSTER_PARAMETER_GROUP), {
                db: c,
                what: `cluster ${c.name}`,
                topic: "auditing",
                prop: "dbClusterParameterGroupName",
                groupClass: "aws.docdb.ClusterParameterGroup",
                parameter: "audit_logs",
                accepts: audits,
                wanted: "enabled, ddl, dml_read, dml_write or all",
                defaultValue: "disabled",
                fix: '{ name: "audit_logs", value: "enabled" }',
            }, f);
        }
    },
});
