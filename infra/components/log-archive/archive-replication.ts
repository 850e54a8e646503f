import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson } from "../../iam/types";
import { replicationPermissionsPolicy, replicationTrustPolicy } from "../../iam/log-archive-replication-role";
import { anyOccurrenceAlarm } from "../health/any-occurrence-alarm";
import { bucketNameOf } from "./bucket-name-of";
import { failIfAny, roleNameProblem } from "../validate";

export interface ArchiveReplicationArgs {
    /** The archive (source): its bucket name and ARN and its key. */
    readonly sourceBucketName: pulumi.Input<string>;
    readonly sourceBucketArn: pulumi.Input<string>;
    readonly sourceKeyArn: pulumi.Input<string>;
    /** `s3.<home>.amazonaws.com`: the archive key is usable only through S3 in its region. */
    readonly sourceViaService: string;
    /** The replica (destination) and its key, in the replica region. */
    readonly destinationBucketArn: pulumi.Input<string>;
    readonly destinationKeyArn: pulumi.Input<string>;
    /** `s3.<replica region>.amazonaws.com`. */
    readonly destinationViaService: string;
    /** Name of the replication role (so the role guardrail covers it). */
    readonly roleName: string;
    /** `s3.amazonaws.com` of the partition. */
    readonly s3Principal: string;
    /** Log-archive account id. */
    readonly accountId: string;
    /**
     * Name of the alarm on the rule's failed operations: replication metrics are switched on and the
     * alarm (no action: a forwarded health alarm) fires on the first object S3 failed to replicate.
     * @default undefined (no replication metrics, no alarm)
     */
    readonly failureAlarmName?: string;
}

export function resolveArchiveReplicationArgs(name: string, args: ArchiveReplicationArgs): ArchiveReplicationArgs {
    const problems: string[] = [];
    if (args.sourceViaService === args.destinationViaService) problems.push(`destinationViaService: ${JSON.stringify(args.destinationViaService)} is the source's; the replica must be in another region`);
    const roleName = roleNameProblem("roleName", args.roleName);
    if (roleName) problems.push(roleName);
    failIfAny("ArchiveReplication", name, problems);
    return args;
}

/**
 * Live replication of the archive into its cross-region replica: every new object version,
 * re-encrypted under the replica's key, with its Object Lock retention; delete markers are not
 * replicated. Objects written before the rule existed need an S3 Batch Replication job (operator
 * step), and objects that are themselves replicas (from the staging buckets) are not replicated
 * again: the staging buckets replicate to the replica directly.
 */
export class ArchiveReplication extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: ArchiveReplicationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:log-archive:ArchiveReplication", name, {}, opts);
        const a = resolveArchiveReplicationArgs(name, args);
        const child = { parent: this };

        const role = new aws.iam.Role(
            `${name}-role`,
            { name: a.roleName, description: "S3 replicates the log archive into its cross-region replica", assumeRolePolicy: policyJson(replicationTrustPolicy({ s3Principal: a.s3Principal, accountId: a.accountId })) },
            child,
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-permissions`,
            {
                role: role.name,
                policy: pulumi
                    .all([a.sourceBucketArn, a.sourceKeyArn, a.destinationBucketArn, a.destinationKeyArn])
                    .apply(([src, srcKey, dst, dstKey]) =>
                        policyJson(
                            replicationPermissionsPolicy({
                                sourceBucketArns: [src],
                                sourceKeyArns: [srcKey],
                                sourceViaService: a.sourceViaService,
                                destinations: [{ bucketArn: dst, keyArn: dstKey, viaService: a.destinationViaService }],
                            }),
                        ),
                    ),
            },
            child,
        );
        new aws.s3.BucketReplicationConfig(
            `${name}-config`,
            {
                bucket: a.sourceBucketName,
                role: role.arn,
                rules: [
                    {
                        id: "archive-to-replica",
                        status: "Enabled",
                        priority: 1,
                        filter: { prefix: "" },
                        deleteMarkerReplication: { status: "Disabled" },
                        sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                        destination: {
                            bucket: a.destinationBucketArn,
                            encryptionConfiguration: { replicaKmsKeyId: a.destinationKeyArn },
                            ...(a.failureAlarmName ? { metrics: { status: "Enabled" } } : {}),
                        },
                    },
                ],
            },
            { parent: this, dependsOn: [rolePolicy] },
        );

        if (a.failureAlarmName) {
            anyOccurrenceAlarm(
                `${name}-failed`,
                {
                    name: a.failureAlarmName,
                    description: "Archived objects failed to replicate into the cross-region replica (rule archive-to-replica); S3 does not retry them: fix the cause, then replicate them again with S3 Batch Replication",
                    namespace: "AWS/S3",
                    metricName: "OperationsFailedReplication",
                    dimensions: {
                        SourceBucket: a.sourceBucketName,
                        DestinationBucket: pulumi.output(a.destinationBucketArn).apply(bucketNameOf),
                        RuleId: "archive-to-replica",
                    },
                    statistic: "Sum",
                    topicArns: [],
                },
                child,
            );
        }

        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
