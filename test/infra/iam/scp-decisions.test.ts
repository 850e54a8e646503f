import { strict as assert } from "assert";
import { loadOrg } from "../../../infra/config/load";
import {
    archiveBucketName,
    archiveReplicaBucketName,
    archiveReplicationRoleName,
    arn,
    centralBusArn,
    centralBusName,
    centralLogsDestinationName,
    centralLogsStreamName,
    logGroupPrefix,
    orgTrailArn,
    queryResultsBucketName,
    queryRoleName,
    roleArn,
    stagingBucketName,
} from "../../../infra/naming";
import { accessLogBucketName } from "../../../infra/naming";
import { logDestinationPolicy } from "../../../infra/iam/log-archive-destinations";
import { ALLOW_ALL, decide, type Decision } from "../../support/iam";
import { REPO_ROOT } from "../../support/plan";
import { scpLevels } from "../../support/guardrails";

const org = loadOrg(REPO_ROOT);
const MEMBER = "444444444444";
const admin = roleArn(org, MEMBER, "Administrator");
const deployer = roleArn(org, MEMBER, org.roles.deployment);
const breakGlass = roleArn(org, MEMBER, org.roles.breakGlass);
const archive = arn(org, "s3", "", "", archiveBucketName(org));
const LZ_KEY = arn(org, "kms", org.homeRegion, org.logArchive.id, "key/1234abcd-12ab-34cd-56ef-1234567890ab");
const laAdmin = roleArn(org, org.logArchive.id, "Administrator");
const laDeployer = roleArn(org, org.logArchive.id, org.roles.deployment);
const secAdmin = roleArn(org, org.security.id, "Administrator");
const secDeployer = roleArn(org, org.security.id, org.roles.deployment);
const inLogArchive = { account: org.logArchive.id };
const inSecurity = { account: org.security.id };
// Names as the stacks create them (scp-coverage.test.ts decides on every one the plans hold).
const destination = arn(org, "logs", org.homeRegion, org.logArchive.id, `destination:${centralLogsDestinationName(org)}`);
const stream = arn(org, "firehose", "eu-west-1", org.logArchive.id, `deliverystream/${centralLogsStreamName(org, "eu-west-1")}`);
const replica = arn(org, "s3", "", "", archiveReplicaBucketName(org, "eu-west-1"));
const elbStagingEuWest1 = arn(org, "s3", "", "", stagingBucketName(org, "elb", "eu-west-1"));
const queryResults = arn(org, "s3", "", "", queryResultsBucketName(org));
const busArchive = arn(org, "events", org.homeRegion, org.security.id, `archive/${centralBusName(org)}-archive`);
const highTopic = arn(org, "sns", org.homeRegion, org.security.id, `${org.namePrefix}-security-high`);
const siemQueue = arn(org, "sqs", org.homeRegion, org.security.id, `${org.namePrefix}-security-siem`);
const memberAccessLogs = arn(org, "s3", "", "", accessLogBucketName(org, MEMBER, "eu-west-1"));
const configSlr = roleArn(org, MEMBER, "aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");

interface Case {
    readonly what: string;
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    readonly account?: string;
    readonly region?: string;
    readonly context?: Record<string, string | string[]>;
    readonly resourcePolicy?: unknown;
    readonly expect: Decision;
}

function c(what: string, principal: string, action: string, resource: string, expect: Decision, extra: Partial<Case> = {}): Case {
    return { what, principal, action, resource, expect, ...extra };
}

