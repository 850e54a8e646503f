import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { replicationPermissionsPolicy, replicationTrustPolicy } from "../../iam/log-archive-replication-role";
import { hardenBucket, logBucketAccess } from "./bucket-hardening";
import { logBucketTags, type LogBucketKind } from "./log-bucket-tag";
import { failIfAny, roleNameProblem } from "../validate";
import { anyOccurrenceAlarm } from "../health/any-occurrence-alarm";
import { bucketNameOf } from "./bucket-name-of";

/** A bucket replicated into. */
export interface ReplicationTarget {
    /** Short name used in the rule id (`<logClass>-to-<name>`), e.g. `archive`, `replica`. */
    readonly name: string;
    readonly bucketArn: pulumi.Input<string>;
    /** Key the replicas are encrypted with (in the destination's region). */
    readonly keyArn: pulumi.Input<string>;
    /** `s3.<region>.amazonaws.com` of the destination's region. */
    readonly viaService: string;
}

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
    /**
     * Buckets every object is replicated into, each re-encrypted under its key: the archive first,
     * then the cross-region replica when there is one (replicas are not replicated again, so staged
     * objects reach the replica only through a rule of their own).
     */
    readonly destinations: readonly ReplicationTarget[];
    /** `s3.<region>.amazonaws.com` of this bucket's region (the source key is usable only through it). */
    readonly viaService: string;
    /** Key prefix of the replicas in the archive is the same as in the staging bucket; this names the class in rule ids. */
    readonly logClass: string;
    /** `s3.amazonaws.com` of the partition (the replication role's trusted principal). */
    readonly s3Principal: string;
    /** Physical name of the replication role (from naming.ts, under the name prefix the role guardrail protects). */
    readonly replicationRoleName: string;
    /** Kind of log bucket, tagged `lz:log-bucket=<kind>` for the policy pack: `staging` or `access-logs`. */
    readonly logBucketKind: Extract<LogBucketKind, "staging" | "access-logs">;
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
     * Region of the bucket when it is not the provider's: every access-log and ELB staging bucket
     * outside the home region.
     * @default undefined (the provider's region)
     */
    readonly region?: string;
    /**
     * Protect the bucket from deletion (`protect` + `retainOnDelete`).
     * @default true
     */
    readonly protect?: boolean;
    /**
     * Name of the alarm on each replication rule's failed operations, given the rule id: replication
     * metrics are switched on for every rule and the alarm (no action: a forwarded health alarm) fires
     * on the first failed object, which S3 never retries.
     * @default undefined (no replication metrics, no alarm)
     */
    readonly replicationFailureAlarmName?: (ruleId: string) => string;
}

export function resolveStagingBucketArgs(name: string, args: StagingBucketArgs): StagingBucketArgs & { readonly expireAfterDays: number; readonly protect: boolean } {
    const r = { expireAfterDays: 30, protect: true, ...args };
    const problems: string[] = [];
    if (!Number.isInteger(r.expireAfterDays) || r.expireAfterDays < 1) problems.push(`expireAfterDays: ${r.expireAfterDays} must be a whole number of days ≥ 1`);
    if (r.destinations.length === 0) problems.push("destinations: at least the archive is required");
    const names = r.destinations.map((d) => d.name);
    if (new Set(names).size !== names.length) problems.push(`destinations: ${JSON.stringify(names)} names a destination twice`);
    const roleName = roleNameProblem("replicationRoleName", r.replicationRoleName);
    if (roleName) problems.push(roleName);
    failIfAny("StagingBucket", name, problems);
    return r;
}

/**
 * A bucket for a source that cannot deliver into the locked archive (S3 server access logs, ELB
 * access logs, AWS Config). Everything it receives is replicated into the archive (and into the
 * cross-region replica when there is one), re-encrypted under each destination's key and locked
 * there by its default retention.
 */
export class StagingBucket extends pulumi.ComponentResource {
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    public readonly replicationRoleArn: pulumi.Output<string>;

