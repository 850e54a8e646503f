import * as assert from "assert";
import { resolveSecurityHubCentralArgs, SecurityHubCentral, type SecurityHubCentralArgs } from "../../../../infra/components/detection/security-hub-central";
import { planComponent, SECURITY } from "./harness";
import { byName, ofType } from "../../../support/plan";
import type { StackPlan } from "../../../../infra/engine/run";

const FSBP = "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0";
const CIS = "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0";
const args: SecurityHubCentralArgs = {
    homeRegion: "us-east-1",
    linkedRegions: ["us-west-2", "eu-west-1", "eu-central-1"],
    accountId: SECURITY,
    standardArns: [FSBP, CIS],
    targetId: "r-ab12",
};

describe("SecurityHubCentral", () => {
    let p: StackPlan;
    before(async () => {
        p = await planComponent(() => new SecurityHubCentral("securityhub", args));
    });

    it("adopts the hub designation enabled in the home region, by account id", () => {
        const hub = byName(p, "securityhub-hub");
        assert.strictEqual(hub.importId, SECURITY);
        assert.strictEqual(hub.inputs.region, "us-east-1");
        assert.strictEqual(hub.inputs.enableDefaultStandards, false);
    });

    it("aggregates findings of the linked regions into the home region", () => {
        const agg = byName(p, "securityhub-aggregator");
        assert.strictEqual(agg.inputs.region, "us-east-1");
        assert.strictEqual(agg.inputs.linkingMode, "SPECIFIED_REGIONS");
        assert.deepStrictEqual(agg.inputs.specifiedRegions, ["us-west-2", "eu-west-1", "eu-central-1"]);
    });

    it("switches the organisation to central configuration only once the aggregator exists", () => {
        const org = byName(p, "securityhub-organization");
        assert.deepStrictEqual(org.inputs.organizationConfiguration, { configurationType: "CENTRAL" });
        assert.strictEqual(org.inputs.autoEnable, false);
        assert.strictEqual(org.inputs.autoEnableStandards, "NONE");
        assert.ok(org.dependencies.includes(byName(p, "securityhub-aggregator").urn));
    });

    it("enables the chosen standards through a policy associated with the organisation root", () => {
        const policy = byName(p, "securityhub-policy");
        const cp = policy.inputs.configurationPolicy as Record<string, unknown>;
        assert.strictEqual(cp.serviceEnabled, true);
        assert.deepStrictEqual(cp.enabledStandardArns, [FSBP, CIS]);
        const assoc = byName(p, "securityhub-root-association");
        assert.strictEqual(assoc.inputs.targetId, "r-ab12");
        assert.strictEqual(assoc.inputs.policyId, policy.id);
        assert.strictEqual(ofType(p, "aws:securityhub/configurationPolicyAssociation:ConfigurationPolicyAssociation").length, 1);
    });

    it("rejects the home region among the linked regions", () => {
        assert.throws(() => resolveSecurityHubCentralArgs("sh", { ...args, linkedRegions: ["us-east-1"] }), /linkedRegions: must not contain the home region us-east-1/);
    });

    it("rejects a standard that is not a Security Hub standard ARN", () => {
        assert.throws(() => resolveSecurityHubCentralArgs("sh", { ...args, standardArns: ["cis"] }), /standardArns: "cis" is not a Security Hub standard ARN/);
    });

    it("defaults to adopting the hub under the policy name landing-zone", () => {
        const r = resolveSecurityHubCentralArgs("sh", args);
        assert.strictEqual(r.adoptHub, true);
        assert.strictEqual(r.policyName, "landing-zone");
    });
});
