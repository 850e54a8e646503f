import type { StackModel } from "../config/model";
import { DelegatedAdministrators } from "../components/organization/delegated-administrators";
import { GuardrailPolicies } from "../components/organization/guardrail-policies";
import { OrganizationStructure } from "../components/organization/organization-structure";
import { guardrails } from "../iam/guardrails";
import { policyJson } from "../iam/types";
import { servicePrincipal } from "../naming";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "management" }>;

/** Services the landing zone uses through the organisation: each needs trusted access. */
export const TRUSTED_SERVICES = [
    "cloudtrail",
    "config",
    "config-multiaccountsetup",
    "guardduty",
    "malware-protection.guardduty",
    "securityhub",
    "inspector2",
    "macie",
    "detective",
    "access-analyzer",
    "member.org.stacksets.cloudformation",
];

/** Services registered as delegated administrator through Organizations itself. */
export const ORGANIZATIONS_DELEGATED_SERVICES = ["config", "config-multiaccountsetup", "access-analyzer"];

/** The `management` role: composition only (config → providers → components → exports). */
export function runManagementStack(ctx: RoleContext<Model>): RoleOutputs {
    const { org, settings } = ctx.model;
    const structure = new OrganizationStructure(
        "organization",
        {
            adoptOrganizationId: org.organizationId === "create" ? undefined : org.organizationId,
            serviceAccessPrincipals: TRUSTED_SERVICES.map((s) => servicePrincipal(org, s)),
            policyTypes: ["SERVICE_CONTROL_POLICY"],
            accounts: org.accounts
                .filter((a) => a.kind !== "management")
                .map((a) => ({ name: a.name, email: a.email, ou: a.ou, adoptId: a.create ? undefined : a.id })),
            accountRoleName: org.roles.deployment,
            closeOnDeletion: false,
        },
        { provider: ctx.provider },
    );

    new GuardrailPolicies(
        "guardrails",
        {
            policies: guardrails(org, { regionDeny: settings.regionDeny }).map((g) => ({
                id: g.id,
                policyName: `${org.namePrefix}-${g.id}`,
                description: g.description,
                content: policyJson(g.document),
                attachTo: [g.target],
            })),
            targets: { root: structure.rootId, "security-account": org.security.id },
        },
        { provider: ctx.provider, dependsOn: [structure.organization] },
    );

    new DelegatedAdministrators(
        "delegated-admins",
        {
            accountId: org.security.id,
            regions: org.regions,
            homeRegion: org.homeRegion,
            organizationsServicePrincipals: ORGANIZATIONS_DELEGATED_SERVICES.map((s) => servicePrincipal(org, s)),
        },
        { provider: ctx.provider, dependsOn: [structure.organization] },
    );

    return {
        organizationId: structure.organizationId,
        rootId: structure.rootId,
        ouIds: structure.ouIds,
        accountIds: structure.accountIds,
    };
}
