import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { resolveSecurityHubInsightsArgs, SecurityHubInsights } from "../../../../infra/components/detection/security-hub-insights";
import { ORGANIZATION_INSIGHTS, type GroupByAttribute, type InsightDefinition, type InsightFilters } from "../../../../infra/components/detection/organization-insights";
import type { StackPlan } from "../../../../infra/engine/run";
import { ofType } from "../../../support/plan";
import { errorMessage } from "../../../support/errors";
import { groupsOf, insightResults, matchesFilters } from "../../../support/securityhub-filter";
import { SECURITY_FIXTURES } from "../events/samples";
import { planComponent } from "./harness";

interface InsightSample {
    readonly name: string;
    /** Insight id → the groups the finding counts in; absent: the finding is in none of them. */
    readonly insights: Readonly<Record<string, readonly string[]>>;
    readonly finding: Record<string, unknown>;
}

const SAMPLES: readonly InsightSample[] = JSON.parse(fs.readFileSync(path.join(SECURITY_FIXTURES, "insights", "findings.json"), "utf8")).findings;

/** The insights as planned: name, group-by attribute and the filters the provider receives. */
interface PlannedInsight {
    readonly id: string;
    readonly name: string;
    readonly region: string;
    readonly groupByAttribute: GroupByAttribute;
    readonly filters: InsightFilters;
}

describe("SecurityHubInsights", () => {
    let plan: StackPlan;
    let planned: PlannedInsight[];
    before(async () => {
        plan = await planComponent(() => new SecurityHubInsights("insights", { region: "us-east-1", namePrefix: "acme-lz" }));
        planned = ofType(plan, "aws:securityhub/insight:Insight").map((r) => ({
            id: r.name.replace(/^insights-/, ""),
            name: String(r.inputs.name),
            region: String(r.inputs.region),
            groupByAttribute: r.inputs.groupByAttribute as GroupByAttribute,
            filters: r.inputs.filters as InsightFilters,
        }));
        planned.sort((a, b) => ORGANIZATION_INSIGHTS.findIndex((i) => i.id === a.id) - ORGANIZATION_INSIGHTS.findIndex((i) => i.id === b.id));
    });

    it("plans the four organisation insights in the aggregation region, named after the landing zone", () => {
        assert.deepStrictEqual(
            planned.map((i) => [i.id, i.name, i.region, i.groupByAttribute]),
            [
                ["critical-high-by-account", "acme-lz Critical and high findings by account", "us-east-1", "AwsAccountId"],
                ["resources-most-findings", "acme-lz Resources with the most active findings", "us-east-1", "ResourceId"],
                ["guardduty-by-type", "acme-lz GuardDuty findings by type", "us-east-1", "Type"],
                ["failed-cis-controls-by-account", "acme-lz Failed CIS controls by account", "us-east-1", "AwsAccountId"],
            ],
        );
    });

    describe("the planned filters over realistic findings (test/fixtures/events/security/insights/)", () => {
        it("has samples in and out of every insight", () => {
            assert.ok(SAMPLES.length >= 10);
            for (const i of ORGANIZATION_INSIGHTS) {
                assert.ok(SAMPLES.some((s) => s.insights[i.id]) && SAMPLES.some((s) => !s.insights[i.id]), i.id);
            }
        });

        for (const s of SAMPLES) {
            it(`${s.name}: ${Object.keys(s.insights).join(", ") || "no insight"}`, () => {
                const got = Object.fromEntries(planned.filter((i) => matchesFilters(i.filters, s.finding)).map((i) => [i.id, groupsOf(i.groupByAttribute, s.finding)]));
                assert.deepStrictEqual(got, s.insights);
            });
        }

        it("ranks what a responder looks at first", () => {
            const results = Object.fromEntries(planned.map((i) => [i.id, insightResults(i, SAMPLES.map((s) => s.finding))]));
            assert.deepStrictEqual(results, {
                "critical-high-by-account": { "444444444444": 3, "222222222222": 1, "555555555555": 1 },
                "resources-most-findings": {
                    "AWS::::Account:444444444444": 1,
                    "arn:aws:cloudtrail:us-east-1:555555555555:trail/team-trail": 1,
                    "AWS::::Account:222222222222": 1,
                    "arn:aws:ec2:us-west-2:444444444444:instance/i-0a1b2c3d4e5f60718": 1,
                    "arn:aws:ec2:eu-west-1:555555555555:instance/i-0b2c3d4e5f6071829": 1,
                    "arn:aws:ec2:us-east-1:444444444444:instance/i-0c3d4e5f607182930": 1,
                    "arn:aws:ec2:us-east-1:555555555555:instance/i-0e5f60718293a4b5c": 1,
                    "arn:aws:s3:::prod-uploads": 2,
                },
                "guardduty-by-type": { "TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS": 1, "TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce": 2 },
                "failed-cis-controls-by-account": { "555555555555": 1, "222222222222": 1 },
            });
        });
    });

    describe("argument checks, every problem at once", () => {
        const base: InsightDefinition = ORGANIZATION_INSIGHTS[0];
        const problems = (insights: readonly InsightDefinition[]) => errorMessage(() => resolveSecurityHubInsightsArgs("insights", { region: "us-east-1", namePrefix: "acme-lz", insights }));

        it("defaults to the organisation insights", () => {
            assert.strictEqual(resolveSecurityHubInsightsArgs("i", { region: "us-east-1", namePrefix: "p" }).insights, ORGANIZATION_INSIGHTS);
        });

        it("refuses an empty list, duplicate ids, a bad id and an unknown group-by attribute", () => {
            assert.strictEqual(problems([]), "SecurityHubInsights insights:\n  insights: at least one insight is required (leave it out for the organisation's set)");
            assert.strictEqual(
                problems([base, { ...base, name: "Other" }, { ...base, id: "Bad Id", name: "Third", groupByAttribute: "Region" as GroupByAttribute }]),
                [
                    "SecurityHubInsights insights:",
                    '  insights[1]: id "critical-high-by-account" or name "Other" is used twice',
                    '  insights[2].id: "Bad Id" must be 1-40 lower-case letters, digits or -',
                    '  insights[2].groupByAttribute: "Region" is not one of AwsAccountId, ResourceId, ResourceType, Type, ProductName, SeverityLabel, GeneratorId',
                ].join("\n"),
            );
        });

        it("refuses filters Security Hub rejects: EQUALS with NOT_EQUALS, CONTAINS with PREFIX, more than 20 values", () => {
            const many = Array.from({ length: 21 }, (_, n) => ({ comparison: "EQUALS" as const, value: String(100000000000 + n) }));
            assert.strictEqual(
                problems([{ ...base, filters: { productNames: [{ comparison: "EQUALS", value: "GuardDuty" }, { comparison: "NOT_EQUALS", value: "Macie" }], types: [{ comparison: "CONTAINS", value: "TTPs" }, { comparison: "PREFIX", value: "Effects" }], awsAccountIds: many } }]),
                [
                    "SecurityHubInsights insights:",
                    "  insights[0].filters.productNames: EQUALS cannot be combined with NOT_EQUALS or PREFIX_NOT_EQUALS",
                    "  insights[0].filters.types: CONTAINS filters can only be combined with other CONTAINS filters",
                    "  insights[0].filters.awsAccountIds: 21 values; give 1 to 20",
                ].join("\n"),
            );
        });
    });
});
