import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson } from "../../iam/types";
import { hardenBucket } from "../log-archive/bucket-hardening";
import { logBucketTags } from "../log-archive/log-bucket-tag";
import { accessLogBucketPolicy } from "../../iam/member-access-log-bucket-policy";
import { failIfAny, regionProblems } from "../validate";

export interface AccessLogBucketsArgs {
    /** Enabled regions: one access-log bucket in each (S3 delivers access logs only within a region). */
    readonly regions: readonly string[];
    /** The account the buckets live in; only its buckets' access logs are accepted. */
    readonly accountId: string;
    /** Physical bucket name by region (naming `accessLogBucketName`). */
    readonly bucketNames: Readonly<Record<string, string>>;
    /** S3 server access logging service principal of the partition (`logging.s3.amazonaws.com`). */
    readonly loggingPrincipal: string;
    /** Days after which a log object expires (the organisation's `retention.archiveDays`). */
    readonly expireAfterDays: number;
    /**
     * Days a noncurrent (overwritten or deleted) version is kept.
     * @default 30
     */
    readonly noncurrentExpireAfterDays?: number;
}

type Resolved = Required<AccessLogBucketsArgs>;

/** S3 bucket names: 3-63 characters of a-z, 0-9, `-` and `.`, starting and ending with a letter or digit. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function resolveAccessLogBucketsArgs(name: string, args: AccessLogBucketsArgs): Resolved {
    const a: Resolved = { noncurrentExpireAfterDays: 30, ...args };
    const problems: string[] = [];
    problems.push(...regionProblems(a.regions, {}, "regions"));
    if (!/^\d{12}$/.test(a.accountId)) problems.push(`accountId: ${JSON.stringify(a.accountId)} is not a 12-digit AWS account id`);
    for (const region of new Set(a.regions)) {
        const bucket = a.bucketNames[region];
        if (bucket === undefined) problems.push(`bucketNames: no bucket name for enabled region ${region}`);
        else if (!BUCKET_NAME.test(bucket)) problems.push(`bucketNames.${region}: ${JSON.stringify(bucket)} is not a valid S3 bucket name (3-63 characters of a-z, 0-9, . and -)`);
    }
    const extra = Object.keys(a.bucketNames).filter((r) => !a.regions.includes(r));
    if (extra.length > 0) problems.push(`bucketNames: ${extra.join(", ")} not among the enabled regions`);
    if (!Number.isInteger(a.expireAfterDays) || a.expireAfterDays < 1) problems.push(`expireAfterDays: ${a.expireAfterDays} must be a whole number of days ≥ 1`);
    if (!Number.isInteger(a.noncurrentExpireAfterDays) || a.noncurrentExpireAfterDays < 1) problems.push(`noncurrentExpireAfterDays: ${a.noncurrentExpireAfterDays} must be a whole number of days ≥ 1`);
    failIfAny("AccessLogBuckets", name, problems);
    return a;
}

/**
 * A bucket in every enabled region for the S3 server access logs of the account's own buckets: S3
 * delivers those only to a bucket of the same account and region, so workloads cannot log to the log
 * archive. SSE-S3 (the only default encryption a log target may have), bucket-owner-enforced ownership,
 * every public access block, versioning, expiry after the organisation's archive retention, and a
 * policy that lets only S3 log delivery of this account write, over TLS.
 */
export class AccessLogBuckets extends pulumi.ComponentResource {
    /** Bucket names by region. */
    public readonly bucketNames: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: AccessLogBucketsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:baseline:AccessLogBuckets", name, {}, opts);
        const a = resolveAccessLogBucketsArgs(name, args);
        const names: Record<string, pulumi.Output<string>> = {};
        for (const region of a.regions) {
            const child = { parent: this };
            const id = `${name}-${region}`;
            const bucket = new aws.s3.Bucket(
                id,
                { bucket: a.bucketNames[region], forceDestroy: false, region, tags: logBucketTags("access-logs") },
                { parent: this, protect: true, retainOnDelete: true },
            );
            const versioning = new aws.s3.BucketVersioning(`${id}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" }, region }, child);
            hardenBucket(this, id, bucket, { region });
            new aws.s3.BucketLifecycleConfiguration(
                `${id}-lifecycle`,
                {
                    bucket: bucket.id,
                    rules: [
                        {
                            id: "expire-access-logs",
                            status: "Enabled",
                            filter: { prefix: "" },
                            expiration: { days: a.expireAfterDays },
                            noncurrentVersionExpiration: { noncurrentDays: a.noncurrentExpireAfterDays },
                        },
                    ],
                    region,
                },
                { parent: this, dependsOn: [versioning] },
            );
            new aws.s3.BucketPolicy(
                `${id}-policy`,
                {
                    bucket: bucket.id,
                    policy: bucket.arn.apply((bucketArn) => policyJson(accessLogBucketPolicy({ bucketArn, accountId: a.accountId, loggingPrincipal: a.loggingPrincipal }))),
                    region,
                },
                child,
            );
            names[region] = bucket.bucket;
        }
        this.bucketNames = pulumi.output(names);
        this.registerOutputs({ bucketNames: this.bucketNames });
    }
}
