/**
 * A small evaluator of Security Hub string filters on ASFF findings, so tests can decide which
 * findings an insight holds and in which group, without calling AWS (`GetInsightResults`). It
 * follows the API reference (StringFilter): EQUALS, PREFIX and CONTAINS filters on one attribute
 * are joined by OR; NOT_EQUALS, PREFIX_NOT_EQUALS and NOT_CONTAINS by AND; attributes by AND;
 * values are case-sensitive; an attribute with several values in a finding (types, resources,
 * associated standards) matches a positive filter when any value does and a negative one only
 * when none does. Combinations Security Hub rejects throw.
 */
import type { GroupByAttribute, InsightFilterAttribute, InsightFilters, InsightStringFilter } from "../../infra/components/detection/organization-insights";

type Finding = Record<string, any>;

/** Where each filter attribute is in a finding. */
const VALUES: Record<InsightFilterAttribute, (f: Finding) => unknown[]> = {
    awsAccountIds: (f) => [f.AwsAccountId],
    complianceAssociatedStandardsIds: (f) => (f.Compliance?.AssociatedStandards ?? []).map((s: Finding) => s.StandardsId),
    complianceSecurityControlIds: (f) => [f.Compliance?.SecurityControlId],
    complianceStatuses: (f) => [f.Compliance?.Status],
    generatorIds: (f) => [f.GeneratorId],
    productNames: (f) => [f.ProductName],
    recordStates: (f) => [f.RecordState],
    resourceIds: (f) => (f.Resources ?? []).map((r: Finding) => r.Id),
    resourceRegions: (f) => (f.Resources ?? []).map((r: Finding) => r.Region),
    resourceTypes: (f) => (f.Resources ?? []).map((r: Finding) => r.Type),
    severityLabels: (f) => [f.Severity?.Label],
    types: (f) => f.Types ?? [],
    workflowStatuses: (f) => [f.Workflow?.Status],
};

const GROUP_BY: Record<GroupByAttribute, InsightFilterAttribute> = {
    AwsAccountId: "awsAccountIds",
    ResourceId: "resourceIds",
    ResourceType: "resourceTypes",
    Type: "types",
    ProductName: "productNames",
    SeverityLabel: "severityLabels",
    GeneratorId: "generatorIds",
};

function strings(values: unknown[]): string[] {
    return values.filter((v): v is string => typeof v === "string");
}

function holds(filter: InsightStringFilter, value: string): boolean {
    switch (filter.comparison) {
        case "EQUALS":
        case "NOT_EQUALS":
            return value === filter.value;
        case "PREFIX":
        case "PREFIX_NOT_EQUALS":
            return value.startsWith(filter.value);
        case "CONTAINS":
        case "NOT_CONTAINS":
            return value.includes(filter.value);
    }
}

function checkCombination(attribute: string, filters: readonly InsightStringFilter[]): void {
    const c = new Set(filters.map((f) => f.comparison));
    const bad = (c.has("CONTAINS") && c.size > 1) || (c.has("NOT_CONTAINS") && c.size > 1) || (c.has("EQUALS") && (c.has("NOT_EQUALS") || c.has("PREFIX_NOT_EQUALS")));
    if (bad) throw new Error(`${attribute}: Security Hub rejects the combination ${[...c].join(" + ")}`);
}

/** Whether `finding` matches every attribute of `filters`. */
export function matchesFilters(filters: InsightFilters, finding: Finding): boolean {
    return Object.entries(filters).every(([attribute, list]) => {
        const extract = VALUES[attribute as InsightFilterAttribute];
        if (extract === undefined) throw new Error(`${attribute}: not an attribute this evaluator knows`);
        checkCombination(attribute, list!);
        const values = strings(extract(finding));
        const positive = list!.filter((f) => !f.comparison.startsWith("NOT_") && f.comparison !== "PREFIX_NOT_EQUALS");
        const negative = list!.filter((f) => !positive.includes(f));
        const anyPositive = positive.length === 0 || values.some((v) => positive.some((f) => holds(f, v)));
        const noNegative = negative.every((f) => values.every((v) => !holds(f, v)));
        return anyPositive && noNegative;
    });
}

/** The groups a matching finding counts in, as the insight's results list them. */
export function groupsOf(attribute: GroupByAttribute, finding: Finding): string[] {
    return [...new Set(strings(VALUES[GROUP_BY[attribute]](finding)))];
}

/** An insight's results over `findings`: group value → number of matching findings, as GetInsightResults counts. */
export function insightResults(insight: { groupByAttribute: GroupByAttribute; filters: InsightFilters }, findings: readonly Finding[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const f of findings) {
        if (!matchesFilters(insight.filters, f)) continue;
        for (const g of groupsOf(insight.groupByAttribute, f)) counts[g] = (counts[g] ?? 0) + 1;
    }
    return counts;
}
