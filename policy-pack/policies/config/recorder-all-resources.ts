import { resourceRule } from "../../lib/rule";
import { CONFIG_RECORDER } from "../../lib/types";
import { bool, isUnknown, str } from "../../lib/values";

/**
 * Recording must cover all supported types; cost is controlled with exclusions or recordingMode
 * overrides, not by listing a few types to include.
 */
export const configRecorderAllResources = resourceRule({
    name: "lz-config-recorder-all-resources",
    description: "AWS Config recorders record all supported resource types (exclusions allowed, inclusion lists not).",
    controls: {
        cis: ["3.3"],
        securityHub: ["Config.1"],
        awsConfig: [],
        nist: ["CM-8", "AU-12"],
        soc2: ["CC7.1"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: CONFIG_RECORDER,
    remediation: "Set `recordingGroup: { allSupported: true }` (home region: also `includeGlobalResourceTypes: true`), or use `recordingStrategy.useOnly: \"EXCLUSION_BY_RESOURCE_TYPES\"`; control cost with `recordingMode` overrides.",
    check(r, _c, f) {
        const all = bool(r.get("recordingGroup.allSupported"));
        const strategy = str(r.get("recordingGroup.recordingStrategies.0.useOnly")) ?? str(r.get("recordingGroup.recordingStrategy.useOnly"));
        if (isUnknown(all) || isUnknown(strategy)) return f.unknown("recordingGroup");
        if (all === false && strategy !== "EXCLUSION_BY_RESOURCE_TYPES" && strategy !== "ALL_SUPPORTED_RESOURCE_TYPES") {
            f.fail("Record all supported resource types: set `recordingGroup.allSupported: true` (or an EXCLUSION_BY_RESOURCE_TYPES strategy) instead of an inclusion list.");
        }
    },
});
