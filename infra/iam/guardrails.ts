/**
 * Registry of the guardrail SCPs the management stack creates, and where each is attached (SCPs
 * never apply to the management account itself).
 *
 * AWS allows at most five SCPs on a root, OU or account, and `FullAWSAccess` takes one, so the
 * per-concern documents (`scp-*.ts`) are merged: at the root, the log pipeline (logging, archive) in
 * one, detection, the alerting path of every account and the roles everything runs as in the other, the optional region deny in the third, leaving one slot for the organisation's own. What
 * exists only in the security account (the delegated administrator's configuration, the central bus,
 * topics, schedules and the account-wide policies behind them) is a fourth policy attached to that
 * account alone, which has slots of its own, and so is a fifth, for the landing zone's functions there. Each policy is checked against the 5,120-character limit.
 */
import type { OrgModel } from "../config/model";
import { protectAlertingScp } from "./scp-protect-alerting";
import { protectArchiveScp } from "./scp-protect-archive";
import { protectFunctionsScp } from "./scp-protect-functions";
import { protectLoggingScp } from "./scp-protect-logging";
import { protectOrganizationScp } from "./scp-protect-organization";
import { protectRolesScp } from "./scp-protect-roles";
import { protectSecurityServicesScp } from "./scp-protect-security-services";
import { protectSecurityToolingScp } from "./scp-protect-security-tooling";
import { regionDenyScp } from "./scp-region-deny";
import { policyDocument, type PolicyDocument } from "./types";

/** Where a guardrail is attached: the organisation root (every account but the management account) or the security account. */
export type GuardrailTarget = "root" | "security-account";

export interface Guardrail {
    /** Short kebab-case id; the SCP is named `<namePrefix>-<id>`. */
    readonly id: string;
    /** What it protects, shown as the SCP description. */
    readonly description: string;
    readonly target: GuardrailTarget;
    readonly document: PolicyDocument;
}

/** Most SCPs AWS lets the landing zone attach to one target: five per target, one kept by FullAWSAccess, one left free. */
export const MAX_GUARDRAIL_POLICIES = 3;

function merge(...docs: PolicyDocument[]): PolicyDocument {
    return policyDocument(docs.flatMap((d) => d.Statement));
}

/** Every guardrail for the organisation; the region deny only when switched on. */
export function guardrails(org: OrgModel, o: { readonly regionDeny: boolean }): Guardrail[] {
    const list: Guardrail[] = [
        {
            id: "protect-log-data",
            description: "Landing-zone trails, log groups, log destinations and delivery streams, archive, replica, staging and query-results buckets and KMS keys cannot be stopped, changed or deleted",
            target: "root",
            document: merge(protectLoggingScp(org), protectArchiveScp(org)),
        },
        {
            id: "protect-security-services",
            description: "Detection services cannot be disabled or blinded, landing-zone event rules, queues, alarms and roles cannot be changed, exempt roles cannot be minted, and accounts cannot leave the organisation",
            target: "root",
            document: merge(protectSecurityServicesScp(org), protectAlertingScp(org), protectRolesScp(org), protectOrganizationScp(org)),
        },
        {
            id: "protect-security-tooling",
            description: "In the security account: the delegated administrator's detection configuration, the central bus, topics, schedules and account-wide log and bus policies cannot be changed",
            target: "security-account",
            document: protectSecurityToolingScp(org),
        },
        {
            id: "protect-functions",
            description: "In the security account: the landing zone's functions cannot be changed, stopped, opened to other invokers or invoked by hand",
            target: "security-account",
            document: protectFunctionsScp(org),
        },
    ];
    if (o.regionDeny) list.push({ id: "region-deny", description: `Requests outside ${org.regions.join(", ")} are denied, global services excepted`, target: "root", document: regionDenyScp(org) });
    return list;
}
