import * as assert from "assert";
import { InspectorOrganization } from "../../../../infra/components/detection/inspector-organization";
import { MacieOrganization } from "../../../../infra/components/detection/macie-organization";
import { DetectiveOrganization, resolveDetectiveOrganizationArgs } from "../../../../infra/components/detection/detective-organization";
import { AccessAnalyzerOrganization, resolveAccessAnalyzerOrganizationArgs } from "../../../../infra/components/detection/access-analyzer-organization";
import { ConfigAggregator, resolveConfigAggregatorArgs } from "../../../../infra/components/detection/config-aggregator";
import { planComponent, REGIONS, SECURITY } from "./harness";
import { byName, ofType, regionsOf } from "../../../support/plan";

const GRAPH = "arn:aws:detective:us-east-1:333333333333:graph:0123456789abcdef0123456789abcdef";

describe("InspectorOrganization", () => {
    it("scans this account and auto-enables every scan type for new accounts in every region", async () => {
        const p = await planComponent(() => new InspectorOrganization("inspector", { regions: REGIONS, accountId: SECURITY }));
        const enablers = ofType(p, "aws:inspector2/enabler:Enabler");
        assert.deepStrictEqual(regionsOf(enablers), [...REGIONS].sort());
        for (const e of enablers) {
            assert.deepStrictEqual(e.inputs.accountIds, [SECURITY]);
            // Inspector API Reference, Enable, resourceTypes: EC2 | ECR | LAMBDA | LAMBDA_CODE — every scan type.
            assert.deepStrictEqual([...(e.inputs.resourceTypes as string[])].sort(), ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE"]);
        }
        const orgs = ofType(p, "aws:inspector2/organizationConfiguration:OrganizationConfiguration");
        assert.deepStrictEqual(regionsOf(orgs), [...REGIONS].sort());
        for (const o of orgs) assert.deepStrictEqual(o.inputs.autoEnable, { ec2: true, ecr: true, lambda: true, lambdaCode: true });
    });
});

describe("MacieOrganization", () => {
    it("adopts the Macie account designation enabled and auto-enables new accounts, per region", async () => {
        const p = await planComponent(() => new MacieOrganization("macie", { regions: REGIONS, accountId: SECURITY, findingPublishingFrequency: "ONE_HOUR" }));
        const accounts = ofType(p, "aws:macie2/account:Account");
        assert.deepStrictEqual(regionsOf(accounts), [...REGIONS].sort());
        for (const a of accounts) {
            assert.strictEqual(a.importId, SECURITY);
            assert.strictEqual(a.inputs.findingPublishingFrequency, "ONE_HOUR");
            assert.strictEqual(a.inputs.status, "ENABLED");
        }
        for (const o of ofType(p, "aws:macie2/organizationConfiguration:OrganizationConfiguration")) assert.strictEqual(o.inputs.autoEnable, true);
    });
});

describe("DetectiveOrganization", () => {
    it("adopts listed behavior graphs, creates the others, and auto-enables new accounts", async () => {
        const p = await planComponent(() => new DetectiveOrganization("detective", { regions: REGIONS, adoptGraphArns: { "us-east-1": GRAPH } }));
        assert.strictEqual(byName(p, "detective-us-east-1-graph").importId, GRAPH);
        assert.strictEqual(byName(p, "detective-us-west-2-graph").importId, null);
        const orgs = ofType(p, "aws:detective/organizationConfiguration:OrganizationConfiguration");
        assert.deepStrictEqual(regionsOf(orgs), [...REGIONS].sort());
        for (const o of orgs) assert.strictEqual(o.inputs.autoEnable, true);
        assert.strictEqual(byName(p, "detective-eu-west-1-organization").inputs.graphArn, byName(p, "detective-eu-west-1-graph").outputs.graphArn);
    });

    it("rejects adopting a graph of another region", () => {
        assert.throws(() => resolveDetectiveOrganizationArgs("d", { regions: REGIONS, adoptGraphArns: { "eu-west-1": GRAPH } }), /adoptGraphArns: eu-west-1: .* is a graph of another region/);
    });
});

describe("AccessAnalyzerOrganization", () => {
    it("has an organisation analyzer in every region and no paid unused-access analyzer by default", async () => {
        const p = await planComponent(() => new AccessAnalyzerOrganization("aa", { regions: REGIONS, homeRegion: "us-east-1", namePrefix: "acme-lz" }));
        const analyzers = ofType(p, "aws:accessanalyzer/analyzer:Analyzer");
        assert.deepStrictEqual(regionsOf(analyzers), [...REGIONS].sort());
        for (const a of analyzers) assert.strictEqual(a.inputs.type, "ORGANIZATION");
    });

    it("adds the unused-access analyzer in the home region only when asked", async () => {
        const p = await planComponent(() => new AccessAnalyzerOrganization("aa", { regions: REGIONS, homeRegion: "us-east-1", namePrefix: "acme-lz", unusedAccess: true }));
        const unused = ofType(p, "aws:accessanalyzer/analyzer:Analyzer").filter((a) => a.inputs.type === "ORGANIZATION_UNUSED_ACCESS");
        assert.strictEqual(unused.length, 1);
        assert.strictEqual(unused[0].inputs.region, "us-east-1");
        assert.deepStrictEqual(unused[0].inputs.configuration, { unusedAccess: { unusedAccessAge: 90 } });
    });

    it("rejects an unused-access age outside 1–365 days", () => {
        assert.throws(() => resolveAccessAnalyzerOrganizationArgs("aa", { regions: REGIONS, homeRegion: "us-east-1", namePrefix: "x", unusedAccessAgeDays: 0 }), /unusedAccessAgeDays: 0 must be a whole number of days from 1 to 365/);
    });
});

describe("ConfigAggregator", () => {
    it("aggregates all regions of the organisation through a role Config assumes", async () => {
        const p = await planComponent(() => new ConfigAggregator("config", { aggregatorName: "acme-lz-organization", accountId: SECURITY, configPrincipal: "config.amazonaws.com", managedPolicyArn: "arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations" }));
        const agg = byName(p, "config-aggregator");
        const role = byName(p, "config-role");
        assert.deepStrictEqual(agg.inputs.organizationAggregationSource, { allRegions: true, roleArn: role.outputs.arn });
        assert.strictEqual(byName(p, "config-role-policy").inputs.policyArn, "arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations");
        assert.ok(agg.dependencies.includes(byName(p, "config-role-policy").urn));
    });

    it("rejects an aggregator name with spaces", () => {
        assert.throws(() => resolveConfigAggregatorArgs("c", { aggregatorName: "my agg", accountId: SECURITY, configPrincipal: "config.amazonaws.com", managedPolicyArn: "x" }), /aggregatorName: "my agg" may contain only letters, digits, _ and -/);
    });
});
