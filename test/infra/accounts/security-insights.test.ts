/**
 * The organisation's Security Hub insights as the security stack plans them: in the aggregation
 * region, after Security Hub's central configuration, and their planned filters judged on the
 * realistic findings of `test/fixtures/events/security/insights/`.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { GroupByAttribute, InsightFilters } from "../../../infra/components/detection/organization-insights";
import type { StackPlan } from "../../../infra/engine/run";
import { groupsOf, matchesFilters } from "../../support/securityhub-filter";
import { ofType, referenceStack } from "../../support/plan";
import { SECURITY_FIXTURES } from "../components/events/samples";

interface InsightSample {
    readonly name: string;
    readonly insights: Readonly<Record<string, readonly string[]>>;
    readonly finding: Record<string, unknown>;
}
const SAMPLES: readonly InsightSample[] = JSON.parse(fs.readFileSync(path.join(SECURITY_FIXTURES, "insights", "findings.json"), "utf8")).findings;

describe("security stack: Security Hub insights", () => {
    let p: StackPlan;
    before(async () => {
        p = await referenceStack("security");
    });

    it("defines the four organisation insights in the home (aggregation) region, after Security Hub's central configuration, and exports them", () => {
        const insights = ofType(p, "aws:securityhub/insight:Insight");
        assert.deepStrictEqual(insights.map((i) => [i.inputs.name, i.inputs.region]).sort(), [
            ["acme-lz Critical and high findings by account", "us-east-1"],
            ["acme-lz Failed CIS controls by account", "us-east-1"],
            ["acme-lz GuardDuty findings by type", "us-east-1"],
            ["acme-lz Resources with the most active findings", "us-east-1"],
        ]);
        const account = p.resources.find((r) => r.type === "aws:securityhub/account:Account")!;
        const configuration = p.resources.find((r) => r.type === "aws:securityhub/organizationConfiguration:OrganizationConfiguration")!;
        for (const i of insights) assert.ok(i.dependencies.includes(account.urn) && i.dependencies.includes(configuration.urn), `${i.name}: created after Security Hub is enabled and configured`);
        assert.deepStrictEqual(Object.keys(p.outputs.securityHubInsightArns as object).sort(), ["critical-high-by-account", "failed-cis-controls-by-account", "guardduty-by-type", "resources-most-findings"]);
    });

    it("puts every realistic finding in exactly the insights and groups its fixture names, through the planned filters", () => {
        const planned = ofType(p, "aws:securityhub/insight:Insight").map((r) => ({ id: r.name.replace(/^securityhub-insights-/, ""), groupBy: r.inputs.groupByAttribute as GroupByAttribute, filters: r.inputs.filters as InsightFilters }));
        assert.strictEqual(planned.length, 4);
        assert.ok(SAMPLES.length >= 10);
        for (const s of SAMPLES) {
            const got = Object.fromEntries(planned.filter((i) => matchesFilters(i.filters, s.finding)).map((i) => [i.id, groupsOf(i.groupBy, s.finding)]));
            assert.deepStrictEqual(got, s.insights, s.name);
        }
    });
});
