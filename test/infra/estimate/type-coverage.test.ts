/**
 * Every resource type the landing zone plans is priced by a rule or known to be free: the reference
 * organisation, and an organisation with every switch on (opt-in region, Slack, replica, unused-access
 * analyzer, daily and excluded Config types). A new type with neither fails here.
 */
import { strict as assert } from "assert";
import { coverageOf } from "../../../infra/estimate/type-coverage";
import { FREE_TYPES } from "../../../infra/estimate/free-types";
import { PRICING_RULES } from "../../../infra/estimate/pricing-rules";
import { generatedOrg, planGenerated, planReference } from "../../support/plan";
import type { StackPlan } from "../../../infra/engine/run";
import { estimatePlans, type PlanEstimate } from "../../../infra/estimate/plan-estimate";
import { generatedModels } from "../../support/estimate";

/** Types other changes are adding to the landing zone (alarms, functions, schedules, queues…): priced before they land. */
const EXPECTED_TYPES = [
    "aws:lambda/function:Function",
    "aws:scheduler/schedule:Schedule",
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    "aws:cloudwatch/logMetricFilter:LogMetricFilter",
    "aws:cloudformation/stackSet:StackSet",
    "aws:cloudformation/stackSetInstance:StackSetInstance",
    "aws:cloudformation/stackInstances:StackInstances",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:dynamodb/table:Table",
    "aws:securityhub/insight:Insight",
    "aws:account/region:Region",
    "aws:sqs/queue:Queue",
    "aws:cloudwatch/queryDefinition:QueryDefinition",
];

function customTypes(plans: readonly StackPlan[]): string[] {
    return [...new Set(plans.flatMap((p) => p.resources.filter((r) => r.custom).map((r) => r.type)))].sort();
}

function uncovered(types: readonly string[]): string[] {
    return types.filter((t) => coverageOf(t) === undefined);
}

describe("estimate coverage of resource types", function () {
    this.timeout(180_000);
    let everySwitch: StackPlan[];
    let estimate: PlanEstimate;
    before(async () => {
        const org = generatedOrg(["us-east-1", "me-central-1"], 1);
        org.optInRegions = ["me-central-1"];
        org.alerts.slack = { workspaceId: "T0123ABCD", channels: { high: "C0123ABCD", low: "C0123ABCE" } };
        org.breakGlass.identityCenterPermissionSets = ["BreakGlass"];
        const stacks = {
            management: { "lz:role": "management" },
            "log-archive": { "lz:role": "log-archive", "lz:logArchive": { replicaRegion: "me-central-1" } },
            security: { "lz:role": "security", "lz:security": { accessAnalyzer: { unusedAccess: true }, trail: { dataEvents: true, insights: true } } },
            "member-workload-0": {
                "lz:role": "member",
                "lz:account": "workload-0",
                "lz:member": { config: { dailyResourceTypes: ["AWS::EC2::NetworkInterface"], excludedResourceTypes: ["AWS::EC2::Volume"] } },
            },
        };
        everySwitch = await planGenerated(org, stacks, Object.keys(stacks));
        const { org: model, models } = generatedModels(org, stacks);
        estimate = estimatePlans(everySwitch.map((p) => ({ model: models.get(p.stack)!, resources: p.resources })), model);
    });

    it("prices or knows to be free every type the reference organisation plans", async () => {
        const types = customTypes(await planReference());
        assert.ok(types.length > 50, "the reference organisation plans many types");
        assert.deepEqual(uncovered(types), []);
    });

    it("prices or knows to be free every type planned with every switch on", () => {
        const types = customTypes(everySwitch);
        assert.ok(types.includes("aws:account/region:Region") && types.includes("aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration"), "the opt-in region and Slack switches planned their resources");
        assert.deepEqual(uncovered(types), []);
    });

    it("prices the unused-access analyzer and the archive replica the switches add", () => {
        const security = estimate.stacks.find((s) => s.stack === "security")!;
        assert.ok(security.lines.some((l) => l.key === "accessAnalyzerUnused" && l.monthlyUsd > 0));
        assert.ok(security.lines.some((l) => l.key === "archive.standard (replica)" && l.monthlyUsd > 0), "the trail's logs are stored a second time in the replica");
        assert.deepEqual(estimate.stacks.flatMap((s) => s.unpricedTypes), []);
    });

    it("already covers the types concurrent changes are adding", () => {
        assert.deepEqual(uncovered(EXPECTED_TYPES), []);
    });

    it("fails a type it has never seen (a new type needs a price or a reason to be free)", () => {
        assert.equal(coverageOf("aws:ec2/instance:Instance"), undefined);
        assert.deepEqual(coverageOf("lz:test:Component", false), { free: "a component: it groups resources and creates nothing in AWS" });
    });

    it("never lists a type both as priced and as free", () => {
        const priced = PRICING_RULES.flatMap((r) => r.types);
        assert.ok(priced.length > 10);
        assert.deepEqual(priced.filter((t) => t in FREE_TYPES), []);
        assert.equal(new Set(priced).size, priced.length, "a type is priced by one rule only");
    });
});
