import { denyConfigurationChanges, denyInsecureTransport, denyObjectDeletion, denyReplicationButFrom, denyWritesButDelivery, PROTECTED_CONFIGURATION_ACTIONS } from "./statements";
import { policyDocument, policyJson, type PolicyDocument, type Statement } from "./types";
import type { ElbLogWriter } from "../config/elb-log-writers";

/** Who delivers into a staging bucket. */
export type StagingSource = "access-logs" | "elb" | "config";

export interface StagingBucketPolicyArgs {
    readonly source: StagingSource;
    /** `arn:<partition>:s3:::<staging bucket>`. */
    readonly bucketArn: string;
    readonly organizationId: string;
    /** Deployment and break-glass roles: the only principals that may change the bucket's configuration. */
    readonly configurationRoleArns: readonly string[];
    /** Delivering service principal: `logging.s3…`, `logdelivery.elasticloadbalancing…` or `config…`. */
    readonly servicePrincipal: string;
    /** Account whose buckets' access logs may land here (access-logs only: the log-archive account). */
    readonly logArchiveAccountId: string;
    /**
     * The organisation's accounts whose AWS Config may deliver (config only): Config delivers as its
     * service principal, which "won't work with organization ID … based conditions" (AWS Config
     * Developer Guide, "Permissions for the Amazon S3 Bucket"), so the accounts are named.
     */
    readonly accountIds: readonly string[];
    /**
     * The landing zone's bucket-name prefix (access-logs only): only its own buckets log here
     * (`aws:SourceArn`), under their own names (the target prefix is `<bucket>/`), so no bucket of an
     * administrator's making can plant objects that replicate into the archive.
     */
    readonly loggedBucketPrefix: string;
    /** `arn:<partition>:s3:::`. */
    readonly s3ArnPrefix: string;
    /** Load-balancer writers of the bucket's region (elb only; required there). */
    readonly elb?: ElbDelivery;
}

/** Who delivers load-balancer access logs into an ELB staging bucket, for which accounts. */
export interface ElbDelivery {
    /** The region's ELB writer (`elbLogWriter`): its ELB account, or the ELB log-delivery service principal. */
    readonly writer: ElbLogWriter;
    /** Every account of the organisation: ELB writes under `AWSLogs/<account>/`, so the keys bind it to them. */
    readonly accountIds: readonly string[];
    /** `delivery.logs.amazonaws.com`: Network Load Balancer (TLS listener) logs arrive as vended logs. */
    readonly vendedLogsPrincipal: string;
    /** `arn:<partition>:logs:<region>`: vended-log deliveries of this bucket's region only. */
    readonly logsArnPrefix: string;
}

/** S3's limit on the size of a bucket policy. */
export const BUCKET_POLICY_MAX_CHARS = 20 * 1024;

/**
 * Key prefix (no trailing slash; "" = the bucket root) under which each source delivers into its
 * staging bucket. Replication keeps keys, so the replicas sit under the same prefix in the archive
 * (ELB: `AWSLogs/<account>/elasticloadbalancing/<region>/<yyyy>/<MM>/<dd>/`).
 */
export const STAGING_DELIVERY_PREFIXES: Readonly<Record<StagingSource, string>> = { "access-logs": "", elb: "AWSLogs", config: "AWSLogs" };

function delivered(bucketArn: string, source: StagingSource): string {
    const prefix = STAGING_DELIVERY_PREFIXES[source];
    return prefix === "" ? `${bucketArn}/*` : `${bucketArn}/${prefix}/*`;
}

/**
 * Policy of a staging bucket: TLS only, append-only (only the delivering service writes — what is
 * staged is replicated into the archive as it is, so a staged forgery would be archived —, nothing
 * replicates in, no object deletion: staged objects leave only through the lifecycle), configuration
 * changes by the exempt roles only, the one delivering service writes for this organisation only
 * (access logs: for this account's buckets).
 */
