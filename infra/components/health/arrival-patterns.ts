/**
 * Metric filter patterns of the arrivals the security account watches in its security-events log
 * group, where EventBridge writes every event of the central bus as its JSON (the catch-all route),
 * and in the organisation trail's log group.
 */
import { forwardingRuleName, HEARTBEAT_ID } from "../baseline/event-forwarding";
import { CANARY_LOGS_PREFIX } from "../log-archive/central-logs-keys";

/**
 * An account's forwarding heartbeat: the `Scheduled Event` (source `aws.events`) its heartbeat rule
 * puts on the central bus, whose only resource is that rule's ARN; `account` is the sender.
 */
export function heartbeatPattern(namePrefix: string): string {
    return `{ ($.source = "aws.events") && ($.resources[0] = "*:rule/${forwardingRuleName(namePrefix, HEARTBEAT_ID)}") }`;
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
export function canaryArrivalPattern(archiveBucketName: string): string {
    return `{ ($.source = "aws.s3") && ($.detail.bucket.name = "${archiveBucketName}") && ($.detail.object.key = "${CANARY_KEY_PREFIX}*") }`;
}

/** Any CloudTrail record: every record carries `eventVersion`. */
export const TRAIL_EVENT_PATTERN = '{ $.eventVersion = "*" }';
