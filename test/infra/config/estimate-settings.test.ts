import { strict as assert } from "assert";
import { parseOrg } from "../../../infra/config/org";
import { volumesOf, regionWeight } from "../../../infra/estimate/estimate-context";
import { configProblems } from "../../support/errors";
import { referenceOrg } from "../../support/plan";

describe("estimate settings (org file `estimate:`)", () => {
    it("defaults every account to a medium workload, two active regions and 5% elsewhere", () => {
        const org = parseOrg(referenceOrg(), "stacks/org.yaml");
        assert.deepEqual(
            { workload: org.estimate.workload, accounts: org.estimate.accounts, activeRegions: org.estimate.activeRegions, idle: org.estimate.idleRegionPercent, runs: org.estimate.queryRunsPerMonth, scan: org.estimate.queryScanGb },
            { workload: "medium", accounts: {}, activeRegions: 2, idle: 5, runs: 30, scan: 10 },
        );
        assert.equal(volumesOf(org, org.management).managementEvents, 2_000_000);
    });

    it("gives an account its own size and a size its own volumes", () => {
        const raw = referenceOrg();
        raw.estimate = { accounts: { "workload-dev": "small" }, volumes: { small: { managementEvents: 5 } } };
        const org = parseOrg(raw, "stacks/org.yaml");
        const dev = org.accounts.find((a) => a.name === "workload-dev")!;
        assert.equal(volumesOf(org, dev).managementEvents, 5);
        assert.equal(volumesOf(org, dev).configItems, 1_500, "other keys keep the small defaults");
        assert.equal(volumesOf(org, org.management).managementEvents, 2_000_000, "other accounts stay medium");
    });

    it("weights regions by their place in regions: full in the first activeRegions, idleRegionPercent after", () => {
        const org = parseOrg(referenceOrg(), "stacks/org.yaml");
        assert.deepEqual(org.regions.map((r) => regionWeight(org, r)), [1, 1, 0.05, 0.05]);
        assert.equal(volumesOf(org, org.management, org.regions[3]).managementEvents, 100_000);
        assert.equal(volumesOf(org, org.management, org.regions[3]).iamPrincipals, 100, "IAM principals are global, not per region");
    });

    it("takes a fractional volume, as some defaults are (0.5 GB of Detective data for a small account)", () => {
        const raw = referenceOrg();
        raw.estimate = { workload: "small", volumes: { small: { detectiveGb: 0.25, lambdaNetworkGb: 0 } } };
        const org = parseOrg(raw, "stacks/org.yaml");
        assert.equal(volumesOf(org, org.management).detectiveGb, 0.25);
        assert.equal(volumesOf(org, org.management).lambdaNetworkGb, 0);
    });

    it("refuses a negative volume, a write share over 100 percent and a volume that is not a number, naming each key", () => {
        const raw = referenceOrg();
        raw.estimate = { volumes: { medium: { s3DataEvents: -1, writeEventsPercent: 120, ec2Vcpus: "forty" } } };
        const problems = configProblems(() => parseOrg(raw, "stacks/org.yaml"));
        assert.deepEqual(
            problems.filter((p) => p.includes("estimate.")),
            [
                "stacks/org.yaml: estimate.volumes.medium.writeEventsPercent: 120 is above the maximum of 100",
                "stacks/org.yaml: estimate.volumes.medium.s3DataEvents: -1 is below the minimum of 0",
                'stacks/org.yaml: estimate.volumes.medium.ec2Vcpus: must be a number, got a string "forty"',
            ],
        );
    });

    it("names an unknown account, a bad size and a bad volume key in one report", () => {
        const raw = referenceOrg();
        raw.estimate = { workload: "huge", accounts: { "workload-prd": "small" }, volumes: { small: { managementEvent: 1 } } };
        const problems = configProblems(() => parseOrg(raw, "stacks/org.yaml"));
        assert.ok(problems.some((p) => p.startsWith('stacks/org.yaml: estimate.workload: ') && p.includes('"huge"')), problems.join("\n"));
        assert.ok(problems.includes('stacks/org.yaml: estimate.accounts.workload-prd: "workload-prd" is not an account of stacks/org.yaml (did you mean "workload-prod"?); accounts: management, log-archive, security, workload-prod, workload-dev'), problems.join("\n"));
        assert.ok(problems.some((p) => p.startsWith("stacks/org.yaml: estimate.volumes.small.managementEvent: ")), problems.join("\n"));
    });
});
