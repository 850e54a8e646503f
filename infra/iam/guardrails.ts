/**
 * Registry of the guardrail SCPs the management stack creates and attaches to the organisation
 * root (SCPs never apply to the management account itself).
 *
 * AWS allows at most five SCPs on a root, OU or account, and `FullAWSAccess` takes one, so the
 * per-concern documents (`scp-*.ts`) are merged into three policies, leaving a slot for the
 * organisation's own: the log pipeline and what it depends on (logging, archive, roles) in one,
 * detection and the alerting path in the other, the optional region deny in the third. Each merged
 * policy is still checked against the 5,120-character limit.
 */
import type { OrgModel } from "../config/model";
import { protectAlertingScp } from "./scp-protect-alerting";
import { protectArchiveScp } from "./scp-protect-archive";
import { protectLoggingScp } from "./scp-protect-logging";
import { protectOrganizationScp } from "./scp-protect-organization";
import { protectRolesScp } from "./scp-protect-roles";
import { protectSecurityServicesScp } from "./scp-protect-security-services";
import { regionDenyScp } from "./scp-region-deny";
import { policyDocument, type PolicyDocument } from "./types";

export interface Guardrail {
    /** Short kebab-case id; the SCP is named `<namePrefix>-<id>`. */
    readonly id: string;
    /** What it protects, shown as the SCP description. */
    readonly description: string;
    readonly document: PolicyDocument;
}

/** Most SCPs AWS lets the landing zone attach to the root: five per target, one kept by FullAWSAccess, one left free. */
export const MAX_GUARDRAIL_POLICIES = 3;

function merge(...docs: PolicyDocument[]): PolicyDocument {
    return policyDocument(docs.flatMap((d) => d.Statement));
}

/** Every guardrail for the organisation; the region deny only when switched on. */
export function guardrails(org: OrgModel, o: { readonly regionDeny: boolean }): Guardrail[] {
    const list: Guardrail[] = [
        {
            id: "protect-log-data",
            description: "Landing-zone trails, log groups, log destinations and delivery streams, archive, replica, staging and query-results buckets, KMS keys and roles cannot be stopped, changed or deleted",
            document: merge(protectLoggingScp(org), protectArchiveScp(org), protectRolesScp(org)),
        },
        {
            id: "protect-security-services",
            description: "Detection services cannot be disabled, security event routing and alerting (rules, central bus, topics, queues) cannot be changed, and accounts cannot leave the organisation",
            document: merge(protectSecurityServicesScp(org), protectAlertingScp(org), protectOrganizationScp(org)),
        },
    ];
    if (o.regionDeny) list.push({ id: "region-deny", description: `Requests outside ${org.regions.join(", ")} are denied, global services excepted`, document: regionDenyScp(org) });
    return list;
}
