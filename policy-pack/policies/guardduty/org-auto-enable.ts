import { resourceRule } from "../../lib/rule";
import { GUARDDUTY_ORG_CONFIG } from "../../lib/types";
import { bool, isUnknown, str } from "../../lib/values";

/** Without auto-enable, a new account joins the organisation unmonitored. */
export const guarddutyOrgAutoEnable = resourceRule({
    name: "lz-guardduty-org-auto-enable",
    description: "The GuardDuty organisation configuration auto-enables member accounts (ALL or NEW; v5 autoEnable true).",
    controls: {
        cis: [],
        securityHub: ["GuardDuty.1"],
        awsConfig: ["guardduty-enabled-centralized"],
        nist: ["SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: GUARDDUTY_ORG_CONFIG,
    config: { accepted: { type: "array", items: { type: "string", enum: ["ALL", "NEW"] }, default: ["ALL", "NEW"], description: "Accepted autoEnableOrganizationMembers values." } },
    remediation: "Set `autoEnableOrganizationMembers: \"ALL\"` (v6/v7) or `autoEnable: true` (v5).",
    check(r, config, f) {
        const members = str(r.get("autoEnableOrganizationMembers"));
        const legacy = bool(r.get("autoEnable"));
        if (isUnknown(members) || (members === undefined && isUnknown(legacy))) return f.unknown("autoEnableOrganizationMembers");
        const accepted = Array.isArray(config.accepted) ? (config.accepted as string[]) : [];
        if (members !== undefined) {
            if (!accepted.includes(members)) f.fail(`Set \`autoEnableOrganizationMembers\` to ${accepted.map((a) => `"${a}"`).join(" or ")} (it is "${members}").`);
        } else if (legacy !== true) {
            f.fail("Set `autoEnableOrganizationMembers: \"ALL\"` so every member account gets a detector.");
        }
    },
});
