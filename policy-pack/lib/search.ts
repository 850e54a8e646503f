/** OpenSearch / Elasticsearch `logPublishingOptions` entries by log type. */
import type { Findings, Res } from "./rule";
import { bool, get, isSet, isUnknown, list, str } from "./values";

export function checkPublishing(r: Res, f: Findings, logType: string, what: string): void {
    const opts = list(r.props.logPublishingOptions);
    if (isUnknown(opts)) return f.unknown("logPublishingOptions");
    let unknown = false;
    for (const o of opts) {
        const t = str(get(o, "logType"));
        const enabled = bool(get(o, "enabled"));
        if (isUnknown(t) || isUnknown(enabled)) {
            unknown = true;
            continue;
        }
        if (t === logType && enabled !== false && isSet(get(o, "cloudwatchLogGroupArn"))) return;
    }
    if (unknown) return f.unknown("logPublishingOptions entries");
    f.fail(`Add \`{ logType: "${logType}", cloudwatchLogGroupArn: <log group ARN>, enabled: true }\` to \`logPublishingOptions\` to publish ${what}.`);
}
