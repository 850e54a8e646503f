import { resourceRule } from "../../lib/rule";
import { CONFIG_RECORDER_STATUS } from "../../lib/types";
import { bool, isUnknown } from "../../lib/values";

/** A recorder without an enabled status records nothing. */
export const configRecorderEnabled = resourceRule({
    name: "lz-config-recorder-enabled",
    description: "AWS Config recorder status resources keep recording on (isEnabled true).",
    controls: {
        cis: ["3.3"],
        securityHub: ["Config.1"],
        awsConfig: [],
        nist: ["CM-8", "AU-12"],
        soc2: ["CC7.1", "CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: CONFIG_RECORDER_STATUS,
    remediation: "Set `isEnabled: true` on the aws.cfg.RecorderStatus.",
    check(r, _c, f) {
        const v = bool(r.get("isEnabled"));
        if (isUnknown(v)) f.unknown("isEnabled");
        else if (v !== true) f.fail("Set `isEnabled: true` on this recorder status so AWS Config records configuration changes.");
    },
});
