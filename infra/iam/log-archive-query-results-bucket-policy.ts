import { denyConfigurationChanges, denyInsecureTransport, denyOutsideOrganization, PROTECTED_CONFIGURATION_ACTIONS, requireExemptRoles } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

/** What the investigator needs to fetch query results directly from the security account. */
export const RESULTS_READ_ACTIONS = ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"] as const;

export interface QueryResultsBucketPolicyArgs {
    /** `arn:<partition>:s3:::<results bucket>`. */
    readonly bucketArn: string;
    readonly organizationId: string;
    /** Deployment and break-glass roles: the only principals that may change the bucket's configuration. */
    readonly configurationRoleArns: readonly string[];
    /** Security account's investigator role: reads results. */
    readonly investigatorRoleArn: string;
}

/**
 * Policy of the Athena results bucket: results are copies of archived log lines, so they get the
 * archive's perimeter (TLS only, nobody outside the organisation, configuration by the exempt roles
 * only) and the investigator may read them. The query role of this account writes them through its
 * identity policy; the lifecycle rule deletes them.
 */
export function queryResultsBucketPolicy(a: QueryResultsBucketPolicyArgs): PolicyDocument {
    requireExemptRoles("configurationRoleArns", a.configurationRoleArns, "bucket");
    const bucket = a.bucketArn;
    const objects = `${bucket}/*`;
    return policyDocument([
        denyInsecureTransport("s3", [bucket, objects]),
        denyConfigurationChanges(bucket, PROTECTED_CONFIGURATION_ACTIONS, a.configurationRoleArns),
        denyOutsideOrganization([bucket, objects], a.organizationId),
        { Sid: "InvestigatorReadsResults", Effect: "Allow", Principal: { AWS: a.investigatorRoleArn }, Action: [...RESULTS_READ_ACTIONS], Resource: [bucket, objects] },
    ]);
}