export function stagingBucketPolicy(a: StagingBucketPolicyArgs): PolicyDocument {
    const bucket = a.bucketArn;
    const objects = `${bucket}/*`;
    const elbAccount = a.source === "elb" && a.elb?.writer.kind === "account" ? [a.elb.writer.accountId] : [];
    const base: Statement[] = [
        denyInsecureTransport("s3", [bucket, objects]),
        denyObjectDeletion(objects),
        denyWritesButDelivery(objects, { accounts: elbAccount }),
        denyReplicationButFrom(objects, []),
        denyConfigurationChanges(bucket, PROTECTED_CONFIGURATION_ACTIONS, a.configurationRoleArns),
    ];
    const accounts = { "aws:SourceAccount": [...a.accountIds] };
    const service = { Service: a.servicePrincipal };
    switch (a.source) {
        case "access-logs":
            return policyDocument([
                ...base,
                {
                    Sid: "S3ServerAccessLogsWrite",
                    Effect: "Allow",
                    Principal: service,
                    Action: "s3:PutObject",
                    Resource: `${bucket}/${a.loggedBucketPrefix}*`,
                    // S3 User Guide, "Enabling Amazon S3 server access logging": aws:SourceArn is the logged bucket.
                    Condition: { StringEquals: { "aws:SourceAccount": a.logArchiveAccountId }, ArnLike: { "aws:SourceArn": `${a.s3ArnPrefix}${a.loggedBucketPrefix}*` } },
                },
            ]);
        case "elb":
            return elbPolicy(a, base);
        case "config":
            return policyDocument([
                ...base,
                { Sid: "ConfigAclCheck", Effect: "Allow", Principal: service, Action: ["s3:GetBucketAcl", "s3:ListBucket"], Resource: bucket, Condition: { StringEquals: accounts } },
                {
                    Sid: "ConfigWritesOwnPrefix",
                    Effect: "Allow",
                    Principal: service,
                    Action: "s3:PutObject",
                    Resource: delivered(bucket, a.source),
                    Condition: { StringEquals: { ...accounts, "s3:x-amz-acl": "bucket-owner-full-control" } },
                },
            ]);
    }
}

/**
 * ELB staging: the region's ELB writer may put objects only under `AWSLogs/<account>/` of the
 * organisation's accounts. AWS documents no `aws:Source*` key for ELB's writers (the ELB account is
 * an ordinary account principal; the service principal's documented policy has no condition), so
 * the object keys, which ELB builds from the load balancer's owner, are what binds delivery to the
 * organisation: a load balancer of another account writes under its own id and is refused. This
 * is, with the vended-logs account list below, the one policy of the stack that grows with the
 * number of accounts (about 130 characters each: a 100-account organisation needs 14 KB of S3's
 * 20 KB, so about 145 accounts fit): the policy is checked against that limit here.
 * Network Load Balancers deliver as vended logs (CloudWatch Logs guide, "Logs sent to Amazon S3"):
 * `delivery.logs` with the organisation's accounts as `aws:SourceAccount`, log-delivery sources of
 * this bucket's region only (`aws:SourceArn`), `bucket-owner-full-control`.
 */
function elbPolicy(a: StagingBucketPolicyArgs, base: readonly Statement[]): PolicyDocument {
    const e = a.elb;
    if (e === undefined) throw new Error("elb: the ELB staging policy needs the region's writers");
    if (e.accountIds.length === 0) throw new Error("elb.accountIds: at least one account is required");
    const bucket = a.bucketArn;
    const elbPrincipal = e.writer.kind === "account" ? { AWS: e.writer.principalArn } : { Service: e.writer.service };
    const vended = {
        StringEquals: { "aws:SourceAccount": [...e.accountIds] },
        ArnLike: { "aws:SourceArn": `${e.logsArnPrefix}:*:*` },
    };
    const doc = policyDocument([
        ...base,
        {
            Sid: e.writer.kind === "account" ? "ElbAccountWritesAccessLogs" : "ElbLogDeliveryWritesAccessLogs",
            Effect: "Allow",
            Principal: elbPrincipal,
            Action: "s3:PutObject",
            Resource: e.accountIds.map((id) => `${bucket}/${STAGING_DELIVERY_PREFIXES.elb}/${id}/*`),
        },
        // ListBucket beside the ACL check, as the vended-logs guide advises (else delivery logs AccessDenied noise in CloudTrail).
        { Sid: "NlbLogDeliveryAclCheck", Effect: "Allow", Principal: { Service: e.vendedLogsPrincipal }, Action: ["s3:GetBucketAcl", "s3:ListBucket"], Resource: bucket, Condition: vended },
        {
            Sid: "NlbLogDeliveryWrites",
            Effect: "Allow",
            Principal: { Service: e.vendedLogsPrincipal },
            Action: "s3:PutObject",
            Resource: delivered(bucket, "elb"),
            Condition: { ...vended, StringEquals: { ...vended.StringEquals, "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
    ]);
    const size = policyJson(doc).length;
    if (size > BUCKET_POLICY_MAX_CHARS) {
        throw new Error(`elb.accountIds: the ELB staging policy for ${e.accountIds.length} accounts is ${size} characters, over S3's ${BUCKET_POLICY_MAX_CHARS}-character bucket-policy limit`);
    }
    return doc;
}
