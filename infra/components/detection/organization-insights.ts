/**
 * The Security Hub insights the security account defines for the whole organisation: saved
 * queries over the findings its aggregation region collects from every account and region, each
 * grouped by the attribute a responder sorts by. Filters use Security Hub's string-filter semantics
 * (API reference, StringFilter): EQUALS, PREFIX and CONTAINS filters on one attribute are joined by
 * OR, NOT_EQUALS, PREFIX_NOT_EQUALS and NOT_CONTAINS by AND, and attributes by AND; values are
 * case-sensitive.
 */

export type StringComparison = "EQUALS" | "PREFIX" | "CONTAINS" | "NOT_EQUALS" | "PREFIX_NOT_EQUALS" | "NOT_CONTAINS";

export interface InsightStringFilter {
    readonly comparison: StringComparison;
    readonly value: string;
}

/** Finding attributes the insights may filter on, by their `aws.securityhub.Insight` filter names. */
export const INSIGHT_FILTER_ATTRIBUTES = [
    "awsAccountIds",
    "complianceAssociatedStandardsIds",
    "complianceSecurityControlIds",
    "complianceStatuses",
    "generatorIds",
    "productNames",
    "recordStates",
    "resourceIds",
    "resourceRegions",
    "resourceTypes",
    "severityLabels",
    "types",
    "workflowStatuses",
] as const;
export type InsightFilterAttribute = (typeof INSIGHT_FILTER_ATTRIBUTES)[number];

export type InsightFilters = Readonly<Partial<Record<InsightFilterAttribute, readonly InsightStringFilter[]>>>;

/** Attributes an insight may group by (finding attribute names as the API spells them). */
export const GROUP_BY_ATTRIBUTES = ["AwsAccountId", "ResourceId", "ResourceType", "Type", "ProductName", "SeverityLabel", "GeneratorId"] as const;
export type GroupByAttribute = (typeof GROUP_BY_ATTRIBUTES)[number];

export interface InsightDefinition {
    /** Stable id: part of the resource's logical name. */
    readonly id: string;
    /** Name shown in the console (after the landing zone's prefix). */
    readonly name: string;
    /** What it answers and why the filters are what they are. */
    readonly description: string;
    readonly groupByAttribute: GroupByAttribute;
    readonly filters: InsightFilters;
}

const eq = (...values: string[]): InsightStringFilter[] => values.map((value) => ({ comparison: "EQUALS" as const, value }));

/**
 * Open findings: still active (not archived by their product) and not yet resolved or suppressed
 * by a person, the same scope as AWS's managed insight "AWS resources with the most findings"
 * (docs.aws.amazon.com/securityhub/latest/userguide/securityhub-managed-insights.html).
 */
const OPEN: InsightFilters = { recordStates: eq("ACTIVE"), workflowStatuses: eq("NEW", "NOTIFIED") };

export const ORGANIZATION_INSIGHTS: readonly InsightDefinition[] = [
    {
        id: "critical-high-by-account",
        name: "Critical and high findings by account",
        description: "Which accounts carry the open CRITICAL and HIGH findings of every product (the severities the high topic pages for): where to start.",
        groupByAttribute: "AwsAccountId",
        filters: { ...OPEN, severityLabels: eq("CRITICAL", "HIGH") },
    },
    {
        id: "resources-most-findings",
        name: "Resources with the most active findings",
        description: "Resources ranked by their open findings of any severity and product: one fix often closes many findings.",
        groupByAttribute: "ResourceId",
        filters: OPEN,
    },
    {
        id: "guardduty-by-type",
        name: "GuardDuty findings by type",
        description: "Open GuardDuty threat findings grouped by finding type (e.g. TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce): campaigns show up as one type in many accounts.",
        groupByAttribute: "Type",
        filters: { ...OPEN, productNames: eq("GuardDuty") },
    },
    {
        id: "failed-cis-controls-by-account",
        name: "Failed CIS controls by account",
        description:
            "Open FAILED control findings of the CIS AWS Foundations Benchmark, by account. CIS 1.2.0 is a `ruleset/…` standard, later versions `standards/…`: both prefixes match, so a version change keeps the insight filled.",
        groupByAttribute: "AwsAccountId",
        filters: {
            ...OPEN,
            complianceStatuses: eq("FAILED"),
            complianceAssociatedStandardsIds: [
                { comparison: "PREFIX", value: "standards/cis-aws-foundations-benchmark/" },
                { comparison: "PREFIX", value: "ruleset/cis-aws-foundations-benchmark/" },
            ],
        },
    },
];
