import { policyDocument, type PolicyDocument, type Statement } from "./types";

export const REPLICATION_SOURCE_ACTIONS = ["s3:GetReplicationConfiguration", "s3:ListBucket"] as const;
export const REPLICATION_READ_ACTIONS = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging", "s3:GetObjectRetention", "s3:GetObjectLegalHold"] as const;
/**
 * Writing replicas. No `s3:ReplicateDelete` (delete markers are not replicated) and no
 * `s3:ObjectOwnerOverrideToBucketOwner` (source and destination are in the same account).
 */
export const REPLICATION_WRITE_ACTIONS = ["s3:ReplicateObject", "s3:ReplicateTags"] as const;
export const REPLICATION_ENCRYPT_ACTIONS = ["kms:Encrypt", "kms:GenerateDataKey"] as const;

/** Trust of the replication role: S3, for this account's buckets only. */
export function replicationTrustPolicy(a: { readonly s3Principal: string; readonly accountId: string }): PolicyDocument {
    return policyDocument([
        { Sid: "S3AssumesForReplication", Effect: "Allow", Principal: { Service: a.s3Principal }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": a.accountId } } },
    ]);
}

/** One destination of a replication role: a bucket, the key its replicas are encrypted with, and S3's endpoint in its region. */
export interface ReplicationDestination {
    readonly bucketArn: string;
    readonly keyArn: string;
    /** `s3.<region>.amazonaws.com` of the destination's region: the key may be used only through S3 there. */
    readonly viaService: string;
}

export interface ReplicationPermissionsArgs {
    /** Buckets replicated from. */
    readonly sourceBucketArns: readonly string[];
    /** Keys source objects may be encrypted with; empty for SSE-S3 sources. */
    readonly sourceKeyArns: readonly string[];
    /** `s3.<region>.amazonaws.com` of the sources' region. */
    readonly sourceViaService: string;
    /** Buckets replicated into, with their keys. */
    readonly destinations: readonly ReplicationDestination[];
}

/**
 * Read from the source buckets, write replicas into the destinations re-encrypted under their keys.
 * Keys are usable only through S3 (`kms:ViaService`), never directly by the role.
 */
export function replicationPermissionsPolicy(a: ReplicationPermissionsArgs): PolicyDocument {
    if (a.sourceBucketArns.length === 0) throw new Error("sourceBucketArns: at least one source bucket is required");
    if (a.destinations.length === 0) throw new Error("destinations: at least one destination is required");
    const statements: Statement[] = [
        { Sid: "ReadSourceConfiguration", Effect: "Allow", Action: [...REPLICATION_SOURCE_ACTIONS], Resource: [...a.sourceBucketArns] },
        { Sid: "ReadSourceVersions", Effect: "Allow", Action: [...REPLICATION_READ_ACTIONS], Resource: a.sourceBucketArns.map((b) => `${b}/*`) },
        { Sid: "WriteReplicas", Effect: "Allow", Action: [...REPLICATION_WRITE_ACTIONS], Resource: a.destinations.map((d) => `${d.bucketArn}/*`) },
    ];
    if (a.sourceKeyArns.length > 0) {
        statements.push({ Sid: "DecryptSource", Effect: "Allow", Action: "kms:Decrypt", Resource: [...a.sourceKeyArns], Condition: { StringEquals: { "kms:ViaService": a.sourceViaService } } });
    }
    statements.push({
        Sid: "EncryptReplicas",
        Effect: "Allow",
        Action: [...REPLICATION_ENCRYPT_ACTIONS],
        Resource: a.destinations.map((d) => d.keyArn),
        Condition: { StringEquals: { "kms:ViaService": [...new Set(a.destinations.map((d) => d.viaService))] } },
    });
    return policyDocument(statements);
}
