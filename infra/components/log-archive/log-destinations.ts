import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson } from "../../iam/types";
import { firehoseDeliveryPolicy, firehoseTrustPolicy, logDestinationPolicy, logsToFirehosePermissions, logsToFirehoseTrustPolicy } from "../../iam/log-archive-destinations";
import { failIfAny, regionProblems, roleNameProblem } from "../validate";
import { ACCOUNT_PARTITION_KEY, CENTRAL_LOGS_PREFIX, centralLogsDayFolder, FIREHOSE_DAY } from "./central-logs-keys";

export { ACCOUNT_PARTITION_KEY } from "./central-logs-keys";

export interface LogDestinationsArgs {
    /** Enabled regions: one destination and one delivery stream in each. */
    readonly regions: readonly string[];
    /** Destination name, the same in every region (naming.ts); each region's stream is `<name>-<region>`. */
    readonly destinationName: string;
    readonly organizationId: string;
    /** Log-archive account id (Firehose external id). */
    readonly accountId: string;
    /** Archive bucket and its key. */
    readonly bucketArn: pulumi.Input<string>;
    readonly keyArn: pulumi.Input<string>;
    /** Service principals of the partition and `arn:<partition>:logs`. */
    readonly principals: { readonly logs: string; readonly firehose: string };
    readonly logsArnPrefix: string;
    /** Physical names of the two roles (naming.ts: under the name prefix the role guardrail protects). */
    readonly roleNames: { readonly subscription: string; readonly delivery: string };
    /** Where the streams report delivery errors: the same log group and stream name in every region. */
    readonly errorLogging: {
        readonly logGroupName: string;
        readonly logStreamName: string;
        readonly logGroupArns: pulumi.Input<Record<string, string>>;
        /** The resource that creates the groups and streams (a stream waits for it). */
        readonly createdBy?: pulumi.Resource;
    };
    /**
     * Key prefix in the archive.
     * @default "cloudwatch-logs" (`CENTRAL_LOGS_PREFIX`, where the `cloudwatch_logs` table reads)
     */
    readonly prefix?: string;
    /**
     * The log canary's log group (the same name in its account): its records go under
     * `<prefix>-canary/` instead of `<prefix>/`, so their arrival can be told apart.
     * @default undefined (no canary)
     */
    readonly canaryLogGroupName?: string;
    /**
     * Names of the streams' health alarms (forwarded health alarms, one of each per region): data
     * older than 15 minutes not yet delivered (`stale`), and deliveries failing (`failing`).
     * @default undefined (no alarms)
     */
    readonly healthAlarmNames?: { readonly stale: string; readonly failing: string };
}

export function resolveLogDestinationsArgs(name: string, args: LogDestinationsArgs): LogDestinationsArgs & { readonly prefix: string } {
    const problems: string[] = [];
    problems.push(...regionProblems(args.regions, {}, "regions"));
    for (const [k, v] of Object.entries(args.roleNames)) {
        const problem = roleNameProblem(`roleNames.${k}`, v);
        if (problem) problems.push(problem);
    }
    failIfAny("LogDestinations", name, problems);
    return { prefix: CENTRAL_LOGS_PREFIX, ...args };
}

/**
 * Processing of every stream: CloudWatch Logs sends gzip-compressed records (one JSON envelope of
 * `owner`, `logGroup`, `logStream`, `logEvents` each); Firehose decompresses them (which dynamic
 * partitioning requires for CloudWatch Logs), reads the sending account from `owner` with JQ for the
 * partition key, and ends each record with a newline, so an object is one envelope per line.
 * Message extraction (`CloudWatchLogProcessing`) is deliberately off: it would drop `logGroup`,
 * `logStream` and `owner` from the stored records, and a line in the archive must say where it came from.
 */
export function cloudWatchLogsProcessors(prefix: string, canaryLogGroupName?: string) {
    return [
        { type: "Decompression", parameters: [{ parameterName: "CompressionFormat", parameterValue: "GZIP" }] },
        {
            type: "MetadataExtraction",
            parameters: [
                { parameterName: "MetadataExtractionQuery", parameterValue: `{${ACCOUNT_PARTITION_KEY}: .owner, ${AREA_PARTITION_KEY}: ${areaQuery(prefix, canaryLogGroupName)}}` },
                { parameterName: "JsonParsingEngine", parameterValue: "JQ-1.6" },
            ],
        },
        { type: "AppendDelimiterToRecord", parameters: [{ parameterName: "Delimiter", parameterValue: "\\n" }] },
    ];
}

