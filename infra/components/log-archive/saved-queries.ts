/**
 * The saved Athena queries, as data: each names the table it reads, how many days back it looks,
 * and builds its SQL from the table's qualified name. Every query bounds `day` (a projected
 * partition), so it reads only the folders of the days it asks about.
 */

/** Tables a query can read. */
export type QueryTable = "cloudTrail" | "flowLogs" | "albAccessLogs" | "cloudWatchLogs";

export interface SavedQuery {
    /** Stable id: resource names derive from it. */
    readonly id: string;
    /** Name shown in the Athena console. */
    readonly title: string;
    readonly description: string;
    readonly table: QueryTable;
    /** Days (today included) the query reads. */
    readonly lookbackDays: number;
    /** SQL, given the table's quoted, database-qualified name (`"db"."table"`); a `?` is an execution parameter Athena asks for. */
    readonly sql: (table: string, lookbackDays: number) => string;
}

/** `day` bound of the last `n` days (the partition key is `yyyy/MM/dd`, UTC). */
export function sinceDay(n: number): string {
    return `day >= date_format(date_add('day', -${n - 1}, current_date), '%Y/%m/%d')`;
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/** Calls that stop or blind logging and threat detection, by event source. */
export const LOGGING_TAMPER_EVENTS: Readonly<Record<string, readonly string[]>> = {
    "cloudtrail.amazonaws.com": ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging", "PutEventSelectors", "PutInsightSelectors", "DeleteEventDataStore", "StopEventDataStoreIngestion"],
    "config.amazonaws.com": ["StopConfigurationRecorder", "DeleteConfigurationRecorder", "PutConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "DeleteConfigurationAggregator", "DeleteConfigRule", "DeleteOrganizationConfigRule", "DeleteConformancePack", "DeleteOrganizationConformancePack"],
    "guardduty.amazonaws.com": [
        "DeleteDetector",
        "UpdateDetector",
        "DisassociateFromAdministratorAccount",
        "DisassociateFromMasterAccount",
        "DisassociateMembers",
        "DeleteMembers",
        "StopMonitoringMembers",
        "DeletePublishingDestination",
        "UpdatePublishingDestination",
        "CreateFilter",
        "UpdateFilter",
        "CreateIPSet",
        "UpdateIPSet",
        "UpdateOrganizationConfiguration",
        "DisableOrganizationAdminAccount",
    ],
};

const CONSOLE_LOGIN_RESULT = "json_extract_scalar(responseelements, '$.ConsoleLogin')";

export const SAVED_QUERIES: readonly SavedQuery[] = [
    {
        id: "failed-console-logins",
        title: "Failed console sign-ins",
        description: "Console sign-ins that failed, newest first (CIS 4.6).",
        table: "cloudTrail",
        lookbackDays: 7,
        sql: (t, n) => `SELECT eventtime, recipientaccountid, useridentity.type AS identity_type, useridentity.arn AS principal_arn, useridentity.username AS user_name, sourceipaddress, useragent, errormessage
FROM ${t}
WHERE ${sinceDay(n)}
  AND eventname = 'ConsoleLogin'
  AND (${CONSOLE_LOGIN_RESULT} = 'Failure' OR errormessage IS NOT NULL)
ORDER BY eventtime DESC
LIMIT 1000`,
    },
    {
        id: "root-account-usage",
        title: "Root user activity",
        description: "Calls made by an account's root user (not by AWS on its behalf), newest first (CIS 4.3).",
        table: "cloudTrail",
        lookbackDays: 30,
        sql: (t, n) => `SELECT eventtime, recipientaccountid, eventsource, eventname, awsregion, sourceipaddress, useragent, errorcode
FROM ${t}
WHERE ${sinceDay(n)}
  AND useridentity.type = 'Root'
  AND useridentity.invokedby IS NULL
  AND eventtype <> 'AwsServiceEvent'
ORDER BY eventtime DESC
LIMIT 1000`,
    },
    {
        id: "console-logins-without-mfa",
        title: "Console sign-ins without MFA",
        description: "Successful console sign-ins of IAM users and root users that did not use MFA (CIS 4.2).",
        table: "cloudTrail",
        lookbackDays: 30,
        sql: (t, n) => `SELECT eventtime, recipientaccountid, useridentity.type AS identity_type, useridentity.arn AS principal_arn, sourceipaddress, useragent
FROM ${t}
WHERE ${sinceDay(n)}
  AND eventname = 'ConsoleLogin'
  AND useridentity.type IN ('IAMUser', 'Root')
  AND ${CONSOLE_LOGIN_RESULT} = 'Success'
  AND coalesce(json_extract_scalar(additionaleventdata, '$.MFAUsed'), 'No') <> 'Yes'
ORDER BY eventtime DESC
LIMIT 1000`,
    },
    {
        id: "unauthorized-api-calls",
        title: "Unauthorised API calls",
        description: "Calls refused with AccessDenied* or *UnauthorizedOperation, grouped by caller and call, most frequent first (CIS 4.1).",
        table: "cloudTrail",
        lookbackDays: 7,
        sql: (t, n) => `SELECT recipientaccountid, useridentity.arn AS principal_arn, eventsource, eventname, errorcode, count(*) AS calls, min(eventtime) AS first_seen, max(eventtime) AS last_seen
FROM ${t}
WHERE ${sinceDay(n)}
  AND (errorcode LIKE 'AccessDenied%' OR errorcode LIKE '%UnauthorizedOperation')
GROUP BY recipientaccountid, useridentity.arn, eventsource, eventname, errorcode
ORDER BY calls DESC
LIMIT 500`,
    },
    {
        id: "logging-configuration-changes",
        title: "Changes to CloudTrail, Config and GuardDuty",
        description: "Calls that create, change, stop or delete trails, Config recorders and delivery channels, or GuardDuty detectors, members, filters and publishing (CIS 4.5, 4.9).",
        table: "cloudTrail",
        lookbackDays: 30,
        sql: (t, n) => `SELECT eventtime, recipientaccountid, awsregion, useridentity.arn AS principal_arn, eventsource, eventname, errorcode, requestparameters
FROM ${t}
WHERE ${sinceDay(n)}
  AND (${Object.entries(LOGGING_TAMPER_EVENTS)
      .map(([source, names]) => `(eventsource = '${source}' AND eventname IN (${list(names)}))`)
      .join("\n    OR ")})
ORDER BY eventtime DESC
LIMIT 1000`,
    },
    {
        id: "top-rejected-flows",
        title: "Top rejected flows",
        description: "Source, destination, port and protocol of the most frequent rejected flows.",
        table: "flowLogs",
        lookbackDays: 1,
        sql: (t, n) => `SELECT account, srcaddr, dstaddr, dstport, protocol, count(*) AS flows, sum(packets) AS total_packets, sum(bytes) AS total_bytes
FROM ${t}
WHERE ${sinceDay(n)}
  AND action = 'REJECT'
GROUP BY account, srcaddr, dstaddr, dstport, protocol
ORDER BY flows DESC
LIMIT 100`,
    },
    {
        id: "recent-log-group-events",
        title: "Recent events of a log group",
        description: "The newest events of one CloudWatch Logs log group (the parameter, e.g. /aws/lambda/checkout) across every account and enabled region, one row per event; CloudWatch Logs' control messages skipped.",
        table: "cloudWatchLogs",
        lookbackDays: 1,
        // UNNEST of an array of structs yields one column per struct field, in declaration order.
        sql: (t, n) => `SELECT from_unixtime(event_ms / 1000) AS event_time, account, region, logstream, message, event_id, event_ms
FROM ${t}
CROSS JOIN UNNEST(logevents) AS e (event_id, event_ms, message)
WHERE ${sinceDay(n)}
  AND messagetype = 'DATA_MESSAGE'
  AND loggroup = ?
ORDER BY event_ms DESC
LIMIT 1000`,
    },
];
