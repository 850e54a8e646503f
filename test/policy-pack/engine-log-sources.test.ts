/**
 * The log-source rules that follow one resource to another, on programs run by the mock engine:
 * a database to the parameter group it uses (created in the same program, named by its output or
 * literally), and API Gateway method settings to their REST API and stage, in update and preview.
 */
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { runStack } from "../../infra/engine/run";
import { evaluatePack } from "../../policy-pack/harness/evaluate";
import { fromPlan, of } from "./support";

async function violations(program: () => void, preview: boolean) {
    const plan = await runStack({ project: "lz", stack: "pack-test", preview, config: {}, program });
    return evaluatePack(fromPlan(plan), { preview });
}

/** `[name, level]` of one rule's findings. */
const found = (r: Awaited<ReturnType<typeof violations>>, rule: string) => of(r, rule).map((v) => [v.name, v.level]);

const PASSWORD = { manageMasterUserPassword: true, masterUsername: "admin" };

for (const preview of [false, true]) {
    const mode = preview ? "preview" : "update";
    describe(`log-source rules that follow links, on mock-engine programs (${mode})`, () => {
        it("follows an RDS instance to the parameter group it takes from group.name, and flags the instance on the default group", async () => {
            const r = await violations(() => {
                const logged = new aws.rds.ParameterGroup("logged-params", { family: "postgres16", parameters: [{ name: "log_statement", value: "ddl" }] });
                new aws.rds.Instance("orders", { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, parameterGroupName: logged.name, enabledCloudwatchLogsExports: ["postgresql"], ...PASSWORD });
                new aws.rds.Instance("billing", { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, enabledCloudwatchLogsExports: ["postgresql"], ...PASSWORD });
            }, preview);
            assert.deepStrictEqual(found(r, "lz-rds-postgres-instance-query-logging"), [["billing", "mandatory"]]);
        });

        it("follows a cluster to a cluster parameter group named literally, and judges its log_statement", async () => {
            const r = await violations(() => {
                new aws.rds.ClusterParameterGroup("quiet-params", { name: "quiet-params", family: "aurora-postgresql16", parameters: [{ name: "log_statement", value: "none" }] });
                new aws.rds.Cluster("analytics", { engine: "aurora-postgresql", dbClusterParameterGroupName: "quiet-params", enabledCloudwatchLogsExports: ["postgresql"], skipFinalSnapshot: true, ...PASSWORD });
            }, preview);
            const v = of(r, "lz-rds-postgres-cluster-query-logging");
            assert.deepStrictEqual(v.map((x) => [x.name, x.level]), [["analytics", "mandatory"]]);
            assert.match(v[0].message, /parameter group quiet-params, which cluster analytics uses \(it is "none"\)/);
        });

        it("follows a DocumentDB cluster to its cluster parameter group and requires both the export and audit_logs", async () => {
            const r = await violations(() => {
                const audited = new aws.docdb.ClusterParameterGroup("audited", { family: "docdb5.0", parameters: [{ name: "audit_logs", value: "enabled" }] });
                new aws.docdb.Cluster("catalog", { dbClusterParameterGroupName: audited.name, enabledCloudwatchLogsExports: ["audit"], masterUsername: "admin", manageMasterUserPassword: true, skipFinalSnapshot: true });
                new aws.docdb.Cluster("sessions", { dbClusterParameterGroupName: audited.name, masterUsername: "admin", manageMasterUserPassword: true, skipFinalSnapshot: true });
            }, preview);
            assert.deepStrictEqual(found(r, "lz-docdb-audit-logs"), [["sessions", "mandatory"]]);
        });

        it("tells two REST APIs' prod stages apart by the API their method settings are built from", async () => {
            const r = await violations(() => {
                for (const name of ["orders", "billing"]) {
                    const api = new aws.apigateway.RestApi(name, { body: JSON.stringify({ openapi: "3.0.1", info: { title: name, version: "1" }, paths: {} }) });
                    const deployment = new aws.apigateway.Deployment(`${name}-deployment`, { restApi: api.id });
                    new aws.apigateway.Stage(`${name}-prod`, {
                        restApi: api.id,
                        deployment: deployment.id,
                        stageName: "prod",
                        accessLogSettings: { destinationArn: "arn:aws:logs:us-east-1:123456789012:log-group:api", format: "{}" },
                    });
                    // Literal stage name, as programs often write it: only the REST API ties the settings to one stage.
                    if (name === "orders") new aws.apigateway.MethodSettings(`${name}-logging`, { restApi: api.id, stageName: "prod", methodPath: "*/*", settings: { loggingLevel: "ERROR" } });
                }
            }, preview);
            assert.deepStrictEqual(found(r, "lz-apigateway-execution-logging"), [["billing-prod", "mandatory"]]);
        });
    });
}
