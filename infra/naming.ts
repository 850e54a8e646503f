/**
 * Physical names and ARNs that more than one stack needs. Every name is derived from the
 * organisation facts alone, so a stack can compute another stack's names without a lookup.
 * Generated identifiers (KMS key ARNs and the like) travel as StackReference outputs instead.
 */
import type { OrgModel, Role } from "./config/model";
import type { PlaybookId } from "./config/playbooks";
import { partitionDnsSuffix } from "./config/regions";

/** `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function arn(org: OrgModel, service: string, region: string, account: string, resource: string): string {
    return `arn:${org.partition}:${service}:${region}:${account}:${resource}`;
}

/** Service principal, e.g. `cloudtrail.amazonaws.com` (`.com.cn` in China). */
export function servicePrincipal(org: OrgModel, service: string): string {
    return `${service}.${partitionDnsSuffix(org.partition)}`;
}

/** ARN of an IAM role by name. */
export function roleArn(org: OrgModel, accountId: string, roleName: string): string {
    return arn(org, "iam", "", accountId, `role/${roleName}`);
}

/** `<org>/<project>/<stack>` for a StackReference to a core role's stack. */
export function stackReferenceName(org: OrgModel, role: Exclude<Role, "member" | "bootstrap">): string {
    const stack = role === "management" ? org.pulumi.stacks.management : role === "log-archive" ? org.pulumi.stacks.logArchive : org.pulumi.stacks.security;
    return `${org.pulumi.organization}/${org.pulumi.project}/${stack}`;
}

/** The stack name of the member baseline for an account. */
export function memberStackName(accountName: string): string {
    return `member-${accountName}`;
}

/** Object Lock archive in the log-archive account, home region. */
export function archiveBucketName(org: OrgModel): string {
    return `${org.namePrefix}-archive-${org.logArchive.id}-${org.homeRegion}`;
}

/**
 * Staging bucket for a source that cannot write to the locked archive (`kind`: access-logs, elb,
 * config, ...), in `region` (default: the home region). ELB and S3 server access logs deliver only
 * to a bucket of their own region, so those kinds have one staging bucket per enabled region.
 */
export function stagingBucketName(org: OrgModel, kind: string, region: string = org.homeRegion): string {
    return `${org.namePrefix}-staging-${kind}-${org.logArchive.id}-${region}`;
}

/** Role S3 assumes to replicate a staging bucket into the archive (IAM is global: the region is part of the name). */
export function stagingReplicationRoleName(org: OrgModel, kind: string, region: string = org.homeRegion): string {
    return `${org.namePrefix}-staging-${kind}-${region}-replication`;
}

/**
 * ARN pattern of every staging replication role (`stagingReplicationRoleName`, any kind and region) of
 * the log-archive account: the archive admits replicas from these roles only. The role guardrail
 * keeps anyone but the exempt roles from creating a role under the prefix.
 */
export function stagingReplicationRolePattern(org: OrgModel): string {
    return roleArn(org, org.logArchive.id, `${org.namePrefix}-staging-*-replication`);
}

/** Cross-region replica of the archive (log-archive account, `replicaRegion`): the trail's S3 data events must exclude it. */
export function archiveReplicaBucketName(org: OrgModel, replicaRegion: string): string {
    return `${org.namePrefix}-archive-${org.logArchive.id}-${replicaRegion}`;
}

/** Role S3 assumes to replicate the archive into its replica. */
export function archiveReplicationRoleName(org: OrgModel): string {
    return `${org.namePrefix}-archive-replication`;
}

/** Athena query results bucket (log-archive account, home region). */
export function queryResultsBucketName(org: OrgModel): string {
    return `${org.namePrefix}-query-results-${org.logArchive.id}-${org.homeRegion}`;
}

/** Athena workgroup of the log queries. */
export function queryWorkgroupName(org: OrgModel): string {
    return `${org.namePrefix}-log-queries`;
}

/** Glue database of the log tables (Glue names take no `-`). */
export function queryDatabaseName(org: OrgModel): string {
    return `${org.namePrefix.replace(/-/g, "_")}_logs`;
}

