/**
 * Statements that several documents carry word for word: the perimeter of the log buckets, the TLS
 * deny of buckets, queues and topics, and the administration of the landing zone's keys. Each is
 * defined once, so a fix reaches every bucket, queue, topic or key that relies on it; the documents
 * still choose which ones they carry and in which order.
 */
import type { OneOrMany, Statement } from "./types";

/**
 * Object deletion: denied to every principal, exempt or not (Object Lock compliance mode enforces it
 * too). A replicated delete marker hides an object's current version as surely as a delete.
 */
export const OBJECT_DELETION_ACTIONS = ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention", "s3:PutObjectRetention", "s3:PutObjectLegalHold", "s3:ReplicateDelete"] as const;

/** Writing an object: PutObject covers PUT, POST, copies and every multipart-upload step (S3 authorises them all as `s3:PutObject`). */
export const OBJECT_WRITE_ACTIONS = ["s3:PutObject"] as const;

/** Writing a replica: what S3 replication does as the replication role. */
export const OBJECT_REPLICATION_ACTIONS = ["s3:ReplicateObject", "s3:ReplicateTags"] as const;

/** Bucket configuration that protects the logs: only the deployment and break-glass roles may change it. */
export const PROTECTED_CONFIGURATION_ACTIONS = [
    "s3:DeleteBucket",
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
    "s3:PutBucketObjectLockConfiguration",
    "s3:PutBucketVersioning",
    "s3:PutLifecycleConfiguration",
    "s3:PutEncryptionConfiguration",
    "s3:PutReplicationConfiguration",
    "s3:PutBucketOwnershipControls",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutBucketLogging",
    // Event notifications feed the SIEM's new-object queue: silencing them hides what lands.
    "s3:PutBucketNotification",
    // Requester Pays refuses deliveries that do not pay (S3 server access logs cannot target such a bucket).
    "s3:PutBucketRequestPayment",
    // An inventory lists every object into a bucket of anyone's choosing; tags are what the policy pack and lifecycle filters read.
    "s3:PutInventoryConfiguration",
    "s3:PutBucketTagging",
    // Bucket tags can also be changed through the S3 Control API (S3 API Reference, "TagResource": general
    // purpose buckets need s3:TagResource); PutBucketAbac switches a bucket to those calls, after which
    // PutBucketTagging, the deployment's, fails ("PutBucketAbac": "you can no longer use the PutBucketTagging").
    "s3:TagResource",
    "s3:UntagResource",
    "s3:PutBucketAbac",
    // Pauses replication into the cross-region replica (Service Authorization Reference for S3).
    "s3:PauseReplication",
] as const;

/** What the security account's investigator may do on the archive and its replica. */
export const INVESTIGATOR_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:ListBucketVersions", "s3:GetBucketLocation"] as const;

/** Key operations that would make everything the key encrypts unreadable: exempt roles only. */
export const KEY_DESTRUCTION_ACTIONS = ["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy", "kms:DeleteImportedKeyMaterial"] as const;

/** What a reader of encrypted logs needs on the key. */
export const READER_ACTIONS = ["kms:Decrypt", "kms:DescribeKey"] as const;

/** What CloudWatch Logs needs on a key that encrypts a log group. */
export const LOGS_KEY_USE_ACTIONS = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"] as const;

/**
 * Fails when no exempt role is given: the deny statements below would then lock the deployment
 * role out of the bucket or key, and the next deployment could not update it.
 */
export function requireExemptRoles(field: string, roleArns: readonly string[], resource: "bucket" | "key"): void {
    if (roleArns.length === 0) throw new Error(`${field}: at least the deployment role is required, or the next deployment cannot update the ${resource}`);
}

/** Nobody may use the resource without TLS (`service` is the action prefix: `s3`, `sqs`, `sns`). */
export function denyInsecureTransport(service: "s3" | "sqs" | "sns", resource: OneOrMany<string>): Statement {
    return { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: `${service}:*`, Resource: resource, Condition: { Bool: { "aws:SecureTransport": "false" } } };
}

