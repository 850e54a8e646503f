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

export interface LogsToFirehoseTrustArgs {
    /** `logs.amazonaws.com` of the partition. */
    readonly logsPrincipal: string;
    /** `arn:<partition>:logs`. */
    readonly logsArnPrefix: string;
    /** Enabled regions: the only regions whose CloudWatch Logs may assume the role. */
    readonly regions: readonly string[];
}

/**
 * Trust of the role CloudWatch Logs assumes to put subscribed events into Firehose. Its size does not
 * depend on the number of accounts (IAM caps a trust policy at 2,048 characters by default; one
 * source ARN per account overflowed it at about 55 accounts).
 *
 * The one key CloudWatch Logs documents for this role is `aws:SourceArn` (CloudWatch Logs User Guide,
 * "Create a destination" for Firehose: `arn:aws:logs:<region>:<sender or recipient account>:*`), matched
 * here per enabled region, any account. `aws:SourceOrgID` is not documented for it, so no condition
 * names it: a condition `IfExists` that any caller outside an organisation passes would only look like
 * a check. Who may send is decided elsewhere, exactly:
 * - the destination's access policy admits `logs:PutSubscriptionFilter` from principals of this
 *   organisation only (`aws:PrincipalOrgID`), and CloudWatch Logs uses this role only for those
 *   destinations;
 * - a destination names its role through `iam:PassRole`, which the guardrails deny on landing-zone
 *   roles to everyone but the exempt roles, so no other destination (of the log-archive account or
 *   any other) can make CloudWatch Logs use this role.
 */
export function logsToFirehoseTrustPolicy(a: LogsToFirehoseTrustArgs): PolicyDocument {
    if (a.regions.length === 0) throw new Error("regions: at least one region is required");
    return policyDocument([
        {
            Sid: "LogsAssumesInEnabledRegions",
            Effect: "Allow",
            Principal: { Service: a.logsPrincipal },
            Action: "sts:AssumeRole",
            Condition: { ArnLike: { "aws:SourceArn": a.regions.map((r) => `${a.logsArnPrefix}:${r}:*:*`) } },
        },
    ]);
}

/** What that role may do: put records into the pipeline's delivery streams, nothing else. */
export function logsToFirehosePermissions(a: { readonly deliveryStreamArns: readonly string[] }): PolicyDocument {
    return policyDocument([{ Sid: "PutIntoDeliveryStreams", Effect: "Allow", Action: [...FIREHOSE_PUT_ACTIONS], Resource: [...a.deliveryStreamArns] }]);
}

/**
 * Trust of the Firehose delivery role: Firehose of this account only. `sts:ExternalId` set to the
 * stream owner's account is the condition Firehose documents ("Grant Firehose access to an Amazon S3
 * destination"); it does not name a stream. That no other stream of the account can use the role is
 * the guardrail's doing: creating a stream with it needs `iam:PassRole` on it, denied to everyone but
 * the exempt roles.
 */
export function firehoseTrustPolicy(a: { readonly firehosePrincipal: string; readonly accountId: string }): PolicyDocument {
    return policyDocument([{ Sid: "FirehoseAssumes", Effect: "Allow", Principal: { Service: a.firehosePrincipal }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": a.accountId } } }]);
}

export interface FirehoseDeliveryArgs {
    readonly bucketArn: string;
    /** Key prefix of the central logs in the archive (errors go under `<prefix>-errors/`, the log canary under `<prefix>-canary/`). */
    readonly prefix: string;
    readonly keyArn: string;
    /** `arn:…:log-group:<name>:log-stream:<stream>` of each region's delivery-error stream. */
    readonly errorLogStreamArns: readonly string[];
}

/** Firehose writes only under the archive's CloudWatch Logs prefixes, encrypting under the archive key, and reports errors to its own log streams. */
export function firehoseDeliveryPolicy(a: FirehoseDeliveryArgs): PolicyDocument {
    return policyDocument([
        { Sid: "ListArchive", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"], Resource: a.bucketArn },
        { Sid: "WriteOwnPrefix", Effect: "Allow", Action: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"], Resource: [`${a.bucketArn}/${a.prefix}/*`, `${a.bucketArn}/${a.prefix}-errors/*`, `${a.bucketArn}/${a.prefix}-canary/*`] },
        { Sid: "EncryptUnderArchiveKey", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: a.keyArn },
        { Sid: "ReportDeliveryErrors", Effect: "Allow", Action: "logs:PutLogEvents", Resource: [...a.errorLogStreamArns] },
    ]);
}
