import { parse } from "yaml";
import { charge, type CostLine } from "../cost-line";
import { ofTypes, volumesOf } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import { DAYS_PER_MONTH } from "../archive-storage";
import { SHARE_PER_TYPE } from "./config-recording";
import type { PricingRule } from "./pricing-rule";

const RUNS_PER_DAY: Readonly<Record<string, number>> = { One_Hour: 24, Three_Hours: 8, Six_Hours: 4, Twelve_Hours: 2, TwentyFour_Hours: 1 };

interface TemplateRule {
    Type?: string;
    Properties?: { MaximumExecutionFrequency?: string; Scope?: { ComplianceResourceTypes?: string[] }; Source?: { SourceDetails?: { MessageType?: string }[] } };
}

/** The rules of a conformance pack template: periodic runs a day, or change-triggered with the number of resource types in scope. */
function packRules(template: string): { periodicRunsPerDay: number[]; changeTriggeredTypes: number[] } {
    let doc: { Resources?: Record<string, TemplateRule> };
    try {
        doc = (parse(template) ?? {}) as typeof doc;
    } catch {
        doc = {};
    }
    const out = { periodicRunsPerDay: [] as number[], changeTriggeredTypes: [] as number[] };
    for (const rule of Object.values(doc.Resources ?? {})) {
        if (rule.Type !== "AWS::Config::ConfigRule") continue;
        const p = rule.Properties ?? {};
        const types = p.Scope?.ComplianceResourceTypes;
        if (types && types.length > 0 && p.MaximumExecutionFrequency === undefined) out.changeTriggeredTypes.push(types.length);
        else out.periodicRunsPerDay.push(RUNS_PER_DAY[p.MaximumExecutionFrequency ?? "TwentyFour_Hours"] ?? 1);
    }
    return out;
}

/**
 * Organisation conformance packs, in every account and region they deploy to: a periodic rule is
 * evaluated once per run per account (account-level checks such as "a trail is on"); a
 * change-triggered rule once per configuration item of the types in its scope.
 */
export const configRules: PricingRule = {
    id: "config-rules",
    types: ["aws:cfg/organizationConformancePack:OrganizationConformancePack"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        for (const pack of ofTypes(stack, ...this.types)) {
            const region = regionOf(pack, ctx.org.homeRegion);
            const rules = packRules(String(pack.inputs.templateBody ?? ""));
            const excluded = new Set(Array.isArray(pack.inputs.excludedAccounts) ? pack.inputs.excludedAccounts.map(String) : []);
            const accounts = ctx.org.accounts.filter((a) => a.id === undefined || !excluded.has(a.id));
            const periodic = rules.periodicRunsPerDay.reduce((n, runs) => n + runs * DAYS_PER_MONTH, 0) * accounts.length;
            const changes = accounts.reduce((n, a) => n + rules.changeTriggeredTypes.reduce((m, types) => m + volumesOf(ctx.org, a, region).configItems * Math.min(1, types * SHARE_PER_TYPE), 0), 0);
            lines.push(
                charge(
                    "configPackEvaluation",
                    periodic + changes,
                    region,
                    `${rules.periodicRunsPerDay.length} periodic and ${rules.changeTriggeredTypes.length} change-triggered rules of pack ${String(pack.inputs.name)} in ${accounts.length} accounts`,
                ),
            );
        }
        return lines;
    },
};
