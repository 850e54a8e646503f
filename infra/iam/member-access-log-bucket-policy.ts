/** Bucket policy of a member account's per-region S3 access-log bucket. */
import { denyInsecureTransport, denyReplicationButFrom } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

/** The one action S3 server access log delivery needs. */
export const ACCESS_LOG_DELIVERY_ACTIONS = ["s3:PutObject"] as const;

export interface AccessLogBucketPolicyArgs {
    /** `arn:<partition>:s3:::<bucket>`. */
    readonly bucketArn: string;
    /** The account whose buckets log here (S3 delivers access logs only within the source bucket's account and region). */
    readonly accountId: string;
    /** S3 server access logging service principal of the partition (`logging.s3.amazonaws.com`). */
    readonly loggingPrincipal: string;
}

/**
 * TLS only; S3 log delivery writes for this account's buckets (`aws:SourceAccount`), and nothing else
 * writes at all: a principal of the account (its root and administrators included) cannot plant or
 * overwrite log objects, since its requests carry no source account, nor replicate objects in from a
 * bucket of its own.
 */
export function accessLogBucketPolicy(a: AccessLogBucketPolicyArgs): PolicyDocument {
    const objects = `${a.bucketArn}/*`;
    return policyDocument([
        denyInsecureTransport("s3", [a.bucketArn, objects]),
        {
            Sid: "DenyWritesOtherThanThisAccountsLogDelivery",
            Effect: "Deny",
            Principal: "*",
            Action: [...ACCESS_LOG_DELIVERY_ACTIONS],
            Resource: objects,
            // A missing key makes a negated operator true: callers without a source account are denied.
            Condition: { StringNotEquals: { "aws:SourceAccount": a.accountId } },
        },
        denyReplicationButFrom(objects, []),
        {
            Sid: "S3ServerAccessLogsWrite",
            Effect: "Allow",
            Principal: { Service: a.loggingPrincipal },
            Action: [...ACCESS_LOG_DELIVERY_ACTIONS],
            Resource: objects,
            Condition: { StringEquals: { "aws:SourceAccount": a.accountId } },
        },
    ]);
}
