/**
 * The Glue tables over the archive, as data: columns, SerDe, and partition projection over the
 * organisation's accounts, regions and days. Each table's key layout is built from the same
 * constants the bucket policies grant delivery with (`DEFAULT_ARCHIVE_PREFIXES`,
 * `STAGING_DELIVERY_PREFIXES`), followed by the layout AWS writes under them.
 */
import type { ArchivePrefixes } from "../../iam/archive-bucket-policy";
import { STAGING_DELIVERY_PREFIXES } from "../../iam/log-archive-staging-bucket-policy";
import { ALB_LOG_COLUMNS, albLogRegex } from "./alb-log-format";
import { CENTRAL_LOGS_PREFIX, centralLogsDayFolder } from "./central-logs-keys";
import { renderType, strings, type Column, type HiveType } from "./hive-types";

/** Partition columns of every table, projected (never crawled). */
export const PARTITION_KEYS = ["account", "region", "day"] as const;
/** Day folders as AWS writes them (UTC): `2026/11/22`. */
export const DAY_FORMAT = "yyyy/MM/dd";

const PLACEHOLDER = (k: (typeof PARTITION_KEYS)[number]) => `\${${k}}`;

export interface LogTable {
    /** Glue table name. */
    readonly name: string;
    readonly description: string;
    readonly columns: readonly { readonly name: string; readonly type: string }[];
    /** Key prefix (ending in `/`) of every object of the table: the table's `LOCATION`. */
    readonly keyPrefix: string;
    /** Key of one day's folder with `${account}`, `${region}` and `${day}` placeholders. */
    readonly keyTemplate: string;
    readonly inputFormat: string;
    readonly outputFormat: string;
    readonly serde: { readonly library: string; readonly parameters: Readonly<Record<string, string>> };
    /** Table properties besides the projection (header lines, classification). */
    readonly properties: Readonly<Record<string, string>>;
    /** Regions the region key is projected over. */
    readonly regions: readonly string[];
}

export interface LogTablesArgs {
    readonly organizationId: string;
    readonly prefixes: ArchivePrefixes;
    /** Enabled regions: where flow logs and load balancers can exist. */
    readonly regions: readonly string[];
    /**
     * Regions CloudTrail files can appear under: the enabled ones plus every region active by default,
     * because calls there (denied by the region guardrail) are still logged, in that region's folder.
     */
    readonly cloudTrailRegions: readonly string[];
    /**
     * Key prefix the central CloudWatch Logs streams write under (`LogDestinations`' `prefix`).
     * @default "cloudwatch-logs" (`CENTRAL_LOGS_PREFIX`)
     */
    readonly centralLogsPrefix?: string;
}

function under(prefix: string, rest: string): string {
    return prefix === "" ? rest : `${prefix}/${rest}`;
}

const TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
const TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

const identity: HiveType = {
    struct: {
        type: "string",
        principalid: "string",
        arn: "string",
        accountid: "string",
        invokedby: "string",
        accesskeyid: "string",
        username: "string",
        onbehalfof: { struct: { userid: "string", identitystorearn: "string" } },
        sessioncontext: {
            struct: {
                attributes: { struct: { mfaauthenticated: "string", creationdate: "string" } },
                sessionissuer: { struct: { type: "string", principalid: "string", arn: "string", accountid: "string", username: "string" } },
                sourceidentity: "string",
                ec2roledelivery: "string",
                webidfederationdata: { struct: { federatedprovider: "string", attributes: { map: "string" } } },
            },
        },
    },
};

/** CloudTrail record fields; JSON-valued fields (request parameters, response elements…) stay strings for `json_extract`. */
export const CLOUDTRAIL_COLUMNS: readonly Column[] = [
    { name: "eventversion", type: "string" },
    { name: "useridentity", type: identity },
    ...strings("eventtime", "eventsource", "eventname", "awsregion", "sourceipaddress", "useragent", "errorcode", "errormessage"),
    ...strings("requestparameters", "responseelements", "additionaleventdata", "requestid", "eventid"),
    { name: "resources", type: { array: { struct: { arn: "string", accountid: "string", type: "string" } } } },
    ...strings("eventtype", "apiversion", "readonly", "recipientaccountid", "serviceeventdetails", "sharedeventid", "vpcendpointid", "vpcendpointaccountid", "eventcategory"),
    { name: "managementevent", type: "boolean" },
    ...strings("sessioncredentialfromconsole"),
    { name: "tlsdetails", type: { struct: { tlsversion: "string", ciphersuite: "string", clientprovidedhostheader: "string" } } },
];

/** The default (version 2) flow-log record, in file order. */
export const FLOW_LOG_COLUMNS: readonly Column[] = [
    { name: "version", type: "int" },
    ...strings("account_id", "interface_id", "srcaddr", "dstaddr"),
    { name: "srcport", type: "int" },
    { name: "dstport", type: "int" },
    { name: "protocol", type: "bigint" },
    { name: "packets", type: "bigint" },
    { name: "bytes", type: "bigint" },
    { name: "start", type: "bigint" },
    { name: "end", type: "bigint" },
    ...strings("action", "log_status"),
];

/**
 * A CloudWatch Logs subscription record as Firehose stores it (decompressed, one JSON envelope a
 * line): `messageType` (`DATA_MESSAGE`, or `CONTROL_MESSAGE` for CloudWatch Logs' reachability
 * checks), the sending account (`owner`), log group and stream, the subscription filters that
 * matched, and the events. Column names are the fields lowercased (the JSON SerDe matches them
 * case-insensitively).
 */
