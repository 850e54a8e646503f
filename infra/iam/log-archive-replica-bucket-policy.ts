import { denyConfigurationChanges, denyInsecureTransport, denyObjectDeletion, denyOutsideOrganization, investigatorReads, PROTECTED_CONFIGURATION_ACTIONS, requireExemptRoles } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

/** Writes that would put into the replica anything but a replica of the archive. */
export const DIRECT_WRITE_ACTIONS = ["s3:PutObject", "s3:ReplicateDelete"] as const;

export interface ReplicaBucketPolicyArgs {
    /** `arn:<partition>:s3:::<replica bucket>`. */
    readonly bucketArn: string;
    readonly organizationId: string;
    /** Deployment and break-glass roles: the only principals that may change the bucket's configuration. */
    readonly configurationRoleArns: readonly string[];
    /** Security account's investigator role, the one cross-account reader. */
    readonly investigatorRoleArn: string;
}

/**
 * Policy of the cross-region replica: the archive's protections (TLS only, no object deletion by
 * anyone, configuration by the exempt roles only, nobody outside the organisation, investigator
 * reads), and no way in but replication: no principal may `PutObject`, and no delete marker may
 * be replicated in. Replication writes with `s3:ReplicateObject`, which the replication role's
 * identity policy grants (same account).
 */
export function replicaBucketPolicy(a: ReplicaBucketPolicyArgs): PolicyDocument {
    requireExemptRoles("configurationRoleArns", a.configurationRoleArns, "bucket");
    const bucket = a.bucketArn;
    const objects = `${bucket}/*`;
    return policyDocument([
        denyInsecureTransport("s3", [bucket, objects]),
        denyObjectDeletion(objects),
        { Sid: "DenyWritesOtherThanReplication", Effect: "Deny", Principal: "*", Action: [...DIRECT_WRITE_ACTIONS], Resource: objects },
        denyConfigurationChanges(bucket, PROTECTED_CONFIGURATION_ACTIONS, a.configurationRoleArns),
        denyOutsideOrganization([bucket, objects], a.organizationId),
        investigatorReads(a.investigatorRoleArn, [bucket, objects]),
    ]);
}
