import {
    denyConfigurationChanges,
    denyInsecureTransport,
    denyObjectDeletion,
    denyOutsideOrganization,
    denyReplicationButFrom,
    denyWritesButDelivery,
    investigatorReads,
    PROTECTED_CONFIGURATION_ACTIONS,
    requireExemptRoles,
} from "./statements";
import { policyDocument, type PolicyDocument, type Statement } from "./types";

/** Key prefixes (no leading or trailing slash) of the archive, one per log class. */
export interface ArchivePrefixes {
    /** Organisation trail (`""` when the trail sets no key prefix: it then writes `AWSLogs/…` at the root). */
    readonly cloudTrail: string;
    readonly flowLogs: string;
    readonly guardDuty: string;
}

export const DEFAULT_ARCHIVE_PREFIXES: ArchivePrefixes = { cloudTrail: "", flowLogs: "vpc-flow-logs", guardDuty: "guardduty" };

export interface ArchiveBucketPolicyArgs {
    /** `arn:<partition>:s3:::<bucket>`. */
    readonly bucketArn: string;
    readonly organizationId: string;
    /** Management account: owner of the organisation trail and of its `AWSLogs/<id>/` prefix. */
    readonly managementAccountId: string;
    /** Security account: GuardDuty delegated administrator that publishes findings. */
    readonly securityAccountId: string;
    /** ARN of the organisation trail (management-account form). */
    readonly trailArn: string;
    /** Roles that may change the bucket's configuration: the deployment role and the break-glass role. */
    readonly configurationRoleArns: readonly string[];
    /** Security account's investigator role, the cross-account reader of the whole archive. */
    readonly investigatorRoleArn: string;
    /**
     * The organisation's accounts: VPC flow logs of these accounts may deliver (`aws:SourceAccount`, the
     * key the vended-logs delivery documents; CloudWatch Logs User Guide, "Logs sent to Amazon S3").
     */
    readonly accountIds: readonly string[];
    /** Roles of the pipeline that put objects (the central logs' Firehose delivery role). */
    readonly deliveryRoleArns: readonly string[];
    /** ARN patterns of the roles that replicate staged logs in (the staging buckets' replication roles). */
    readonly replicationRoleArnPatterns: readonly string[];
    /**
     * Role of the scheduled integrity validation (security account): lists the bucket and reads the
     * organisation trail's log files and digests, nothing else.
     * @default undefined (no such grant)
     */
    readonly integrityValidatorRoleArn?: string;
    /** Service principals of the partition. */
    readonly principals: { readonly cloudTrail: string; readonly logDelivery: string; readonly guardDuty: string };
    /** `arn:<partition>:guardduty` — GuardDuty detector ARNs of the security account are built from it. */
    readonly guardDutyArnPrefix: string;
    readonly prefixes: ArchivePrefixes;
}

function under(prefix: string, rest: string): string {
    return prefix === "" ? rest : `${prefix}/${rest}`;
}

/**
 * Key prefixes of the archive that only AWS services write: the organisation trail (logs, digests and
 * Insights, under the organisation id and, in the trail's older layout, under the management
 * account's `CloudTrail*` folders), VPC flow logs and GuardDuty. Staged logs arrive elsewhere
 * (`AWSLogs/<account>/Config|elasticloadbalancing/…`, access logs under their bucket's name) and the
 * central logs under their own prefix, so a write here by a principal of the log-archive account is
 * never delivery.
 */
export function serviceOnlyArchivePrefixes(a: { readonly prefixes: ArchivePrefixes; readonly organizationId: string; readonly managementAccountId: string }): string[] {
    return [under(a.prefixes.cloudTrail, `AWSLogs/${a.organizationId}/`), under(a.prefixes.cloudTrail, `AWSLogs/${a.managementAccountId}/CloudTrail`), `${a.prefixes.flowLogs}/`, `${a.prefixes.guardDuty}/`];
}

/**
 * Policy of the Object Lock archive. Denies come first in intent: TLS only, no object deletion by
 * anyone, append-only (objects written only by the delivering services, the Firehose role and the
 * staging replication roles: an administrator of the account cannot overwrite a log, and Object
 * Lock keeps the original of anything written over), configuration changes by the two exempt roles
 * only, nobody outside the organisation. Each service may write only its own prefix, for this
 * organisation only.
 */
