import { INVESTIGATOR_READ_ACTIONS, READER_ACTIONS } from "./statements";
import { RESULTS_READ_ACTIONS } from "./log-archive-query-results-bucket-policy";
import { VALIDATION_KEY_ACTIONS } from "./integrity-job-permissions";
import { policyDocument, type PolicyDocument } from "./types";

export interface InvestigatorTrustArgs {
    /** `arn:<partition>:iam::<security account>:root`: IAM of the security account decides who may assume. */
    readonly accountRootArn: string;
}

/**
 * Trust of the investigator role: principals of the security account only, and only with MFA or
 * through IAM Identity Center (whose sessions carry no MFA key but were authenticated by it).
 */
export function investigatorTrustPolicy(a: InvestigatorTrustArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "SecurityAccountAssumesWithMfa",
            Effect: "Allow",
            Principal: { AWS: a.accountRootArn },
            Action: "sts:AssumeRole",
            Condition: { Bool: { "aws:MultiFactorAuthPresent": true } },
        },
        {
            Sid: "SecurityAccountIdentityCenterAssumes",
            Effect: "Allow",
            Principal: { AWS: a.accountRootArn },
            Action: "sts:AssumeRole",
            Condition: { ArnLike: { "aws:PrincipalArn": `${a.accountRootArn.replace(/:root$/, "")}:role/aws-reserved/sso.amazonaws.com/*` } },
        },
    ]);
}

export interface InvestigatorPermissionsArgs {
    /** Archive bucket (log-archive account). */
    readonly archiveBucketArn: string;
    readonly archiveKeyArn: string;
    /** Athena results bucket and its key (log-archive account). */
    readonly resultsBucketArn: string;
    readonly resultsKeyArn: string;
    /** The query role in the log-archive account the investigator assumes to run Athena. */
    readonly queryRoleArn: string;
    /** `s3.<home region>.amazonaws.com`: keys are used only through S3. */
    readonly s3ViaService: string;
}

/**
 * What the investigator may do: read the archive and query results (never write or delete:
 * the bucket policies deny that anyway), decrypt through S3 only, assume the query role, and list
 * CloudTrail's public keys so `npm run validate-logs` can verify the trail's digests.
 * The bucket and key policies of the log-archive account grant the other half of each action.
 */
export function investigatorPermissionsPolicy(a: InvestigatorPermissionsArgs): PolicyDocument {
    return policyDocument([
        { Sid: "ReadArchive", Effect: "Allow", Action: [...INVESTIGATOR_READ_ACTIONS], Resource: [a.archiveBucketArn, `${a.archiveBucketArn}/*`] },
        { Sid: "ReadQueryResults", Effect: "Allow", Action: [...RESULTS_READ_ACTIONS], Resource: [a.resultsBucketArn, `${a.resultsBucketArn}/*`] },
        {
            Sid: "DecryptThroughS3",
            Effect: "Allow",
            Action: [...READER_ACTIONS],
            Resource: [a.archiveKeyArn, a.resultsKeyArn],
            Condition: { StringEquals: { "kms:ViaService": a.s3ViaService } },
        },
        { Sid: "AssumeQueryRole", Effect: "Allow", Action: "sts:AssumeRole", Resource: a.queryRoleArn },
        { Sid: "ListCloudTrailPublicKeys", Effect: "Allow", Action: [...VALIDATION_KEY_ACTIONS], Resource: "*" },
    ]);
}
