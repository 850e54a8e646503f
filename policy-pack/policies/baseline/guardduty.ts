import { baselineConfig, notSelected, selected } from "../../lib/baseline";
import { stackRule } from "../../lib/rule";
import { GUARDDUTY_DETECTOR, GUARDDUTY_ORG_CONFIG } from "../../lib/types";

/** The security tooling stack runs GuardDuty for the organisation. */
export const baselineGuardduty = stackRule({
    name: "lz-baseline-guardduty",
    description: "Security-baseline stacks contain GuardDuty (a detector or the organisation configuration).",
    controls: {
        cis: [],
        securityHub: ["GuardDuty.1"],
        awsConfig: ["guardduty-enabled-centralized"],
        nist: ["SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: [...GUARDDUTY_DETECTOR, ...GUARDDUTY_ORG_CONFIG],
    config: baselineConfig("security"),
    remediation: "Add the GuardDuty organisation configuration (aws.guardduty.OrganizationConfiguration with autoEnableOrganizationMembers ALL) in every enabled region, or a detector.",
    check(stack, config, f) {
        if (!selected(stack, config, "security")) return f.notApplicable(notSelected(config, "security"));
        if (stack.ofType(GUARDDUTY_DETECTOR).length || stack.ofType(GUARDDUTY_ORG_CONFIG).length) return;
        f.fail(null, "This security-baseline stack has no GuardDuty: add aws.guardduty.OrganizationConfiguration (autoEnableOrganizationMembers: \"ALL\") per enabled region.");
    },
});
