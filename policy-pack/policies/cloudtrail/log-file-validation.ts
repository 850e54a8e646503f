import { resourceRule } from "../../lib/rule";
import { TRAIL } from "../../lib/types";
import { bool, isUnknown } from "../../lib/values";

/** Digest files let an investigator prove that delivered log files were not altered or deleted. */
export const cloudtrailLogFileValidation = resourceRule({
    name: "lz-cloudtrail-log-file-validation",
    description: "CloudTrail trails validate log files (signed digest files).",
    controls: {
        cis: ["3.2"],
        securityHub: ["CloudTrail.4"],
        awsConfig: ["cloud-trail-log-file-validation-enabled"],
        nist: ["AU-9", "AU-10"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "remediate",
    severity: "medium",
    types: TRAIL,
    remediation: "Set `enableLogFileValidation: true` on the trail. At the remediate level the pack sets it in place.",
    check(r, _config, f) {
        const v = bool(r.get("enableLogFileValidation"));
        if (isUnknown(v)) f.unknown("enableLogFileValidation");
        else if (v !== true) f.fail("Set `enableLogFileValidation: true` on this trail so CloudTrail writes signed digest files.");
    },
    remediate(r) {
        const v = bool(r.get("enableLogFileValidation"));
        return v === false || v === undefined ? { enableLogFileValidation: true } : undefined;
    },
});
