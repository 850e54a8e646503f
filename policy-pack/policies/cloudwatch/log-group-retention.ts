import { resourceRule } from "../../lib/rule";
import { LOG_GROUP } from "../../lib/types";
import { isUnknown, num } from "../../lib/values";

/**
 * Retention floor: logs must be kept at least `minimumDays`. Not setting retention (or 0) means
 * "never expire", which keeps logs longer than any floor, so it complies.
 */
export const cloudwatchLogGroupRetention = resourceRule({
    name: "lz-cloudwatch-log-group-retention",
    description: "CloudWatch log groups keep events at least the configured number of days (never expire complies).",
    controls: {
        cis: [],
        securityHub: ["CloudWatch.16"],
        awsConfig: ["cw-loggroup-retention-period-check"],
        nist: ["AU-11"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "remediate",
    severity: "medium",
    types: LOG_GROUP,
    config: {
        minimumDays: { type: "integer", minimum: 1, default: 365, description: "Shortest retention accepted, in days." },
    },
    remediation: "Set `retentionInDays` to at least the floor (default 365), or leave it unset to keep events forever. At the remediate level the pack raises it to the floor.",
    check(r, config, f) {
        const min = Number(config.minimumDays);
        const days = num(r.get("retentionInDays"));
        if (isUnknown(days)) f.unknown("retentionInDays");
        else if (days !== undefined && days !== 0 && days < min) {
            f.fail(`Raise \`retentionInDays\` from ${days} to at least ${min} (or leave it unset to never expire).`);
        }
    },
    remediate(r, config) {
        const min = Number(config.minimumDays);
        const days = num(r.get("retentionInDays"));
        return typeof days === "number" && days !== 0 && days < min ? { retentionInDays: validRetention(min) } : undefined;
    },
});

/** CloudWatch Logs accepts only these retention values; the fix picks the smallest one ≥ the floor. */
const RETENTION_VALUES = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

function validRetention(min: number): number {
    return RETENTION_VALUES.find((v) => v >= min) ?? 0;
}
