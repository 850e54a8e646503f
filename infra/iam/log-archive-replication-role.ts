import { policyDocument, type PolicyDocument } from "./types";

export const REPLICATION_SOURCE_ACTIONS = ["s3:GetReplicationConfiguration", "s3:ListBucket"] as const;
export const REPLICATION_READ_ACTIONS = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging", "s3:GetObjectRetention", "s3:GetObjectLegalHold"] as const;
export const REPLICATION_WRITE_ACTIONS = ["s3:ReplicateObject", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"] as const;

/** Trust of the replication role: S3, for this account's buckets only. */
export function replicationTrustPolicy(a: { readonly s3Principal: string; readonly accountId: string }): PolicyDocument {
    return policyDocument([
        { Sid: "S3AssumesForReplication", Effect: "Allow", Principal: { Service: a.s3Principal }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": a.accountId } } },
    ]);
}

export interface ReplicationPermissionsArgs {
    /** Staging bucket ARNs (sources). */
    readonly sourceBucketArns: readonly string[];
    /** Archive bucket ARNs (destinations). */
    readonly destinationBucketArns: readonly string[];
    /** Keys the replicas are encrypted with. */
    readonly destinationKeyArns: readonly string[];
    /** Keys source objects may be encrypted with (Config staging). */
    readonly sourceKeyArns: readonly string[];
}

/** Read from the staging buckets, write replicas into the archive, re-encrypting under its key. */
export function replicationPermissionsPolicy(a: ReplicationPermissionsArgs): PolicyDocument {
    return policyDocument([
        { Sid: "ReadSourceConfiguration", Effect: "Allow", Action: [...REPLICATION_SOURCE_ACTIONS], Resource: [...a.sourceBucketArns] },
        { Sid: "ReadSourceVersions", Effect: "Allow", Action: [...REPLICATION_READ_ACTIONS], Resource: a.sourceBucketArns.map((b) => `${b}/*`) },
        { Sid: "WriteReplicas", Effect: "Allow", Action: [...REPLICATION_WRITE_ACTIONS], Resource: a.destinationBucketArns.map((b) => `${b}/*`) },
        { Sid: "DecryptSource", Effect: "Allow", Action: "kms:Decrypt", Resource: [...a.sourceKeyArns] },
        { Sid: "EncryptReplicas", Effect: "Allow", Action: ["kms:Encrypt", "kms:GenerateDataKey*"], Resource: [...a.destinationKeyArns] },
    ]);
}
