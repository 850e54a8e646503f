/**
 * What the security account forwards from its own default buses to the central bus, as ONE table.
 * As delegated administrator it receives every member's GuardDuty, Inspector, Macie and Access
 * Analyzer findings on its default bus of the region where they arise, and Security Hub (with its
 * finding aggregator) delivers every linked region's findings and the custom-action events in the home
 * region. Members do not forward these (see `baseline/forwarding-rules.ts`), so each finding arrives
 * on the central bus exactly once.
 */

/**
 * - `enabled`: every enabled region (findings arise in the region of the resource);
 * - `home`: the home region only (Security Hub aggregates there; custom actions are created there).
 */
export type FindingsScope = "enabled" | "home";

export interface FindingsForwardingRule {
    /** Stable id: part of the rule name `<prefix>-findings-<id>`. */
    readonly id: string;
    readonly description: string;
    readonly scope: FindingsScope;
    readonly pattern: Readonly<Record<string, unknown>>;
}

export const FINDINGS_FORWARDING_RULES: readonly FindingsForwardingRule[] = [
    {
        id: "guardduty",
        description: "GuardDuty findings of every member, delivered to the delegated administrator in their region",
        scope: "enabled",
        pattern: { source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"] },
    },
    {
        id: "inspector",
        description: "Inspector findings of every member, delivered to the delegated administrator in their region",
        scope: "enabled",
        pattern: { source: ["aws.inspector2"], "detail-type": ["Inspector2 Finding"] },
    },
    {
        id: "macie",
        description: "Macie findings of every member, delivered to the administrator account in their region",
        scope: "enabled",
        pattern: { source: ["aws.macie"], "detail-type": ["Macie Finding"] },
    },
    {
        id: "access-analyzer",
        description: "Findings of the organisation's external- and unused-access analyzers",
        scope: "enabled",
        pattern: { source: ["aws.access-analyzer"], "detail-type": ["Access Analyzer Finding", "Unused Access Finding for IAM entities"] },
    },
    {
        id: "security-hub",
        description: "New active Security Hub findings of every linked region (aggregated here) and custom-action events",
        scope: "home",
        // Security Hub re-sends a finding on every update; only those still NEW and ACTIVE can alert,
        // so the rest stays out of the central bus (and out of the log group's bill).
        pattern: {
            source: ["aws.securityhub"],
            $or: [
                { "detail-type": ["Security Hub Findings - Imported"], detail: { findings: { RecordState: ["ACTIVE"], Workflow: { Status: ["NEW"] } } } },
                { "detail-type": ["Security Hub Findings - Custom Action"] },
            ],
        },
    },
];

/** The regions a row runs in. */
export function findingsRuleRegions(scope: FindingsScope, regions: readonly string[], homeRegion: string): string[] {
    return scope === "home" ? [homeRegion] : [...regions];
}