/** KMS always needs the key policy to allow: the default key policy delegates to the account's IAM. */
function defaultKeyPolicy(account: string): unknown {
    return { Version: "2012-10-17", Statement: [{ Sid: "EnableIamPolicies", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" }] };
}

const lzKeyTag = { "aws:ResourceTag/landing-zone": org.namePrefix };
const otherKeyTag = { "aws:ResourceTag/landing-zone": "someone-else" };

const CASES: Case[] = [
    c("denies StopLogging on the organisation trail to a member administrator", admin, "cloudtrail:StopLogging", orgTrailArn(org), "ExplicitlyDenied"),
    c("denies DeleteTrail on the organisation trail to a member administrator", admin, "cloudtrail:DeleteTrail", orgTrailArn(org), "ExplicitlyDenied"),
    c("denies PutEventSelectors on the organisation trail to a member administrator", admin, "cloudtrail:PutEventSelectors", orgTrailArn(org), "ExplicitlyDenied"),
    c("allows StopLogging on a team's own trail", admin, "cloudtrail:StopLogging", arn(org, "cloudtrail", "us-east-1", MEMBER, "trail/team-trail"), "Allowed"),
    c("allows StopLogging on the organisation trail to the deployment role", deployer, "cloudtrail:StopLogging", orgTrailArn(org), "Allowed"),
    c("allows StopLogging on the organisation trail to the break-glass role", breakGlass, "cloudtrail:StopLogging", orgTrailArn(org), "Allowed"),
    c("denies DeleteLogGroup on a landing-zone log group", admin, "logs:DeleteLogGroup", arn(org, "logs", "us-east-1", MEMBER, `log-group:${logGroupPrefix(org)}cloudtrail/organization`), "ExplicitlyDenied"),
    c("denies PutRetentionPolicy on a landing-zone log group", admin, "logs:PutRetentionPolicy", arn(org, "logs", "eu-west-1", MEMBER, `log-group:${logGroupPrefix(org)}forwarding`), "ExplicitlyDenied"),
    c("allows DeleteLogGroup on an application log group", admin, "logs:DeleteLogGroup", arn(org, "logs", "us-east-1", MEMBER, "log-group:/app/web"), "Allowed"),
    c("denies deleting the account-level log subscription policy to a member administrator", admin, "logs:DeleteAccountPolicy", "*", "ExplicitlyDenied"),
    c("allows the deployment role to put the account-level log subscription policy", deployer, "logs:PutAccountPolicy", "*", "Allowed"),
    c("denies DeleteRule on a landing-zone forwarding rule", admin, "events:DeleteRule", arn(org, "events", "us-east-1", MEMBER, `rule/${org.namePrefix}-forward-security`), "ExplicitlyDenied"),
    c("allows DeleteRule on an application's rule", admin, "events:DeleteRule", arn(org, "events", "us-east-1", MEMBER, "rule/app-nightly"), "Allowed"),
    c("denies DeleteDetector to a member administrator", admin, "guardduty:DeleteDetector", arn(org, "guardduty", "us-east-1", MEMBER, "detector/12abc34d567e8fa901bc2d34e56789f0"), "ExplicitlyDenied"),
    c("denies DisassociateFromAdministratorAccount in GuardDuty to a member administrator", admin, "guardduty:DisassociateFromAdministratorAccount", "*", "ExplicitlyDenied"),
    c("allows DeleteDetector to the deployment role", deployer, "guardduty:DeleteDetector", arn(org, "guardduty", "us-east-1", MEMBER, "detector/12abc34d567e8fa901bc2d34e56789f0"), "Allowed"),
    c("denies StopConfigurationRecorder to a member administrator", admin, "config:StopConfigurationRecorder", "*", "ExplicitlyDenied"),
    c("denies DeleteDeliveryChannel to a member administrator", admin, "config:DeleteDeliveryChannel", "*", "ExplicitlyDenied"),
    c("allows PutConfigurationRecorder to the deployment role", deployer, "config:PutConfigurationRecorder", "*", "Allowed"),
    c("denies DisableSecurityHub to a member administrator", admin, "securityhub:DisableSecurityHub", arn(org, "securityhub", "us-east-1", MEMBER, "hub/default"), "ExplicitlyDenied"),
    c("denies DeleteAnalyzer to a member administrator", admin, "access-analyzer:DeleteAnalyzer", arn(org, "access-analyzer", "us-east-1", MEMBER, "analyzer/lz"), "ExplicitlyDenied"),
    c("denies DisableMacie to a member administrator", admin, "macie2:DisableMacie", "*", "ExplicitlyDenied"),
    c("allows DisableSecurityHub to the break-glass role", breakGlass, "securityhub:DisableSecurityHub", arn(org, "securityhub", "us-east-1", MEMBER, "hub/default"), "Allowed"),
    c("denies PutBucketPolicy on the archive even to the log-archive account's administrator", roleArn(org, org.logArchive.id, "Administrator"), "s3:PutBucketPolicy", archive, "ExplicitlyDenied", { account: org.logArchive.id }),
    c("denies PutBucketPolicy on the archive to the log-archive account root", `arn:aws:iam::${org.logArchive.id}:root`, "s3:PutBucketPolicy", archive, "ExplicitlyDenied", { account: org.logArchive.id }),
    c("denies PutBucketVersioning on a staging bucket", roleArn(org, org.logArchive.id, "Administrator"), "s3:PutBucketVersioning", arn(org, "s3", "", "", stagingBucketName(org, "config")), "ExplicitlyDenied", { account: org.logArchive.id }),
    c("allows PutBucketPolicy on the archive to the deployment role", roleArn(org, org.logArchive.id, org.roles.deployment), "s3:PutBucketPolicy", archive, "Allowed", { account: org.logArchive.id }),
    c("denies DeleteObjectVersion in the archive even to the deployment role", roleArn(org, org.logArchive.id, org.roles.deployment), "s3:DeleteObjectVersion", `${archive}/AWSLogs/o-exampleorg1/x.json.gz`, "ExplicitlyDenied", { account: org.logArchive.id }),
    c("allows PutBucketPolicy on an application bucket", admin, "s3:PutBucketPolicy", arn(org, "s3", "", "", "app-assets-444444444444"), "Allowed"),
    c("denies ScheduleKeyDeletion on a key tagged as landing-zone", roleArn(org, org.logArchive.id, "Administrator"), "kms:ScheduleKeyDeletion", LZ_KEY, "ExplicitlyDenied", { account: org.logArchive.id, context: lzKeyTag, resourcePolicy: defaultKeyPolicy(org.logArchive.id) }),
    c("denies PutKeyPolicy on a key tagged as landing-zone", roleArn(org, org.logArchive.id, "Administrator"), "kms:PutKeyPolicy", LZ_KEY, "ExplicitlyDenied", { account: org.logArchive.id, context: lzKeyTag, resourcePolicy: defaultKeyPolicy(org.logArchive.id) }),
    c("denies removing the landing-zone tag from its key", roleArn(org, org.logArchive.id, "Administrator"), "kms:UntagResource", LZ_KEY, "ExplicitlyDenied", { account: org.logArchive.id, context: lzKeyTag, resourcePolicy: defaultKeyPolicy(org.logArchive.id) }),
    c("allows ScheduleKeyDeletion on a key without the landing-zone tag", admin, "kms:ScheduleKeyDeletion", arn(org, "kms", "us-east-1", MEMBER, "key/abcd"), "Allowed", { context: otherKeyTag, resourcePolicy: defaultKeyPolicy(MEMBER) }),
    c("allows ScheduleKeyDeletion on a landing-zone key to the deployment role", roleArn(org, org.logArchive.id, org.roles.deployment), "kms:ScheduleKeyDeletion", LZ_KEY, "Allowed", { account: org.logArchive.id, context: lzKeyTag, resourcePolicy: defaultKeyPolicy(org.logArchive.id) }),
    c("denies LeaveOrganization to a member administrator", admin, "organizations:LeaveOrganization", "*", "ExplicitlyDenied"),
    c("allows LeaveOrganization to the break-glass role", roleArn(org, MEMBER, org.roles.breakGlass), "organizations:LeaveOrganization", "*", "Allowed"),
    c("denies launching instances outside the enabled regions", admin, "ec2:RunInstances", arn(org, "ec2", "ap-south-1", MEMBER, "instance/*"), "ExplicitlyDenied", { region: "ap-south-1" }),
    c("allows launching instances in an enabled region", admin, "ec2:RunInstances", arn(org, "ec2", "eu-west-1", MEMBER, "instance/*"), "Allowed", { region: "eu-west-1" }),
    c("allows IAM, a global service, whatever region the request names", admin, "iam:CreateRole", arn(org, "iam", "", MEMBER, "role/app"), "Allowed", { region: "ap-south-1" }),
    c("allows the deployment role to work outside the enabled regions", deployer, "ec2:DescribeInstances", "*", "Allowed", { region: "ap-south-1" }),
    c("denies deleting the deployment role to a member administrator", admin, "iam:DeleteRole", deployer, "ExplicitlyDenied"),
    c("denies rewriting the break-glass role's trust policy to a member administrator", admin, "iam:UpdateAssumeRolePolicy", breakGlass, "ExplicitlyDenied"),
    c("denies detaching policies from the event-forwarding role", admin, "iam:DetachRolePolicy", roleArn(org, MEMBER, `${org.namePrefix}-event-forwarding`), "ExplicitlyDenied"),
    c("allows deleting an application role", admin, "iam:DeleteRole", roleArn(org, MEMBER, "app-runner"), "Allowed"),
    c("denies a role named like the deployment role with a path prefix trick", roleArn(org, MEMBER, `x${org.roles.deployment}`), "cloudtrail:StopLogging", orgTrailArn(org), "ExplicitlyDenied"),

    // Log pipeline: account policy, central destination, Firehose.
    c("denies replacing the account-level log subscription policy to a member administrator", admin, "logs:PutAccountPolicy", "*", "ExplicitlyDenied"),
    c("denies associating a key of the caller's own with a landing-zone log group", admin, "logs:AssociateKmsKey", arn(org, "logs", "us-east-1", MEMBER, `log-group:${logGroupPrefix(org)}cloudtrail/organization`), "ExplicitlyDenied"),
    c("denies DeleteDestination on the central log destination to the log-archive administrator", laAdmin, "logs:DeleteDestination", destination, "ExplicitlyDenied", inLogArchive),
    c("denies PutDestination (repointing) on the central log destination to the log-archive administrator", laAdmin, "logs:PutDestination", destination, "ExplicitlyDenied", inLogArchive),
    c("denies PutDestinationPolicy (who may subscribe) on the central log destination to the log-archive administrator", laAdmin, "logs:PutDestinationPolicy", arn(org, "logs", "eu-west-1", org.logArchive.id, `destination:${centralLogsDestinationName(org)}`), "ExplicitlyDenied", inLogArchive),
    c("allows PutDestinationPolicy on the central log destination to the deployment role", laDeployer, "logs:PutDestinationPolicy", destination, "Allowed", inLogArchive),
    c("allows DeleteDestination on a team's own log destination", laAdmin, "logs:DeleteDestination", arn(org, "logs", "us-east-1", org.logArchive.id, "destination:team-logs"), "Allowed", inLogArchive),
    c("allows a member administrator to subscribe an application log group", admin, "logs:PutSubscriptionFilter", arn(org, "logs", "us-east-1", MEMBER, "log-group:/app/web"), "Allowed"),
    c("allows a member administrator's subscription filter to name the central destination (its policy admits the organisation)", admin, "logs:PutSubscriptionFilter", destination, "Allowed", {
        ...inLogArchive,
        context: { "aws:PrincipalOrgID": org.organizationId },
        resourcePolicy: logDestinationPolicy({ destinationArn: destination, organizationId: org.organizationId }),
    }),
    c("denies DeleteDeliveryStream on a landing-zone Firehose stream to the log-archive administrator", laAdmin, "firehose:DeleteDeliveryStream", stream, "ExplicitlyDenied", inLogArchive),
    c("denies UpdateDestination on a landing-zone Firehose stream to the log-archive administrator", laAdmin, "firehose:UpdateDestination", stream, "ExplicitlyDenied", inLogArchive),
    c("denies StopDeliveryStreamEncryption on a landing-zone Firehose stream", laAdmin, "firehose:StopDeliveryStreamEncryption", stream, "ExplicitlyDenied", inLogArchive),
    c("denies StartDeliveryStreamEncryption (a key of the caller's choice) on a landing-zone Firehose stream", laAdmin, "firehose:StartDeliveryStreamEncryption", stream, "ExplicitlyDenied", inLogArchive),
    c("allows UpdateDestination on a landing-zone Firehose stream to the deployment role", laDeployer, "firehose:UpdateDestination", stream, "Allowed", inLogArchive),
    c("allows DeleteDeliveryStream on an application's Firehose stream", admin, "firehose:DeleteDeliveryStream", arn(org, "firehose", "us-east-1", MEMBER, "deliverystream/app-clickstream"), "Allowed"),

    // Archive family: notifications, replication, Object Lock; replica, per-region staging and query-results buckets.
    c("denies PutBucketNotification on the archive (its new-object events) to the log-archive administrator", laAdmin, "s3:PutBucketNotification", archive, "ExplicitlyDenied", inLogArchive),
    c("denies PutReplicationConfiguration on the archive to the log-archive administrator", laAdmin, "s3:PutReplicationConfiguration", archive, "ExplicitlyDenied", inLogArchive),
    c("denies PutBucketObjectLockConfiguration on the archive to the log-archive account root", `arn:aws:iam::${org.logArchive.id}:root`, "s3:PutBucketObjectLockConfiguration", archive, "ExplicitlyDenied", inLogArchive),
    c("allows PutReplicationConfiguration on the archive to the deployment role", laDeployer, "s3:PutReplicationConfiguration", archive, "Allowed", inLogArchive),
    c("allows PutBucketNotification on the archive to the break-glass role", roleArn(org, org.logArchive.id, org.roles.breakGlass), "s3:PutBucketNotification", archive, "Allowed", inLogArchive),
    c("allows PutBucketNotification on an application bucket", admin, "s3:PutBucketNotification", arn(org, "s3", "", "", "app-assets-444444444444"), "Allowed"),
    c("denies PutBucketObjectLockConfiguration on the cross-region replica", laAdmin, "s3:PutBucketObjectLockConfiguration", replica, "ExplicitlyDenied", inLogArchive),
    c("denies DeleteBucket on the cross-region replica", laAdmin, "s3:DeleteBucket", replica, "ExplicitlyDenied", inLogArchive),
    c("denies PutBucketPolicy on the cross-region replica", laAdmin, "s3:PutBucketPolicy", replica, "ExplicitlyDenied", inLogArchive),
    c("denies PutLifecycleConfiguration on the cross-region replica", laAdmin, "s3:PutLifecycleConfiguration", replica, "ExplicitlyDenied", inLogArchive),
    c("allows PutBucketPolicy on the cross-region replica to the deployment role", laDeployer, "s3:PutBucketPolicy", replica, "Allowed", inLogArchive),
    c("denies DeleteObjectVersion in the cross-region replica even to the deployment role", laDeployer, "s3:DeleteObjectVersion", `${replica}/AWSLogs/o-exampleorg1/x.json.gz`, "ExplicitlyDenied", inLogArchive),
    c("denies PutReplicationConfiguration on an ELB staging bucket of another region", laAdmin, "s3:PutReplicationConfiguration", elbStagingEuWest1, "ExplicitlyDenied", inLogArchive),
    c("denies PutBucketNotification on a staging bucket", laAdmin, "s3:PutBucketNotification", arn(org, "s3", "", "", stagingBucketName(org, "config")), "ExplicitlyDenied", inLogArchive),
    c("denies DeleteObject in an ELB staging bucket of another region even to the deployment role", laDeployer, "s3:DeleteObject", `${elbStagingEuWest1}/AWSLogs/444444444444/elasticloadbalancing/x.log.gz`, "ExplicitlyDenied", inLogArchive),
    c("denies PutBucketPolicy on the query-results bucket", laAdmin, "s3:PutBucketPolicy", queryResults, "ExplicitlyDenied", inLogArchive),
    c("denies PutEncryptionConfiguration on the query-results bucket", laAdmin, "s3:PutEncryptionConfiguration", queryResults, "ExplicitlyDenied", inLogArchive),
    c("denies PutLifecycleConfiguration on the query-results bucket", laAdmin, "s3:PutLifecycleConfiguration", queryResults, "ExplicitlyDenied", inLogArchive),
    c("denies DeleteBucket on the query-results bucket", laAdmin, "s3:DeleteBucket", queryResults, "ExplicitlyDenied", inLogArchive),
    c("allows PutLifecycleConfiguration on the query-results bucket to the deployment role", laDeployer, "s3:PutLifecycleConfiguration", queryResults, "Allowed", inLogArchive),
    c("denies PutBucketPolicy on a member account's S3 access-log bucket to its administrator", admin, "s3:PutBucketPolicy", memberAccessLogs, "ExplicitlyDenied"),
    c("denies PutLifecycleConfiguration on a member account's S3 access-log bucket", admin, "s3:PutLifecycleConfiguration", memberAccessLogs, "ExplicitlyDenied"),
    c("denies DeleteObjectVersion in a member account's S3 access-log bucket even to the deployment role", deployer, "s3:DeleteObjectVersion", `${memberAccessLogs}/app-assets-444444444444/2026-01-01-00-00-00-ABCDEF`, "ExplicitlyDenied"),
    c("allows PutBucketLogging on an application bucket (pointing it at the access-log bucket)", admin, "s3:PutBucketLogging", arn(org, "s3", "", "", "app-assets-444444444444"), "Allowed"),
    c("allows deleting query results (derived data, not archived logs)", laAdmin, "s3:DeleteObject", `${queryResults}/results/1234.csv`, "Allowed", inLogArchive),

    // Alerting: central bus, its rules, archive and policy; topics; queues.
    c("denies RemoveTargets on a routing rule of the central bus to the security administrator", secAdmin, "events:RemoveTargets", arn(org, "events", org.homeRegion, org.security.id, `rule/${centralBusName(org)}/${org.namePrefix}-route-guardduty-high`), "ExplicitlyDenied", inSecurity),
    c("denies DeleteRule on a routing rule of the central bus to the security administrator", secAdmin, "events:DeleteRule", arn(org, "events", org.homeRegion, org.security.id, `rule/${centralBusName(org)}/${org.namePrefix}-route-all-events`), "ExplicitlyDenied", inSecurity),
    c("denies DeleteArchive on the central bus archive to the security administrator", secAdmin, "events:DeleteArchive", busArchive, "ExplicitlyDenied", inSecurity),
    c("denies UpdateArchive (retention) on the central bus archive", secAdmin, "events:UpdateArchive", busArchive, "ExplicitlyDenied", inSecurity),
    c("allows DeleteArchive on the central bus archive to the deployment role", secDeployer, "events:DeleteArchive", busArchive, "Allowed", inSecurity),
    c("allows DeleteArchive on an application's event archive", admin, "events:DeleteArchive", arn(org, "events", "us-east-1", MEMBER, "archive/app-replay"), "Allowed"),
    c("denies DeleteEventBus on the central bus to the security administrator", secAdmin, "events:DeleteEventBus", centralBusArn(org), "ExplicitlyDenied", inSecurity),
    c("denies rewriting the central bus policy through the v2 resource-policy API", secAdmin, "events:PutResourcePolicy", arn(org, "events", org.homeRegion, org.security.id, `event-busv2/${centralBusName(org)}/a1b2c3`), "ExplicitlyDenied", inSecurity),
    c("denies PutPermission (bus policy) to the security administrator", secAdmin, "events:PutPermission", "*", "ExplicitlyDenied", inSecurity),
    c("denies RemovePermission (bus policy) to the security administrator", secAdmin, "events:RemovePermission", "*", "ExplicitlyDenied", inSecurity),
    c("allows PutPermission to the deployment role of the security account", secDeployer, "events:PutPermission", "*", "Allowed", inSecurity),
    c("allows PutPermission on a workload account's own buses", admin, "events:PutPermission", "*", "Allowed"),
    c("denies DeleteTopic on the high-severity topic to the security administrator", secAdmin, "sns:DeleteTopic", highTopic, "ExplicitlyDenied", inSecurity),
    c("denies SetTopicAttributes (policy, key) on a severity topic to the security administrator", secAdmin, "sns:SetTopicAttributes", arn(org, "sns", org.homeRegion, org.security.id, `${org.namePrefix}-security-low`), "ExplicitlyDenied", inSecurity),
    c("denies RemovePermission (EventBridge's publish grant) on a severity topic", secAdmin, "sns:RemovePermission", highTopic, "ExplicitlyDenied", inSecurity),
    c("denies unsubscribing the on-call address from the high-severity topic", secAdmin, "sns:Unsubscribe", highTopic, "ExplicitlyDenied", inSecurity),
    c("denies a filter policy on the on-call subscription (SetSubscriptionAttributes) of the high-severity topic", secAdmin, "sns:SetSubscriptionAttributes", highTopic, "ExplicitlyDenied", inSecurity),
    c("allows SetTopicAttributes on a severity topic to the deployment role", secDeployer, "sns:SetTopicAttributes", highTopic, "Allowed", inSecurity),
    c("allows DeleteTopic on a team's own topic", admin, "sns:DeleteTopic", arn(org, "sns", "us-east-1", MEMBER, "team-builds"), "Allowed"),
    c("denies DeleteQueue on the SIEM queue to the security administrator", secAdmin, "sqs:DeleteQueue", siemQueue, "ExplicitlyDenied", inSecurity),
    c("denies SetQueueAttributes on the forwarding dead-letter queue of a member account", admin, "sqs:SetQueueAttributes", arn(org, "sqs", "eu-west-1", MEMBER, `${org.namePrefix}-fwd-dead-letter`), "ExplicitlyDenied"),
    c("denies RemovePermission on the SIEM queue", secAdmin, "sqs:RemovePermission", siemQueue, "ExplicitlyDenied", inSecurity),
    c("allows SetQueueAttributes on the SIEM queue to the deployment role", secDeployer, "sqs:SetQueueAttributes", siemQueue, "Allowed", inSecurity),
    c("lets the SIEM consumer keep receiving and deleting messages", roleArn(org, org.security.id, "siem-consumer"), "sqs:DeleteMessage", siemQueue, "Allowed", inSecurity),
    c("allows DeleteQueue on an application queue", admin, "sqs:DeleteQueue", arn(org, "sqs", "us-east-1", MEMBER, "app-jobs"), "Allowed"),

    // Roles the stacks create.
    c("denies UpdateAssumeRolePolicy on the archive replication role", laAdmin, "iam:UpdateAssumeRolePolicy", roleArn(org, org.logArchive.id, archiveReplicationRoleName(org)), "ExplicitlyDenied", inLogArchive),
    c("denies PutRolePolicy on the log query role", laAdmin, "iam:PutRolePolicy", roleArn(org, org.logArchive.id, queryRoleName(org)), "ExplicitlyDenied", inLogArchive),
    c("denies deleting AWS Config's service-linked role the member baseline creates", admin, "iam:DeleteServiceLinkedRole", configSlr, "ExplicitlyDenied"),
    c("allows the deployment role to delete AWS Config's service-linked role", deployer, "iam:DeleteServiceLinkedRole", configSlr, "Allowed"),
    c("allows deleting another service's service-linked role", admin, "iam:DeleteServiceLinkedRole", roleArn(org, MEMBER, "aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing"), "Allowed"),
];

describe("guardrail SCP decisions (identity allows everything, the SCPs of the principal's account)", () => {
    for (const k of CASES) {
        it(k.what, async () => {
            const got = await decide({
                principal: k.principal,
                action: k.action,
                resource: k.resource,
                resourceAccount: k.account ?? MEMBER,
                identityPolicies: [ALLOW_ALL],
                resourcePolicy: k.resourcePolicy,
                scps: scpLevels(org, k.principal.split(":")[4]),
                orgId: org.organizationId,
                context: { "aws:RequestedRegion": k.region ?? org.homeRegion, "aws:PrincipalArn": k.principal, "aws:PrincipalAccount": k.principal.split(":")[4], ...(k.context ?? {}) },
            });
            assert.equal(got, k.expect);
        });
    }

    it("has at least 25 cases", () => assert.ok(CASES.length >= 25));
});
