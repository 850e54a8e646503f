import { resourceRule } from "../../lib/rule";
import { GUARDDUTY_DETECTOR } from "../../lib/types";
import { bool, isUnknown } from "../../lib/values";

/** A suspended detector produces no findings while looking deployed. */
export const guarddutyDetectorEnabled = resourceRule({
    name: "lz-guardduty-detector-enabled",
    description: "GuardDuty detectors are never created or left disabled.",
    controls: {
        cis: [],
        securityHub: ["GuardDuty.1"],
        awsConfig: ["guardduty-enabled-centralized"],
        nist: ["SI-4", "AU-6"],
        soc2: ["CC7.2", "CC7.3"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: GUARDDUTY_DETECTOR,
    remediation: "Remove `enable: false` from the detector (it is enabled by default).",
    check(r, _c, f) {
        const v = bool(r.get("enable"));
        if (isUnknown(v)) f.unknown("enable");
        else if (v === false) f.fail("Remove `enable: false` (or set it to true) on this GuardDuty detector.");
    },
});
