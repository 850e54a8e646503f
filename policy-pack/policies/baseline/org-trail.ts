import { baselineConfig, notSelected, selected } from "../../lib/baseline";
import { stackRule } from "../../lib/rule";
import { TRAIL } from "../../lib/types";
import { bool, isUnknown } from "../../lib/values";

/** One organisation trail records every account and region. */
export const baselineOrgTrail = stackRule({
    name: "lz-baseline-org-trail",
    description: "Security-baseline stacks contain a multi-region organisation trail.",
    controls: {
        cis: ["3.1"],
        securityHub: ["CloudTrail.1", "CloudTrail.3"],
        awsConfig: ["cloudtrail-enabled", "multi-region-cloudtrail-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: TRAIL,
    config: baselineConfig("security"),
    remediation: "Add an aws.cloudtrail.Trail with `isOrganizationTrail: true` and `isMultiRegionTrail: true` (the security stack's organisation trail).",
    check(stack, config, f) {
        if (!selected(stack, config, "security")) return f.notApplicable(notSelected(config, "security"));
        let unknown = false;
        for (const t of stack.ofType(TRAIL)) {
            const org = bool(t.get("isOrganizationTrail"));
            const multi = bool(t.get("isMultiRegionTrail"));
            if (org === true && multi === true) return;
            if (isUnknown(org) || isUnknown(multi)) unknown = true;
        }
        if (unknown) f.unknown(null, "isOrganizationTrail / isMultiRegionTrail of the stack's trails");
        else f.fail(null, "This security-baseline stack has no multi-region organisation trail: add an aws.cloudtrail.Trail with isOrganizationTrail and isMultiRegionTrail true.");
    },
});
