/**
 * The arguments of the archive's bucket and key policies for the decision tests of the log-archive
 * account (`archive-bucket-policy`, `archive-key-policy`, and the query role, which meets both): one
 * set of accounts, roles and ARNs, so the query role is judged against the very policies those tests
 * check.
 */
import { DEFAULT_ARCHIVE_PREFIXES, type ArchiveBucketPolicyArgs } from "../../infra/iam/archive-bucket-policy";
import type { ArchiveKeyPolicyArgs } from "../../infra/iam/archive-key-policy";

export const ORG = "o-exampleorg1";
export const MGMT = "111111111111";
export const LOG_ARCHIVE = "222222222222";
export const SECURITY = "333333333333";
export const ARCHIVE_BUCKET_ARN = `arn:aws:s3:::acme-lz-archive-${LOG_ARCHIVE}-us-east-1`;
export const ARCHIVE_KEY_ARN = `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
/** The organisation trail, in the form AWS gives it: owned by the management account. */
export const TRAIL = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/acme-lz-org-trail`;
export const DEPLOY = `arn:aws:iam::${LOG_ARCHIVE}:role/LandingZoneDeployment`;
export const BREAK_GLASS = `arn:aws:iam::${LOG_ARCHIVE}:role/LandingZoneBreakGlass`;
export const INVESTIGATOR = `arn:aws:iam::${SECURITY}:role/SecurityInvestigator`;
/** The central logs' Firehose delivery role: the one IAM principal that puts objects into the archive. */
export const FIREHOSE_ROLE = `arn:aws:iam::${LOG_ARCHIVE}:role/acme-lz-central-logs-delivery`;
/** A staging bucket's replication role, and the pattern the archive admits replicas from. */
export const STAGING_REPLICATION_ROLE = `arn:aws:iam::${LOG_ARCHIVE}:role/acme-lz-staging-config-us-east-1-replication`;
export const STAGING_REPLICATION_PATTERN = `arn:aws:iam::${LOG_ARCHIVE}:role/acme-lz-staging-*-replication`;

/** The organisation's accounts (management, log archive, security, two members). */
export const ORG_ACCOUNTS = [MGMT, LOG_ARCHIVE, SECURITY, "444444444444", "555555555555"];

export const ARCHIVE_BUCKET_POLICY_ARGS: ArchiveBucketPolicyArgs = {
    bucketArn: ARCHIVE_BUCKET_ARN,
    organizationId: ORG,
    accountIds: ORG_ACCOUNTS,
    managementAccountId: MGMT,
    securityAccountId: SECURITY,
    trailArn: TRAIL,
    configurationRoleArns: [DEPLOY, BREAK_GLASS],
    investigatorRoleArn: INVESTIGATOR,
    deliveryRoleArns: [FIREHOSE_ROLE],
    replicationRoleArnPatterns: [STAGING_REPLICATION_PATTERN],
    principals: { cloudTrail: "cloudtrail.amazonaws.com", logDelivery: "delivery.logs.amazonaws.com", guardDuty: "guardduty.amazonaws.com" },
    guardDutyArnPrefix: "arn:aws:guardduty",
    prefixes: DEFAULT_ARCHIVE_PREFIXES,
};

export const ARCHIVE_KEY_POLICY_ARGS: ArchiveKeyPolicyArgs = {
    accountRootArn: `arn:aws:iam::${LOG_ARCHIVE}:root`,
    logArchiveAccountId: LOG_ARCHIVE,
    organizationId: ORG,
    accountIds: ORG_ACCOUNTS,
    securityAccountId: SECURITY,
    trailArn: TRAIL,
    exemptRoleArns: [DEPLOY, BREAK_GLASS],
    readerRoleArns: [INVESTIGATOR],
    principals: { cloudTrail: "cloudtrail.amazonaws.com", logDelivery: "delivery.logs.amazonaws.com", guardDuty: "guardduty.amazonaws.com", config: "config.amazonaws.com", logs: "logs.us-east-1.amazonaws.com" },
    guardDutyArnPrefix: "arn:aws:guardduty",
    logsArnPrefix: `arn:aws:logs:us-east-1:${LOG_ARCHIVE}`,
};
