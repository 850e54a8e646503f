/**
 * The landing zone's own health signals, as ONE table: every hop of the log and alert pipelines has a
 * signal here, with the severity chosen for it and the reason, and the runbook step. The alarms take
 * their names from it, `docs/operations.md` is generated from it, and the tests follow each signal from
 * the hop it watches to the topic it reaches.
 *
 * Two families, by how a signal reaches people:
 * - `forwarded`: an alarm in whatever account and region the hop lives, named
 *   `<prefix>-health-<severity>-<signal>…`. It has no alarm action: its state change is an event on the
 *   account's default bus, which the member baseline forwards to the central bus (`health-alarms`), where
 *   a row per severity routes it to the topic its name carries. No per-account topics.
 * - `direct`: an alarm in the security account's home region, named `<prefix>-watch-<severity>-<signal>…`,
 *   whose action publishes to its topic itself. These watch the central bus and what is measured on it:
 *   routed through the bus, they would go silent exactly when the bus fails.
 * - `event`: no alarm; a service's own failure event, forwarded and routed like a finding.
 */
import type { Severity } from "./model";

export type HealthFamily = "forwarded" | "direct" | "event";

export interface HealthSignal {
    /** Stable id, part of the alarm names. */
    readonly id: string;
    readonly severity: Severity;
    readonly family: HealthFamily;
    /** The hop it watches. */
    readonly hop: string;
    /** Where the alarm lives: account and regions. */
    readonly where: string;
    /** What is measured, and when it alarms. */
    readonly threshold: string;
    /** Why this severity: what is lost, and how soon, when nobody acts. */
    readonly why: string;
    /** What to do when it fires. */
    readonly runbook: string;
}

/** Infix of the forwarded alarms' names: `<prefix>-health-<severity>-…`. */
export const HEALTH_INFIX = "health";
/** Infix of the security account's direct alarms' names: `<prefix>-watch-<severity>-…`. */
export const WATCH_INFIX = "watch";

