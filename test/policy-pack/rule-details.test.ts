/**
 * Rules whose verdict depends on how resources are matched or which control they follow: API
 * Gateway execution logging (method settings matched by REST API and stage), Network Firewall
 * logging (NetworkFirewall.2: any log type), Lambda log retention (one retention policy for every
 * log group).
 */
import * as assert from "assert";
import { evaluatePack, type EvalResource } from "../../policy-pack/harness/evaluate";
import * as T from "../../policy-pack/lib/types";
import { dep, of, res, UNKNOWN } from "./support";

const run = (resources: EvalResource[], config?: Record<string, unknown>, preview = false) => evaluatePack(resources, { config, preview });
const names = async (rule: string, resources: EvalResource[], config?: Record<string, unknown>) => of(await run(resources, config), rule).map((v) => v.name).sort();

describe("lz-apigateway-execution-logging matches method settings by REST API and stage name", () => {
    const stage = (api: string, name: string, extra: Partial<EvalResource> = {}) => res(T.APIGW_STAGE[0], { restApi: api, stageName: "prod" }, name, extra);
    const settings = (api: string, name: string, extra: Partial<EvalResource> = {}) =>
        res(T.APIGW_METHOD_SETTINGS[0], { restApi: api, stageName: "prod", methodPath: "*/*", settings: { loggingLevel: "ERROR" } }, name, extra);

    it("flags the other API's prod stage when only one of two APIs logs its prod stage (literal ids)", async () => {
        assert.deepStrictEqual(await names("lz-apigateway-execution-logging", [stage("orders", "orders-prod"), stage("billing", "billing-prod"), settings("orders", "orders-logging")]), ["billing-prod"]);
    });

    it("flags the other API's prod stage when the ids come from RestApi outputs (property dependencies)", async () => {
        const orders = res("aws:apigateway/restApi:RestApi", { name: "orders" }, "orders");
        const billing = res("aws:apigateway/restApi:RestApi", { name: "billing" }, "billing");
        const apiDep = (api: EvalResource) => ({ propertyDependencies: dep("restApi", api) });
        const resources = [orders, billing, stage(UNKNOWN, "orders-prod", apiDep(orders)), stage(UNKNOWN, "billing-prod", apiDep(billing)), settings(UNKNOWN, "orders-logging", apiDep(orders))];
        const r = of(await run(resources, undefined, true), "lz-apigateway-execution-logging");
        assert.deepStrictEqual(r.map((v) => [v.name, v.level]), [["billing-prod", "mandatory"]]);
    });

    it("accepts settings built from the stage's own stageName output whatever their restApi reads", async () => {
        const s = stage("orders", "orders-prod");
        assert.deepStrictEqual(await names("lz-apigateway-execution-logging", [s, settings(UNKNOWN, "orders-logging", { propertyDependencies: dep("stageName", s) })]), []);
    });

    it("cannot tell which API settings with an unknown restApi belong to, and says so instead of passing", async () => {
        const r = of(await run([stage("orders", "orders-prod"), settings(UNKNOWN, "mystery")], undefined, true), "lz-apigateway-execution-logging");
        assert.deepStrictEqual(r.map((v) => v.level), ["advisory"]);
        assert.match(r[0].message, /^cannot verify until apply: the execution logging settings of stage orders-prod/);
    });
});

describe("lz-networkfirewall-logging follows NetworkFirewall.2", () => {
    const fw = res(T.NETWORK_FIREWALL[0], { name: "fw" }, "fw");
    const logging = (types: string[]) => res(T.NETWORK_FIREWALL_LOGGING[0], { firewallArn: "arn:fw", loggingConfiguration: { logDestinationConfigs: types.map((logType) => ({ logType, logDestinationType: "S3" })) } }, "fw-logging", { propertyDependencies: dep("firewallArn", fw) });

    it("accepts a firewall that logs FLOW only", async () => {
        assert.deepStrictEqual(await names("lz-networkfirewall-logging", [fw, logging(["FLOW"])]), []);
    });
    it("requires ALERT on top when requiredLogTypes lists it", async () => {
        const v = of(await run([fw, logging(["FLOW"])], { "lz-networkfirewall-logging": { requiredLogTypes: ["ALERT"] } }), "lz-networkfirewall-logging");
        assert.strictEqual(v.length, 1);
        assert.match(v[0].message, /^Deliver ALERT logs of firewall fw too/);
    });
    it("flags a logging configuration with no destination entry", async () => {
        assert.deepStrictEqual(await names("lz-networkfirewall-logging", [fw, logging([])]), ["fw"]);
    });
});

describe("lz-lambda-log-retention and lz-cloudwatch-log-group-retention apply one retention policy", () => {
    const fn = res(T.LAMBDA_FUNCTION[0], { name: "orders", runtime: "nodejs20.x" }, "orders");

    it("leaves a function whose own log group is too short to the log-group rule, which fixes the group", async () => {
        const r = await run([fn, res(T.LOG_GROUP[0], { name: "/aws/lambda/orders", retentionInDays: 7 }, "orders-logs")]);
        assert.deepStrictEqual(of(r, "lz-lambda-log-retention"), []);
        assert.deepStrictEqual(of(r, "lz-cloudwatch-log-group-retention").map((v) => [v.name, v.level]), [["orders-logs", "remediate"]]);
    });
    it("only advises on a function whose group Lambda creates: it never expires, which the policy accepts", async () => {
        const r = await run([fn]);
        const v = of(r, "lz-lambda-log-retention");
        assert.deepStrictEqual(v.map((x) => x.level), ["advisory"]);
        assert.match(v[0].message, /kept forever \(which the retention policy accepts\)/);
        assert.deepStrictEqual(r.violations.filter((x) => x.level !== "advisory"), []);
    });
    it("leaves a log group named in loggingConfig but created by another stack to that stack", async () => {
        const shared = res(T.LAMBDA_FUNCTION[0], { name: "orders", loggingConfig: { logGroup: "/shared/app", logFormat: "JSON" } }, "orders");
        assert.deepStrictEqual(of(await run([shared]), "lz-lambda-log-retention"), []);
    });
});