/** Firehose's partition key holding the top-level prefix of a record: the central logs', or the canary's. */
export const AREA_PARTITION_KEY = "area";

/** JQ giving a record's top-level prefix: `<prefix>-canary` for the canary's log group, `<prefix>` for every other. */
function areaQuery(prefix: string, canaryLogGroupName: string | undefined): string {
    if (canaryLogGroupName === undefined) return JSON.stringify(prefix);
    return `(if .logGroup == ${JSON.stringify(canaryLogGroupName)} then ${JSON.stringify(`${prefix}-canary`)} else ${JSON.stringify(prefix)} end)`;
}

/**
 * `<prefix>/account=<id>/region=<region>/<yyyy>/<MM>/<dd>/`: the key layout of the central logs
 * (`centralLogsDayFolder`, which the table reads too), the top level read from each record
 * (`<prefix>`, or `<prefix>-canary` for the log canary's records).
 */
export function centralLogsKeyPrefix(region: string): string {
    return `!{partitionKeyFromQuery:${AREA_PARTITION_KEY}}/${centralLogsDayFolder(`!{partitionKeyFromQuery:${ACCOUNT_PARTITION_KEY}}`, region, FIREHOSE_DAY)}/`;
}

/**
 * Central CloudWatch Logs: in every enabled region a cross-account destination that only accounts
 * of the organisation may subscribe to, feeding a Firehose stream that writes into the archive under
 * `cloudwatch-logs/account=<id>/region=<region>/<yyyy>/<MM>/<dd>/` (dynamic partitioning on the
 * sending account), gzip-compressed, and reports delivery errors to its region's error log group.
 * Resources: 2 roles + 2 role policies + 3 per region.
 */
export class LogDestinations extends pulumi.ComponentResource {
    /** Region → destination ARN. */
    public readonly destinationArns: pulumi.Output<Record<string, string>>;
    public readonly deliveryStreamArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: LogDestinationsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:log-archive:LogDestinations", name, {}, opts);
        const a = resolveLogDestinationsArgs(name, args);
        const child = { parent: this };
        const errors = a.errorLogging;

        const firehoseRole = new aws.iam.Role(
            `${name}-firehose-role`,
            {
                name: a.roleNames.delivery,
                description: "Firehose delivers central CloudWatch Logs into the archive",
                assumeRolePolicy: policyJson(firehoseTrustPolicy({ firehosePrincipal: a.principals.firehose, accountId: a.accountId })),
            },
            child,
        );
        const firehosePolicy = new aws.iam.RolePolicy(
            `${name}-firehose-delivery`,
            {
                role: firehoseRole.name,
                policy: pulumi.all([a.bucketArn, a.keyArn, errors.logGroupArns]).apply(([bucketArn, keyArn, groups]) =>
                    policyJson(
                        firehoseDeliveryPolicy({
                            bucketArn,
                            keyArn,
                            prefix: a.prefix,
                            errorLogStreamArns: a.regions.map((r) => `${groups[r]}:log-stream:${errors.logStreamName}`),
                        }),
                    ),
                ),
            },
            child,
        );
        const logsRole = new aws.iam.Role(
            `${name}-logs-role`,
            {
                name: a.roleNames.subscription,
                description: "CloudWatch Logs puts subscribed events of the organisation into Firehose",
                assumeRolePolicy: policyJson(logsToFirehoseTrustPolicy({ logsPrincipal: a.principals.logs, logsArnPrefix: a.logsArnPrefix, regions: a.regions })),
            },
            child,
        );

