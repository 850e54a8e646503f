import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

/**
 * What every log bucket of the landing zone has, whatever it holds: default encryption (SSE-KMS with
 * the bucket key under `kmsKeyArn`, else SSE-S3, which S3 server access logs and ELB access logs
 * require), every public access block, and ACLs disabled (`BucketOwnerEnforced`). Children
 * `<id>-encryption`, `<id>-public-access`, `<id>-ownership` of `parent`.
 */
export function hardenBucket(parent: pulumi.Resource, id: string, bucket: aws.s3.Bucket, a: { readonly region?: string; readonly kmsKeyArn?: pulumi.Input<string> }): void {
    const region = a.region;
    new aws.s3.BucketServerSideEncryptionConfiguration(
        `${id}-encryption`,
        {
            bucket: bucket.id,
            rules: [
                a.kmsKeyArn === undefined
                    ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                    : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: a.kmsKeyArn }, bucketKeyEnabled: true },
            ],
            region,
        },
        { parent },
    );
    new aws.s3.BucketPublicAccessBlock(`${id}-public-access`, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true, region }, { parent });
    new aws.s3.BucketOwnershipControls(`${id}-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" }, region }, { parent });
}

/**
 * Server access logging of a log bucket into `targetBucket` under `<bucketName>/` (child `<id>-logging`),
 * when there is a target: the access-log bucket itself has none (a log target must not log itself).
 */
export function logBucketAccess(parent: pulumi.Resource, id: string, bucket: aws.s3.Bucket, a: { readonly bucketName: string; readonly targetBucket?: pulumi.Input<string>; readonly region?: string }): void {
    if (a.targetBucket === undefined) return;
    new aws.s3.BucketLogging(`${id}-logging`, { bucket: bucket.id, targetBucket: a.targetBucket, targetPrefix: `${a.bucketName}/`, region: a.region }, { parent });
}
