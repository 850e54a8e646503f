/**
 * The database, broker and service log-source rules beyond their case tables: what each accepts
 * and rejects at the edges, and the settings that change that.
 */
import * as assert from "assert";
import { evaluatePack, type EvalResource } from "../../policy-pack/harness/evaluate";
import * as T from "../../policy-pack/lib/types";
import { of, res } from "./support";

const run = (resources: EvalResource[], config?: Record<string, unknown>, preview = false) => evaluatePack(resources, { config, preview });
const names = async (rule: string, resources: EvalResource[], config?: Record<string, unknown>) => of(await run(resources, config), rule).map((v) => v.name).sort();

describe("lz-rds-postgres-instance-query-logging and lz-rds-postgres-cluster-query-logging", () => {
    const instance = (props: Record<string, unknown>) => res(T.RDS_INSTANCE[0], { engine: "postgres", ...props }, "db");
    const group = (value: string) => res(T.RDS_PARAMETER_GROUP[0], { name: "pg", family: "postgres16", parameters: [{ name: "log_statement", value }] }, "pg");

    it("cannot judge a group another stack creates, and advises instead of passing or failing", async () => {
        const v = of(await run([instance({ parameterGroupName: "shared-postgres16" })]), "lz-rds-postgres-instance-query-logging");
        assert.deepStrictEqual(v.map((x) => x.level), ["advisory"]);
        assert.match(v[0].message, /^Cannot judge query logging of instance db: it uses parameter group "shared-postgres16", which this stack does not create/);
    });
    it("fails an AWS default group named explicitly (default.<family> cannot be changed)", async () => {
        const v = of(await run([instance({ parameterGroupName: "default.postgres16" })]), "lz-rds-postgres-instance-query-logging");
        assert.match(v[0].message, /it uses the default parameter group "default.postgres16", where log_statement is "none"/);
    });
    it("raises the floor with minimumLogStatement: mod is not enough when all is required", async () => {
        const cfg = { "lz-rds-postgres-instance-query-logging": { minimumLogStatement: "all" } };
        assert.deepStrictEqual(await names("lz-rds-postgres-instance-query-logging", [group("mod"), instance({ parameterGroupName: "pg" })], cfg), ["db"]);
        assert.deepStrictEqual(await names("lz-rds-postgres-instance-query-logging", [group("all"), instance({ parameterGroupName: "pg" })], cfg), []);
    });
    it("does not judge other engines, and Aurora MySQL clusters are not PostgreSQL", async () => {
        assert.deepStrictEqual(await names("lz-rds-postgres-instance-query-logging", [instance({ engine: "mysql" })]), []);
        assert.deepStrictEqual(await names("lz-rds-postgres-cluster-query-logging", [res(T.RDS_CLUSTER[0], { engine: "aurora-mysql" }, "db")]), []);
    });
});

