import {
    denyConfigurationChanges,
    denyInsecureTransport,
    denyObjectDeletion,
    denyOutsideOrganization,
    denyReplicationButFrom,
    investigatorReads,
    OBJECT_WRITE_ACTIONS,
    PROTECTED_CONFIGURATION_ACTIONS,
    requireExemptRoles,
} from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

export interface ReplicaBucketPolicyArgs {
    /** `arn:<partition>:s3:::<replica bucket>`. */
    readonly bucketArn: string;
    readonly organizationId: string;
    /** Deployment and break-glass roles: the only principals that may change the bucket's configuration. */
    readonly configurationRoleArns: readonly string[];
    /** Security account's investigator role, the one cross-account reader. */
    readonly investigatorRoleArn: string;
    /** ARN patterns of the roles that replicate into the replica: the archive's and the staging buckets' replication roles. */
    readonly replicationRoleArnPatterns: readonly string[];
}

/**
 * Policy of the cross-region replica: the archive's protections (TLS only, no object deletion by
 * anyone, configuration by the exempt roles only, nobody outside the organisation, investigator
 * reads), and no way in but the landing zone's replication: no principal may `PutObject`, no delete
 * marker may be replicated in, and only the archive's and the staging buckets' replication roles may
 * `s3:ReplicateObject` (their identity policies grant it: same account).
 */
export function replicaBucketPolicy(a: ReplicaBucketPolicyArgs): PolicyDocument {
    requireExemptRoles("configurationRoleArns", a.configurationRoleArns, "bucket");
    const bucket = a.bucketArn;
    const objects = `${bucket}/*`;
    return policyDocument([
        denyInsecureTransport("s3", [bucket, objects]),
        denyObjectDeletion(objects),
        { Sid: "DenyWritesOtherThanReplication", Effect: "Deny", Principal: "*", Action: [...OBJECT_WRITE_ACTIONS], Resource: objects },
        denyReplicationButFrom(objects, a.replicationRoleArnPatterns),
        denyConfigurationChanges(bucket, PROTECTED_CONFIGURATION_ACTIONS, a.configurationRoleArns),
        denyOutsideOrganization([bucket, objects], a.organizationId),
        investigatorReads(a.investigatorRoleArn, [bucket, objects]),
    ]);
}
