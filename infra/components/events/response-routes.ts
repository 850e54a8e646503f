/**
 * Rows of the routing table for the response playbooks' results (`lz.response`, put on the central
 * bus by the playbook functions' roles alone: the bus policy refuses the source to everyone else,
 * and the rows match the security account's events only). A playbook that could not act, or met a
 * finding it must not act on, pages `high`: a person has to finish the job. Every other result —
 * done, already so, or what a dry run would have done — goes to `medium`, so each automated change
 * in a member account is seen by someone.
 */
import { HIGH_OUTCOMES, RESPONSE_DETAIL_TYPE, RESPONSE_EVENT_SOURCE, RESPONSE_OUTCOMES } from "../../config/playbooks";
import type { SecurityRoute } from "./routing-table";

export const RESPONSE_ROUTE_IDS = { failure: "response-failed", result: "response-result" } as const;

export function responseRoutes(securityAccountId: string): SecurityRoute[] {
    const base = { source: [RESPONSE_EVENT_SOURCE], "detail-type": [RESPONSE_DETAIL_TYPE], account: [securityAccountId] };
    return [
        {
            id: RESPONSE_ROUTE_IDS.failure,
            description: "A response playbook failed to act on a finding, or met one it must not act on (a role's temporary credentials): a person must finish the response",
            pattern: { ...base, detail: { outcome: [...HIGH_OUTCOMES] } },
            targets: { topic: "high", siem: true },
        },
        {
            id: RESPONSE_ROUTE_IDS.result,
            description: "A response playbook acted on a finding, found it already handled, or (dry-run) reported what it would do",
            pattern: { ...base, detail: { outcome: RESPONSE_OUTCOMES.filter((o) => !HIGH_OUTCOMES.includes(o)) } },
            targets: { topic: "medium", siem: true },
        },
    ];
}
