/**
 * Rows of the routing table for the scheduled integrity validation's result (`lz.integrity`, put on
 * the central bus by the job's role alone: the bus policy refuses the source to everyone else, and
 * the rows match the security account's events only).
 */
import { integrityEventPatterns } from "../../integrity/validation-job";
import type { SecurityRoute } from "./routing-table";

/** Row ids: the evidence alarm watches the passing row's rule. */
export const INTEGRITY_ROUTE_IDS = { failure: "integrity-failed", success: "integrity-passed" } as const;

export function integrityRoutes(securityAccountId: string): SecurityRoute[] {
    const patterns = integrityEventPatterns(securityAccountId);
    return [
        {
            id: INTEGRITY_ROUTE_IDS.failure,
            description: "The daily CloudTrail integrity validation found a modified, deleted or unsigned log file or digest, a broken chain or a gap",
            pattern: patterns.failure,
            targets: { topic: "high", siem: true },
        },
        {
            id: INTEGRITY_ROUTE_IDS.success,
            description: "The daily CloudTrail integrity validation passed: the evidence its missing-run alarm expects (like the self-test, a line in the low digest)",
            pattern: patterns.success,
            targets: { topic: "low" },
        },
    ];
}
