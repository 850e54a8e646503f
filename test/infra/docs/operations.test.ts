import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { StackPlan } from "../../../infra/engine/run";
import type { PlannedResource } from "../../../infra/engine/monitor";
import { COST_BEGIN, COST_END, healthCost, renderCost, renderSignalsTable, SIGNALS_BEGIN, SIGNALS_END } from "../../../infra/docs/operations";
import { planReference, REPO_ROOT } from "../../support/plan";

const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "operations.md"), "utf8");
const block = (begin: string, end: string) => doc.slice(doc.indexOf(begin), doc.indexOf(end) + end.length);

function resource(type: string, inputs: Record<string, unknown>): PlannedResource {
    return { type, inputs, name: String(inputs.name ?? type), urn: "", parent: null, provider: null, dependencies: [], propertyDependencies: {}, wireInputs: {}, outputs: {}, id: null, custom: true, protect: false, retainOnDelete: false, importId: null, remote: false } as unknown as PlannedResource;
}

describe("docs/operations.md", () => {
    it("lists every health signal as `npm run docs` generates it from infra/config/health.ts", () => {
        assert.strictEqual(block(SIGNALS_BEGIN, SIGNALS_END), renderSignalsTable());
        for (const id of ["replication-failed", "firehose-stale", "forwarding-dead-letters", "trail-silent", "self-test-missing", "account-silent", "log-canary-missing", "config-delivery-failed"]) {
            assert.ok(block(SIGNALS_BEGIN, SIGNALS_END).includes(`| \`${id}\` |`), id);
        }
    });

    it("states the cost counted in the reference organisation's plans (run `npm run docs` after adding an alarm)", async function () {
        this.timeout(600_000);
        assert.strictEqual(block(COST_BEGIN, COST_END), renderCost(healthCost(await planReference(), "acme-lz")));
    });

    it("prices each metric of a metric-math alarm and four metrics per replication rule with metrics on, and only the health and watch alarms", () => {
        const plan = {
            stack: "x",
            resources: [
                resource("aws:cloudwatch/metricAlarm:MetricAlarm", { name: "acme-lz-health-high-firehose-stale-us-east-1", metricName: "m" }),
                resource("aws:cloudwatch/metricAlarm:MetricAlarm", { name: "acme-lz-watch-high-unsubscribed-high", metricQueries: [{ id: "a", metric: {} }, { id: "b", metric: {} }, { id: "e", expression: "a-b" }] }),
                resource("aws:cloudwatch/metricAlarm:MetricAlarm", { name: "acme-lz-cis-root-account-usage", metricName: "m" }),
                resource("aws:cloudwatch/logMetricFilter:LogMetricFilter", { metricTransformation: { namespace: "LandingZone/Health", name: "TrailEvents" } }),
                resource("aws:cloudwatch/logMetricFilter:LogMetricFilter", { metricTransformation: { namespace: "LandingZone/Guardrails", name: "BreakGlassUsed" } }),
                resource("aws:s3/bucketReplicationConfig:BucketReplicationConfig", { rules: [{ destination: { metrics: { status: "Enabled" } } }, { destination: {} }] }),
            ],
        } as unknown as StackPlan;
        const c = healthCost([plan], "acme-lz");
        assert.deepStrictEqual({ alarms: c.alarms, alarmMetrics: c.alarmMetrics, replicationRules: c.replicationRules }, { alarms: 2, alarmMetrics: 3, replicationRules: 1 });
        // 3 alarm metrics × $0.10 + 4 replication metrics × $0.30
        assert.strictEqual(c.monthly.toFixed(2), "1.50");
    });
});
