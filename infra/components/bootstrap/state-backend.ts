import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson } from "../../iam/types";
import { stateBucketPolicy, stateKeyPolicy } from "../../iam/state-backend-policies";
import { hardenBucket, logBucketAccess } from "../log-archive/bucket-hardening";
import { AccessLogBuckets } from "../baseline/access-log-buckets";
import { failIfAny } from "../validate";

export interface StateBackendArgs {
    readonly partition: string;
    readonly accountId: string;
    readonly region: string;
    /** The state bucket (`pulumi login s3://<bucketName>`). */
    readonly bucketName: string;
    /** Where the state bucket's server access logs go (a bucket this component creates). */
    readonly accessLogBucketName: string;
    /** Alias of the state and secrets key, `alias/…` (`--secrets-provider awskms://<alias>`). */
    readonly keyAlias: string;
    /** The S3 log delivery principal (`logging.s3.amazonaws.com`). */
    readonly loggingPrincipal: string;
    /**
     * Days old checkpoints (noncurrent versions) are kept: the way back from a broken update.
     * @default 365
     */
    readonly noncurrentVersionDays?: number;
}

type Resolved = Required<StateBackendArgs>;

export function resolveStateBackendArgs(name: string, args: StateBackendArgs): Resolved {
    const a: Resolved = { noncurrentVersionDays: 365, ...args };
    const problems: string[] = [];
    if (!/^alias\/[A-Za-z0-9/_-]{1,250}$/.test(a.keyAlias) || a.keyAlias.startsWith("alias/aws/")) problems.push(`keyAlias: ${JSON.stringify(a.keyAlias)} is not a customer key alias (alias/…, not alias/aws/…)`);
    if (!Number.isInteger(a.noncurrentVersionDays) || a.noncurrentVersionDays < 1) problems.push(`noncurrentVersionDays: ${a.noncurrentVersionDays} must be a whole number of days ≥ 1`);
    failIfAny("StateBackend", name, problems);
    return a;
}

/**
 * The self-managed Pulumi backend: a versioned, KMS-encrypted, TLS-only bucket (every checkpoint
 * kept as a version, so a bad update can be rolled back with `pulumi stack import`), its access logs,
 * and the key that encrypts both the bucket and every stack's secrets. Protected: the organisation's
 * deployment history lives here.
 */
export class StateBackend extends pulumi.ComponentResource {
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    public readonly keyArn: pulumi.Output<string>;
    /** `s3://<bucket>`: the `pulumi login` URL. */
    public readonly backendUrl: pulumi.Output<string>;
    /** `awskms://<alias>?region=<region>`: the `--secrets-provider` of every stack. */
    public readonly secretsProvider: pulumi.Output<string>;

    constructor(name: string, args: StateBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:bootstrap:StateBackend", name, {}, opts);
        const a = resolveStateBackendArgs(name, args);
        const child = { parent: this };
        const key = new aws.kms.Key(
            `${name}-key`,
            { description: "Pulumi state and stack secrets of the landing zone", enableKeyRotation: true, deletionWindowInDays: 30, policy: policyJson(stateKeyPolicy({ partition: a.partition, managementAccountId: a.accountId })), region: a.region },
            { parent: this, protect: true },
        );
        new aws.kms.Alias(`${name}-key-alias`, { name: a.keyAlias, targetKeyId: key.keyId, region: a.region }, child);

        const logs = new AccessLogBuckets(
            `${name}-access-logs`,
            { regions: [a.region], accountId: a.accountId, bucketNames: { [a.region]: a.accessLogBucketName }, loggingPrincipal: a.loggingPrincipal, expireAfterDays: a.noncurrentVersionDays },
            child,
        );
        const bucket = new aws.s3.Bucket(`${name}-bucket`, { bucket: a.bucketName, forceDestroy: false, region: a.region }, { parent: this, protect: true, retainOnDelete: true });
        const versioning = new aws.s3.BucketVersioning(`${name}-bucket-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" }, region: a.region }, child);
        hardenBucket(this, `${name}-bucket`, bucket, { region: a.region, kmsKeyArn: key.arn });
        logBucketAccess(this, `${name}-bucket`, bucket, { bucketName: a.bucketName, targetBucket: logs.bucketNames.apply((n) => n[a.region]), region: a.region });
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-bucket-lifecycle`,
            { bucket: bucket.id, rules: [{ id: "expire-old-checkpoints", status: "Enabled", filter: { prefix: "" }, noncurrentVersionExpiration: { noncurrentDays: a.noncurrentVersionDays } }], region: a.region },
            { parent: this, dependsOn: [versioning] },
        );
        new aws.s3.BucketPolicy(`${name}-bucket-policy`, { bucket: bucket.id, policy: bucket.arn.apply((bucketArn) => policyJson(stateBucketPolicy({ bucketArn }))), region: a.region }, child);

        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.keyArn = key.arn;
        this.backendUrl = pulumi.interpolate`s3://${bucket.bucket}`;
        this.secretsProvider = pulumi.output(`awskms://${a.keyAlias}?region=${a.region}`);
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, keyArn: this.keyArn, backendUrl: this.backendUrl, secretsProvider: this.secretsProvider });
    }
}
