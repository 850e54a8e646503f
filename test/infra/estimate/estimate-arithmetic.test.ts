/**
 * The estimate's arithmetic on a small organisation planned for real: one region, the three core
 * accounts, round volumes, every figure computed by hand from AWS's prices in the comments.
 */
import { strict as assert } from "assert";
import type { PlanEstimate, StackCostEstimate } from "../../../infra/estimate/plan-estimate";
import { estimateGenerated, everyStack, generatedModels } from "../../support/estimate";
import { generatedOrg, planGenerated } from "../../support/plan";
import { estimatePlans } from "../../../infra/estimate/plan-estimate";

const VOLUMES = { managementEvents: 1_000_000, s3DataEvents: 2_000_000, configItems: 1_000, flowAndDnsLogGb: 10, securityHubChecksPerStandard: 1_000, ec2Instances: 2 };

function smallOrg(): Record<string, any> {
    const org = generatedOrg(["us-east-1"], 0);
    org.estimate = { workload: "small", volumes: { small: VOLUMES } };
    return org;
}

function stackOf(e: PlanEstimate, stack: string): StackCostEstimate {
    const s = e.stacks.find((x) => x.stack === stack);
    assert.ok(s, `no estimate of ${stack}`);
    return s;
}

function line(s: StackCostEstimate, key: string) {
    const l = s.lines.find((x) => x.key === key);
    assert.ok(l, `${s.stack} has no line ${key}; lines: ${s.lines.map((x) => x.key).join(", ")}`);
    return l;
}

const cents = (n: number) => Math.round(n * 100) / 100;

describe("estimate arithmetic (3 core accounts, us-east-1 only)", function () {
    this.timeout(120_000);
    let full: PlanEstimate;
    let withoutS3Protection: PlanEstimate;
    before(async () => {
        const org = smallOrg();
        full = (await estimateGenerated(org, everyStack(org))).estimate;
        const stacks = everyStack(org, { security: { "lz:security": { guardDuty: { protections: { s3DataEvents: false } } } } });
        const plans = await planGenerated(org, stacks, ["log-archive", "security"]);
        const { org: model, models } = generatedModels(org, stacks);
        withoutS3Protection = estimatePlans(plans.map((p) => ({ model: models.get(p.stack)!, resources: p.resources })), model);
    });

    it("prices GuardDuty foundational detection for every account: 3 × 1,000,000 events × $4 per million = $12.00", () => {
        const l = line(stackOf(full, "security"), "guardDutyManagementEvents");
        assert.equal(l.quantity, 3_000_000);
        assert.equal(cents(l.monthlyUsd), 12);
    });

    it("prices flow and DNS log analysis: 3 accounts × 10 GB × $1.00 = $30.00", () => {
        assert.equal(cents(line(stackOf(full, "security"), "guardDutyFlowDnsGb").monthlyUsd), 30);
    });

    it("prices Security Hub checks of both default standards: 2 × 1,000 checks × 3 accounts × $0.001 = $6.00", () => {
        const l = line(stackOf(full, "security"), "securityHubCheck");
        assert.equal(l.quantity, 6_000);
        assert.equal(cents(l.monthlyUsd), 6);
    });

    it("lists the trail's management events with their quantity at no charge (the first copy is free)", () => {
        const l = line(stackOf(full, "security"), "trailManagementFirstCopy");
        assert.equal(l.quantity, 3_000_000);
        assert.equal(l.monthlyUsd, 0);
    });

    it("prices the trail's S3 data events: 3 × 2,000,000 events × $0.10 per 100,000 = $6.00", () => {
        assert.equal(cents(line(stackOf(full, "security"), "trailDataEvents.s3").monthlyUsd), 6);
    });

    it("prices Inspector's EC2 scans: 3 accounts × 2 instances × $1.2528 = $7.52", () => {
        assert.equal(cents(line(stackOf(full, "security"), "inspectorEc2").monthlyUsd), 7.52);
    });

    it("books each account's Config recording to its member stack: 1,000 items × $0.003 = $3.00", () => {
        for (const s of ["member-management", "member-log-archive", "member-security"]) {
            const l = line(stackOf(full, s), "configItemContinuous");
            assert.equal(l.quantity, 1_000, s);
            assert.equal(cents(l.monthlyUsd), 3, s);
        }
    });

    it("charges one alarm-month per planned alarm ($0.10 each)", () => {
        const security = stackOf(full, "security");
        const alarms = line(security, "alarm");
        assert.ok(alarms.quantity >= 10, "the CIS alarms and the self-test alarm are planned");
        assert.equal(cents(alarms.monthlyUsd), cents(alarms.quantity * 0.1));
    });

    it("turning S3 Protection off removes its line and exactly 6,000,000 events × $0.80 per million = $4.80 from the security stack", () => {
        const before = stackOf(full, "security");
        const after = stackOf(withoutS3Protection, "security");
        assert.equal(cents(line(before, "guardDutyS3DataEvents").monthlyUsd), 4.8);
        assert.equal(after.lines.find((l) => l.key === "guardDutyS3DataEvents"), undefined);
        assert.equal(cents(before.monthlyUsd - after.monthlyUsd), 4.8);
    });

    it("sums the organisation from its stacks and says it is an estimate with its price date", () => {
        assert.equal(cents(full.organisation.monthlyUsd), cents(full.stacks.reduce((n, s) => n + s.monthlyUsd, 0)));
        assert.equal(full.kind, "estimate");
        assert.match(full.priceDate, /^\d{4}-\d{2}-\d{2}$/);
        assert.deepEqual(full.stacks.flatMap((s) => s.unpricedTypes), []);
    });
});