/**
 * EventBridge may deliver to a target (topic, queue) only on behalf of the listed rules of this
 * account: the rules that target it, so no other rule can reach it.
 */
export function routingRulesDeliver(sid: string, actions: readonly string[], resourceArn: string, a: { readonly eventsPrincipal: string; readonly accountId: string; readonly ruleArns: readonly string[] }): Statement {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: a.eventsPrincipal },
        Action: [...actions],
        Resource: resourceArn,
        Condition: { StringEquals: { "aws:SourceAccount": a.accountId }, ArnEquals: { "aws:SourceArn": [...a.ruleArns] } },
    };
}

/** No principal, exempt or not, may delete or unlock an object of a log bucket. */
export function denyObjectDeletion(objectsArn: string): Statement {
    return { Sid: "DenyObjectDeletion", Effect: "Deny", Principal: "*", Action: [...OBJECT_DELETION_ACTIONS], Resource: objectsArn };
}

/**
 * Append-only log bucket: nobody writes an object but the AWS services that deliver into the bucket
 * (requests signed by a service principal, `aws:PrincipalIsAWSService`, which the bucket's Allow
 * statements bind to this organisation) and the pipeline's own roles (`roleArns`: Firehose) or, for
 * ELB in regions older than August 2022, the region's ELB account (`accounts`). An administrator of
 * the bucket's account, its root and the exempt roles included, can neither plant nor overwrite a
 * log: S3 Batch copies and in-place copies are `s3:PutObject` too.
 */
export function denyWritesButDelivery(objectsArn: string, a: { readonly roleArns?: readonly string[]; readonly accounts?: readonly string[] } = {}): Statement {
    return {
        Sid: "DenyWritesButDelivery",
        Effect: "Deny",
        Principal: "*",
        Action: [...OBJECT_WRITE_ACTIONS],
        Resource: objectsArn,
        Condition: {
            BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
            ...(a.roleArns && a.roleArns.length > 0 ? { ArnNotEquals: { "aws:PrincipalArn": [...a.roleArns] } } : {}),
            ...(a.accounts && a.accounts.length > 0 ? { StringNotEquals: { "aws:PrincipalAccount": [...a.accounts] } } : {}),
        },
    };
}

/**
 * Replicas only from the landing zone's replication roles (`rolePatterns`; none: nothing replicates
 * into the bucket). Another role with a replication rule of an administrator's making cannot write
 * into the bucket, and the guardrail keeps those roles from being passed to such a rule.
 */
export function denyReplicationButFrom(objectsArn: string, rolePatterns: readonly string[]): Statement {
    return {
        Sid: "DenyReplicationButFromLandingZone",
        Effect: "Deny",
        Principal: "*",
        Action: [...OBJECT_REPLICATION_ACTIONS],
        Resource: objectsArn,
        ...(rolePatterns.length > 0 ? { Condition: { ArnNotLike: { "aws:PrincipalArn": [...rolePatterns] } } } : {}),
    };
}

/** Only the exempt roles may change the bucket's configuration (`actions`: what that covers for this bucket). */
export function denyConfigurationChanges(bucketArn: string, actions: readonly string[], exemptRoleArns: readonly string[]): Statement {
    return {
        Sid: "DenyConfigurationChanges",
        Effect: "Deny",
        Principal: "*",
        Action: [...actions],
        Resource: bucketArn,
        Condition: { ArnNotEquals: { "aws:PrincipalArn": [...exemptRoleArns] } },
    };
}

/** No principal outside the organisation; AWS services acting on the bucket are judged by their own grants. */
export function denyOutsideOrganization(resources: readonly string[], organizationId: string): Statement {
    return {
        Sid: "DenyOutsideOrganization",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [...resources],
        Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": organizationId }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } },
    };
}

