import { missingExports } from "../../lib/log-exports";
import { checkGroupParameter, groupOf } from "../../lib/parameter-groups";
import { stackRule } from "../../lib/rule";
import { NEPTUNE_CLUSTER, NEPTUNE_CLUSTER_PARAMETER_GROUP } from "../../lib/types";
import { isUnknown } from "../../lib/values";

/** Neptune's audit log records who ran which query; it leaves the instances only through the `audit` export. */
export const neptuneAuditLogs = stackRule({
    name: "lz-neptune-audit-logs",
    description: "Neptune DB clusters export the audit log to CloudWatch Logs (and, when configured, use a cluster parameter group with neptune_enable_audit_log = 1).",
    controls: {
        cis: [],
        securityHub: ["Neptune.2"],
        awsConfig: ["neptune-cluster-cloudwatch-log-export-enabled"],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: NEPTUNE_CLUSTER[0],
    types: [...NEPTUNE_CLUSTER, ...NEPTUNE_CLUSTER_PARAMETER_GROUP],
    config: {
        requireAuditParameter: { type: "boolean", default: false, description: "Also require the cluster's parameter group to set neptune_enable_audit_log to 1 (Neptune writes no audit records without it; Neptune.2 checks only the export)." },
    },
    follows: {
        control: "Security Hub Neptune.2",
        page: "https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html",
        note: "Neptune.2 (AWS Config neptune-cluster-cloudwatch-log-export-enabled) and Checkov's CKV_AWS_101 check the audit export only. The Neptune User Guide (\"Using Audit Logs with Amazon Neptune Clusters\", https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html) adds that audit records exist only when the cluster parameter group sets neptune_enable_audit_log to 1: set requireAuditParameter to require that too.",
    },
    remediation: "Set `enableCloudwatchLogsExports: [\"audit\"]` on the cluster, and `neptuneClusterParameterGroupName` to an `aws.neptune.ClusterParameterGroup` with `parameters: [{ name: \"neptune_enable_audit_log\", value: \"1\" }]`.",
    check(stack, config, f) {
        for (const c of stack.ofType(NEPTUNE_CLUSTER)) {
            const missing = missingExports(c, "enableCloudwatchLogsExports", ["audit"]);
            if (isUnknown(missing)) f.unknown(c, `enableCloudwatchLogsExports of cluster ${c.name}`);
            else if (missing.length) f.fail(c, `Add "audit" to \`enableCloudwatchLogsExports\` of cluster ${c.name} (and set neptune_enable_audit_log to 1 in its cluster parameter group) so its audit log reaches CloudWatch Logs.`);
            if (config.requireAuditParameter !== true) continue;
            checkGroupParameter(groupOf(stack, c, "neptuneClusterParameterGroupName", NEPTUNE_CLUSTER_PARAMETER_GROUP), {
                db: c,
                what: `cluster ${c.name}`,
                topic: "audit logging",
                prop: "neptuneClusterParameterGroupName",
                groupClass: "aws.neptune.ClusterParameterGroup",
                parameter: "neptune_enable_audit_log",
                accepts: (v) => v.trim() === "1",
                wanted: "1",
                defaultValue: "0",
                fix: '{ name: "neptune_enable_audit_log", value: "1" }',
            }, f);
        }
    },
});
