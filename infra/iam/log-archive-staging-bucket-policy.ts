import { policyDocument, type PolicyDocument, type Statement } from "./types";

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
}

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

export const STAGING_CONFIGURATION_ACTIONS = ["s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration", "s3:PutEncryptionConfiguration", "s3:PutReplicationConfiguration"] as const;

/**
 * Policy of a staging bucket: TLS only, configuration changes by the exempt roles only, the one
 * delivering service writes for this organisation only (access logs: for this account's buckets).
 */
export function stagingBucketPolicy(a: StagingBucketPolicyArgs): PolicyDocument {
    const bucket = a.bucketArn;
    const objects = `${bucket}/*`;
    const base: Statement[] = [
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket, objects], Condition: { Bool: { "aws:SecureTransport": "false" } } },
        {
            Sid: "DenyConfigurationChanges",
            Effect: "Deny",
            Principal: "*",
            Action: [...STAGING_CONFIGURATION_ACTIONS],
            Resource: bucket,
            Condition: { ArnNotEquals: { "aws:PrincipalArn": [...a.configurationRoleArns] } },
        },
    ];
    const org = { "aws:SourceOrgID": a.organizationId };
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
                    Resource: delivered(bucket, a.source),
                    Condition: { StringEquals: { "aws:SourceAccount": a.logArchiveAccountId } },
                },
            ]);
        case "elb":
            return policyDocument([
                ...base,
                { Sid: "ElbAccessLogsWrite", Effect: "Allow", Principal: service, Action: "s3:PutObject", Resource: delivered(bucket, a.source), Condition: { StringEquals: org } },
            ]);
        case "config":
            return policyDocument([
                ...base,
                { Sid: "ConfigAclCheck", Effect: "Allow", Principal: service, Action: ["s3:GetBucketAcl", "s3:ListBucket"], Resource: bucket, Condition: { StringEquals: org } },
                {
                    Sid: "ConfigWritesOwnPrefix",
                    Effect: "Allow",
                    Principal: service,
                    Action: "s3:PutObject",
                    Resource: delivered(bucket, a.source),
                    Condition: { StringEquals: { ...org, "s3:x-amz-acl": "bucket-owner-full-control" } },
                },
            ]);
    }
}
