import { INVESTIGATOR_READ_ACTIONS, OBJECT_DELETION_ACTIONS, PROTECTED_CONFIGURATION_ACTIONS } from "./archive-bucket-policy";
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
    if (a.configurationRoleArns.length === 0) throw new Error("configurationRoleArns: at least the deployment role is required, or the next deployment cannot update the bucket");
    const bucket = a.bucketArn;
    const objects = `${bucket}/*`;
    return policyDocument([
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket, objects], Condition: { Bool: { "aws:SecureTransport": "false" } } },
        { Sid: "DenyObjectDeletion", Effect: "Deny", Principal: "*", Action: [...OBJECT_DELETION_ACTIONS], Resource: objects },
        { Sid: "DenyWritesOtherThanReplication", Effect: "Deny", Principal: "*", Action: [...DIRECT_WRITE_ACTIONS], Resource: objects },
        {
            Sid: "DenyConfigurationChanges",
            Effect: "Deny",
            Principal: "*",
            Action: [...PROTECTED_CONFIGURATION_ACTIONS],
            Resource: bucket,
            Condition: { ArnNotEquals: { "aws:PrincipalArn": [...a.configurationRoleArns] } },
        },
        {
            Sid: "DenyOutsideOrganization",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [bucket, objects],
            Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": a.organizationId }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } },
        },
        { Sid: "InvestigatorReads", Effect: "Allow", Principal: { AWS: a.investigatorRoleArn }, Action: [...INVESTIGATOR_READ_ACTIONS], Resource: [bucket, objects] },
    ]);
}