/** Role the security account's investigator assumes to run the log queries. */
export function queryRoleName(org: OrgModel): string {
    return `${org.namePrefix}-log-query`;
}

/** Central CloudWatch Logs destination, the same name in every enabled region (log-archive account). */
export function centralLogsDestinationName(org: OrgModel): string {
    return `${org.namePrefix}-central-logs`;
}

/** Firehose stream behind the central destination of `region`. */
export function centralLogsStreamName(org: OrgModel, region: string): string {
    return `${centralLogsDestinationName(org)}-${region}`;
}

/** Role CloudWatch Logs assumes to put subscribed events into the central Firehose streams. */
export function centralLogsSubscriptionRoleName(org: OrgModel): string {
    return `${org.namePrefix}-central-logs-subscription`;
}

/** Role Firehose assumes to write the central streams into the archive. */
export function centralLogsDeliveryRoleName(org: OrgModel): string {
    return `${org.namePrefix}-central-logs-delivery`;
}

/**
 * Log group of the central pipeline's own delivery errors (log-archive account, same name in every
 * enabled region). The account-level subscription must exclude it, or its errors would feed the pipeline.
 */
export function pipelineLogGroupName(org: OrgModel): string {
    return `${logGroupPrefix(org)}central-logs/delivery-errors`;
}

/** Organisation trail. */
export function orgTrailName(org: OrgModel): string {
    return `${org.namePrefix}-org-trail`;
}

/**
 * ARN of the organisation trail. A trail created by the CloudTrail delegated administrator is owned
 * by the management account, so the ARN carries the management account id: every `aws:SourceArn`
 * and encryption-context condition must use this form.
 */
export function orgTrailArn(org: OrgModel): string {
    return arn(org, "cloudtrail", org.homeRegion, org.management.id, `trail/${orgTrailName(org)}`);
}

/** Role CloudTrail assumes to deliver the organisation trail to its log group (security account). */
export function orgTrailLogsRoleName(org: OrgModel): string {
    return `${org.namePrefix}-org-trail-logs`;
}

/** Role AWS Config assumes for the organisation aggregator (security account). */
export function configAggregatorRoleName(org: OrgModel): string {
    return `${org.namePrefix}-config-aggregator`;
}

/** Queue and rule that carry the archive's new-object events to the SIEM (log-archive account). */
export function archiveNotificationsName(org: OrgModel): string {
    return `${org.namePrefix}-archive-objects`;
}

/** Log group the organisation trail delivers to (security account, home region). */
export function orgTrailLogGroupName(org: OrgModel): string {
    return `/${org.namePrefix}/cloudtrail/organization`;
}

/**
 * The scheduled CloudTrail integrity validation (security account, home region): its Lambda
 * function, role and schedule share the name; it starts with the prefix, so the guardrail that
 * protects `<prefix>-*` roles covers the role.
 */
export function integrityValidationName(org: OrgModel): string {
    return `${org.namePrefix}-log-integrity`;
}

/** Log group of the integrity validation function, under the landing zone's protected prefix. */
export function integrityValidationLogGroupName(org: OrgModel): string {
    return `${logGroupPrefix(org)}log-integrity`;
}

/**
 * A response playbook's Lambda function and its execution role (security account, home region):
 * under the prefix, so the guardrails protecting `<prefix>-*` functions and roles cover them.
 */
export function playbookFunctionName(org: OrgModel, playbook: PlaybookId): string {
    return `${org.namePrefix}-playbook-${playbook}`;
}

/** A rule of the central bus that feeds a playbook (trigger ids are unique among all playbooks). */
export function playbookRuleName(org: OrgModel, triggerId: string): string {
    return `${org.namePrefix}-playbook-${triggerId}`;
}

/** Log group of a playbook's function, under the landing zone's protected prefix. */
export function playbookLogGroupName(org: OrgModel, playbook: PlaybookId): string {
    return `${logGroupPrefix(org)}playbook-${playbook}`;
}

/** The role a playbook assumes in each account in its scope (member baseline); distinct from the function's role, which lives in the security account too. */
export function responseRoleName(org: OrgModel, playbook: PlaybookId): string {
    return `${org.namePrefix}-response-${playbook}`;
}