/** The security account's investigator reads the archived logs (bucket and objects). */
export function investigatorReads(investigatorRoleArn: string, resources: readonly string[]): Statement {
    return { Sid: "InvestigatorReads", Effect: "Allow", Principal: { AWS: investigatorRoleArn }, Action: [...INVESTIGATOR_READ_ACTIONS], Resource: [...resources] };
}

/** The account administers the key, so IAM in the account stays in control and the key never becomes unmanageable. */
export function accountAdministersKey(accountRootArn: string): Statement {
    return { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: accountRootArn }, Action: "kms:*", Resource: "*" };
}

/** Only the exempt roles may disable, delete or re-policy the key. */
export function denyKeyDestruction(exemptRoleArns: readonly string[]): Statement {
    return {
        Sid: "DenyKeyDestruction",
        Effect: "Deny",
        Principal: "*",
        Action: [...KEY_DESTRUCTION_ACTIONS],
        Resource: "*",
        Condition: { ArnNotEquals: { "aws:PrincipalArn": [...exemptRoleArns] } },
    };
}

/** The security account's readers (the investigator) may decrypt, when they call from that account. */
export function securityReadersDecrypt(readerRoleArns: readonly string[], securityAccountId: string): Statement {
    return {
        Sid: "SecurityReadersDecrypt",
        Effect: "Allow",
        Principal: { AWS: [...readerRoleArns] },
        Action: [...READER_ACTIONS],
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": securityAccountId } },
    };
}

/**
 * CloudWatch Logs may use the key for one log group only. Logs documents the encryption-context
 * condition (not `aws:SourceArn`/`aws:SourceAccount`) for log-group keys; it names one log group ARN
 * (without `:*`) in this account, which is the narrower binding.
 */
export function logsEncryptsLogGroup(sid: string, logsPrincipal: string, logGroupArn: string): Statement {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: logsPrincipal },
        Action: [...LOGS_KEY_USE_ACTIONS],
        Resource: "*",
        Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": logGroupArn } },
    };
}

/**
 * Nobody but the named AWS services (acting as themselves: `aws:PrincipalServiceName`, present only
 * on a service principal's request) and the exempt roles may deliver into the resource.
 */
export function onlyServicesDeliver(sid: string, actions: readonly string[], resource: string, services: readonly string[], exemptRoleArns: readonly string[]): Statement {
    return {
        Sid: sid,
        Effect: "Deny",
        Principal: "*",
        Action: [...actions],
        Resource: resource,
        Condition: { StringNotEqualsIfExists: { "aws:PrincipalServiceName": [...services] }, ArnNotEquals: { "aws:PrincipalArn": [...exemptRoleArns] } },
    };
}

/** What draining a queue takes: reading (and so hiding) its messages, deleting them one by one. */
export const QUEUE_DRAIN_ACTIONS = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"] as const;

/**
 * Nobody but the named principals reads, hides or deletes the queue's messages: a poller that hides
 * each message as it arrives keeps the queue's depth — and its alarm — at zero.
 */
export function denyDrainBut(sid: string, queueArn: string, principalArns: readonly string[]): Statement {
    return {
        Sid: sid,
        Effect: "Deny",
        Principal: "*",
        Action: [...QUEUE_DRAIN_ACTIONS],
        Resource: queueArn,
        Condition: { ArnNotEquals: { "aws:PrincipalArn": [...principalArns] } },
    };
}

/**
 * A landing-zone function puts its result on the central bus under its own source only.
 * `events:source` is multi-valued (one value per entry of the request): every entry must carry the
 * source, and a request without the key matches nothing, so the function cannot pose as a finding,
 * the self-test or another function.
 */
export function putResultUnderOwnSource(busArn: string, eventSource: string): Statement {
    return {
        Sid: "PutResultOnCentralBus",
        Effect: "Allow",
        Action: "events:PutEvents",
        Resource: busArn,
        Condition: { "ForAllValues:StringEquals": { "events:source": eventSource }, Null: { "events:source": "false" } },
    };
}
