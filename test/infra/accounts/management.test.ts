import * as assert from "assert";
import { byName, ofType, planGenerated, referenceOrg, withMembers } from "../../support/plan";
import type { StackPlan } from "../../../infra/engine/run";
import { DEFAULT_ENABLED_REGIONS } from "../../../infra/config/regions";
import { loadOrg } from "../../../infra/config/load";
import { guardrails } from "../../../infra/iam/guardrails";
import { policyJson } from "../../../infra/iam/types";
import { REPO_ROOT } from "../../support/plan";

const REGIONAL_ADMINS = [
    ["aws:guardduty/organizationAdminAccount:OrganizationAdminAccount", "adminAccountId"],
    ["aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount", "accountId"],
    ["aws:macie2/organizationAdminAccount:OrganizationAdminAccount", "adminAccountId"],
    ["aws:detective/organizationAdminAccount:OrganizationAdminAccount", "accountId"],
] as const;

function regionsOf(plan: StackPlan, type: string): string[] {
    return ofType(plan, type).map((r) => r.inputs.region as string).sort();
}

describe("management stack", () => {
    let p: StackPlan;
    before(async () => {
        // The reference org.yaml and the management stack file alone: the stack has no predecessors to plan.
        [p] = await planGenerated(referenceOrg(), { management: { "lz:role": "management", "lz:management": { regionDeny: true } } }, ["management"]);
    });

    it("adopts the existing organisation by id with all features and SCPs enabled", () => {
        const o = byName(p, "organization-organization");
        assert.strictEqual(o.importId, "o-exampleorg1");
        assert.strictEqual(o.inputs.featureSet, "ALL");
        assert.deepStrictEqual(o.inputs.enabledPolicyTypes, ["SERVICE_CONTROL_POLICY"]);
        assert.strictEqual(o.protect, true);
    });

    it("gives trusted access to every service the landing zone runs organisation-wide, Config with both principals", () => {
        const principals = byName(p, "organization-organization").inputs.awsServiceAccessPrincipals as string[];
        for (const s of ["cloudtrail", "config", "config-multiaccountsetup", "guardduty", "malware-protection.guardduty", "securityhub", "inspector2", "macie", "detective", "access-analyzer"]) {
            assert.ok(principals.includes(`${s}.amazonaws.com`), s);
        }
    });

    it("enables no region and gives Account Management no trusted access when no opt-in region is used", () => {
        assert.strictEqual(ofType(p, "aws:account/region:Region").length, 0);
        assert.ok(!(byName(p, "organization-organization").inputs.awsServiceAccessPrincipals as string[]).includes("account.amazonaws.com"));
    });

    it("creates the OU tree the accounts need, children under their parent", () => {
        const ous = ofType(p, "aws:organizations/organizationalUnit:OrganizationalUnit").map((r) => r.inputs.name).sort();
        assert.deepStrictEqual(ous, ["Dev", "Prod", "Security", "Workloads"]);
        const prod = byName(p, "organization-ou-workloads-prod");
        const workloads = byName(p, "organization-ou-workloads");
        assert.ok(prod.dependencies.includes(workloads.urn));
    });

    it("adopts every member account by id, keeps it on deletion and never closes it", () => {
        const accounts = ofType(p, "aws:organizations/account:Account");
        assert.deepStrictEqual(accounts.map((a) => a.importId).sort(), ["222222222222", "333333333333", "444444444444", "555555555555"]);
        for (const a of accounts) {
            assert.strictEqual(a.inputs.closeOnDeletion, false);
            assert.strictEqual(a.protect, true);
            assert.strictEqual(a.retainOnDelete, true);
        }
        assert.ok(!accounts.some((a) => a.importId === "111111111111"), "the management account is the organisation's, not a member resource");
    });

    it("moves each account into its OU", () => {
        const prod = byName(p, "organization-account-workload-prod");
        assert.ok(prod.dependencies.includes(byName(p, "organization-ou-workloads-prod").urn));
        assert.ok(byName(p, "organization-account-security").dependencies.includes(byName(p, "organization-ou-security").urn));
    });

    it("sends each guardrail SCP exactly as built by its pure function and attaches it to the root or, for the security tooling, to the security account", () => {
        const org = loadOrg(REPO_ROOT);
        const policies = ofType(p, "aws:organizations/policy:Policy");
        const expected = guardrails(org, { regionDeny: true });
        assert.deepStrictEqual(policies.map((x) => x.inputs.name), expected.map((g) => `acme-lz-${g.id}`));
        for (const g of expected) {
            const res = byName(p, `guardrails-${g.id}`);
            assert.strictEqual(res.inputs.content, policyJson(g.document));
            assert.strictEqual(res.inputs.type, "SERVICE_CONTROL_POLICY");
            const attachment = byName(p, `guardrails-${g.id}-attachment-0`);
            assert.ok(attachment.dependencies.includes(res.urn));
            if (g.target === "security-account") assert.strictEqual(attachment.inputs.targetId, "333333333333");
            else assert.ok(String(attachment.inputs.targetId).startsWith("r-"), `attached to ${attachment.inputs.targetId}`);
        }
    });

    it("registers the security account as delegated admin of GuardDuty, Inspector, Macie and Detective in every enabled region", () => {
        for (const [type, key] of REGIONAL_ADMINS) {
            assert.deepStrictEqual(regionsOf(p, type), ["eu-central-1", "eu-west-1", "us-east-1", "us-west-2"], type);
            for (const r of ofType(p, type)) assert.strictEqual(r.inputs[key], "333333333333");
        }
    });

    it("registers Security Hub in the home region, CloudTrail, and Config (both principals) and Access Analyzer through Organizations", () => {
        assert.deepStrictEqual(regionsOf(p, "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount"), ["us-east-1"]);
        assert.strictEqual(byName(p, "delegated-admins-cloudtrail").inputs.accountId, "333333333333");
        const principals = ofType(p, "aws:organizations/delegatedAdministrator:DelegatedAdministrator").map((r) => r.inputs.servicePrincipal).sort();
        assert.deepStrictEqual(principals, ["access-analyzer.amazonaws.com", "config-multiaccountsetup.amazonaws.com", "config.amazonaws.com"]);
    });

    it("registers delegated admins only after the organisation grants trusted access", () => {
        const org = byName(p, "organization-organization").urn;
        for (const r of ofType(p, "aws:organizations/delegatedAdministrator:DelegatedAdministrator")) {
            const parent = p.resources.find((x) => x.urn === r.parent)!;
            assert.ok(parent.dependencies.includes(org) || r.dependencies.includes(org));
        }
    });

    it("exports the organisation id, root id, OU ids by path and account ids by name", () => {
        assert.ok(String(p.outputs.organizationId).startsWith("o-"));
        assert.ok(String(p.outputs.rootId).startsWith("r-"));
        assert.deepStrictEqual(Object.keys(p.outputs.ouIds as object).sort(), ["Security", "Workloads", "Workloads/Dev", "Workloads/Prod"]);
        assert.deepStrictEqual(p.outputs.accountIds, { "log-archive": "222222222222", security: "333333333333", "workload-prod": "444444444444", "workload-dev": "555555555555" });
    });
});

