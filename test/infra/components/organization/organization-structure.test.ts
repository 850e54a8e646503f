import * as assert from "assert";
import { ouPaths, resolveOrganizationStructureArgs, type OrganizationStructureArgs } from "../../../../infra/components/organization/organization-structure";

const base: OrganizationStructureArgs = {
    adoptOrganizationId: "o-exampleorg1",
    serviceAccessPrincipals: ["cloudtrail.amazonaws.com"],
    accounts: [{ name: "security", email: "s@acme.example", ou: "Security", adoptId: "333333333333" }],
    accountRoleName: "LandingZoneDeployment",
};

describe("OrganizationStructure", () => {
    it("defaults to SCPs enabled and accounts never closed on deletion", () => {
        const r = resolveOrganizationStructureArgs("org", base);
        assert.deepStrictEqual(r.policyTypes, ["SERVICE_CONTROL_POLICY"]);
        assert.strictEqual(r.closeOnDeletion, false);
    });

    it("lists every OU path once, parents before children", () => {
        const accounts = [
            { name: "a", email: "a@x", ou: "Workloads/Prod/Payments" },
            { name: "b", email: "b@x", ou: "Security" },
            { name: "c", email: "c@x", ou: "Workloads/Dev" },
            { name: "d", email: "d@x", ou: "Root" },
        ];
        assert.deepStrictEqual(ouPaths(accounts), ["Security", "Workloads", "Workloads/Dev", "Workloads/Prod", "Workloads/Prod/Payments"]);
    });

    it("reports every invalid value at once, naming the field", () => {
        assert.throws(
            () =>
                resolveOrganizationStructureArgs("org", {
                    ...base,
                    adoptOrganizationId: "org-1",
                    accounts: [
                        { name: "x", email: "x@acme.example", ou: "/Bad//Path", adoptId: "123" },
                        { name: "x", email: "y@acme.example", ou: "Root" },
                    ],
                }),
            (e: Error) =>
                e.message ===
                [
                    "OrganizationStructure org:",
                    '  adoptOrganizationId: "org-1" is not an organisation id (o- and 10-32 lower-case letters or digits)',
                    '  accounts.x.ou: "/Bad//Path" is not an OU path such as Workloads/Prod',
                    '  accounts.x.adoptId: "123" is not a 12-digit account id',
                    "  accounts: x is listed twice",
                ].join("\n"),
        );
    });
});
