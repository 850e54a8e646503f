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
export const CLOUDWATCH_LOGS_PROCESSORS = [
    { type: "Decompression", parameters: [{ parameterName: "CompressionFormat", parameterValue: "GZIP" }] },
    {
        type: "MetadataExtraction",
        parameters: [
            { parameterName: "MetadataExtractionQuery", parameterValue: `{${ACCOUNT_PARTITION_KEY}: .owner}` },
            { parameterName: "JsonParsingEngine", parameterValue: "JQ-1.6" },
        ],
    },
    { type: "AppendDelimiterToRecord", parameters: [{ parameterName: "Delimiter", parameterValue: "\\n" }] },
] as const;

/** `<prefix>/account=<id>/region=<region>/<yyyy>/<MM>/<dd>/`: the key layout of the central logs (`centralLogsDayFolder`, which the table reads too). */
export function centralLogsKeyPrefix(prefix: string, region: string): string {
    return `${prefix}/${centralLogsDayFolder(`!{partitionKeyFromQuery:${ACCOUNT_PARTITION_KEY}}`, region, FIREHOSE_DAY)}/`;
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
                        prefix: centralLogsKeyPrefix(a.prefix, region),
                        errorOutputPrefix: `${a.prefix}-errors/region=${region}/!{firehose:error-output-type}/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/`,
                        // Records are decompressed for partitioning: compress the objects again.
                        compressionFormat: "GZIP",
                        bufferingInterval: 300,
                        // Dynamic partitioning needs a buffer of at least 64 MiB.
                        bufferingSize: 64,
                        dynamicPartitioningConfiguration: { enabled: true, retryDuration: 300 },
                        processingConfiguration: { enabled: true, processors: CLOUDWATCH_LOGS_PROCESSORS.map((p) => ({ type: p.type, parameters: p.parameters.map((x) => ({ ...x })) })) },
                        cloudwatchLoggingOptions: { enabled: true, logGroupName: errors.logGroupName, logStreamName: errors.logStreamName },
                    },
                },
                // Dynamic partitioning can only be turned on by creating the stream again, under the same name.
                { parent: this, dependsOn: errors.createdBy ? [firehosePolicy, errors.createdBy] : [firehosePolicy], deleteBeforeReplace: true },
            );
            streams[region] = stream.arn;
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
}