describe("management stack on generated organisations", () => {
    function org(regions: readonly string[], members: number, create = false): Record<string, any> {
        const o = referenceOrg();
        o.regions = [...regions];
        if (create) o.organization.id = "create";
        return withMembers(
            o,
            Array.from({ length: members }, (_, i) => ({
                name: `workload-${i}`,
                ...(create ? { create: true } : { id: String(600000000000 + i) }),
                email: `aws-workload-${i}@acme.example`,
                ou: i % 2 ? "Workloads/Prod" : "Workloads/Dev",
            })),
        );
    }
    async function management(o: Record<string, any>, settings: Record<string, unknown> = {}): Promise<StackPlan> {
        const [plan] = await planGenerated(o, { management: { "lz:role": "management", "lz:management": settings } }, ["management"]);
        return plan;
    }

    it("registers GuardDuty, Inspector, Macie and Detective admins in each of 17 enabled regions", async () => {
        const p = await management(org(DEFAULT_ENABLED_REGIONS, 2));
        for (const [type] of REGIONAL_ADMINS) assert.deepStrictEqual(regionsOf(p, type), [...DEFAULT_ENABLED_REGIONS].sort(), type);
    });

    it("grows by exactly one resource per added account", async () => {
        const few = await management(org(["us-east-1"], 2));
        const many = await management(org(["us-east-1"], 40));
        assert.strictEqual(many.resources.length - few.resources.length, 38);
    });

    it("creates the organisation and accounts when org.yaml has no ids, with closeOnDeletion false", async () => {
        const p = await management(org(["us-east-1", "eu-west-1"], 3, true));
        assert.strictEqual(byName(p, "organization-organization").importId ?? null, null);
        const created = ofType(p, "aws:organizations/account:Account").filter((a) => !a.importId);
        assert.strictEqual(created.length, 3);
        for (const a of created) {
            assert.strictEqual(a.inputs.closeOnDeletion, false);
            assert.strictEqual(a.inputs.roleName, "LandingZoneDeployment");
        }
    });

    it("plans in preview mode, with the root id unknown, without failing", async () => {
        const [p] = await planGenerated(referenceOrg(), { management: { "lz:role": "management" } }, ["management"], { preview: true });
        assert.strictEqual(ofType(p, "aws:organizations/policyAttachment:PolicyAttachment").length, 5);
        assert.strictEqual(ofType(p, "aws:organizations/account:Account").length, 4);
    });

    it("enables an acknowledged opt-in region in every account: its own without AccountId, members' and created accounts' with it", async () => {
        const o = org(["us-east-1", "me-central-1"], 2, true);
        o.optInRegions = ["me-central-1"];
        const p = await management(o);
        const regions = ofType(p, "aws:account/region:Region");
        assert.deepStrictEqual(regions.map((r) => r.name).sort(), [
            "opt-in-regions-log-archive-me-central-1",
            "opt-in-regions-management-me-central-1",
            "opt-in-regions-security-me-central-1",
            "opt-in-regions-workload-0-me-central-1",
            "opt-in-regions-workload-1-me-central-1",
        ]);
        for (const r of regions) {
            assert.strictEqual(r.inputs.regionName, "me-central-1");
            assert.strictEqual(r.inputs.enabled, true);
            assert.strictEqual(r.retainOnDelete, true, "leaving the program does not disable the region");
        }
        assert.ok(!("accountId" in byName(p, "opt-in-regions-management-me-central-1").inputs), "the management account may not name itself");
        assert.strictEqual(byName(p, "opt-in-regions-security-me-central-1").inputs.accountId, "333333333333");
        // A created account's id comes from the account resource.
        const created = byName(p, "organization-account-workload-0");
        assert.strictEqual(byName(p, "opt-in-regions-workload-0-me-central-1").inputs.accountId, created.outputs.id);
        assert.ok(byName(p, "opt-in-regions-workload-0-me-central-1").dependencies.includes(created.urn));
        const principals = byName(p, "organization-organization").inputs.awsServiceAccessPrincipals as string[];
        assert.ok(principals.includes("account.amazonaws.com"), "Account Management needs trusted access for AccountId");
        // The delegated-admin registrations (their component, which registers only once its dependencies
        // exist, and so its children after it) wait for the region to be enabled.
        const admins = p.resources.find((r) => r.type === "lz:organization:DelegatedAdministrators")!;
        assert.ok(admins.dependencies.includes(byName(p, "opt-in-regions-security-me-central-1").urn));
    });

    it("leaves the region-deny SCP out when regionDeny is false", async () => {
        const p = await management(org(["us-east-1"], 1), { regionDeny: false });
        assert.ok(!ofType(p, "aws:organizations/policy:Policy").some((x) => x.name === "guardrails-region-deny"));
        assert.strictEqual(ofType(p, "aws:organizations/policy:Policy").length, 4);
    });

    it("plans every guardrail within 5,120 characters for the longest valid name prefix and role names with 17 regions", async () => {
        const o = org(DEFAULT_ENABLED_REGIONS, 1);
        o.namePrefix = "a".repeat(16);
        o.roles = { deployment: "D".repeat(64), breakGlass: "B".repeat(64), investigator: "I".repeat(64) };
        const p = await management(o);
        const policies = ofType(p, "aws:organizations/policy:Policy");
        assert.strictEqual(policies.length, 5);
        for (const x of policies) assert.ok(String(x.inputs.content).length <= 5120, `${x.name}: ${String(x.inputs.content).length}`);
    });

    it("keeps the region-deny SCP under the size limit with 17 enabled regions", async () => {
        const p = await management(org(DEFAULT_ENABLED_REGIONS, 1));
        assert.ok(String(byName(p, "guardrails-region-deny").inputs.content).length <= 5120);
    });
});
