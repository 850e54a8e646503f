import { resourceRule } from "../../lib/rule";
import { TRAIL } from "../../lib/types";
import { bool, isUnknown } from "../../lib/values";

/** A trail with logging stopped looks configured but records nothing. */
export const cloudtrailLoggingEnabled = resourceRule({
    name: "lz-cloudtrail-logging-enabled",
    description: "CloudTrail trails have logging turned on.",
    controls: {
        cis: ["3.1"],
        securityHub: ["CloudTrail.1"],
        awsConfig: ["cloudtrail-enabled"],
        nist: ["AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: TRAIL,
    remediation: "Remove `enableLogging: false` from the trail (logging is on by default).",
    check(r, _c, f) {
        const v = bool(r.get("enableLogging"));
        if (isUnknown(v)) f.unknown("enableLogging");
        else if (v === false) f.fail("Remove `enableLogging: false` (or set it to true): this trail records nothing while logging is stopped.");
    },
});
