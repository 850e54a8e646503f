import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { hardenBucket, logBucketAccess } from "./bucket-hardening";
import { logBucketTags } from "./log-bucket-tag";
import { failIfAny } from "../validate";

export interface ArchiveBucketArgs {
    /** Physical bucket name (from naming.ts). */
    readonly bucketName: string;
    /** Key policy of the archive key, as a typed document. */
    readonly keyPolicy: PolicyDocument;
    /** Bucket policy, as a typed document (its ARN must name `bucketName`). */
    readonly bucketPolicy: PolicyDocument;
    /** Object Lock default retention in compliance mode, days. */
    readonly objectLockDays: number;
    /** Age (days) at which objects expire; never before the lock ends. */
    readonly expireAfterDays: number;
    /** Age (days) at which objects move to Glacier Instant Retrieval. */
    readonly glacierInstantRetrievalAfterDays: number;
    /** Age (days) at which objects move to Deep Archive. */
    readonly deepArchiveAfterDays: number;
    /**
     * Days a replaced (noncurrent) version is kept; at least `expireAfterDays`, so the original of an
     * object written over outlives the version that replaced it.
     */
    readonly noncurrentVersionExpiryDays: number;
    /**
     * Bucket receiving this bucket's server access logs.
     * @default undefined (no access logging)
     */
    readonly accessLogBucket?: pulumi.Input<string>;
    /**
     * Send object-created events to EventBridge (default bus of the bucket's account and region).
     * @default true
     */
    readonly eventBridgeNotifications?: boolean;
    /**
     * Region of the bucket when it is not the provider's (the replica).
     * @default undefined (the provider's region)
     */
    readonly region?: string;
    /**
     * Protect the bucket and its key from deletion (`protect` + `retainOnDelete`).
     * @default true
     */
    readonly protect?: boolean;
}

export type ResolvedArchiveBucketArgs = ArchiveBucketArgs & { readonly eventBridgeNotifications: boolean; readonly protect: boolean };

export function resolveArchiveBucketArgs(name: string, args: ArchiveBucketArgs): ResolvedArchiveBucketArgs {
    const problems: string[] = [];
    if (!Number.isInteger(args.objectLockDays) || args.objectLockDays < 1) problems.push(`objectLockDays: ${args.objectLockDays} must be a whole number of days ≥ 1`);
    if (args.expireAfterDays < args.objectLockDays) problems.push(`expireAfterDays: ${args.expireAfterDays} is before the Object Lock retention of ${args.objectLockDays} days ends`);
    if (args.deepArchiveAfterDays <= args.glacierInstantRetrievalAfterDays) problems.push(`deepArchiveAfterDays: ${args.deepArchiveAfterDays} must come after glacierInstantRetrievalAfterDays (${args.glacierInstantRetrievalAfterDays})`);
    if (args.expireAfterDays <= args.deepArchiveAfterDays) problems.push(`expireAfterDays: ${args.expireAfterDays} must come after deepArchiveAfterDays (${args.deepArchiveAfterDays})`);
    if (args.noncurrentVersionExpiryDays < args.expireAfterDays) {
        problems.push(`noncurrentVersionExpiryDays: ${args.noncurrentVersionExpiryDays} is shorter than expireAfterDays (${args.expireAfterDays}); a replaced original would expire before the version written over it`);
    }
    const resources = JSON.stringify(args.bucketPolicy.Statement.map((s) => s.Resource));
    if (!resources.includes(`:::${args.bucketName}`)) problems.push(`bucketPolicy: no statement names the bucket ${JSON.stringify(args.bucketName)}`);
    failIfAny("ArchiveBucket", name, problems);
    return { eventBridgeNotifications: true, protect: true, ...args };
}

/**
 * The immutable archive: a versioned bucket with Object Lock in compliance mode, SSE-KMS under its
 * own rotating key (bucket key on), every public-access block, ACLs disabled, tiering and expiry,
 * and the bucket policy that keeps it closed.
 */
export class ArchiveBucket extends pulumi.ComponentResource {
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    public readonly keyArn: pulumi.Output<string>;

    constructor(name: string, args: ArchiveBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:log-archive:ArchiveBucket", name, {}, opts);
        const a = resolveArchiveBucketArgs(name, args);
        const keep = { parent: this, protect: a.protect, retainOnDelete: a.protect };
        const region = a.region;
        const child = { parent: this };

        const key = new aws.kms.Key(
            `${name}-key`,
            { description: `Encrypts the log archive ${a.bucketName}`, enableKeyRotation: true, deletionWindowInDays: 30, policy: policyJson(a.keyPolicy), region },
            keep,
        );
        // Tagged `archive` (the replica too): the policy pack then requires Object Lock and versioning of it.
        const bucket = new aws.s3.Bucket(`${name}-bucket`, { bucket: a.bucketName, objectLockEnabled: true, forceDestroy: false, region, tags: logBucketTags("archive") }, keep);
        const versioning = new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" }, region }, child);
        new aws.s3.BucketObjectLockConfiguration(
            `${name}-object-lock`,
            { bucket: bucket.id, objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: "COMPLIANCE", days: a.objectLockDays } }, region },
            { parent: this, dependsOn: [versioning] },
        );
        hardenBucket(this, name, bucket, { region, kmsKeyArn: key.arn });
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket: bucket.id,
                rules: [
                    {
                        id: "tier-and-expire",
                        status: "Enabled",
                        filter: { prefix: "" },
                        transitions: [
                            { days: a.glacierInstantRetrievalAfterDays, storageClass: "GLACIER_IR" },
                            { days: a.deepArchiveAfterDays, storageClass: "DEEP_ARCHIVE" },
                        ],
                        expiration: { days: a.expireAfterDays },
                        noncurrentVersionExpiration: { noncurrentDays: a.noncurrentVersionExpiryDays },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                    },
                ],
                region,
            },
            { parent: this, dependsOn: [versioning] },
        );
        new aws.s3.BucketPolicy(`${name}-policy`, { bucket: bucket.id, policy: policyJson(a.bucketPolicy), region }, child);
        logBucketAccess(this, name, bucket, { bucketName: a.bucketName, targetBucket: a.accessLogBucket, region });
        if (a.eventBridgeNotifications) {
            new aws.s3.BucketNotification(`${name}-notifications`, { bucket: bucket.id, eventbridge: true, region }, child);
        }

        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.keyArn = key.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, keyArn: this.keyArn });
    }
}