export function archiveBucketPolicy(a: ArchiveBucketPolicyArgs): PolicyDocument {
    requireExemptRoles("configurationRoleArns", a.configurationRoleArns, "bucket");
    if (a.accountIds.length === 0) throw new Error("accountIds: at least one account of the organisation is required");
    const bucket = a.bucketArn;
    const objects = `${bucket}/*`;
    const acl = { "s3:x-amz-acl": "bucket-owner-full-control" };
    const statements: Statement[] = [
        denyInsecureTransport("s3", [bucket, objects]),
        denyObjectDeletion(objects),
        denyWritesButDelivery(objects, { roleArns: a.deliveryRoleArns }),
        denyReplicationButFrom(objects, a.replicationRoleArnPatterns),
        denyConfigurationChanges(bucket, PROTECTED_CONFIGURATION_ACTIONS, a.configurationRoleArns),
        denyOutsideOrganization([bucket, objects], a.organizationId),
        {
            Sid: "CloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: a.principals.cloudTrail },
            Action: "s3:GetBucketAcl",
            Resource: bucket,
            Condition: { StringEquals: { "aws:SourceArn": a.trailArn } },
        },
        {
            Sid: "CloudTrailWritesOrganizationTrail",
            Effect: "Allow",
            Principal: { Service: a.principals.cloudTrail },
            Action: "s3:PutObject",
            Resource: [`${bucket}/${under(a.prefixes.cloudTrail, `AWSLogs/${a.managementAccountId}/*`)}`, `${bucket}/${under(a.prefixes.cloudTrail, `AWSLogs/${a.organizationId}/*`)}`],
            Condition: { StringEquals: { ...acl, "aws:SourceArn": a.trailArn } },
        },
        {
            Sid: "FlowLogsAclCheck",
            Effect: "Allow",
            Principal: { Service: a.principals.logDelivery },
            Action: ["s3:GetBucketAcl", "s3:ListBucket"],
            Resource: bucket,
            Condition: { StringEquals: { "aws:SourceAccount": [...a.accountIds] } },
        },
        {
            Sid: "FlowLogsWriteOwnPrefix",
            Effect: "Allow",
            Principal: { Service: a.principals.logDelivery },
            Action: "s3:PutObject",
            Resource: `${bucket}/${under(a.prefixes.flowLogs, "AWSLogs/*")}`,
            Condition: { StringEquals: { ...acl, "aws:SourceAccount": [...a.accountIds] } },
        },
        {
            Sid: "GuardDutyLocation",
            Effect: "Allow",
            Principal: { Service: a.principals.guardDuty },
            Action: "s3:GetBucketLocation",
            Resource: bucket,
            Condition: { StringEquals: { "aws:SourceAccount": a.securityAccountId }, ArnLike: { "aws:SourceArn": `${a.guardDutyArnPrefix}:*:${a.securityAccountId}:detector/*` } },
        },
        {
            Sid: "GuardDutyWritesOwnPrefix",
            Effect: "Allow",
            Principal: { Service: a.principals.guardDuty },
            Action: "s3:PutObject",
            Resource: `${bucket}/${under(a.prefixes.guardDuty, "*")}`,
            Condition: { StringEquals: { "aws:SourceAccount": a.securityAccountId }, ArnLike: { "aws:SourceArn": `${a.guardDutyArnPrefix}:*:${a.securityAccountId}:detector/*` } },
        },
        investigatorReads(a.investigatorRoleArn, [bucket, objects]),
    ];
    if (a.integrityValidatorRoleArn !== undefined) {
        const trailFiles = `${bucket}/${under(a.prefixes.cloudTrail, `AWSLogs/${a.organizationId}/*`)}`;
        // The security account with the role's ARN as a condition, not the role as principal: S3 refuses a
        // policy naming a role that does not exist yet (the security stack creates it after this one).
        statements.push({
            Sid: "IntegrityValidatorReadsTrail",
            Effect: "Allow",
            Principal: { AWS: `arn:${a.bucketArn.split(":")[1]}:iam::${a.securityAccountId}:root` },
            Action: ["s3:ListBucket", "s3:GetObject"],
            Resource: [bucket, `${trailFiles}/CloudTrail/*`, `${trailFiles}/CloudTrail-Digest/*`],
            Condition: { ArnEquals: { "aws:PrincipalArn": a.integrityValidatorRoleArn } },
        });
    }
    return policyDocument(statements);
}
