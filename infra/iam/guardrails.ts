/**
 * Registry of the guardrail SCPs: one entry per policy the management stack creates and attaches
 * to the organisation root (SCPs never apply to the management account itself).
 */
import type { OrgModel } from "../config/model";
import { protectArchiveScp } from "./scp-protect-archive";
import { protectLoggingScp } from "./scp-protect-logging";
import { protectOrganizationScp } from "./scp-protect-organization";
import { protectSecurityServicesScp } from "./scp-protect-security-services";
import { regionDenyScp } from "./scp-region-deny";
import type { PolicyDocument } from "./types";

export interface Guardrail {
    /** Short kebab-case id; the SCP is named `<namePrefix>-<id>`. */
    readonly id: string;
    /** What it protects, shown as the SCP description. */
    readonly description: string;
    readonly document: PolicyDocument;
}

/** Every guardrail for the organisation; the region deny only when switched on. */
export function guardrails(org: OrgModel, o: { readonly regionDeny: boolean }): Guardrail[] {
    const list: Guardrail[] = [
        { id: "protect-logging", description: "Landing-zone trails, log groups and event routing cannot be stopped, changed or deleted", document: protectLoggingScp(org) },
        { id: "protect-archive", description: "Log archive and staging buckets and landing-zone KMS keys cannot be reconfigured or deleted", document: protectArchiveScp(org) },
        { id: "protect-security-services", description: "GuardDuty, Security Hub, Config, Access Analyzer, Macie, Inspector and Detective cannot be disabled", document: protectSecurityServicesScp(org) },
        { id: "protect-organization", description: "Member accounts cannot leave the organisation", document: protectOrganizationScp(org) },
    ];
    if (o.regionDeny) list.push({ id: "region-deny", description: `Requests outside ${org.regions.join(", ")} are denied, global services excepted`, document: regionDenyScp(org) });
    return list;
}