export const HEALTH_SIGNALS = [
    {
        id: "replication-failed",
        severity: "high",
        family: "forwarded",
        hop: "Each staging bucket (S3 access logs, ELB, Config) → the archive and its replica; the archive → its replica",
        where: "log-archive account, the region of each replicated bucket, one alarm per replication rule",
        threshold: "`AWS/S3 OperationsFailedReplication` (replication metrics on every rule) above 0 in a 5-minute period",
        why: "S3 does not retry a failed replication, and staged copies expire after 30 days: every failed object is a log missing from the archive (or its replica) for good unless someone replicates it again",
        runbook: "Read the replication failure reason (S3 console → the source bucket → Metrics → Replication); fix the cause (most often a key or bucket policy change); then replicate the failed objects again with S3 Batch Replication, for staged objects before they expire",
    },
    {
        id: "firehose-stale",
        severity: "high",
        family: "forwarded",
        hop: "Central CloudWatch Logs destination → Firehose → the archive",
        where: "log-archive account, every enabled region (one per delivery stream)",
        threshold: "`AWS/Firehose DeliveryToS3.DataFreshness` maximum above 900 seconds (AWS's recommended limit: the 15-minute maximum buffer) for three 5-minute periods",
        why: "Firehose keeps undelivered data for 24 hours, then drops it: the organisation's CloudWatch Logs are lost unless delivery resumes within the day",
        runbook: "Read the stream's error log group (`pipelineLogGroupNames` output, stream `S3Delivery`); the usual causes are the archive key policy, the bucket policy or the delivery role; once fixed, watch DataFreshness fall",
    },
    {
        id: "firehose-failing",
        severity: "medium",
        family: "forwarded",
        hop: "Central CloudWatch Logs destination → Firehose → the archive",
        where: "log-archive account, every enabled region",
        threshold: "`AWS/Firehose DeliveryToS3.Success` average below 1 (some deliveries failed) for three 5-minute periods; no data is no alarm",
        why: "Failed deliveries are retried and nothing is lost yet; `firehose-stale` pages when retries stop keeping up",
        runbook: "As for firehose-stale, within the working day",
    },
    {
        id: "forwarding-dead-letters",
        severity: "high",
        family: "forwarded",
        hop: "Each account's default bus → the central bus (member forwarding)",
        where: "every account with a member stack, every region with forwarding rules",
        threshold: "`AWS/SQS ApproximateNumberOfMessagesVisible` of the forwarding dead-letter queue at least 1 in a 5-minute period",
        why: "Each message is a security event (a sign-in, a tampering call, a finding) the central bus refused after a day of retries: nobody was alerted to it",
        runbook: "As the break-glass role (nobody else may read, hide or delete them), read the messages (their attributes name the error); fix the cause (central bus policy, forwarding role, the bus key); then put the events on the central bus again and purge the queue",
    },
    {
        id: "findings-dead-letters",
        severity: "high",
        family: "forwarded",
        hop: "The security account's findings (GuardDuty, Security Hub, Inspector, Macie, Access Analyzer) → the central bus",
        where: "security account, every enabled region",
        threshold: "`AWS/SQS ApproximateNumberOfMessagesVisible` of the findings dead-letter queue at least 1 in a 5-minute period",
        why: "Each message is a finding of the whole organisation that reached no topic",
        runbook: "As for forwarding-dead-letters, in the security account",
    },
    {
        id: "trail-silent",
        severity: "high",
        family: "forwarded",
        hop: "Organisation trail → its CloudWatch Logs group (and the archive, which the same delivery feeds)",
        where: "security account, home region",
        threshold: "no event reaches the trail's log group for `health.trailSilentMinutes` (`AWS/Logs IncomingLogEvents` of the group; no data counts as silence)",
        why: "An organisation never stops making API calls: silence means the trail stopped delivering, and every CIS alarm and the archive went blind with it",
        runbook: "Check the trail's status (`aws cloudtrail get-trail-status`): logging on, last delivery errors (S3 and CloudWatch Logs); the trail-tampering row pages separately when someone stopped it",
    },
    {
        id: "self-test-missing",
        severity: "high",
        family: "direct",
        hop: "Central bus → each severity topic, the SIEM queue and the security-events log group",
        where: "security account, home region, one alarm per path (high, medium, low, siem, log)",
        threshold: "the path's own delivery metric below 1 for `selfTest.missedIntervals` intervals of `selfTest.intervalMinutes`: `AWS/SNS NumberOfMessagesPublished` of each topic, `AWS/SQS NumberOfMessagesSent` of the SIEM queue, `AWS/Logs IncomingLogEvents` of the log group (the scheduled self-test sends one event down each path every interval)",
        why: "A path that does not deliver the self-test does not deliver findings either",
        runbook: "Check the path's routing rule (FailedInvocations), the topic or queue policy and the security key policy; the alarm on the high topic also notifies the medium topic, in case the high topic is what broke",
    },
    {
        id: "unsubscribed",
        severity: "high",
        family: "direct",
        hop: "Each severity topic → its e-mail subscribers",
        where: "security account, home region, one alarm per severity with e-mail subscribers",
        threshold: "fewer self-test copies filtered out by the e-mail subscriptions (`AWS/SNS NumberOfNotificationsFilteredOut-MessageBody`) than subscribers × self-tests, for `selfTest.missedIntervals` intervals",
        why: "An e-mail subscriber who unsubscribed with the link in a message (CloudTrail records nothing) or never confirmed no longer receives that topic's alerts",
        runbook: "List the topic's subscriptions; run `pulumi up` on the security stack to subscribe the addresses again and ask the owner to confirm",
    },
    {
        id: "routing-failed",
        severity: "high",
        family: "direct",
        hop: "Each routing rule of the central bus → its targets",
        where: "security account, home region, one alarm per routing rule",
        threshold: "`AWS/Events FailedInvocations` of the rule above 0 in a 5-minute period (EventBridge publishes the metric only when it is not zero)",
        why: "A failed invocation is an event neither delivered nor kept in the dead-letter queue: it is lost",
        runbook: "Check the target's policy (topic, queue, log group) and the security key policy",
    },
    {
        id: "siem-dead-letters",
        severity: "high",
        family: "direct",
        hop: "Central bus → every target (undeliverable events), and the SIEM queue's consumers (poison messages)",
        where: "security account, home region",
        threshold: "`AWS/SQS ApproximateNumberOfMessagesVisible` of the SIEM dead-letter queue at least 1",
        why: "Each message is an event a topic, the SIEM queue or the log group did not take",
        runbook: "Read the messages' error attributes, fix the target, replay them",
    },
    {
        id: "account-silent",
        severity: "high",
        family: "direct",
        hop: "Each account's forwarding → the central bus",
        where: "security account, home region (one alarm for the organisation: the security stack does not grow with the accounts)",
        threshold: "fewer heartbeats matched on the central bus than accounts of org.yaml (`AWS/Events MatchedEvents` of the rule `<prefix>-watch-heartbeats`; each account's scheduled forwarding rule sends one every `health.heartbeatMinutes`) for `health.missedIntervals` intervals",
        why: "An account whose forwarding broke sends nothing, not even its own dead-letter alarm: this is the only signal that still reaches people",
        runbook: "Run the saved Logs Insights query `<prefix>/account-heartbeats` (security account): the account whose last heartbeat is oldest is the silent one (an account missing from the list never sent one: is its member stack deployed?); then, in that account, check the forwarding rules and role and the dead-letter queue's messages, and in the security account the central bus policy",
    },
    {
        id: "log-canary-missing",
        severity: "high",
        family: "direct",
        hop: "A member account's log group → account subscription → central destination → Firehose → the archive",
        where: "security account, home region",
        threshold: "no canary object written to the archive (`health.logCanary`, one record every `intervalMinutes` from the canary account; `AWS/Events MatchedEvents` of the rule `<prefix>-watch-log-canary` on the central bus) for `health.missedIntervals` intervals",
        why: "The canary proves the whole CloudWatch Logs path end to end; its absence means the organisation's logs are not being archived",
        runbook: "Follow the path: the canary log group in the canary account, the account's subscription policy, the destination and its stream in the log-archive account (firehose-stale pages too when Firehose is the cause)",
    },
    {
        id: "config-delivery-failed",
        severity: "medium",
        family: "event",
        hop: "AWS Config in every account and region → the Config staging bucket → the archive",
        where: "every account with a member stack, every enabled region (forwarded by the member baseline)",
        threshold: "any `Config Configuration Snapshot Delivery Status` or `Config Configuration History Delivery Status` event whose `messageType` ends in `Failed`",
        why: "Config keeps recording and keeps the history in the service, so nothing is lost yet; the archive misses it until delivery works again",
        runbook: "The event names the error (`errorCode`, e.g. AccessDenied or NoSuchBucket): check the Config staging bucket's policy and the archive key; Config delivers the next snapshot and history files on its own",
    },
] as const satisfies readonly HealthSignal[];

