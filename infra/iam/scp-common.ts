/**
 * Pieces shared by the guardrail SCPs: the two principals every guardrail exempts and the
 * landing-zone resource patterns the guardrails protect.
 */
import type { OrgModel } from "../config/model";
import type { Condition } from "./types";

/** The tag every landing-zone resource carries through the provider's `defaultTags` (see infra/tags.ts). */
export const LANDING_ZONE_TAG = "landing-zone";

/**
 * `arn:<partition>:iam::*:role/<name>` for the deployment and break-glass roles: the same role
 * names exist in every account, so the pattern exempts them wherever the SCP applies.
 */
export function exemptPrincipalPatterns(org: OrgModel): string[] {
    return [org.roles.deployment, org.roles.breakGlass].map((name) => `arn:${org.partition}:iam::*:role/${name}`);
}

/** Condition that makes a Deny statement skip the exempt principals, and nobody else. */
export function unlessExempt(org: OrgModel): Condition {
    return { ArnNotLike: { "aws:PrincipalArn": exemptPrincipalPatterns(org) } };
}
