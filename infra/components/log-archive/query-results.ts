import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { hardenBucket, logBucketAccess } from "./bucket-hardening";
import { logBucketTags } from "./log-bucket-tag";
import { failIfAny } from "../validate";

export interface QueryResultsArgs {
    /** Physical bucket name. */
    readonly bucketName: string;
    /** Key policy of the results key (typed document). */
    readonly keyPolicy: PolicyDocument;
    /** Bucket policy (typed document; its ARN must name `bucketName`). */
    readonly bucketPolicy: PolicyDocument;
    /**
     * Days a query result is kept.
     * @default 30
     */
    readonly expireAfterDays?: number;
    /**
     * Bucket receiving this bucket's server access logs.
     * @default undefined (no access logging)
     */
    readonly accessLogBucket?: pulumi.Input<string>;
    /**
     * Protect the bucket and its key from deletion (`protect` + `retainOnDelete`).
     * @default true
     */
    readonly protect?: boolean;
}

export type ResolvedQueryResultsArgs = QueryResultsArgs & { readonly expireAfterDays: number; readonly protect: boolean };

export function resolveQueryResultsArgs(name: string, args: QueryResultsArgs): ResolvedQueryResultsArgs {
    const r = { expireAfterDays: 30, protect: true, ...args };
    const problems: string[] = [];
    if (!Number.isInteger(r.expireAfterDays) || r.expireAfterDays < 1) problems.push(`expireAfterDays: ${r.expireAfterDays} must be a whole number of days ≥ 1`);
    if (!JSON.stringify(r.bucketPolicy.Statement.map((s) => s.Resource)).includes(`:::${r.bucketName}`)) problems.push(`bucketPolicy: no statement names the bucket ${JSON.stringify(r.bucketName)}`);
    failIfAny("QueryResults", name, problems);
    return r;
}

/**
 * Where Athena writes query results: a bucket of its own under SSE-KMS with its own rotating key
 * (results are copies of log lines, so they are encrypted like the archive), every public-access
 * block, ACLs disabled, versioned, results (and their old versions) expired after a while.
 */
export class QueryResults extends pulumi.ComponentResource {
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    public readonly keyArn: pulumi.Output<string>;

    constructor(name: string, args: QueryResultsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:log-archive:QueryResults", name, {}, opts);
        const a = resolveQueryResultsArgs(name, args);
        const keep = { parent: this, protect: a.protect, retainOnDelete: a.protect };
        const child = { parent: this };

        const key = new aws.kms.Key(
            `${name}-key`,
            { description: `Encrypts Athena query results in ${a.bucketName}`, enableKeyRotation: true, deletionWindowInDays: 30, policy: policyJson(a.keyPolicy) },
            keep,
        );
        // Results are copies of log lines: a log bucket for the policy pack, hence versioned (overwritten
        // or deleted results stay recoverable until the lifecycle expires them).
        const bucket = new aws.s3.Bucket(`${name}-bucket`, { bucket: a.bucketName, forceDestroy: false, tags: logBucketTags("query-results") }, keep);
        const versioning = new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, child);
        hardenBucket(this, name, bucket, { kmsKeyArn: key.arn });
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket: bucket.id,
                rules: [
                    {
                        id: "expire-results",
                        status: "Enabled",
                        filter: { prefix: "" },
                        expiration: { days: a.expireAfterDays },
                        noncurrentVersionExpiration: { noncurrentDays: 1 },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
                    },
                ],
            },
            { parent: this, dependsOn: [versioning] },
        );
        new aws.s3.BucketPolicy(`${name}-policy`, { bucket: bucket.id, policy: policyJson(a.bucketPolicy) }, child);
        logBucketAccess(this, name, bucket, { bucketName: a.bucketName, targetBucket: a.accessLogBucket });

        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.keyArn = key.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, keyArn: this.keyArn });
    }
}