export type HealthSignalId = (typeof HEALTH_SIGNALS)[number]["id"];

/** The signal of an id. */
export function healthSignal(id: HealthSignalId): HealthSignal {
    return HEALTH_SIGNALS.find((s) => s.id === id) as HealthSignal;
}

/** Name prefix of the forwarded alarms of one severity (or of all: no severity). */
export function healthAlarmPrefix(namePrefix: string, severity?: Severity): string {
    return `${namePrefix}-${HEALTH_INFIX}-${severity === undefined ? "" : `${severity}-`}`;
}

/**
 * Name of a signal's alarm: `<prefix>-health-<severity>-<id>[-<qualifier>]` for a forwarded signal,
 * `<prefix>-watch-<severity>-<id>[-<qualifier>]` for a direct one; the severity may be overridden
 * where one signal pages at two levels (`unsubscribed`).
 */
export function healthAlarmName(namePrefix: string, id: HealthSignalId, qualifier?: string, severity?: Severity): string {
    const s = healthSignal(id);
    if (s.family === "event") throw new Error(`health signal ${id} is an event, not an alarm`);
    const infix = s.family === "forwarded" ? HEALTH_INFIX : WATCH_INFIX;
    return `${namePrefix}-${infix}-${severity ?? s.severity}-${id}${qualifier ? `-${qualifier}` : ""}`;
}
