/**
 * Event patterns of the arrivals the security account watches on its central bus: every account's
 * forwarding heartbeat and the log canary's objects in the archive. Watched as matches of a rule of
 * the central bus (`AWS/Events MatchedEvents`), a metric nobody can write: only the forwarding rules
 * the bus policy admits put these events there.
 */
import { forwardingRuleName, HEARTBEAT_ID } from "../baseline/event-forwarding";
import { CANARY_LOGS_PREFIX } from "../log-archive/central-logs-keys";

/**
 * An account's forwarding heartbeat: the `Scheduled Event` (source `aws.events`) its heartbeat rule
 * puts on the central bus, whose only resource is that rule's ARN; `account` is the sender.
 */
export function heartbeatPattern(namePrefix: string): Record<string, unknown> {
    return { source: ["aws.events"], "detail-type": ["Scheduled Event"], resources: [{ wildcard: `arn:*:events:*:*:rule/${forwardingRuleName(namePrefix, HEARTBEAT_ID)}` }] };
}

/** Logs Insights query over the security-events log group: each account's heartbeats and the last one, oldest first (the silent account on top). */
export function silentAccountsQuery(namePrefix: string): string {
    return [
        "fields @timestamp, account",
        `| filter source = "aws.events" and resources.0 like /:rule\/${forwardingRuleName(namePrefix, HEARTBEAT_ID)}$/`,
        "| stats count(*) as heartbeats, max(@timestamp) as lastHeartbeat by account",
        "| sort lastHeartbeat asc",
    ].join("\n");
}

/** Key prefix of the log canary's objects in the archive. */
export const CANARY_KEY_PREFIX = `${CANARY_LOGS_PREFIX}/`;

/** An object Firehose wrote under the canary prefix of the archive (its `Object Created` event, forwarded by the log-archive account). */
export function canaryArrivalPattern(archiveBucketName: string): Record<string, unknown> {
    return { source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [archiveBucketName] }, object: { key: [{ prefix: CANARY_KEY_PREFIX }] } } };
}
