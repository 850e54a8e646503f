import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { replicationPermissionsPolicy, replicationTrustPolicy } from "../../iam/log-archive-replication-role";

export interface StagingBucketArgs {
    /** Physical bucket name (from naming.ts). */
    readonly bucketName: string;
    /** Bucket policy (typed document). */
    readonly bucketPolicy: PolicyDocument;
    /**
     * KMS key of the bucket; undefined means SSE-S3, which S3 server access logs and ELB access logs require.
     * @default undefined (SSE-S3)
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** Archive bucket ARN every object is replicated into. */
    readonly archiveBucketArn: pulumi.Input<string>;
    /** Archive key: replicas are re-encrypted under it. */
    readonly archiveKeyArn: pulumi.Input<string>;
    /** Key prefix of the replicas in the archive is the same as in the staging bucket; this names the class in rule ids. */
    readonly logClass: string;
    /** `s3.amazonaws.com` of the partition (the replication role's trusted principal). */
    readonly s3Principal: string;
    /** Account id of the log-archive account. */
    readonly accountId: string;
    /**
     * Days a staged object stays after it has been replicated into the archive.
     * @default 30
     */
    readonly expireAfterDays?: number;
    /**
     * Bucket receiving this bucket's server access logs (not for the access-log bucket itself).
     * @default undefined
     */
    readonly accessLogBucket?: pulumi.Input<string>;
    /**
     * Protect the bucket from deletion (`protect` + `retainOnDelete`).
     * @default true
     */
    readonly protect?: boolean;
}

export function resolveStagingBucketArgs(name: string, args: StagingBucketArgs): StagingBucketArgs & { readonly expireAfterDays: number; readonly protect: boolean } {
    const r = { expireAfterDays: 30, protect: true, ...args };
    if (!Number.isInteger(r.expireAfterDays) || r.expireAfterDays < 1) {
        throw new Error(`StagingBucket ${name}:\n  expireAfterDays: ${r.expireAfterDays} must be a whole number of days ≥ 1`);
    }
    return r;
}

/**
 * A bucket for a source that cannot deliver into the locked archive (S3 server access logs, ELB
 * access logs, AWS Config). Everything it receives is replicated into the archive, re-encrypted
 * under the archive key and locked there by the archive's default retention.
 */
export class StagingBucket extends pulumi.ComponentResource {
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    public readonly replicationRoleArn: pulumi.Output<string>;

    constructor(name: string, args: StagingBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:log-archive:StagingBucket", name, {}, opts);
        const a = resolveStagingBucketArgs(name, args);
        const child = { parent: this };
        const bucket = new aws.s3.Bucket(`${name}-bucket`, { bucket: a.bucketName, forceDestroy: false }, { parent: this, protect: a.protect, retainOnDelete: a.protect });
        const versioning = new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, child);
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            {
                bucket: bucket.id,
                rules: [
                    a.kmsKeyArn === undefined
                        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: a.kmsKeyArn }, bucketKeyEnabled: true },
                ],
            },
            child,
        );
        new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, child);
        new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, child);
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket: bucket.id,
                rules: [{ id: "expire-after-replication", status: "Enabled", filter: { prefix: "" }, expiration: { days: a.expireAfterDays }, noncurrentVersionExpiration: { noncurrentDays: 1 } }],
            },
            { parent: this, dependsOn: [versioning] },
        );
        new aws.s3.BucketPolicy(`${name}-policy`, { bucket: bucket.id, policy: policyJson(a.bucketPolicy) }, child);
        if (a.accessLogBucket !== undefined) {
            new aws.s3.BucketLogging(`${name}-logging`, { bucket: bucket.id, targetBucket: a.accessLogBucket, targetPrefix: `${a.bucketName}/` }, child);
        }

        const role = new aws.iam.Role(
            `${name}-replication-role`,
            { description: `S3 replicates ${a.bucketName} into the log archive`, assumeRolePolicy: policyJson(replicationTrustPolicy({ s3Principal: a.s3Principal, accountId: a.accountId })) },
            child,
        );
        const sourceKeys = a.kmsKeyArn === undefined ? [] : [a.kmsKeyArn];
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-replication-permissions`,
            {
                role: role.name,
                policy: pulumi
                    .all([bucket.arn, a.archiveBucketArn, a.archiveKeyArn, pulumi.all(sourceKeys)])
                    .apply(([src, dst, key, srcKeys]) =>
                        policyJson(replicationPermissionsPolicy({ sourceBucketArns: [src], destinationBucketArns: [dst], destinationKeyArns: [key], sourceKeyArns: srcKeys.length > 0 ? srcKeys : [key] })),
                    ),
            },
            child,
        );
        new aws.s3.BucketReplicationConfig(
            `${name}-replication`,
            {
                bucket: bucket.id,
                role: role.arn,
                rules: [
                    {
                        id: `${a.logClass}-to-archive`,
                        status: "Enabled",
                        priority: 1,
                        filter: { prefix: "" },
                        deleteMarkerReplication: { status: "Disabled" },
                        sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                        destination: { bucket: a.archiveBucketArn, encryptionConfiguration: { replicaKmsKeyId: a.archiveKeyArn } },
                    },
                ],
            },
            { parent: this, dependsOn: [versioning, rolePolicy] },
        );

        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.replicationRoleArn = role.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, replicationRoleArn: this.replicationRoleArn });
    }
}
