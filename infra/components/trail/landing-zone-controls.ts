/**
 * Metric filters of the landing zone's own on the organisation trail's log group, beside the CIS
 * ones (same shape: `CisControl`). They are the detection that does not depend on any account's
 * EventBridge forwarding: the trail records every account's calls, the management account's too,
 * where no guardrail applies and an administrator could delete the forwarding rules first.
 */
import type { CisControl } from "./cis-controls";
import { ROLE_CHANGE_EVENT_NAMES } from "../../iam/tamper-events";

export interface LandingZoneControlsContext {
    /** The deployment and break-glass role names the guardrails exempt. */
    readonly exemptRoleNames: readonly string[];
    readonly breakGlassRoleName: string;
}

/** CloudWatch Logs caps a metric filter pattern at 1,024 characters (PutMetricFilter, `filterPattern`). */
export const FILTER_PATTERN_MAX_CHARS = 1024;

export function landingZoneTrailControls(ctx: LandingZoneControlsContext): CisControl[] {
    const names = (key: string, values: readonly string[]) => values.map((v) => `(${key} = "${v}")`).join(" || ");
    return [
        {
            id: "break-glass-used",
            controls: ["Landing zone: break-glass use"],
            title: "A call made with a break-glass session, in any account",
            severity: "high",
            // The session issuer is the role whatever path assumed it (CLI, console switch, chaining).
            pattern: `{ $.userIdentity.sessionContext.sessionIssuer.userName = "${ctx.breakGlassRoleName}" }`,
        },
        {
            id: "exempt-role-changed",
            controls: ["Landing zone: exemption minting"],
            title: "The deployment or break-glass role created, deleted, or its trust, policies, boundary or tags changed, in any account",
            severity: "high",
            pattern: `{ ($.eventSource = "iam.amazonaws.com") && (${names("$.requestParameters.roleName", ctx.exemptRoleNames)}) && (${names("$.eventName", ROLE_CHANGE_EVENT_NAMES)}) }`,
        },
    ];
}