export const CLOUDWATCH_LOGS_COLUMNS: readonly Column[] = [
    ...strings("messagetype", "owner", "loggroup", "logstream"),
    { name: "subscriptionfilters", type: { array: "string" } },
    { name: "logevents", type: { array: { struct: { id: "string", timestamp: "bigint", message: "string" } } } },
];

const render = (cols: readonly Column[]) => cols.map((c) => ({ name: c.name, type: renderType(c.type) }));

function table(
    name: string,
    description: string,
    base: string,
    aws: string,
    columns: readonly Column[],
    rest: Pick<LogTable, "inputFormat" | "outputFormat" | "serde" | "properties" | "regions">,
): LogTable {
    const keyPrefix = `${base}/`;
    return { name, description, columns: render(columns), keyPrefix, keyTemplate: `${keyPrefix}${aws}`, ...rest };
}

/** The four tables: organisation CloudTrail, VPC flow logs, ALB access logs, central CloudWatch Logs. */
export function logTables(a: LogTablesArgs): { readonly cloudTrail: LogTable; readonly flowLogs: LogTable; readonly albAccessLogs: LogTable; readonly cloudWatchLogs: LogTable } {
    const [account, region, day] = PARTITION_KEYS.map(PLACEHOLDER);
    return {
        cloudTrail: table(
            "cloudtrail",
            "Organisation trail: management (and data) events of every account, every region",
            under(a.prefixes.cloudTrail, `AWSLogs/${a.organizationId}`),
            `${account}/CloudTrail/${region}/${day}`,
            CLOUDTRAIL_COLUMNS,
            {
                inputFormat: "com.amazon.emr.cloudtrail.CloudTrailInputFormat",
                outputFormat: TEXT_OUTPUT,
                serde: { library: "com.amazon.emr.hive.serde.CloudTrailSerde", parameters: {} },
                properties: { classification: "cloudtrail" },
                regions: a.cloudTrailRegions,
            },
        ),
        flowLogs: table(
            "vpc_flow_logs",
            "VPC flow logs (default format, text) delivered by the organisation's accounts",
            under(a.prefixes.flowLogs, "AWSLogs"),
            `${account}/vpcflowlogs/${region}/${day}`,
            FLOW_LOG_COLUMNS,
            {
                inputFormat: TEXT_INPUT,
                outputFormat: TEXT_OUTPUT,
                serde: { library: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", parameters: { "field.delim": " ", "serialization.format": " " } },
                // Each file starts with the field names.
                properties: { "skip.header.line.count": "1" },
                regions: a.regions,
            },
        ),
        albAccessLogs: table(
            "alb_access_logs",
            "Application Load Balancer access logs, staged in the ELB bucket and replicated into the archive",
            STAGING_DELIVERY_PREFIXES.elb,
            `${account}/elasticloadbalancing/${region}/${day}`,
            ALB_LOG_COLUMNS,
            {
                inputFormat: TEXT_INPUT,
                outputFormat: TEXT_OUTPUT,
                serde: { library: "org.apache.hadoop.hive.serde2.RegexSerDe", parameters: { "serialization.format": "1", "input.regex": albLogRegex() } },
                properties: {},
                regions: a.regions,
            },
        ),
        cloudWatchLogs: table(
            "cloudwatch_logs",
            "Central CloudWatch Logs: subscription records (one JSON envelope a line) the organisation's accounts send to the log destinations",
            a.centralLogsPrefix ?? CENTRAL_LOGS_PREFIX,
            // `account=` and `region=` are literal text of the key: projection fills only the placeholders.
            centralLogsDayFolder(account, region, day),
            CLOUDWATCH_LOGS_COLUMNS,
            {
                inputFormat: TEXT_INPUT,
                outputFormat: TEXT_OUTPUT,
                serde: { library: "org.openx.data.jsonserde.JsonSerDe", parameters: { "case.insensitive": "true" } },
                properties: { classification: "json" },
                // Firehose streams exist in the enabled regions only, each writing its own region's folder.
                regions: a.regions,
            },
        ),
    };
}

/** Every object of the table's day folders, as an IAM/S3 wildcard (each placeholder and the file name a `*`). */
export function objectGlob(t: LogTable): string {
    return `${t.keyTemplate.replace(/\$\{[a-z]+\}/g, "*")}/*`;
}

export interface ProjectionArgs {
    readonly bucketName: string;
    /** Accounts whose folders exist: every account of the organisation with an id. */
    readonly accountIds: readonly string[];
    /** Days of data kept (the archive's expiry): the day range reaches back this far from today. */
    readonly days: number;
}

/** Partition projection properties of a table: accounts and regions as enums, days as a date range ending today. */
export function projectionProperties(t: LogTable, p: ProjectionArgs): Record<string, string> {
    return {
        "projection.enabled": "true",
        "projection.account.type": "enum",
        "projection.account.values": p.accountIds.join(","),
        "projection.region.type": "enum",
        "projection.region.values": t.regions.join(","),
        "projection.day.type": "date",
        "projection.day.format": DAY_FORMAT,
        "projection.day.range": `NOW-${p.days}DAYS,NOW`,
        "projection.day.interval": "1",
        "projection.day.interval.unit": "DAYS",
        "storage.location.template": `s3://${p.bucketName}/${t.keyTemplate}`,
    };
}