        const streams: Record<string, pulumi.Output<string>> = {};
        const destinations: Record<string, pulumi.Output<string>> = {};
        for (const region of a.regions) {
            const stream = new aws.kinesis.FirehoseDeliveryStream(
                `${name}-${region}-stream`,
                {
                    name: `${a.destinationName}-${region}`,
                    destination: "extended_s3",
                    region,
                    serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" },
                    extendedS3Configuration: {
                        roleArn: firehoseRole.arn,
                        bucketArn: a.bucketArn,
                        kmsKeyArn: a.keyArn,
                        prefix: centralLogsKeyPrefix(region),
                        errorOutputPrefix: `${a.prefix}-errors/region=${region}/!{firehose:error-output-type}/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/`,
                        // Records are decompressed for partitioning: compress the objects again.
                        compressionFormat: "GZIP",
                        bufferingInterval: 300,
                        // Dynamic partitioning needs a buffer of at least 64 MiB.
                        bufferingSize: 64,
                        dynamicPartitioningConfiguration: { enabled: true, retryDuration: 300 },
                        processingConfiguration: { enabled: true, processors: cloudWatchLogsProcessors(a.prefix, a.canaryLogGroupName) },
                        cloudwatchLoggingOptions: { enabled: true, logGroupName: errors.logGroupName, logStreamName: errors.logStreamName },
                    },
                },
                // Dynamic partitioning can only be turned on by creating the stream again, under the same name.
                { parent: this, dependsOn: errors.createdBy ? [firehosePolicy, errors.createdBy] : [firehosePolicy], deleteBeforeReplace: true },
            );
            streams[region] = stream.arn;
            if (a.healthAlarmNames) this.streamAlarms(name, region, `${a.destinationName}-${region}`, a.healthAlarmNames, stream);
        }
        const logsPolicy = new aws.iam.RolePolicy(
            `${name}-logs-put`,
            { role: logsRole.name, policy: pulumi.all(Object.values(streams)).apply((arns) => policyJson(logsToFirehosePermissions({ deliveryStreamArns: arns }))) },
            child,
        );
        for (const region of a.regions) {
            const destination = new aws.cloudwatch.LogDestination(
                `${name}-${region}-destination`,
                { name: a.destinationName, region, roleArn: logsRole.arn, targetArn: streams[region] },
                { parent: this, dependsOn: [logsPolicy] },
            );
            new aws.cloudwatch.LogDestinationPolicy(
                `${name}-${region}-destination-policy`,
                { destinationName: destination.name, region, accessPolicy: destination.arn.apply((destinationArn) => policyJson(logDestinationPolicy({ destinationArn, organizationId: a.organizationId }))) },
                child,
            );
            destinations[region] = destination.arn;
        }

        this.destinationArns = pulumi.output(destinations);
        this.deliveryStreamArns = pulumi.output(streams);
        this.registerOutputs({ destinationArns: this.destinationArns, deliveryStreamArns: this.deliveryStreamArns });
    }

    /**
     * A stream's health alarms in its region (no action: forwarded health alarms). `stale`: the oldest
     * undelivered record is older than 15 minutes, AWS's recommended alarm (Firehose Developer Guide,
     * "Implement best practices with CloudWatch Alarms"), for three periods; Firehose drops data it could
     * not deliver within 24 hours. `failing`: some deliveries to S3 failed (retried) for three periods.
     */
    private streamAlarms(name: string, region: string, streamName: string, alarmNames: { readonly stale: string; readonly failing: string }, stream: aws.kinesis.FirehoseDeliveryStream): void {
        const common = { namespace: "AWS/Firehose", dimensions: { DeliveryStreamName: streamName }, period: 300, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "notBreaching", region };
        new aws.cloudwatch.MetricAlarm(
            `${name}-${region}-stale`,
            {
                ...common,
                name: alarmNames.stale,
                alarmDescription: `${streamName} holds records older than 15 minutes it could not deliver into the archive; it drops them after 24 hours: read its delivery errors`,
                metricName: "DeliveryToS3.DataFreshness",
                statistic: "Maximum",
                threshold: 900,
                comparisonOperator: "GreaterThanThreshold",
            },
            { parent: this, dependsOn: [stream] },
        );
        new aws.cloudwatch.MetricAlarm(
            `${name}-${region}-failing`,
            {
                ...common,
                name: alarmNames.failing,
                alarmDescription: `Deliveries of ${streamName} into the archive are failing (retried for now): read its delivery errors`,
                metricName: "DeliveryToS3.Success",
                statistic: "Average",
                threshold: 1,
                comparisonOperator: "LessThanThreshold",
            },
            { parent: this, dependsOn: [stream] },
        );
    }
}
