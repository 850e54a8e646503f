/**
 * The SCPs that apply to a principal of an account, as AWS evaluates them: one level per target
 * from the root down to the account, each holding AWS's `FullAWSAccess` (attached to every root, OU
 * and account) and the guardrails attached there. A request is allowed only if every level allows.
 */
import type { OrgModel } from "../../infra/config/model";
import { guardrails, type GuardrailTarget } from "../../infra/iam/guardrails";
import type { PolicyDocument } from "../../infra/iam/types";

/** AWS attaches its managed FullAWSAccess SCP to every root, OU and account; guardrails only subtract from it. */
export const FULL_AWS_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** SCP levels for `account` (root first). The management account has none: SCPs never apply there. */
export function scpLevels(org: OrgModel, account: string, o: { readonly regionDeny?: boolean; readonly documents?: readonly { readonly target: GuardrailTarget; readonly document: PolicyDocument }[] } = {}): unknown[][] {
    if (account === org.management.id) return [];
    const all = o.documents ?? guardrails(org, { regionDeny: o.regionDeny ?? true });
    const at = (target: GuardrailTarget) => all.filter((g) => g.target === target).map((g) => g.document);
    const levels: unknown[][] = [[FULL_AWS_ACCESS, ...at("root")]];
    if (account === org.security.id) levels.push([FULL_AWS_ACCESS, ...at("security-account")]);
    return levels;
}
