import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson } from "../../iam/types";
import { firehoseDeliveryPolicy, firehoseTrustPolicy, logDestinationPolicy, logsToFirehosePermissions, logsToFirehoseTrustPolicy } from "../../iam/log-archive-destinations";

export interface LogDestinationsArgs {
    /** Enabled regions: one destination and one delivery stream in each. */
    readonly regions: readonly string[];
    /** Destination name, the same in every region (so members can derive nothing but read the output). */
    readonly destinationName: string;
    readonly organizationId: string;
    /** Every account id of the organisation: the only senders CloudWatch Logs may act for. */
    readonly accountIds: readonly string[];
    /** Log-archive account id (Firehose external id). */
    readonly accountId: string;
    /** Archive bucket and its key. */
    readonly bucketArn: pulumi.Input<string>;
    readonly keyArn: pulumi.Input<string>;
    /** Service principals of the partition and `arn:<partition>:logs`. */
    readonly principals: { readonly logs: string; readonly firehose: string };
    readonly logsArnPrefix: string;
    /**
     * Key prefix in the archive.
     * @default "cloudwatch-logs"
     */
    readonly prefix?: string;
}

export function resolveLogDestinationsArgs(name: string, args: LogDestinationsArgs): LogDestinationsArgs & { readonly prefix: string } {
    const problems: string[] = [];
    if (args.regions.length === 0) problems.push("regions: at least one region is required");
    if (new Set(args.regions).size !== args.regions.length) problems.push(`regions: ${JSON.stringify(args.regions)} lists a region twice`);
    if (args.accountIds.length === 0) problems.push("accountIds: at least one account is required");
    if (problems.length > 0) throw new Error(`LogDestinations ${name}:\n  ${problems.join("\n  ")}`);
    return { prefix: "cloudwatch-logs", ...args };
}

/**
 * Central CloudWatch Logs: in every enabled region a cross-account destination that only accounts
 * of the organisation may subscribe to, feeding a Firehose stream that writes into the archive under
 * `cloudwatch-logs/region=<region>/<yyyy>/<MM>/<dd>/`. Subscription payloads arrive gzip-compressed
 * already, so Firehose stores them as they are. Resources: 2 roles + 3 per region.
 */
export class LogDestinations extends pulumi.ComponentResource {
    /** Region → destination ARN. */
    public readonly destinationArns: pulumi.Output<Record<string, string>>;
    public readonly deliveryStreamArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: LogDestinationsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:log-archive:LogDestinations", name, {}, opts);
        const a = resolveLogDestinationsArgs(name, args);
        const child = { parent: this };

        const firehoseRole = new aws.iam.Role(
            `${name}-firehose-role`,
            { description: "Firehose delivers central CloudWatch Logs into the archive", assumeRolePolicy: policyJson(firehoseTrustPolicy({ firehosePrincipal: a.principals.firehose, accountId: a.accountId })) },
            child,
        );
        const firehosePolicy = new aws.iam.RolePolicy(
            `${name}-firehose-delivery`,
            { role: firehoseRole.name, policy: pulumi.all([a.bucketArn, a.keyArn]).apply(([bucketArn, keyArn]) => policyJson(firehoseDeliveryPolicy({ bucketArn, keyArn, prefix: a.prefix }))) },
            child,
        );
        const logsRole = new aws.iam.Role(
            `${name}-logs-role`,
            {
                description: "CloudWatch Logs puts subscribed events of the organisation into Firehose",
                assumeRolePolicy: policyJson(logsToFirehoseTrustPolicy({ logsPrincipal: a.principals.logs, logsArnPrefix: a.logsArnPrefix, accountIds: a.accountIds })),
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
                        prefix: `${a.prefix}/region=${region}/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/`,
                        errorOutputPrefix: `${a.prefix}-errors/region=${region}/!{firehose:error-output-type}/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/`,
                        compressionFormat: "UNCOMPRESSED",
                        bufferingInterval: 300,
                        bufferingSize: 64,
                    },
                },
                { parent: this, dependsOn: [firehosePolicy] },
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
