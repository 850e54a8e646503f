import { resourceRule } from "../../lib/rule";
import { TRAIL } from "../../lib/types";
import { bool, isUnknown } from "../../lib/values";

/** A single-region trail misses activity in every other region, and global services (IAM, STS) without global events. */
export const cloudtrailMultiRegion = resourceRule({
    name: "lz-cloudtrail-multi-region",
    description: "CloudTrail trails record every region and global service events.",
    controls: {
        cis: ["3.1"],
        securityHub: ["CloudTrail.1"],
        awsConfig: ["multi-region-cloudtrail-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "remediate",
    severity: "high",
    types: TRAIL,
    remediation: "Set `isMultiRegionTrail: true` and `includeGlobalServiceEvents: true` (the default) on the trail. At the remediate level the pack sets both.",
    check(r, _c, f) {
        const multi = bool(r.get("isMultiRegionTrail"));
        const global = bool(r.get("includeGlobalServiceEvents"));
        if (isUnknown(multi)) f.unknown("isMultiRegionTrail");
        else if (multi !== true) f.fail("Set `isMultiRegionTrail: true` on this trail so it records API activity in every region.");
        if (isUnknown(global)) f.unknown("includeGlobalServiceEvents");
        else if (global === false) f.fail("Remove `includeGlobalServiceEvents: false` (or set it to true) so IAM, STS and other global service events are recorded.");
    },
    remediate(r) {
        const multi = bool(r.get("isMultiRegionTrail"));
        const global = bool(r.get("includeGlobalServiceEvents"));
        const patch: Record<string, unknown> = {};
        if (multi === false || multi === undefined) patch.isMultiRegionTrail = true;
        if (global === false) patch.includeGlobalServiceEvents = true;
        return Object.keys(patch).length ? patch : undefined;
    },
});