/** DynamoDB table of findings the playbooks handled recently (security account, home region). */
export function responseDedupTableName(org: OrgModel): string {
    return `${org.namePrefix}-response-dedup`;
}

/** Quarantine security group the member baseline creates in each listed VPC. */
export function quarantineGroupName(org: OrgModel): string {
    return `${org.namePrefix}-quarantine`;
}

/** Log group of the log canary (the canary account, home region): under the landing zone's protected prefix, and subscribed like any other group. */
export function logCanaryLogGroupName(org: OrgModel): string {
    return `${logGroupPrefix(org)}log-canary`;
}

/** Scheduled rule (and log resource policy) that writes the log canary's records. */
export function logCanaryName(org: OrgModel): string {
    return `${org.namePrefix}-log-canary`;
}

/** Central security event bus (security account, home region). */
export function centralBusName(org: OrgModel): string {
    return `${org.namePrefix}-security-events`;
}

export function centralBusArn(org: OrgModel): string {
    return arn(org, "events", org.homeRegion, org.security.id, `event-bus/${centralBusName(org)}`);
}

/** Prefix of every log group the landing zone owns, so guardrails and subscriptions can match it. */
export function logGroupPrefix(org: OrgModel): string {
    return `/${org.namePrefix}/`;
}

/** Common prefix of every staging bucket name (see `stagingBucketName`), for rules that must match them all. */
export function stagingBucketPrefix(org: OrgModel): string {
    return `${org.namePrefix}-staging-`;
}

/**
 * The one role CloudWatch Logs delivers as for a member account's account-level subscription (all
 * regions). It starts with the name prefix, so the guardrail protecting `<prefix>-*` roles covers it.
 */
export function logSubscriptionRoleName(org: OrgModel): string {
    return `${org.namePrefix}-log-subscription`;
}

/** Name of a member account's account-level subscription-filter policy (one per region, same name in each). */
export function logSubscriptionPolicyName(org: OrgModel): string {
    return `${org.namePrefix}-central-logs`;
}

/**
 * A member account's S3 access-log bucket of one region (S3 delivers access logs only within the
 * source bucket's account and region). At most 16 + 16 + 12 + 1 + 14 = 59 characters with the
 * longest prefix and region name, under S3's 63.
 */
export function accessLogBucketName(org: OrgModel, accountId: string, region: string): string {
    return `${accessLogBucketPrefix(org)}${accountId}-${region}`;
}

/** What every member access-log bucket name starts with: the pack approves these as access-log targets. */
export function accessLogBucketPrefix(org: OrgModel): string {
    return `${org.namePrefix}-s3-access-logs-`;
}

/** The bucket of the self-managed Pulumi backend (`pulumi login s3://<name>`), in the management account. */
export function stateBucketName(org: OrgModel): string {
    return `${org.namePrefix}-pulumi-state-${org.management.id}`;
}

/** The bucket receiving the state bucket's server access logs (the bootstrap runs before any member baseline). */
export function stateAccessLogBucketName(org: OrgModel): string {
    // Under the access-log prefix the pack approves as a destination, and distinct from the
    // management account's member access-log buckets (`<prefix>-s3-access-logs-<id>-<region>`).
    return `${accessLogBucketPrefix(org)}${org.management.id}-pulumi-state`;
}

/** Alias of the key that encrypts the state bucket and the stacks' secrets (`--secrets-provider awskms://alias/…`). */
export function stateKeyAlias(org: OrgModel): string {
    return `alias/${org.namePrefix}-pulumi-state`;
}

/** Management-account roles GitHub's OIDC provider may assume: `preview` (read-only) and `deploy`. */
export function ciRoleName(org: OrgModel, kind: "preview" | "deploy"): string {
    return `${org.namePrefix}-ci-${kind}`;
}

/** The StackSet that creates the deployment, break-glass and preview roles in every target account. */
export function roleStackSetName(org: OrgModel): string {
    return `${org.namePrefix}-account-roles`;
}
