import { putResultUnderOwnSource, READER_ACTIONS } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

/**
 * What validating CloudTrail's digests takes beyond reading the files: CloudTrail's public keys.
 * `ListPublicKeys` has no resource type, so IAM authorises it on `*` only (Service Authorization
 * Reference, AWS CloudTrail).
 */
export const VALIDATION_KEY_ACTIONS = ["cloudtrail:ListPublicKeys"] as const;

export interface IntegrityJobPermissionsArgs {
    /** Archive bucket (log-archive account). */
    readonly archiveBucketArn: string;
    readonly archiveKeyArn: string;
    /** Key prefix of the organisation trail's files: `[<trail prefix>/]AWSLogs/<org id>/`. */
    readonly trailFilesPrefix: string;
    /** `s3.<home region>.amazonaws.com`: the key is used only through S3. */
    readonly s3ViaService: string;
    /** Central security bus the result goes to. */
    readonly busArn: string;
    /** The only `source` the job may put there. */
    readonly eventSource: string;
}

/**
 * The scheduled integrity validation reads the trail's log files and digests (nothing else of the
 * archive, never writes), decrypts them through S3, lists CloudTrail's public keys, puts its result
 * on the central bus under its own source only (`events:source`, so it cannot pose as a finding or
 * the self-test). Its log, traces and dead letters are the function's runtime policy
 * (`function-runtime.ts`). Listing the bucket is not narrowed to the trail's prefix:
 * S3 answers NoSuchKey for a deleted object only to a caller allowed `s3:ListBucket` on the bucket,
 * AccessDenied otherwise (S3 API reference, GetObject), and a deleted digest must be named as such.
 */
export function integrityJobPermissionsPolicy(a: IntegrityJobPermissionsArgs): PolicyDocument {
    const files = `${a.archiveBucketArn}/${a.trailFilesPrefix}*`;
    return policyDocument([
        { Sid: "ListArchive", Effect: "Allow", Action: "s3:ListBucket", Resource: a.archiveBucketArn },
        { Sid: "ReadTrailFilesAndDigests", Effect: "Allow", Action: "s3:GetObject", Resource: [`${files}/CloudTrail/*`, `${files}/CloudTrail-Digest/*`] },
        { Sid: "DecryptThroughS3", Effect: "Allow", Action: [...READER_ACTIONS], Resource: a.archiveKeyArn, Condition: { StringEquals: { "kms:ViaService": a.s3ViaService } } },
        { Sid: "ListCloudTrailPublicKeys", Effect: "Allow", Action: [...VALIDATION_KEY_ACTIONS], Resource: "*" },
        putResultUnderOwnSource(a.busArn, a.eventSource),
    ]);
}
