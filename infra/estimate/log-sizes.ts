import { DAYS_PER_MONTH } from "./archive-storage";

/**
 * Sizes and delivery rhythms of the logs the landing zone moves, used to turn event counts into GB
 * and objects. Orders of magnitude from AWS's documented delivery behaviour, not measurements.
 */
export const LOG_SIZES = {
    /** A CloudTrail record as JSON (what CloudWatch Logs ingests), in KB. */
    cloudTrailEventKb: 2.5,
    /** A security finding event (EventBridge / CloudWatch Logs), in KB. */
    findingEventKb: 4,
    /** A configuration item as delivered to S3, in KB. */
    configItemKb: 3,
    /** gzip of JSON logs: compressed size / raw size. */
    compression: 0.1,
    /** CloudTrail delivers a log file about every 5 minutes per account and region with activity. */
    trailFilesPerAccountRegion: (DAYS_PER_MONTH * 24 * 60) / 5,
    /** One digest file per account and region an hour (log file integrity validation). */
    trailDigestsPerAccountRegion: DAYS_PER_MONTH * 24,
    /** Config history files (every 6 hours for about ten changing resource types) and a daily snapshot. */
    configObjectsPerAccountRegion: DAYS_PER_MONTH * (4 * 10 + 1),
    /** Average object of S3 server access logs and load balancer logs, in KB. */
    accessLogObjectKb: 100,
} as const;

/** KB to GB. */
export function kbToGb(kb: number): number {
    return kb / (1024 * 1024);
}
