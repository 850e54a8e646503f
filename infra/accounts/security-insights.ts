/**
 * The organisation's Security Hub insights (a named step of `runSecurityStack`): defined by the
 * delegated administrator in the aggregation (home) region, once Security Hub's central
 * configuration exists.
 */
import type { StackModel } from "../config/model";
import { SecurityHubInsights } from "../components/detection/security-hub-insights";
import type { SecurityHubCentral } from "../components/detection/security-hub-central";
import type { RoleContext } from "./context";

type Model = Extract<StackModel, { role: "security" }>;

/** The insights of `ORGANIZATION_INSIGHTS`; none when Security Hub is switched off. */
export function insightsTier(ctx: RoleContext<Model>, securityHub: SecurityHubCentral | undefined): SecurityHubInsights | undefined {
    if (!securityHub) return undefined;
    const { org } = ctx.model;
    return new SecurityHubInsights("securityhub-insights", { region: org.homeRegion, namePrefix: org.namePrefix }, { provider: ctx.provider, dependsOn: [securityHub] });
}
