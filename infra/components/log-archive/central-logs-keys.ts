/**
 * Key layout of the central CloudWatch Logs in the archive, shared by the Firehose streams that
 * write it (`LogDestinations`) and the Glue table that reads it (`logTables`), so the two cannot
 * drift apart: `<prefix>/account=<id>/region=<region>/<yyyy>/<MM>/<dd>/`.
 */

/** Key prefix of the central logs in the archive. */
export const CENTRAL_LOGS_PREFIX = "cloudwatch-logs";

/**
 * Key prefix of the log canary's records: beside the central logs rather than among them, so its
 * objects are told apart by their key (the security account counts their arrival) and the
 * `cloudwatch_logs` table does not read synthetic records.
 */
export const CANARY_LOGS_PREFIX = `${CENTRAL_LOGS_PREFIX}-canary`;

/** Firehose's partition key holding the sending account (the `owner` of a CloudWatch Logs record). */
export const ACCOUNT_PARTITION_KEY = "account";

/** The day as Firehose writes it: the record's arrival time (UTC), `yyyy/MM/dd`. */
export const FIREHOSE_DAY = "!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}";

/**
 * One day's folder under the prefix, without the prefix or a trailing `/`:
 * `account=<account>/region=<region>/<day>`. The arguments are values or placeholders
 * (Firehose's `!{…}` expressions, Athena's `${…}` projection placeholders).
 */
export function centralLogsDayFolder(account: string, region: string, day: string): string {
    return `${ACCOUNT_PARTITION_KEY}=${account}/region=${region}/${day}`;
}
