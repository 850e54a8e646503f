import { PROTECTED_CONFIGURATION_ACTIONS } from "./archive-bucket-policy";
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
    if (a.configurationRoleArns.length === 0) throw new Error("configurationRoleArns: at least the deployment role is required, or the next deployment cannot update the bucket");
    const bucket = a.bucketArn;
    const objects = `${bucket}/*`;
    return policyDocument([
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket, objects], Condition: { Bool: { "aws:SecureTransport": "false" } } },
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
        { Sid: "InvestigatorReadsResults", Effect: "Allow", Principal: { AWS: a.investigatorRoleArn }, Action: [...RESULTS_READ_ACTIONS], Resource: [bucket, objects] },
    ]);
}