describe("lz-docdb-audit-logs and lz-neptune-audit-logs", () => {
    it("requires only the DocumentDB.4 export when requireAuditParameter is off", async () => {
        const cluster = res(T.DOCDB_CLUSTER[0], { enabledCloudwatchLogsExports: ["audit"] }, "docs");
        assert.deepStrictEqual(await names("lz-docdb-audit-logs", [cluster]), ["docs"]);
        assert.deepStrictEqual(await names("lz-docdb-audit-logs", [cluster], { "lz-docdb-audit-logs": { requireAuditParameter: false } }), []);
    });
    it("requires the profiler export too when requiredExports lists it", async () => {
        const group = res(T.DOCDB_CLUSTER_PARAMETER_GROUP[0], { name: "p", parameters: [{ name: "audit_logs", value: "all" }] }, "p");
        const cluster = res(T.DOCDB_CLUSTER[0], { enabledCloudwatchLogsExports: ["audit"], dbClusterParameterGroupName: "p" }, "docs");
        const v = of(await run([group, cluster], { "lz-docdb-audit-logs": { requiredExports: ["audit", "profiler"] } }), "lz-docdb-audit-logs");
        assert.deepStrictEqual(v.map((x) => x.message), ["Add \"profiler\" to `enabledCloudwatchLogsExports` of cluster docs so its audit events reach CloudWatch Logs."]);
    });
    it("accepts a Neptune cluster that exports audit with the default group, unless requireAuditParameter asks for the parameter", async () => {
        const cluster = res(T.NEPTUNE_CLUSTER[0], { enableCloudwatchLogsExports: ["audit"] }, "graph");
        assert.deepStrictEqual(await names("lz-neptune-audit-logs", [cluster]), []);
        const v = of(await run([cluster], { "lz-neptune-audit-logs": { requireAuditParameter: true } }), "lz-neptune-audit-logs");
        assert.match(v[0].message, /Turn on audit logging for cluster graph: it uses the engine's default parameter group, where neptune_enable_audit_log is 0/);
        const group = res(T.NEPTUNE_CLUSTER_PARAMETER_GROUP[0], { name: "g", parameters: [{ name: "neptune_enable_audit_log", value: 1 }] }, "g");
        const linked = res(T.NEPTUNE_CLUSTER[0], { enableCloudwatchLogsExports: ["audit"], neptuneClusterParameterGroupName: "g" }, "graph");
        assert.deepStrictEqual(await names("lz-neptune-audit-logs", [group, linked], { "lz-neptune-audit-logs": { requireAuditParameter: true } }), []);
    });
});

describe("lz-mq-broker-logs, lz-ecs-exec-logging, lz-mwaa-logging, lz-ssm-session-logging", () => {
    it("reads a v5/v6 broker's audit flag written as the string \"true\", and never asks RabbitMQ for audit logs", async () => {
        assert.deepStrictEqual(await names("lz-mq-broker-logs", [res(T.MQ_BROKER[0], { engineType: "ActiveMQ", logs: { general: "true", audit: "true" } }, "a")]), []);
        const v = of(await run([res(T.MQ_BROKER[0], { engineType: "RabbitMQ", logs: { general: false } }, "r")]), "lz-mq-broker-logs");
        assert.deepStrictEqual(v.map((x) => x.message), ["Set `logs.general: true` on this broker so its general log (connections, errors) reaches CloudWatch Logs."]);
    });
    it("accepts an explicit DEFAULT exec logging setting", async () => {
        assert.deepStrictEqual(await names("lz-ecs-exec-logging", [res(T.ECS_CLUSTER[0], { configuration: { executeCommandConfiguration: { logging: "DEFAULT" } } }, "c")]), []);
    });
    it("counts MWAA task logs as on when the environment says nothing, and every other component as off", async () => {
        const v = of(await run([res(T.MWAA_ENVIRONMENT[0], { name: "airflow" }, "airflow")]), "lz-mwaa-logging");
        assert.deepStrictEqual(v.map((x) => x.message), ["Turn on dagProcessingLogs, schedulerLogs, webserverLogs, workerLogs of this environment: set `loggingConfiguration.<type>: { enabled: true, logLevel: \"INFO\" }` for each."]);
    });
    it("advises, rather than passing, on a YAML session document it cannot read", async () => {
        const doc = res(T.SSM_DOCUMENT[0], { name: "SSM-SessionManagerRunShell", documentType: "Session", documentFormat: "YAML", content: "schemaVersion: '1.0'\nsessionType: Standard_Stream\ninputs: {}\n" }, "prefs");
        const v = of(await run([doc]), "lz-ssm-session-logging");
        assert.deepStrictEqual(v.map((x) => x.level), ["advisory"]);
        assert.match(v[0].message, /^Cannot judge the Session Manager preferences \(SSM-SessionManagerRunShell\): its content is YAML/);
    });
    it("accepts session logs sent to S3 only", async () => {
        const content = JSON.stringify({ schemaVersion: "1.0", sessionType: "Standard_Stream", inputs: { s3BucketName: "session-logs", s3EncryptionEnabled: true } });
        assert.deepStrictEqual(await names("lz-ssm-session-logging", [res(T.SSM_DOCUMENT[0], { name: "SSM-SessionManagerRunShell", documentType: "Session", content }, "prefs")]), []);
    });
});
