import type { StackModel } from "../config/model";
import { designatedServices } from "../config/settings/security";
import { DelegatedAdministrators } from "../components/organization/delegated-administrators";
import { GuardrailPolicies } from "../components/organization/guardrail-policies";
import { OrganizationStructure } from "../components/organization/organization-structure";
import { ACCOUNT_MANAGEMENT_SERVICE, OptInRegions } from "../components/organization/opt-in-regions";
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
            serviceAccessPrincipals: [...TRUSTED_SERVICES, ...(org.optInRegions.length > 0 ? [ACCOUNT_MANAGEMENT_SERVICE] : [])].map((s) => servicePrincipal(org, s)),
            policyTypes: ["SERVICE_CONTROL_POLICY"],
            accounts: org.accounts
                .filter((a) => a.kind !== "management")
                .map((a) => ({ name: a.name, email: a.email, ou: a.ou, adoptId: a.create ? undefined : a.id })),
            accountRoleName: org.roles.deployment,
            closeOnDeletion: false,
        },
        { provider: ctx.provider },
    );

    const optIn = enableOptInRegions(ctx, structure);

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
            // The profile's services only: a designation switches the service on in the security account.
            regionalServices: ["guardduty", ...designatedServices(org.profile)],
        },
        // Registrations in an opt-in region need it enabled in the management and security accounts.
        { provider: ctx.provider, dependsOn: [structure.organization, ...(optIn ? [optIn] : [])] },
    );

    return {
        organizationId: structure.organizationId,
        rootId: structure.rootId,
        ouIds: structure.ouIds,
        accountIds: structure.accountIds,
    };
}

/** The org file's opt-in regions, enabled in every account once trusted access exists; none: no component. */
function enableOptInRegions(ctx: RoleContext<Model>, structure: OrganizationStructure): OptInRegions | undefined {
    const { org } = ctx.model;
    if (org.optInRegions.length === 0) return undefined;
    const members = org.accounts.filter((a) => a.kind !== "management");
    return new OptInRegions(
        "opt-in-regions",
        {
            regions: org.optInRegions,
            callerAccountName: org.management.name,
            memberAccountIds: Object.fromEntries(members.map((a) => [a.name, structure.accountIds.apply((ids) => ids[a.name])])),
        },
        { provider: ctx.provider, dependsOn: [structure.organization] },
    );
}