    constructor(name: string, args: StagingBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:log-archive:StagingBucket", name, {}, opts);
        const a = resolveStagingBucketArgs(name, args);
        const child = { parent: this };
        const ruleId = (d: ReplicationTarget) => `${a.logClass}-to-${d.name}`;
        const alarmName = a.replicationFailureAlarmName;
        const region = a.region;
        const bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            { bucket: a.bucketName, forceDestroy: false, region, tags: logBucketTags(a.logBucketKind) },
            { parent: this, protect: a.protect, retainOnDelete: a.protect },
        );
        const versioning = new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" }, region }, child);
        hardenBucket(this, name, bucket, { region, kmsKeyArn: a.kmsKeyArn });
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket: bucket.id,
                rules: [{ id: "expire-after-replication", status: "Enabled", filter: { prefix: "" }, expiration: { days: a.expireAfterDays }, noncurrentVersionExpiration: { noncurrentDays: 1 } }],
                region,
            },
            { parent: this, dependsOn: [versioning] },
        );
        new aws.s3.BucketPolicy(`${name}-policy`, { bucket: bucket.id, policy: policyJson(a.bucketPolicy), region }, child);
        logBucketAccess(this, name, bucket, { bucketName: a.bucketName, targetBucket: a.accessLogBucket, region });

        const role = new aws.iam.Role(
            `${name}-replication-role`,
            { name: a.replicationRoleName, description: `S3 replicates ${a.bucketName} into the log archive`, assumeRolePolicy: policyJson(replicationTrustPolicy({ s3Principal: a.s3Principal, accountId: a.accountId })) },
            child,
        );
        const sourceKeys = a.kmsKeyArn === undefined ? [] : [a.kmsKeyArn];
        const targets = pulumi.all(a.destinations.map((d) => pulumi.all([d.bucketArn, d.keyArn]).apply(([bucketArn, keyArn]) => ({ bucketArn, keyArn, viaService: d.viaService }))));
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-replication-permissions`,
            {
                role: role.name,
                policy: pulumi
                    .all([bucket.arn, pulumi.all(sourceKeys), targets])
                    .apply(([src, srcKeys, destinations]) => policyJson(replicationPermissionsPolicy({ sourceBucketArns: [src], sourceKeyArns: srcKeys, sourceViaService: a.viaService, destinations }))),
            },
            child,
        );
        new aws.s3.BucketReplicationConfig(
            `${name}-replication`,
            {
                bucket: bucket.id,
                role: role.arn,
                // One rule per destination: S3 replicates each object to every destination whose rule matches.
                rules: a.destinations.map((d, i) => ({
                    id: ruleId(d),
                    status: "Enabled",
                    priority: i + 1,
                    filter: { prefix: "" },
                    deleteMarkerReplication: { status: "Disabled" },
                    sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                    destination: {
                        bucket: d.bucketArn,
                        encryptionConfiguration: { replicaKmsKeyId: d.keyArn },
                        // Replication metrics without Replication Time Control: what failure events and OperationsFailedReplication need (S3 User Guide, "Receiving replication failure events").
                        ...(alarmName ? { metrics: { status: "Enabled" } } : {}),
                    },
                })),
                region,
            },
            { parent: this, dependsOn: [versioning, rolePolicy] },
        );

        if (alarmName) {
            for (const d of a.destinations) {
                anyOccurrenceAlarm(
                    `${name}-replication-failed-${d.name}`,
                    {
                        name: alarmName(ruleId(d)),
                        description: `Objects of ${a.bucketName} failed to replicate into ${d.name} (rule ${ruleId(d)}); S3 does not retry them and they expire from staging after ${a.expireAfterDays} days: fix the cause, then replicate them again with S3 Batch Replication`,
                        namespace: "AWS/S3",
                        metricName: "OperationsFailedReplication",
                        dimensions: { SourceBucket: a.bucketName, DestinationBucket: pulumi.output(d.bucketArn).apply(bucketNameOf), RuleId: ruleId(d) },
                        statistic: "Sum",
                        topicArns: [],
                        region,
                    },
                    child,
                );
            }
        }

        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.replicationRoleArn = role.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, replicationRoleArn: this.replicationRoleArn });
    }
}
