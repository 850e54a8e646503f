/**
 * The alerting as the planned `security` stack of the reference organisation has it. Pending, with
 * the reason, until `runSecurityStack` calls `buildSecurityEvents`; from then on these checks hold
 * for the real stack: outputs, table = planned rules, and every alarm of the stack admitted by the
 * topic policies and shown on the dashboard.
 */
import * as assert from "assert";
import { planStacks, withPredecessors } from "../../../../infra/engine/plan";
import { discoverStacks, readProject } from "../../../../infra/engine/stacks";
import type { StackPlan } from "../../../../infra/engine/run";
import { centralBusArn, centralBusName } from "../../../../infra/naming";
import { alertingScope, routesOf } from "../../../../infra/accounts/security-events";
import * as names from "../../../../infra/components/events/names";
import { SEVERITIES } from "../../../../infra/config/model";
import { globMatch } from "../../../support/policy-evaluator";
import { REPO_ROOT } from "../../../support/plan";
import { securityModel } from "./harness";

describe("security stack: central bus and alerting", function () {
    this.timeout(120000);
    let p: StackPlan;
    const model = securityModel();
    const scope = alertingScope(model);
    before(async function () {
        const project = readProject(REPO_ROOT);
        const plans = await planStacks(project, withPredecessors(discoverStacks(project), ["security"]), { preview: false });
        p = plans.find((x) => x.stack === "security")!;
        assert.ok(p.resources.some((r) => r.type === "lz:events:SecurityEventBus"), "the security stack builds the central bus");
    });

    it("exports the bus name and ARN member stacks derive, the severity topics and the SIEM queue", () => {
        assert.strictEqual(p.outputs.centralBusName, centralBusName(model.org));
        assert.strictEqual(p.outputs.centralBusArn, centralBusArn(model.org));
        assert.deepStrictEqual(Object.keys(p.outputs.severityTopicArns as object).sort(), [...SEVERITIES].sort());
        assert.strictEqual(p.outputs.siemQueueArn, names.siemQueueArn(scope));
    });

    it("plans the routing table's rules with its patterns", () => {
        for (const r of routesOf(model)) {
            const rule = p.resources.find((x) => x.type === "aws:cloudwatch/eventRule:EventRule" && x.inputs.name === names.routeRuleName(scope, r.id));
            assert.ok(rule, r.id);
            assert.deepStrictEqual(JSON.parse(String(rule.inputs.eventPattern)), r.pattern, r.id);
        }
    });

    it("lets every alarm of the stack publish to the topic it notifies, and shows it on the dashboard; the forwarded health alarms notify nobody themselves", () => {
        const all = p.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
        const forwarded = all.filter((a) => String(a.inputs.name).startsWith("acme-lz-health-"));
        assert.ok(forwarded.length > 0);
        for (const a of forwarded) assert.deepStrictEqual(a.inputs.alarmActions, [], `${a.name}: its state change is forwarded to the central bus, which routes it`);
        const alarms = all.filter((a) => !forwarded.includes(a));
        assert.ok(alarms.length > 0);
        const dashboard = p.resources.find((r) => r.type === "aws:cloudwatch/dashboard:Dashboard" && r.inputs.dashboardName === names.securityDashboardName(scope))!;
        const shown = JSON.parse(String(dashboard.inputs.dashboardBody)).widgets.find((w: any) => w.type === "alarm").properties.alarms as string[];
        for (const alarm of alarms) {
            const arn = String(alarm.outputs.arn);
            assert.ok(globMatch(names.alarmArnPattern(scope), arn), `${arn} is admitted by the topic policies`);
            for (const topic of alarm.inputs.alarmActions as string[]) assert.ok(Object.values(p.outputs.severityTopicArns as object).includes(topic), `${alarm.name} notifies a severity topic`);
            assert.ok(shown.includes(arn), `${arn} is on the dashboard`);
        }
    });
});
