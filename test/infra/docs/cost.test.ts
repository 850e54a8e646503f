/**
 * docs/cost.md is what `npm run docs` generates from real plans, the `essential` profile costs less
 * than the default, and planning one member stack per workload size gives the same estimate as
 * planning every member stack.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { renderCostDoc } from "../../../infra/docs/cost";
import { essentialEstimate, largeEstimate, referenceEstimate } from "../../../infra/docs/cost-organisations";
import type { PlanEstimate } from "../../../infra/estimate/plan-estimate";
import { planReference, REPO_ROOT } from "../../support/plan";

describe("docs/cost.md", function () {
    this.timeout(240_000);
    let reference: PlanEstimate;
    let essential: PlanEstimate;
    let large: PlanEstimate;
    before(async () => {
        reference = await referenceEstimate(REPO_ROOT, await planReference());
        essential = await essentialEstimate(REPO_ROOT);
        large = await largeEstimate(REPO_ROOT);
    });

    it("is what `npm run docs` generates (run it after changing a price, a volume, a rule or the stacks)", () => {
        assert.equal(fs.readFileSync(path.join(REPO_ROOT, "docs", "cost.md"), "utf8"), renderCostDoc({ reference, essential, large }));
    });

    it("shows the essential profile costing less than the default, with the difference", () => {
        assert.equal(reference.profile, "full");
        assert.equal(essential.profile, "essential");
        assert.ok(essential.organisation.monthlyUsd > 0);
        assert.ok(essential.organisation.monthlyUsd < reference.organisation.monthlyUsd);
        const doc = renderCostDoc({ reference, essential, large });
        const saved = reference.organisation.monthlyUsd - essential.organisation.monthlyUsd;
        assert.ok(doc.includes(`**$${saved.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}**`), "the saving is shown");
    });

    it("turns off exactly the costly extras under essential: no Macie, Detective, Inspector, protection plans, data events or Insights lines", () => {
        const keys = new Set(essential.organisation.lines.filter((l) => l.monthlyUsd > 0).map((l) => l.priceId));
        for (const gone of ["macieBucket", "detectiveGb", "inspectorEc2", "guardDutyS3DataEvents", "guardDutyRuntimeVcpu", "trailDataEvents", "trailInsights"]) assert.ok(!keys.has(gone as never), gone);
        for (const kept of ["guardDutyManagementEvents", "securityHubCheck", "configItemContinuous"]) assert.ok(keys.has(kept as never), kept);
    });

    it("estimates the large organisation for 103 accounts in 17 regions, one stack per account plus the three core stacks and the bootstrap", () => {
        assert.equal(large.accounts, 103);
        assert.equal(large.regions.length, 17);
        assert.equal(large.stacks.length, 107);
        assert.ok(large.organisation.monthlyUsd > reference.organisation.monthlyUsd * 10);
        assert.ok(large.organisation.workflow.phases.find((p) => p.name === "members")!.stacks === 103);
    });

    it("gives the same estimate from one planned member per workload size as from every member planned", async () => {
        const every = await largeEstimate(REPO_ROOT, { members: 3, regions: ["us-east-1"], planEveryMember: true });
        const representative = await largeEstimate(REPO_ROOT, { members: 3, regions: ["us-east-1"] });
        assert.equal(representative.stacks.length, every.stacks.length);
        assert.equal(representative.organisation.monthlyUsd.toFixed(6), every.organisation.monthlyUsd.toFixed(6));
        assert.deepEqual(representative.stacks.map((s) => [s.stack, s.monthlyUsd.toFixed(6), s.deploy.seconds]), every.stacks.map((s) => [s.stack, s.monthlyUsd.toFixed(6), s.deploy.seconds]));
    });
});
