import { resourceRule } from "../../lib/rule";
import { selectorFacts } from "../../lib/selectors";
import { TRAIL } from "../../lib/types";
import { isUnknown } from "../../lib/values";

/** Selectors can silently drop management events (read-only, write-only, or whole event sources). */
export const cloudtrailManagementEvents = resourceRule({
    name: "lz-cloudtrail-management-events",
    description: "CloudTrail trails record management events, reads and writes, without excluding event sources.",
    controls: {
        cis: ["3.1"],
        securityHub: ["CloudTrail.1"],
        awsConfig: ["cloudtrail-security-trail-enabled", "multi-region-cloudtrail-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: TRAIL,
    config: {
        allowedExclusions: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Event sources that may be excluded from management events (e.g. \"kms.amazonaws.com\" to save cost).",
        },
    },
    remediation: "Keep one selector recording management events with `readWriteType: \"All\"` (basic) or `eventCategory = Management` without a `readOnly` field (advanced), and remove `excludeManagementEventSources` / `eventSource notEquals`.",
    check(r, config, f) {
        const facts = selectorFacts(r);
        if (isUnknown(facts)) {
            f.unknown("the trail's event selectors");
            return;
        }
        if (!facts.managementAll) {
            f.fail("Add a selector that records management events for reads and writes: basic `{ includeManagementEvents: true, readWriteType: \"All\" }` or advanced `eventCategory equals [\"Management\"]` without a `readOnly` field.");
        }
        const allowed = Array.isArray(config.allowedExclusions) ? (config.allowedExclusions as unknown[]) : [];
        const bad = facts.excludedSources.filter((s) => !allowed.includes(s));
        if (bad.length) f.fail(`Stop excluding ${bad.join(", ")} from management events (remove them from excludeManagementEventSources / eventSource notEquals), or allow them in this rule's \`allowedExclusions\`.`);
    },
});
