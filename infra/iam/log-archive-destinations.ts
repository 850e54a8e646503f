import { policyDocument, type PolicyDocument } from "./types";

export const FIREHOSE_S3_ACTIONS = ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"] as const;
export const FIREHOSE_PUT_ACTIONS = ["firehose:PutRecord", "firehose:PutRecordBatch"] as const;

/** Destination access policy: accounts of this organisation may subscribe their log groups, nobody else. */
export function logDestinationPolicy(a: { readonly destinationArn: string; readonly organizationId: string }): PolicyDocument {
    return policyDocument([
        {
            Sid: "OrganizationAccountsSubscribe",
            Effect: "Allow",
            Principal: "*",
            Action: "logs:PutSubscriptionFilter",
            Resource: a.destinationArn,
            Condition: { StringEquals: { "aws:PrincipalOrgID": a.organizationId } },
        },
    ]);
}

/** Trust of the role CloudWatch Logs uses to put subscribed events into Firehose: only for the organisation's accounts. */
export function logsToFirehoseTrustPolicy(a: { readonly logsPrincipal: string; readonly logsArnPrefix: string; readonly accountIds: readonly string[] }): PolicyDocument {
    return policyDocument([
        {
            Sid: "LogsAssumesForOrganizationAccounts",
            Effect: "Allow",
            Principal: { Service: a.logsPrincipal },
            Action: "sts:AssumeRole",
            Condition: { StringLike: { "aws:SourceArn": a.accountIds.map((id) => `${a.logsArnPrefix}:*:${id}:*`) } },
        },
    ]);
}

/** What that role may do: put records into the pipeline's delivery streams, nothing else. */
export function logsToFirehosePermissions(a: { readonly deliveryStreamArns: readonly string[] }): PolicyDocument {
    return policyDocument([{ Sid: "PutIntoDeliveryStreams", Effect: "Allow", Action: [...FIREHOSE_PUT_ACTIONS], Resource: [...a.deliveryStreamArns] }]);
}

/** Trust of the Firehose delivery role: Firehose of this account only. */
export function firehoseTrustPolicy(a: { readonly firehosePrincipal: string; readonly accountId: string }): PolicyDocument {
    return policyDocument([{ Sid: "FirehoseAssumes", Effect: "Allow", Principal: { Service: a.firehosePrincipal }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": a.accountId } } }]);
}

/** Firehose writes only under the archive's CloudWatch Logs prefix, encrypting under the archive key. */
export function firehoseDeliveryPolicy(a: { readonly bucketArn: string; readonly prefix: string; readonly keyArn: string }): PolicyDocument {
    return policyDocument([
        { Sid: "ListArchive", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"], Resource: a.bucketArn },
        { Sid: "WriteOwnPrefix", Effect: "Allow", Action: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"], Resource: [`${a.bucketArn}/${a.prefix}/*`, `${a.bucketArn}/${a.prefix}-errors/*`] },
        { Sid: "EncryptUnderArchiveKey", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: a.keyArn },
    ]);
}
