import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny } from "../validate";
import { GROUP_BY_ATTRIBUTES, INSIGHT_FILTER_ATTRIBUTES, ORGANIZATION_INSIGHTS, type InsightDefinition, type InsightFilters } from "./organization-insights";

export interface SecurityHubInsightsArgs {
    /** Security Hub's aggregation region (the home region): insights there see every linked region's findings. */
    readonly region: string;
    /** Put before every insight's name, so the landing zone's insights sort together in the console. */
    readonly namePrefix: string;
    /**
     * The insights to define.
     * @default ORGANIZATION_INSIGHTS (critical and high by account, resources with the most findings, GuardDuty by type, failed CIS controls by account)
     */
    readonly insights?: readonly InsightDefinition[];
}

export type ResolvedSecurityHubInsightsArgs = Required<SecurityHubInsightsArgs>;

/** Security Hub accepts up to ten attributes per insight and 20 values per attribute (API reference, Insight). */
export const MAX_FILTER_ATTRIBUTES = 10;
export const MAX_FILTER_VALUES = 20;

/**
 * Combinations Security Hub rejects (API reference, StringFilter): CONTAINS only with CONTAINS,
 * NOT_CONTAINS only with NOT_CONTAINS, EQUALS never with a negative comparison; PREFIX may go with
 * NOT_EQUALS or PREFIX_NOT_EQUALS.
 */
function combinationProblem(comparisons: ReadonlySet<string>): string | undefined {
    const has = (c: string) => comparisons.has(c);
    if (has("CONTAINS") && comparisons.size > 1) return "CONTAINS filters can only be combined with other CONTAINS filters";
    if (has("NOT_CONTAINS") && comparisons.size > 1) return "NOT_CONTAINS filters can only be combined with other NOT_CONTAINS filters";
    if (has("EQUALS") && (has("NOT_EQUALS") || has("PREFIX_NOT_EQUALS"))) return "EQUALS cannot be combined with NOT_EQUALS or PREFIX_NOT_EQUALS";
    return undefined;
}

function filterProblems(where: string, filters: InsightFilters): string[] {
    const problems: string[] = [];
    const attributes = Object.keys(filters);
    if (attributes.length > MAX_FILTER_ATTRIBUTES) problems.push(`${where}.filters: ${attributes.length} attributes; Security Hub accepts at most ${MAX_FILTER_ATTRIBUTES}`);
    for (const [attribute, list] of Object.entries(filters) as [string, readonly { comparison: string; value: string }[]][]) {
        const at = `${where}.filters.${attribute}`;
        if (!(INSIGHT_FILTER_ATTRIBUTES as readonly string[]).includes(attribute)) problems.push(`${at}: not a supported filter attribute; use one of ${INSIGHT_FILTER_ATTRIBUTES.join(", ")}`);
        if (list.length === 0 || list.length > MAX_FILTER_VALUES) problems.push(`${at}: ${list.length} values; give 1 to ${MAX_FILTER_VALUES}`);
        for (const f of list) if (f.value === "") problems.push(`${at}: an empty value matches nothing useful`);
        const combination = combinationProblem(new Set(list.map((f) => f.comparison)));
        if (combination) problems.push(`${at}: ${combination}`);
    }
    return problems;
}

export function resolveSecurityHubInsightsArgs(name: string, args: SecurityHubInsightsArgs): ResolvedSecurityHubInsightsArgs {
    const insights = args.insights ?? ORGANIZATION_INSIGHTS;
    const problems: string[] = [];
    if (insights.length === 0) problems.push("insights: at least one insight is required (leave it out for the organisation's set)");
    const seen = new Set<string>();
    insights.forEach((i, n) => {
        const where = `insights[${n}]`;
        if (!/^[a-z0-9-]{1,40}$/.test(i.id)) problems.push(`${where}.id: ${JSON.stringify(i.id)} must be 1-40 lower-case letters, digits or -`);
        if (seen.has(i.id) || seen.has(i.name)) problems.push(`${where}: id ${JSON.stringify(i.id)} or name ${JSON.stringify(i.name)} is used twice`);
        seen.add(i.id).add(i.name);
        if (!(GROUP_BY_ATTRIBUTES as readonly string[]).includes(i.groupByAttribute)) problems.push(`${where}.groupByAttribute: ${JSON.stringify(i.groupByAttribute)} is not one of ${GROUP_BY_ATTRIBUTES.join(", ")}`);
        problems.push(...filterProblems(where, i.filters));
    });
    failIfAny("SecurityHubInsights", name, problems);
    return { ...args, insights };
}

/**
 * Organisation-wide Security Hub custom insights, defined by the delegated administrator in the
 * aggregation region (where the findings of every account and linked region arrive). Security Hub
 * must be enabled in the account first: give the component a `dependsOn` on it.
 */
export class SecurityHubInsights extends pulumi.ComponentResource {
    /** ARN of each insight, by id. */
    public readonly insightArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: SecurityHubInsightsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:detection:SecurityHubInsights", name, {}, opts);
        const a = resolveSecurityHubInsightsArgs(name, args);
        const arns: Record<string, pulumi.Output<string>> = {};
        for (const i of a.insights) {
            const insight = new aws.securityhub.Insight(
                `${name}-${i.id}`,
                { region: a.region, name: `${a.namePrefix} ${i.name}`, groupByAttribute: i.groupByAttribute, filters: i.filters as aws.types.input.securityhub.InsightFilters },
                // The caller's dependsOn (Security Hub enabled and configured) made the children's own: the engine does
                // not hold a component's children back for the component's dependencies.
                { parent: this, dependsOn: opts?.dependsOn },
            );
            arns[i.id] = insight.arn;
        }
        this.insightArns = pulumi.output(arns);
        this.registerOutputs({ insightArns: this.insightArns });
    }
}
