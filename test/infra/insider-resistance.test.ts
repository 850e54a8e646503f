/**
 * Insider resistance, decided on what the reference organisation's plans would deploy: AWS's
 * FullAWSAccess and the guardrail SCPs as the management plan attaches them, the resource policies
 * the plans give each bucket, key, topic, queue, bus, destination and role, and an administrator's
 * AllowAll identity policy (or a pipeline role's own planned policies). Seven classes of attack by an
 * administrator of one account (member, log archive, security), an outside account, or an AWS service
 * acting for someone else; every attack must be refused, and next to them every legitimate delivery
 * and administration path must still be allowed. A deny that breaks delivery fails here as surely as
 * a hole.
 */
import * as assert from "assert";
import type { StackPlan } from "../../infra/engine/run";
import type { PlannedResource } from "../../infra/engine/monitor";
import type { Decision } from "../support/iam";
import { decidePlanned, plannedRolePolicies, plannedWorld, type PlannedWorld } from "../support/planned-policies";
import { nonEmpty } from "../support/non-empty";

const MGMT = "111111111111";
const LA = "222222222222";
const SEC = "333333333333";
const MEMBER = "444444444444";
const ORG = "o-exampleorg1";
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const admin = (account: string) => role(account, "Administrator");
const deployer = (account: string) => role(account, "LandingZoneDeployment");
const breakGlass = (account: string) => role(account, "LandingZoneBreakGlass");
const OUTSIDER = "arn:aws:iam::999999999999:role/attacker";

type Class = "mint" | "rewrite" | "blind" | "tap" | "forge" | "hide" | "deputy" | "legitimate";

interface Case {
    readonly cls: Class;
    readonly it: string;
    readonly principal: string;
    readonly action: string;
    /** A resource ARN, or a function of the planned world when the ARN comes from the plans. */
    readonly resource: string | ((p: Planned) => string);
    readonly context?: Record<string, string | string[]> | ((p: Planned) => Record<string, string | string[]>);
    /** Identity policies of the caller: an administrator's AllowAll by default, or a planned role's own. */
    readonly identity?: (p: Planned) => unknown[];
    readonly resourceAccount?: string;
    readonly expect: Decision;
}

/** Planned ARNs the cases name, read from the plans' outputs (never rebuilt by the code's naming). */
interface Planned {
    readonly w: PlannedWorld;
    readonly archive: string;
    readonly archiveKey: string;
    readonly replicaPattern: string;
    readonly stagingConfig: string;
    readonly stagingElbEuWest1: string;
    readonly stagingAccessLogs: string;
    readonly memberAccessLogs: string;
    readonly destination: string;
    readonly stream: string;
    readonly topicHigh: string;
    readonly siemQueue: string;
    readonly siemDlq: string;
    readonly bus: string;
    readonly trailLogGroup: string;
    readonly cisAlarm: string;
    readonly routingRule: (id: string) => string;
    readonly forwardingDlq: string;
    readonly memberForwardingRule: string;
    readonly selfTestSchedule: string;
    readonly heartbeatRule: string;
    readonly canaryRule: string;
    readonly canaryLogGroup: string;
    readonly replicationAlarm: string;
    readonly heartbeatAlarm: string;
    readonly integrityFunction: string;
    readonly integritySchedule: string;
    readonly integrityDlq: string;
    readonly integrityMissingAlarm: string;
    readonly playbookFunction: string;
    readonly playbookRole: string;
    readonly playbookRule: string;
    readonly dedupTable: string;
    readonly responseRole: string;
    readonly roleArn: (stack: string, logical: string) => string;
}

function resource(plan: StackPlan, pick: (r: PlannedResource) => boolean, what: string): PlannedResource {
    const found = plan.resources.filter(pick);
    if (found.length !== 1) throw new Error(`expected one ${what} in ${plan.stack}, found ${found.length}`);
    return found[0];
}

async function planned(): Promise<Planned> {
    const w = await plannedWorld();
    const stack = (name: string) => w.plans.find((p) => p.stack === name)!;
    const la = stack("log-archive");
    const sec = stack("security");
    const member = stack("member-workload-prod");
    const bucket = (name: string) => `arn:aws:s3:::${name}`;
    const laOut = la.outputs as Record<string, any>;
    const secOut = sec.outputs as Record<string, any>;
    return {
        w,
        archive: String(laOut.archiveBucketArn),
        archiveKey: String(laOut.archiveKeyArn),
        replicaPattern: bucket(String(laOut.archiveBucketName).replace(/-us-east-1$/, "-eu-west-1")),
        stagingConfig: bucket(String(laOut.configBucketName)),
        stagingElbEuWest1: bucket(String(laOut.elbLogBucketNames["eu-west-1"])),
        stagingAccessLogs: bucket(String(laOut.accessLogBucketName)),
        memberAccessLogs: bucket(String((member.outputs as any).accessLogBucketNames["us-east-1"])),
        destination: String(laOut.logDestinationArns["us-east-1"]),
        stream: String(resource(la, (r) => r.type === "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream" && r.inputs.region === "us-east-1", "stream").outputs.arn),
        topicHigh: String(secOut.severityTopicArns.high),
        siemQueue: String(secOut.siemQueueArn),
        siemDlq: String(secOut.siemDeadLetterQueueArn),
        bus: String(secOut.centralBusArn),
        trailLogGroup: String(secOut.trailLogGroupArn),
        cisAlarm: String(secOut.cisAlarmArns["root-account-usage"]),
        routingRule: (id) => String(resource(sec, (r) => r.type === "aws:cloudwatch/eventRule:EventRule" && r.inputs.name === `acme-lz-route-${id}`, `rule ${id}`).outputs.arn),
        forwardingDlq: String((member.outputs as any).forwardingDeadLetterQueueArns["us-east-1"]),
        memberForwardingRule: String((member.outputs as any).forwardingRuleArns["iam-changes/us-east-1"]),
        selfTestSchedule: String(resource(sec, (r) => r.type === "aws:scheduler/schedule:Schedule" && r.inputs.name === "acme-lz-security-selftest-high", "self-test schedule of the high path").outputs.arn),
        heartbeatRule: String(resource(member, (r) => r.type === "aws:cloudwatch/eventRule:EventRule" && r.inputs.name === "acme-lz-fwd-heartbeat" && r.inputs.region === "us-east-1", "heartbeat rule").outputs.arn),
        canaryRule: String(resource(member, (r) => r.type === "aws:cloudwatch/eventRule:EventRule" && r.inputs.name === "acme-lz-log-canary", "log canary rule").outputs.arn),
        canaryLogGroup: String(resource(member, (r) => r.type === "aws:cloudwatch/logGroup:LogGroup" && r.inputs.name === "/acme-lz/log-canary", "log canary group").outputs.arn),
        replicationAlarm: String(resource(la, (r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" && r.inputs.name === "acme-lz-health-high-replication-failed-config-to-archive-us-east-1", "replication alarm").outputs.arn),
        heartbeatAlarm: String(secOut.accountHeartbeatAlarmArn),
        integrityFunction: String(secOut.integrityValidation.functionArn),
        integritySchedule: String(secOut.integrityValidation.scheduleArn),
        integrityDlq: String(resource(sec, (r) => r.type === "aws:sqs/queue:Queue" && r.inputs.name === "acme-lz-log-integrity-dead-letter", "integrity dead-letter queue").outputs.arn),
        integrityMissingAlarm: String(secOut.integrityValidation.missingAlarmArn),
        playbookFunction: String(secOut.responsePlaybooks["compromised-instance"].functionArn),
        playbookRole: String(secOut.responsePlaybooks["compromised-instance"].roleArn),
        playbookRule: String(secOut.responsePlaybooks["compromised-instance"].ruleArns[0]),
        dedupTable: String(secOut.responseDedupTableArn),
        responseRole: String((member.outputs as any).responseRoleArns["compromised-instance"]),
        roleArn: (name, logical) => String(resource(stack(name), (r) => r.type === "aws:iam/role:Role" && r.name === logical, logical).outputs.arn),
    };
}

const c = (cls: Class, it: string, principal: string, action: string, res: Case["resource"], expect: Decision, extra: Partial<Case> = {}): Case => ({ cls, it, principal, action, resource: res, expect, ...extra });
const DENIED: Decision = "ExplicitlyDenied";
const REFUSED: Decision = "ImplicitlyDenied";
const ALLOWED: Decision = "Allowed";
const object = (bucket: (p: Planned) => string, key: string) => (p: Planned) => `${bucket(p)}/${key}`;
const trailKey = `AWSLogs/${ORG}/${MEMBER}/CloudTrail/us-east-1/2026/12/01/${MEMBER}_CloudTrail_us-east-1_20261201T1015Z_a.json.gz`;
const ACL = { "s3:x-amz-acl": "bucket-owner-full-control" };
const TRAIL = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/acme-lz-org-trail`;
const MFA_USER = `arn:aws:iam::${MGMT}:user/break-glass-1`;
/** The execution role AWS creates for service-managed StackSets in each target account (`stacksets-exec-<hash>`). */
const STACKSET_EXEC = (account: string) => role(account, "stacksets-exec-0123456789abcdef0123456789abcdef");

const CASES: Case[] = [
    // 1. Minting an exemption: the guardrails exempt two role names; nobody may create, re-trust or re-permission them.
    c("mint", "denies a member administrator creating a role named like the break-glass role", admin(MEMBER), "iam:CreateRole", breakGlass(MEMBER), DENIED),
    c("mint", "denies the log-archive administrator creating a role named like the break-glass role", admin(LA), "iam:CreateRole", breakGlass(LA), DENIED),
    c("mint", "denies the security administrator creating a role named like the deployment role", admin(SEC), "iam:CreateRole", deployer(SEC), DENIED),
    c("mint", "denies a member administrator rewriting the break-glass role's trust", admin(MEMBER), "iam:UpdateAssumeRolePolicy", breakGlass(MEMBER), DENIED),
    c("mint", "denies a member administrator creating a role named like the StackSet execution role (exempt for the exempt roles)", admin(MEMBER), "iam:CreateRole", STACKSET_EXEC(MEMBER), DENIED),
    c("mint", "denies the security administrator re-trusting the StackSet execution role to itself", admin(SEC), "iam:UpdateAssumeRolePolicy", STACKSET_EXEC(SEC), DENIED),
    c("mint", "does not exempt the StackSet execution role from the other guardrails: it is refused the org trail's StopLogging", STACKSET_EXEC(MEMBER), "cloudtrail:StopLogging", TRAIL, DENIED, { resourceAccount: MGMT }),
    c("mint", "denies the security administrator rewriting the deployment role's trust", admin(SEC), "iam:UpdateAssumeRolePolicy", deployer(SEC), DENIED),
    c("mint", "denies the log-archive administrator attaching a policy to the break-glass role", admin(LA), "iam:AttachRolePolicy", breakGlass(LA), DENIED),
    c("mint", "denies the security administrator an inline policy on the deployment role", admin(SEC), "iam:PutRolePolicy", deployer(SEC), DENIED),
    c("mint", "denies a member administrator a permissions boundary on the deployment role", admin(MEMBER), "iam:PutRolePermissionsBoundary", deployer(MEMBER), DENIED),
    c("mint", "denies a member administrator removing the break-glass role's permissions boundary", admin(MEMBER), "iam:DeleteRolePermissionsBoundary", breakGlass(MEMBER), DENIED),
    c("mint", "denies the log-archive administrator tagging the deployment role", admin(LA), "iam:TagRole", deployer(LA), DENIED),
    c("mint", "denies the security administrator deleting the break-glass role (reopening its name)", admin(SEC), "iam:DeleteRole", breakGlass(SEC), DENIED),
    c("mint", "denies a member administrator passing the deployment role to a service", admin(MEMBER), "iam:PassRole", deployer(MEMBER), DENIED),
    c("mint", "does not exempt a role with the break-glass name under another path: it is refused the org trail's StopLogging", role(MEMBER, "tools/LandingZoneBreakGlass"), "cloudtrail:StopLogging", TRAIL, DENIED, { resourceAccount: MGMT }),
    c("mint", "refuses a member administrator assuming the break-glass role (only management-account holders may)", admin(MEMBER), "sts:AssumeRole", breakGlass(MEMBER), REFUSED),
    c("mint", "refuses a member account's own user named like a break-glass holder", `arn:aws:iam::${MEMBER}:user/break-glass-1`, "sts:AssumeRole", breakGlass(MEMBER), REFUSED, { context: { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "60" } }),
    c("mint", "refuses a break-glass holder without MFA", MFA_USER, "sts:AssumeRole", breakGlass(MEMBER), REFUSED, { context: { "aws:MultiFactorAuthPresent": "false", "aws:MultiFactorAuthAge": "60" } }),
    c("mint", "refuses a break-glass holder whose MFA sign-in is older than an hour", MFA_USER, "sts:AssumeRole", breakGlass(MEMBER), REFUSED, { context: { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "7200" } }),
    c("mint", "refuses an outside account assuming the break-glass role", OUTSIDER, "sts:AssumeRole", breakGlass(MEMBER), REFUSED),

    // 2. Rewriting the archive: append-only buckets, no deletion, no lifecycle, key or pipeline tricks.
    c("rewrite", "denies the log-archive administrator overwriting a CloudTrail log in the archive", admin(LA), "s3:PutObject", object((p) => p.archive, trailKey), DENIED),
    c("rewrite", "denies the log-archive account's root overwriting a CloudTrail log in the archive", `arn:aws:iam::${LA}:root`, "s3:PutObject", object((p) => p.archive, trailKey), DENIED),
    c("rewrite", "denies even the log-archive deployment role writing a log into the archive", deployer(LA), "s3:PutObject", object((p) => p.archive, trailKey), DENIED),
    c("rewrite", "denies even the log-archive break-glass role writing a log into the archive", breakGlass(LA), "s3:PutObject", object((p) => p.archive, "vpc-flow-logs/AWSLogs/444444444444/vpcflowlogs/us-east-1/2026/12/01/x.log.gz"), DENIED),
    c("rewrite", "denies the log-archive administrator planting central logs under the Firehose prefix", admin(LA), "s3:PutObject", object((p) => p.archive, `cloudwatch-logs/account=${MEMBER}/region=us-east-1/2026/12/01/forged.gz`), DENIED),
    c("rewrite", "denies a replication role of the administrator's own making writing replicas into the archive", role(LA, "my-replicator"), "s3:ReplicateObject", object((p) => p.archive, trailKey), DENIED),
    c("rewrite", "denies a replicated delete marker into the archive, even from a landing-zone replication role", role(LA, "acme-lz-staging-config-us-east-1-replication"), "s3:ReplicateDelete", object((p) => p.archive, trailKey), DENIED),
    c("rewrite", "denies the log-archive administrator deleting an archived version", admin(LA), "s3:DeleteObjectVersion", object((p) => p.archive, trailKey), DENIED),
    c("rewrite", "denies the log-archive administrator shortening an object's retention", admin(LA), "s3:PutObjectRetention", object((p) => p.archive, trailKey), DENIED),
    c("rewrite", "denies the log-archive administrator a new lifecycle (expiring noncurrent originals early)", admin(LA), "s3:PutLifecycleConfiguration", (p) => p.archive, DENIED),
    c("rewrite", "denies the log-archive administrator suspending versioning on the archive", admin(LA), "s3:PutBucketVersioning", (p) => p.archive, DENIED),
    c("rewrite", "denies the log-archive administrator a new bucket policy on the archive", admin(LA), "s3:PutBucketPolicy", (p) => p.archive, DENIED),
    c("rewrite", "denies the log-archive administrator writing into the Config staging bucket (replicated into the archive)", admin(LA), "s3:PutObject", object((p) => p.stagingConfig, `AWSLogs/${MEMBER}/Config/us-east-1/2026/12/1/ConfigHistory/x.json.gz`), DENIED),
    c("rewrite", "denies the log-archive administrator writing into an ELB staging bucket", admin(LA), "s3:PutObject", object((p) => p.stagingElbEuWest1, `AWSLogs/${MEMBER}/elasticloadbalancing/eu-west-1/2026/12/01/x.log.gz`), DENIED),
    c("rewrite", "denies the log-archive administrator writing into the access-log staging bucket", admin(LA), "s3:PutObject", object((p) => p.stagingAccessLogs, "acme-lz-archive-222222222222-us-east-1/2026-12-01-10-00-00-ABC"), DENIED),
    c("rewrite", "denies replicas into a staging bucket from a bucket of the administrator's", role(LA, "my-replicator"), "s3:ReplicateObject", object((p) => p.stagingConfig, "AWSLogs/x"), DENIED),
    c("rewrite", "denies the log-archive administrator redirecting a staging bucket's replication", admin(LA), "s3:PutReplicationConfiguration", (p) => p.stagingConfig, DENIED),
    c("rewrite", "denies a member administrator overwriting its own S3 access logs", admin(MEMBER), "s3:PutObject", object((p) => p.memberAccessLogs, "app-assets-444444444444/2026-12-01-10-00-00-ABC"), DENIED),
    c("rewrite", "denies the log-archive administrator passing a staging replication role to a rule of its own", admin(LA), "iam:PassRole", (p) => p.roleArn("log-archive", "staging-config-replication-role"), DENIED),
    c("rewrite", "denies the log-archive administrator passing the Firehose role to a stream of its own", admin(LA), "iam:PassRole", (p) => p.roleArn("log-archive", "central-logs-firehose-role"), DENIED),
    c("rewrite", "denies the log-archive administrator putting records straight into a central-logs stream", admin(LA), "firehose:PutRecordBatch", (p) => p.stream, DENIED),
    c("rewrite", "denies the log-archive administrator repointing a central-logs stream", admin(LA), "firehose:UpdateDestination", (p) => p.stream, DENIED),
    c("rewrite", "denies the log-archive administrator scheduling the archive key's deletion", admin(LA), "kms:ScheduleKeyDeletion", (p) => p.archiveKey, DENIED),
    c("rewrite", "denies the log-archive administrator a new policy on the archive key", admin(LA), "kms:PutKeyPolicy", (p) => p.archiveKey, DENIED),
    c("rewrite", "denies the log-archive administrator writing into the cross-region replica's name", admin(LA), "s3:PutBucketPolicy", (p) => p.replicaPattern, DENIED),

    // 3. Blinding detection without touching a detector.
    c("blind", "denies the security administrator a GuardDuty suppression filter", admin(SEC), "guardduty:CreateFilter", `arn:aws:guardduty:us-east-1:${SEC}:detector/12abc34d567e8fa901bc2d34e56789f0/filter/quiet`, DENIED),
    c("blind", "denies the security administrator a GuardDuty trusted IP list", admin(SEC), "guardduty:CreateIPSet", "*", DENIED),
    c("blind", "denies the security administrator switching off GuardDuty auto-enable for the organisation", admin(SEC), "guardduty:UpdateOrganizationConfiguration", "*", DENIED),
    c("blind", "denies the security administrator disabling protection plans of member detectors", admin(SEC), "guardduty:UpdateMemberDetectors", "*", DENIED),
    c("blind", "denies the security administrator disassociating GuardDuty members", admin(SEC), "guardduty:DisassociateMembers", "*", DENIED),
    c("blind", "denies a member administrator a GuardDuty filter in its own account", admin(MEMBER), "guardduty:CreateFilter", `arn:aws:guardduty:us-east-1:${MEMBER}:detector/22abc34d567e8fa901bc2d34e56789f0/filter/quiet`, DENIED),
    c("blind", "denies the security administrator a Security Hub automation rule (suppressing findings as they arrive)", admin(SEC), "securityhub:CreateAutomationRule", "*", DENIED),
    c("blind", "denies the security administrator a Security Hub configuration policy (which can disable it org-wide)", admin(SEC), "securityhub:CreateConfigurationPolicy", "*", DENIED),
    c("blind", "denies the security administrator associating a configuration policy", admin(SEC), "securityhub:StartConfigurationPolicyAssociation", "*", DENIED),
    c("blind", "denies the security administrator disassociating accounts from the configuration policy", admin(SEC), "securityhub:StartConfigurationPolicyDisassociation", "*", DENIED),
    c("blind", "denies the security administrator deleting the finding aggregator", admin(SEC), "securityhub:DeleteFindingAggregator", `arn:aws:securityhub:us-east-1:${SEC}:finding-aggregator/123e4567-e89b-12d3-a456-426652340000`, DENIED),
    c("blind", "denies the security administrator Security Hub's organisation configuration", admin(SEC), "securityhub:UpdateOrganizationConfiguration", "*", DENIED),
    c("blind", "denies a member administrator stopping GuardDuty's findings from reaching Security Hub", admin(MEMBER), "securityhub:DisableImportFindingsForProduct", "*", DENIED),
    c("blind", "denies a member administrator switching a control off", admin(MEMBER), "securityhub:UpdateStandardsControl", "*", DENIED),
    c("blind", "denies the security administrator an Access Analyzer archive rule", admin(SEC), "access-analyzer:CreateArchiveRule", `arn:aws:access-analyzer:us-east-1:${SEC}:analyzer/acme-lz-organization/archive-rule/quiet`, DENIED),
    c("blind", "denies a member administrator pausing Macie", admin(MEMBER), "macie2:UpdateMacieSession", "*", DENIED),
    c("blind", "denies the security administrator a Macie suppression filter", admin(SEC), "macie2:CreateFindingsFilter", `arn:aws:macie2:us-east-1:${SEC}:findings-filter/quiet`, DENIED),
    c("blind", "denies the security administrator an Inspector suppression rule", admin(SEC), "inspector2:CreateFilter", `arn:aws:inspector2:us-east-1:${SEC}:owner/${SEC}/filter/quiet`, DENIED),
    c("blind", "denies the security administrator removing Detective members", admin(SEC), "detective:DeleteMembers", `arn:aws:detective:us-east-1:${SEC}:graph:a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6`, DENIED),
    c("blind", "denies the security administrator repointing the Config aggregator", admin(SEC), "config:PutConfigurationAggregator", `arn:aws:config:us-east-1:${SEC}:config-aggregator/config-aggregator-abcdef01`, DENIED),
    c("blind", "denies the security administrator deleting the organisation conformance pack", admin(SEC), "config:DeleteOrganizationConformancePack", `arn:aws:config:us-east-1:${SEC}:organization-conformance-pack/acme-lz-logging-abcdef01`, DENIED),
    c("blind", "denies a member administrator narrowing what its Config recorder records", admin(MEMBER), "config:DisassociateResourceTypes", `arn:aws:config:us-east-1:${MEMBER}:configuration-recorder/default/abcdef`, DENIED),
    c("blind", "denies the security administrator deleting a CIS metric filter on the trail's log group", admin(SEC), "logs:DeleteMetricFilter", (p) => p.trailLogGroup, DENIED),
    c("blind", "denies the security administrator a masking data-protection policy on the trail's log group", admin(SEC), "logs:PutDataProtectionPolicy", (p) => p.trailLogGroup, DENIED),
    c("blind", "denies the security administrator a transformer on the trail's log group", admin(SEC), "logs:PutTransformer", (p) => p.trailLogGroup, DENIED),
    c("blind", "denies the security administrator deleting a CIS alarm", admin(SEC), "cloudwatch:DeleteAlarms", (p) => p.cisAlarm, DENIED),
    c("blind", "denies the security administrator muting a CIS alarm's actions", admin(SEC), "cloudwatch:DisableAlarmActions", (p) => p.cisAlarm, DENIED),
    c("blind", "denies the security administrator forcing a CIS alarm back to OK", admin(SEC), "cloudwatch:SetAlarmState", (p) => p.cisAlarm, DENIED),
    c("blind", "denies the security administrator an alarm mute rule", admin(SEC), "cloudwatch:PutAlarmMuteRule", "*", DENIED, { resourceAccount: SEC }),
    c("blind", "denies a member administrator disabling its forwarding rule", admin(MEMBER), "events:DisableRule", (p) => p.memberForwardingRule, DENIED),

    // 4. Tapping or cutting the alert path.
    c("tap", "denies the security administrator opening the high topic to another account (AddPermission)", admin(SEC), "sns:AddPermission", (p) => p.topicHigh, DENIED),
    c("tap", "denies the security administrator a filter policy that silences the on-call subscription", admin(SEC), "sns:SetSubscriptionAttributes", (p) => p.topicHigh, DENIED),
    c("tap", "denies the security administrator unsubscribing the on-call address", admin(SEC), "sns:Unsubscribe", (p) => p.topicHigh, DENIED),
    c("tap", "denies the security administrator a data-protection policy masking the high topic", admin(SEC), "sns:PutDataProtectionPolicy", (p) => p.topicHigh, DENIED),
    c("tap", "denies the security administrator opening the SIEM queue to another account", admin(SEC), "sqs:AddPermission", (p) => p.siemQueue, DENIED),
    c("tap", "denies the security administrator purging the SIEM queue", admin(SEC), "sqs:PurgeQueue", (p) => p.siemQueue, DENIED),
    c("tap", "denies the security administrator purging the SIEM dead-letter queue", admin(SEC), "sqs:PurgeQueue", (p) => p.siemDlq, DENIED),
    c("tap", "denies a member administrator purging its forwarding dead-letter queue", admin(MEMBER), "sqs:PurgeQueue", (p) => p.forwardingDlq, DENIED),
    c("tap", "denies the security administrator deleting CloudWatch Logs resource policies (authorised on * only)", admin(SEC), "logs:DeleteResourcePolicy", "*", DENIED, { resourceAccount: SEC }),
    c("tap", "denies the security administrator replacing CloudWatch Logs resource policies", admin(SEC), "logs:PutResourcePolicy", "*", DENIED, { resourceAccount: SEC }),
    c("tap", "denies the security administrator removing a routing rule's targets", admin(SEC), "events:RemoveTargets", (p) => p.routingRule("guardduty-high"), DENIED),
    c("tap", "denies the security administrator changing the bus policy (PutPermission, authorised on * only)", admin(SEC), "events:PutPermission", "*", DENIED, { resourceAccount: SEC }),
    c("tap", "denies the security administrator deleting the self-test schedule", admin(SEC), "scheduler:DeleteSchedule", (p) => p.selfTestSchedule, DENIED),
    c("tap", "denies the security administrator disabling the self-test schedule", admin(SEC), "scheduler:UpdateSchedule", (p) => p.selfTestSchedule, DENIED),
    // Watching the watchers: the health signals cannot be switched off or held quiet.
    c("blind", "denies a member administrator disabling its forwarding heartbeat (its silence is the only sign of a broken forwarding)", admin(MEMBER), "events:DisableRule", (p) => p.heartbeatRule, DENIED),
    c("blind", "denies a member administrator removing the heartbeat's target", admin(MEMBER), "events:RemoveTargets", (p) => p.heartbeatRule, DENIED),
    c("blind", "denies the canary account's administrator disabling the log canary", admin(MEMBER), "events:DisableRule", (p) => p.canaryRule, DENIED),
    c("blind", "denies the canary account's administrator deleting the canary's log group", admin(MEMBER), "logs:DeleteLogGroup", (p) => p.canaryLogGroup, DENIED),
    c("blind", "denies the log-archive administrator deleting a replication health alarm", admin(LA), "cloudwatch:DeleteAlarms", (p) => p.replicationAlarm, DENIED),
    c("blind", "denies the log-archive administrator forcing a replication health alarm to OK", admin(LA), "cloudwatch:SetAlarmState", (p) => p.replicationAlarm, DENIED),
    c("blind", "denies the security administrator deleting the account-heartbeat alarm", admin(SEC), "cloudwatch:DeleteAlarms", (p) => p.heartbeatAlarm, DENIED),
    c("blind", "denies the security administrator metric data under LandingZone/Health (faking heartbeats or canary arrivals)", admin(SEC), "cloudwatch:PutMetricData", "*", DENIED, { resourceAccount: SEC, context: { "cloudwatch:namespace": "LandingZone/Health" } }),
    // Member accounts' health alarms read AWS/ metrics only (S3, Firehose, SQS), which PutMetricData cannot write; LandingZone/Health lives in the security account.
    c("forge", "denies the log-archive administrator writing an object under the canary's prefix (an arrival without the path)", admin(LA), "s3:PutObject", object((p) => p.archive, `cloudwatch-logs-canary/account=${MEMBER}/region=us-east-1/2026/12/03/x.gz`), DENIED),
    c("blind", "denies a member administrator hiding its forwarding dead-letter queue's messages (receiving them keeps the queue's depth, and its alarm, at zero)", admin(MEMBER), "sqs:ReceiveMessage", (p) => p.forwardingDlq, DENIED),
    c("blind", "denies a member administrator deleting its forwarding dead-letter queue's messages (the only copy of the undelivered events)", admin(MEMBER), "sqs:DeleteMessage", (p) => p.forwardingDlq, DENIED),
    c("blind", "denies a member administrator hiding its dead letters with a long visibility timeout", admin(MEMBER), "sqs:ChangeMessageVisibility", (p) => p.forwardingDlq, DENIED),
    c("forge", "denies a member administrator a composite alarm named like a health alarm (its state change would be forwarded and page high)", admin(MEMBER), "cloudwatch:PutCompositeAlarm", `arn:aws:cloudwatch:us-east-1:${MEMBER}:alarm:acme-lz-health-high-forged`, DENIED),
    c("blind", "denies the security administrator a composite alarm publishing to the high topic (keeping its self-test metric up)", admin(SEC), "cloudwatch:PutCompositeAlarm", `arn:aws:cloudwatch:us-east-1:${SEC}:alarm:acme-lz-watch-high-forged`, DENIED),
    c("tap", "refuses an outside account subscribing to the high topic", OUTSIDER, "sns:Subscribe", (p) => p.topicHigh, REFUSED),
    c("tap", "denies an outside account reading the SIEM queue", OUTSIDER, "sqs:ReceiveMessage", (p) => p.siemQueue, DENIED),
    c("tap", "denies the security administrator hiding the SIEM queue's messages (receiving them with a long visibility timeout)", admin(SEC), "sqs:ReceiveMessage", (p) => p.siemQueue, DENIED),
    c("tap", "denies the security administrator deleting the SIEM queue's messages one by one", admin(SEC), "sqs:DeleteMessage", (p) => p.siemQueue, DENIED),
    c("forge", "denies the security administrator publishing straight to the high topic (a page with text of its choosing)", admin(SEC), "sns:Publish", (p) => p.topicHigh, DENIED),
    c("forge", "denies the security administrator sending into the SIEM queue", admin(SEC), "sqs:SendMessage", (p) => p.siemQueue, DENIED),
    c("blind", "denies the security administrator a message in the SIEM dead-letter queue (holding its alarm in ALARM, so it never pages again)", admin(SEC), "sqs:SendMessage", (p) => p.siemDlq, DENIED),
    c("blind", "denies a member administrator a message in its forwarding dead-letter queue (holding its alarm in ALARM)", admin(MEMBER), "sqs:SendMessage", (p) => p.forwardingDlq, DENIED),
    c("blind", "denies the security administrator metric data under the landing zone's namespaces (holding an alarm in ALARM)", admin(SEC), "cloudwatch:PutMetricData", "*", DENIED, { resourceAccount: SEC, context: { "cloudwatch:namespace": "LandingZone/Guardrails" } }),
    c("forge", "denies the security administrator writing records into the organisation trail's log group", admin(SEC), "logs:PutLogEvents", (p) => `${p.trailLogGroup}:log-stream:forged`, DENIED),
    c("blind", "denies a member administrator re-keying its default event bus (the forwarding rules' patterns and targets are encrypted under it)", admin(MEMBER), "events:UpdateEventBus", `arn:aws:events:us-east-1:${MEMBER}:event-bus/default`, DENIED),
    c("blind", "denies the security administrator re-keying its default event bus (the findings forwarding)", admin(SEC), "events:UpdateEventBus", `arn:aws:events:eu-west-1:${SEC}:event-bus/default`, DENIED),
    c("blind", "denies a member administrator suppressing Security Hub findings (only the security account triages)", admin(MEMBER), "securityhub:BatchUpdateFindings", "*", DENIED, { resourceAccount: MEMBER, context: { "securityhub:ASFFSyntaxPath/Workflow.Status": "SUPPRESSED" } }),
    c("forge", "denies a member administrator GuardDuty sample findings (a flood of pages to bury a real one)", admin(MEMBER), "guardduty:CreateSampleFindings", "*", DENIED, { resourceAccount: MEMBER }),
    c("rewrite", "denies the log-archive administrator Requester Pays on a staging bucket (deliveries that do not pay are refused)", admin(LA), "s3:PutBucketRequestPayment", (p) => p.stagingAccessLogs, DENIED),
    c("rewrite", "denies the log-archive administrator an inventory of the archive into a bucket of its choosing", admin(LA), "s3:PutInventoryConfiguration", (p) => p.archive, DENIED),
    c("mint", "denies a member administrator a role named like the break-glass role under another path", admin(MEMBER), "iam:CreateRole", role(MEMBER, "tools/LandingZoneBreakGlass"), DENIED),
    c("mint", "denies a member administrator detaching a guardrail should policy management ever be delegated", admin(MEMBER), "organizations:DetachPolicy", "*", DENIED, { resourceAccount: MGMT }),

    // The scheduled integrity validation: nobody silences it, feeds it, or speaks for it.
    c("blind", "denies the security administrator replacing the integrity function's code", admin(SEC), "lambda:UpdateFunctionCode", (p) => p.integrityFunction, DENIED),
    c("blind", "denies the security administrator stopping the integrity function (concurrency zero)", admin(SEC), "lambda:PutFunctionConcurrency", (p) => p.integrityFunction, DENIED),
    c("blind", "denies the security administrator repointing the integrity function's configuration (role, environment)", admin(SEC), "lambda:UpdateFunctionConfiguration", (p) => p.integrityFunction, DENIED),
    c("blind", "denies the security administrator deleting the integrity function", admin(SEC), "lambda:DeleteFunction", (p) => p.integrityFunction, DENIED),
    c("blind", "denies the security administrator disabling the integrity schedule", admin(SEC), "scheduler:UpdateSchedule", (p) => p.integritySchedule, DENIED),
    c("blind", "denies the security administrator deleting the integrity function's log group", admin(SEC), "logs:DeleteLogGroup", `arn:aws:logs:us-east-1:${SEC}:log-group:/acme-lz/log-integrity`, DENIED),
    c("blind", "denies the security administrator deleting the integrity evidence alarm", admin(SEC), "cloudwatch:DeleteAlarms", (p) => p.integrityMissingAlarm, DENIED),
    c("blind", "denies the security administrator a message in the integrity dead-letter queue (holding its alarm in ALARM)", admin(SEC), "sqs:SendMessage", (p) => p.integrityDlq, DENIED),
    c("tap", "denies the security administrator purging the integrity dead-letter queue", admin(SEC), "sqs:PurgeQueue", (p) => p.integrityDlq, DENIED),
    c("tap", "denies the security administrator letting another account invoke the integrity function", admin(SEC), "lambda:AddPermission", (p) => p.integrityFunction, DENIED),
    c("forge", "denies the security administrator invoking the integrity function by hand (a run of its choosing as the day's evidence)", admin(SEC), "lambda:InvokeFunction", (p) => p.integrityFunction, DENIED),
    c("forge", "denies the security administrator the integrity validation's source on the central bus", admin(SEC), "events:PutEvents", (p) => p.bus, DENIED, { context: { "events:source": "lz.integrity" } }),
    c("forge", "denies a member administrator the integrity validation's source on the central bus", admin(MEMBER), "events:PutEvents", (p) => p.bus, DENIED, { context: { "events:source": "lz.integrity" } }),
    c("forge", "denies the security administrator passing the integrity role to a function of its own", admin(SEC), "iam:PassRole", (p) => p.roleArn("security", "log-integrity-function-role"), DENIED),
    c("deputy", "refuses Lambda assuming the integrity role for another account's function", "lambda.amazonaws.com", "sts:AssumeRole", (p) => p.roleArn("security", "log-integrity-function-role"), REFUSED, { context: { "aws:SourceAccount": MEMBER } }),
    c("deputy", "refuses EventBridge Scheduler assuming the integrity schedule's role for another schedule group", "scheduler.amazonaws.com", "sts:AssumeRole", (p) => p.roleArn("security", "log-integrity-schedule-role"), REFUSED, { context: { "aws:SourceAccount": SEC, "aws:SourceArn": `arn:aws:scheduler:us-east-1:${SEC}:schedule-group/default` } }),

    // The response playbooks: nobody feeds them, blinds them, borrows their reach or speaks for them.
    c("forge", "denies the security administrator invoking a playbook by hand (a finding of its own making acted on in a member account)", admin(SEC), "lambda:InvokeFunction", (p) => p.playbookFunction, DENIED),
    c("blind", "denies the security administrator replacing a playbook's code", admin(SEC), "lambda:UpdateFunctionCode", (p) => p.playbookFunction, DENIED),
    c("blind", "denies the security administrator stopping a playbook (concurrency zero)", admin(SEC), "lambda:PutFunctionConcurrency", (p) => p.playbookFunction, DENIED),
    c("forge", "denies the security administrator replacing a playbook's resource policy (a rule of its own would feed it findings)", admin(SEC), "lambda:PutResourcePolicy", (p) => p.playbookFunction, DENIED),
    c("blind", "denies the security administrator deleting a playbook's resource policy (its triggers could no longer invoke it)", admin(SEC), "lambda:DeleteResourcePolicy", (p) => p.playbookFunction, DENIED),
    c("forge", "denies the security administrator invoking a playbook asynchronously by hand (InvokeAsync)", admin(SEC), "lambda:InvokeAsync", (p) => p.playbookFunction, DENIED),
    c("forge", "denies the security administrator a URL for a playbook", admin(SEC), "lambda:CreateFunctionUrlConfig", (p) => p.playbookFunction, DENIED),
    c("forge", "denies the security administrator feeding a playbook from a queue of its own (an event source mapping)", admin(SEC), "lambda:CreateEventSourceMapping", "*", DENIED, { resourceAccount: SEC, context: (p) => ({ "lambda:FunctionArn": p.playbookFunction }) }),
    c("blind", "denies the security administrator a claim in the dedup table (its playbook would ignore that finding)", admin(SEC), "dynamodb:PutItem", (p) => p.dedupTable, DENIED, { context: { "dynamodb:LeadingKeys": "compromised-instance#e66822cd666acc84e4b98f1538dbf057" } }),
    c("blind", "denies the security administrator switching off the dedup table's expiry (claims that never lapse)", admin(SEC), "dynamodb:UpdateTimeToLive", (p) => p.dedupTable, DENIED),
    c("blind", "denies the security administrator deleting a playbook's trigger rule", admin(SEC), "events:DeleteRule", (p) => p.playbookRule, DENIED),
    c("mint", "refuses the security administrator assuming a member's response role, even with the external id", admin(SEC), "sts:AssumeRole", (p) => p.responseRole, REFUSED, { context: { "sts:ExternalId": "acme-lz-compromised-instance-333333333333" } }),
    c("mint", "refuses another playbook's function assuming the compromised-instance response role", role(SEC, "acme-lz-playbook-exposed-key"), "sts:AssumeRole", (p) => p.responseRole, REFUSED, { context: { "sts:ExternalId": "acme-lz-compromised-instance-333333333333" } }),
    c("mint", "refuses an outside account assuming a member's response role", OUTSIDER, "sts:AssumeRole", (p) => p.responseRole, REFUSED, { context: { "sts:ExternalId": "acme-lz-compromised-instance-333333333333" } }),
    c("mint", "denies a member administrator re-trusting its response role to itself", admin(MEMBER), "iam:UpdateAssumeRolePolicy", (p) => p.responseRole, DENIED),
    c("blind", "denies a member administrator deleting its response role's permissions (the playbook could no longer act there)", admin(MEMBER), "iam:DeleteRolePolicy", (p) => p.responseRole, DENIED),
    c("forge", "denies the security administrator a playbook result on the central bus (a forged failure pages high)", admin(SEC), "events:PutEvents", (p) => p.bus, DENIED, { context: { "events:source": "lz.response" } }),
    c("forge", "denies a member administrator a playbook result on the central bus", admin(MEMBER), "events:PutEvents", (p) => p.bus, DENIED, { context: { "events:source": "lz.response" } }),
    c("forge", "denies the security administrator passing a playbook's role to a function of its own", admin(SEC), "iam:PassRole", (p) => p.playbookRole, DENIED),
    c("deputy", "refuses Lambda assuming a playbook's role for another account's function", "lambda.amazonaws.com", "sts:AssumeRole", (p) => p.playbookRole, REFUSED, { context: { "aws:SourceAccount": MEMBER } }),

    // 5. Forging pages.
    c("forge", "denies a member administrator a custom event shaped like a CloudTrail record on the central bus", admin(MEMBER), "events:PutEvents", (p) => p.bus, DENIED, { context: { "events:source": "acme.cloudtrail" } }),
    c("forge", "denies a member administrator the self-test's source", admin(MEMBER), "events:PutEvents", (p) => p.bus, DENIED, { context: { "events:source": "lz.selftest" } }),
    c("forge", "denies the security administrator the self-test's source", admin(SEC), "events:PutEvents", (p) => p.bus, DENIED, { context: { "events:source": "lz.selftest" } }),
    c("forge", "denies a batch hiding a custom entry among AWS ones", admin(MEMBER), "events:PutEvents", (p) => p.bus, DENIED, { context: { "events:source": ["aws.iam", "acme.cloudtrail"] } }),
    c("forge", "denies AWS events forwarded by a member administrator's own rule", role(MEMBER, "my-forwarder"), "events:PutEvents", (p) => p.bus, DENIED, { context: { "events:source": "aws.iam", "aws:SourceArn": `arn:aws:events:us-east-1:${MEMBER}:rule/copy-everything` } }),
    c("forge", "denies the security administrator replaying the bus archive (paging everyone again)", admin(SEC), "events:StartReplay", "*", DENIED, { resourceAccount: SEC }),
    c("forge", "denies the security administrator passing the self-test role to a schedule of its own", admin(SEC), "iam:PassRole", (p) => p.roleArn("security", "security-self-test-role"), DENIED),
    c("forge", "refuses an outside account putting events on the central bus", OUTSIDER, "events:PutEvents", (p) => p.bus, REFUSED, { context: { "events:source": "aws.iam", "aws:SourceArn": "arn:aws:events:us-east-1:999999999999:rule/acme-lz-fwd-iam-changes" } }),

    // 6. Hiding by name.
    c("hide", "denies a member administrator a bucket named like a staging bucket (its object events would go unrecorded)", admin(MEMBER), "s3:CreateBucket", "arn:aws:s3:::acme-lz-staging-exfil-444444444444", DENIED),
    c("hide", "denies a member administrator a bucket named like the archive's replica", admin(MEMBER), "s3:CreateBucket", "arn:aws:s3:::acme-lz-archive-222222222222-eu-west-3", DENIED),
    c("hide", "denies a member administrator a log group named like the trail's (left out of the central subscription)", admin(MEMBER), "logs:CreateLogGroup", `arn:aws:logs:us-east-1:${MEMBER}:log-group:/acme-lz/cloudtrail/organization`, DENIED),
    c("hide", "denies a member administrator a rule named like a forwarding rule (admitted by the bus policy)", admin(MEMBER), "events:PutRule", `arn:aws:events:us-east-1:${MEMBER}:rule/acme-lz-fwd-copy`, DENIED),
    c("hide", "denies a member administrator a role named like a landing-zone role", admin(MEMBER), "iam:CreateRole", role(MEMBER, "acme-lz-event-forwarding-2"), DENIED),

    // 7. Confused deputies: a service acting for someone else.
    c("deputy", "refuses CloudTrail writing into the archive for another trail", "cloudtrail.amazonaws.com", "s3:PutObject", object((p) => p.archive, trailKey), REFUSED, { context: { ...ACL, "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:999999999999:trail/evil" } }),
    c("deputy", "refuses VPC flow-log delivery of an account outside the organisation", "delivery.logs.amazonaws.com", "s3:PutObject", object((p) => p.archive, "vpc-flow-logs/AWSLogs/999999999999/vpcflowlogs/us-east-1/x.log.gz"), REFUSED, { context: { ...ACL, "aws:SourceAccount": "999999999999" } }),
    c("deputy", "refuses GuardDuty exporting another account's findings into the archive", "guardduty.amazonaws.com", "s3:PutObject", object((p) => p.archive, "guardduty/x.jsonl.gz"), REFUSED, { context: { "aws:SourceAccount": "999999999999", "aws:SourceArn": "arn:aws:guardduty:us-east-1:999999999999:detector/x" } }),
    c("deputy", "refuses AWS Config of an account outside the organisation writing into the Config staging bucket", "config.amazonaws.com", "s3:PutObject", object((p) => p.stagingConfig, "AWSLogs/999999999999/Config/x"), REFUSED, { context: { ...ACL, "aws:SourceAccount": "999999999999" } }),
    c("deputy", "denies S3 access logging of another account writing into a member's access-log bucket", "logging.s3.amazonaws.com", "s3:PutObject", object((p) => p.memberAccessLogs, "x"), DENIED, { context: { "aws:SourceAccount": "999999999999" } }),
    c("deputy", "refuses EventBridge publishing to the high topic for a rule that is not a routing rule to it", "events.amazonaws.com", "sns:Publish", (p) => p.topicHigh, REFUSED, { context: { "aws:SourceAccount": SEC, "aws:SourceArn": `arn:aws:events:us-east-1:${SEC}:rule/my-rule` } }),
    c("deputy", "refuses CloudWatch publishing to the high topic for another account's alarm", "cloudwatch.amazonaws.com", "sns:Publish", (p) => p.topicHigh, REFUSED, { context: { "aws:SourceAccount": "999999999999", "aws:SourceArn": "arn:aws:cloudwatch:us-east-1:999999999999:alarm:acme-lz-cis-x" } }),
    c("deputy", "refuses CloudWatch Logs assuming the central-logs role from a region that is not enabled", "logs.amazonaws.com", "sts:AssumeRole", (p) => p.roleArn("log-archive", "central-logs-logs-role"), REFUSED, { context: { "aws:SourceArn": `arn:aws:logs:ap-south-1:${MEMBER}:*` } }),
    c("deputy", "refuses Firehose assuming the delivery role for another account's stream", "firehose.amazonaws.com", "sts:AssumeRole", (p) => p.roleArn("log-archive", "central-logs-firehose-role"), REFUSED, { context: { "sts:ExternalId": "999999999999" } }),
    c("deputy", "refuses S3 assuming a staging replication role for another account's bucket", "s3.amazonaws.com", "sts:AssumeRole", (p) => p.roleArn("log-archive", "staging-config-replication-role"), REFUSED, { context: { "aws:SourceAccount": "999999999999" } }),
    c("deputy", "refuses EventBridge assuming a member's forwarding role for a rule that is not a landing-zone rule", "events.amazonaws.com", "sts:AssumeRole", (p) => p.roleArn("member-workload-prod", "forwarding-role"), REFUSED, { context: { "aws:SourceAccount": MEMBER, "aws:SourceArn": `arn:aws:events:us-east-1:${MEMBER}:rule/copy-everything` } }),
    c("deputy", "refuses EventBridge Scheduler assuming the self-test role for another schedule group", "scheduler.amazonaws.com", "sts:AssumeRole", (p) => p.roleArn("security", "security-self-test-role"), REFUSED, { context: { "aws:SourceAccount": SEC, "aws:SourceArn": `arn:aws:scheduler:us-east-1:${SEC}:schedule-group/default` } }),
    c("deputy", "refuses CloudTrail assuming the trail's log role for another trail", "cloudtrail.amazonaws.com", "sts:AssumeRole", (p) => p.roleArn("security", "org-trail-logs-role"), REFUSED, { context: { "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:999999999999:trail/evil" } }),

    // The legitimate paths next to the attacks.
    c("legitimate", "lets the compromised-instance playbook assume its response role in a member account with its external id and its planned permissions", role(SEC, "acme-lz-playbook-compromised-instance"), "sts:AssumeRole", (p) => p.responseRole, ALLOWED, { context: { "sts:ExternalId": "acme-lz-compromised-instance-333333333333", "aws:ResourceOrgID": ORG }, identity: (p) => plannedRolePolicies(p.w, role(SEC, "acme-lz-playbook-compromised-instance")) }),
    c("legitimate", "lets the compromised-instance playbook claim its own finding in the dedup table with its planned permissions", role(SEC, "acme-lz-playbook-compromised-instance"), "dynamodb:PutItem", (p) => p.dedupTable, ALLOWED, { context: { "dynamodb:LeadingKeys": "compromised-instance#e66822cd666acc84e4b98f1538dbf057" }, identity: (p) => plannedRolePolicies(p.w, role(SEC, "acme-lz-playbook-compromised-instance")) }),
    c("legitimate", "lets a playbook post its result on the central bus with its planned permissions", role(SEC, "acme-lz-playbook-public-bucket"), "events:PutEvents", (p) => p.bus, ALLOWED, { context: { "events:source": "lz.response" }, identity: (p) => plannedRolePolicies(p.w, role(SEC, "acme-lz-playbook-public-bucket")) }),
    c("legitimate", "lets the member's compromised-instance role move an interface into the quarantine group through the member's guardrails", role(MEMBER, "acme-lz-response-compromised-instance"), "ec2:ModifyNetworkInterfaceAttribute", `arn:aws:ec2:us-east-1:${MEMBER}:security-group/sg-0quarantine000000`, ALLOWED, { context: { "aws:ResourceTag/lz:quarantine": "true" }, identity: (p) => plannedRolePolicies(p.w, role(MEMBER, "acme-lz-response-compromised-instance")) }),
    c("legitimate", "lets the member's exposed-key role deactivate a user's key through the member's guardrails", role(MEMBER, "acme-lz-response-exposed-key"), "iam:UpdateAccessKey", `arn:aws:iam::${MEMBER}:user/ci-deployer`, ALLOWED, { identity: (p) => plannedRolePolicies(p.w, role(MEMBER, "acme-lz-response-exposed-key")) }),
    c("legitimate", "lets CloudTrail deliver the organisation trail into the archive", "cloudtrail.amazonaws.com", "s3:PutObject", object((p) => p.archive, trailKey), ALLOWED, { context: { ...ACL, "aws:SourceArn": TRAIL } }),
    c("legitimate", "lets VPC flow logs of the organisation deliver into the archive", "delivery.logs.amazonaws.com", "s3:PutObject", object((p) => p.archive, "vpc-flow-logs/AWSLogs/444444444444/vpcflowlogs/us-east-1/2026/12/01/x.log.gz"), ALLOWED, { context: { ...ACL, "aws:SourceAccount": MEMBER } }),
    c("legitimate", "lets GuardDuty of the security account export findings into the archive", "guardduty.amazonaws.com", "s3:PutObject", object((p) => p.archive, "guardduty/AWSLogs/333333333333/GuardDuty/us-east-1/x.jsonl.gz"), ALLOWED, { context: { "aws:SourceAccount": SEC, "aws:SourceArn": `arn:aws:guardduty:us-east-1:${SEC}:detector/12abc34d567e8fa901bc2d34e56789f0` } }),
    c("legitimate", "lets AWS Config of the organisation deliver into the Config staging bucket", "config.amazonaws.com", "s3:PutObject", object((p) => p.stagingConfig, `AWSLogs/${MEMBER}/Config/us-east-1/x.json.gz`), ALLOWED, { context: { ...ACL, "aws:SourceAccount": MEMBER } }),
    c("legitimate", "lets S3 access logging of the log-archive account deliver into its staging bucket", "logging.s3.amazonaws.com", "s3:PutObject", object((p) => p.stagingAccessLogs, "acme-lz-archive-222222222222-us-east-1/2026-12-01-10-00-00-ABC"), ALLOWED, { context: { "aws:SourceAccount": LA, "aws:SourceArn": "arn:aws:s3:::acme-lz-archive-222222222222-us-east-1" } }),
    c("legitimate", "lets the regional ELB account deliver load-balancer logs of a member into the ELB staging bucket", "arn:aws:iam::156460612806:root", "s3:PutObject", object((p) => p.stagingElbEuWest1, `AWSLogs/${MEMBER}/elasticloadbalancing/eu-west-1/2026/12/01/x.log.gz`), ALLOWED, { resourceAccount: LA }),
    c("legitimate", "lets S3 access logging of a member deliver into its access-log bucket", "logging.s3.amazonaws.com", "s3:PutObject", object((p) => p.memberAccessLogs, "app-assets-444444444444/2026-12-01-10-00-00-ABC"), ALLOWED, { context: { "aws:SourceAccount": MEMBER } }),
    c("legitimate", "lets the Firehose role write central logs into the archive with its planned permissions", role(LA, "acme-lz-central-logs-delivery"), "s3:PutObject", object((p) => p.archive, `cloudwatch-logs/account=${MEMBER}/region=us-east-1/2026/12/01/x.gz`), ALLOWED, { identity: (p) => plannedRolePolicies(p.w, role(LA, "acme-lz-central-logs-delivery")) }),
    c("legitimate", "lets a staging replication role replicate into the archive with its planned permissions", role(LA, "acme-lz-staging-config-us-east-1-replication"), "s3:ReplicateObject", object((p) => p.archive, `AWSLogs/${MEMBER}/Config/us-east-1/x.json.gz`), ALLOWED, { identity: (p) => plannedRolePolicies(p.w, role(LA, "acme-lz-staging-config-us-east-1-replication")) }),
    c("legitimate", "lets CloudWatch Logs' delivery role put records into a central-logs stream with its planned permissions", role(LA, "acme-lz-central-logs-subscription"), "firehose:PutRecordBatch", (p) => p.stream, ALLOWED, { identity: (p) => plannedRolePolicies(p.w, role(LA, "acme-lz-central-logs-subscription")) }),
    c("legitimate", "lets CloudWatch Logs assume the central-logs role for a sender in an enabled region", "logs.amazonaws.com", "sts:AssumeRole", (p) => p.roleArn("log-archive", "central-logs-logs-role"), ALLOWED, { context: { "aws:SourceArn": `arn:aws:logs:eu-west-1:${MEMBER}:*` } }),
    c("legitimate", "lets a member's forwarding rule deliver an AWS event to the central bus", role(MEMBER, "acme-lz-event-forwarding"), "events:PutEvents", (p) => p.bus, ALLOWED, {
        context: (p) => ({ "events:source": "aws.iam", "aws:SourceArn": p.memberForwardingRule }),
        identity: (p) => plannedRolePolicies(p.w, role(MEMBER, "acme-lz-event-forwarding")),
    }),
    c("legitimate", "lets the security account's findings forwarding deliver a GuardDuty finding", role(SEC, "acme-lz-findings-forwarding"), "events:PutEvents", (p) => p.bus, ALLOWED, {
        context: { "events:source": "aws.guardduty", "aws:SourceArn": `arn:aws:events:eu-west-1:${SEC}:rule/acme-lz-findings-guardduty` },
        identity: (p) => plannedRolePolicies(p.w, role(SEC, "acme-lz-findings-forwarding")),
    }),
    c("legitimate", "lets a member's heartbeat rule deliver its scheduled event to the central bus", role(MEMBER, "acme-lz-event-forwarding"), "events:PutEvents", (p) => p.bus, ALLOWED, {
        context: (p) => ({ "events:source": "aws.events", "aws:SourceArn": p.heartbeatRule }),
        identity: (p) => plannedRolePolicies(p.w, role(MEMBER, "acme-lz-event-forwarding")),
    }),
    c("legitimate", "lets the Firehose role write the canary's record under the canary prefix with its planned permissions", role(LA, "acme-lz-central-logs-delivery"), "s3:PutObject", object((p) => p.archive, `cloudwatch-logs-canary/account=${MEMBER}/region=us-east-1/2026/12/03/x.gz`), ALLOWED, { identity: (p) => plannedRolePolicies(p.w, role(LA, "acme-lz-central-logs-delivery")) }),
    c("legitimate", "lets the self-test's role put the self-test event", role(SEC, "acme-lz-security-selftest"), "events:PutEvents", (p) => p.bus, ALLOWED, {
        context: { "events:source": "lz.selftest" },
        identity: (p) => plannedRolePolicies(p.w, role(SEC, "acme-lz-security-selftest")),
    }),
    c("legitimate", "lets EventBridge publish to the high topic for the high routing rules", "events.amazonaws.com", "sns:Publish", (p) => p.topicHigh, ALLOWED, { context: (p) => ({ "aws:SourceAccount": SEC, "aws:SourceArn": p.routingRule("findings-tampering") }) }),
    c("legitimate", "lets a landing-zone alarm publish to the high topic", "cloudwatch.amazonaws.com", "sns:Publish", (p) => p.topicHigh, ALLOWED, { context: (p) => ({ "aws:SourceAccount": SEC, "aws:SourceArn": p.cisAlarm }) }),
    c("legitimate", "lets the log-archive deployment role change the archive's bucket policy", deployer(LA), "s3:PutBucketPolicy", (p) => p.archive, ALLOWED),
    c("legitimate", "lets the log-archive deployment role pass the Firehose role (creating the stream)", deployer(LA), "iam:PassRole", (p) => p.roleArn("log-archive", "central-logs-firehose-role"), ALLOWED),
    c("legitimate", "lets the security deployment role set GuardDuty's organisation configuration", deployer(SEC), "guardduty:UpdateOrganizationConfiguration", "*", ALLOWED),
    c("legitimate", "lets the security deployment role change the bus policy", deployer(SEC), "events:PutPermission", "*", ALLOWED, { resourceAccount: SEC }),
    c("legitimate", "lets the security deployment role set the log resource policy the security-events log group needs", deployer(SEC), "logs:PutResourcePolicy", "*", ALLOWED, { resourceAccount: SEC }),
    c("legitimate", "lets a member deployment role create the break-glass role", deployer(MEMBER), "iam:CreateRole", breakGlass(MEMBER), ALLOWED),
    // The bootstrap's service-managed StackSet creates and updates the exempt roles as its execution role.
    c("legitimate", "lets the StackSet execution role create the deployment role in a new member account", STACKSET_EXEC(MEMBER), "iam:CreateRole", deployer(MEMBER), ALLOWED),
    c("legitimate", "lets the StackSet execution role rewrite the break-glass role's trust when the holders change", STACKSET_EXEC(LA), "iam:UpdateAssumeRolePolicy", breakGlass(LA), ALLOWED),
    c("legitimate", "lets the StackSet execution role attach AdministratorAccess to the deployment role", STACKSET_EXEC(SEC), "iam:AttachRolePolicy", deployer(SEC), ALLOWED),
    c("legitimate", "lets a management-account holder with a fresh MFA sign-in assume a member's break-glass role", MFA_USER, "sts:AssumeRole", breakGlass(MEMBER), ALLOWED, { context: { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "300" } }),
    c("legitimate", "lets a member's break-glass role read its forwarding dead letters (the runbook: read, fix, replay)", breakGlass(MEMBER), "sqs:ReceiveMessage", (p) => p.forwardingDlq, ALLOWED),
    c("legitimate", "lets the security team's SIEM role read and delete the SIEM queue's messages", role(SEC, "SecurityOperations"), "sqs:DeleteMessage", (p) => p.siemQueue, ALLOWED),
    c("legitimate", "lets the security team add a subscriber to the high topic", admin(SEC), "sns:Subscribe", (p) => p.topicHigh, ALLOWED),
    c("legitimate", "lets the security team archive a GuardDuty finding (per-finding triage)", admin(SEC), "guardduty:ArchiveFindings", "*", ALLOWED, { resourceAccount: SEC }),
    c("legitimate", "lets the security team update findings' workflow (per-finding triage)", admin(SEC), "securityhub:BatchUpdateFindings", `arn:aws:securityhub:us-east-1:${SEC}:hub/default`, ALLOWED),
    c("legitimate", "lets a member administrator subscribe its own log groups to the central destination", admin(MEMBER), "logs:PutSubscriptionFilter", (p) => p.destination, ALLOWED),
    c("legitimate", "lets the investigator read archived logs", role(SEC, "SecurityInvestigator"), "s3:GetObject", object((p) => p.archive, trailKey), ALLOWED),
    c("legitimate", "lets the security team suppress a finding in the security account (triage, which pages medium)", admin(SEC), "securityhub:BatchUpdateFindings", "*", ALLOWED, { resourceAccount: SEC, context: { "securityhub:ASFFSyntaxPath/Workflow.Status": "SUPPRESSED" } }),
    c("legitimate", "lets a member administrator resolve its own findings (not a suppression)", admin(MEMBER), "securityhub:BatchUpdateFindings", "*", ALLOWED, { resourceAccount: MEMBER, context: { "securityhub:ASFFSyntaxPath/Workflow.Status": "RESOLVED" } }),
    c("legitimate", "lets CloudTrail's delivery role write the organisation trail into its log group", role(SEC, "acme-lz-org-trail-logs"), "logs:PutLogEvents", (p) => `${p.trailLogGroup}:log-stream:${MGMT}_CloudTrail_us-east-1`, ALLOWED),
    c("legitimate", "lets the integrity role put its result on the central bus with its planned permissions", role(SEC, "acme-lz-log-integrity"), "events:PutEvents", (p) => p.bus, ALLOWED, {
        context: { "events:source": "lz.integrity" },
        identity: (p) => plannedRolePolicies(p.w, role(SEC, "acme-lz-log-integrity")),
    }),
    c("legitimate", "lets the integrity role read a digest in the archive with its planned permissions", role(SEC, "acme-lz-log-integrity"), "s3:GetObject", object((p) => p.archive, `AWSLogs/${ORG}/${MEMBER}/CloudTrail-Digest/us-east-1/2026/12/01/${MEMBER}_CloudTrail-Digest_us-east-1_acme-lz-org-trail_us-east-1_20261201T110131Z.json.gz`), ALLOWED, {
        identity: (p) => plannedRolePolicies(p.w, role(SEC, "acme-lz-log-integrity")),
    }),
    c("legitimate", "lets the integrity role decrypt archived logs through S3 with its planned permissions", role(SEC, "acme-lz-log-integrity"), "kms:Decrypt", (p) => p.archiveKey, ALLOWED, {
        context: { "kms:ViaService": "s3.us-east-1.amazonaws.com", "kms:CallerAccount": SEC },
        identity: (p) => plannedRolePolicies(p.w, role(SEC, "acme-lz-log-integrity")),
    }),
    c("legitimate", "lets the integrity schedule's role invoke the function with its planned permissions", role(SEC, "acme-lz-log-integrity-schedule"), "lambda:InvokeFunction", (p) => p.integrityFunction, ALLOWED, {
        identity: (p) => plannedRolePolicies(p.w, role(SEC, "acme-lz-log-integrity-schedule")),
    }),
    c("legitimate", "lets Lambda assume the integrity role for the security account's function", "lambda.amazonaws.com", "sts:AssumeRole", (p) => p.roleArn("security", "log-integrity-function-role"), ALLOWED, { context: { "aws:SourceAccount": SEC } }),
    c("legitimate", "lets the security deployment role update the integrity function's code", deployer(SEC), "lambda:UpdateFunctionCode", (p) => p.integrityFunction, ALLOWED),
    c("legitimate", "lets the security account's break-glass role read the integrity dead-letter queue (triage)", breakGlass(SEC), "sqs:ReceiveMessage", (p) => p.integrityDlq, ALLOWED),
    c("blind", "denies the security administrator hiding the integrity job's failed invocations (its alarm would stay quiet)", admin(SEC), "sqs:ReceiveMessage", (p) => p.integrityDlq, DENIED),
    c("legitimate", "lets a workload update its own custom event bus", admin(MEMBER), "events:UpdateEventBus", `arn:aws:events:us-east-1:${MEMBER}:event-bus/orders`, ALLOWED),
];

describe("insider resistance: attacks refused and legitimate paths allowed, on the planned policies", () => {
    let p: Planned;
    before(async function () {
        p = await planned();
    });

    for (const k of CASES) {
        it(`[${k.cls}] ${k.it}`, async () => {
            const resource = typeof k.resource === "function" ? k.resource(p) : k.resource;
            const context = typeof k.context === "function" ? k.context(p) : k.context;
            const got = await decidePlanned(p.w, { principal: k.principal, action: k.action, resource, context, identity: k.identity?.(p), resourceAccount: k.resourceAccount });
            assert.strictEqual(got, k.expect);
        });
    }

    it("refuses each same-account attack of an administrator because of the landing zone's controls: without the guardrails and resource policies its own permissions would allow it", async () => {
        let checked = 0;
        for (const k of nonEmpty(CASES.filter((x) => x.cls !== "legitimate" && x.expect === "ExplicitlyDenied" && x.principal.startsWith("arn:aws:iam::")), "denied attacks")) {
            const resource = typeof k.resource === "function" ? k.resource(p) : k.resource;
            const context = typeof k.context === "function" ? k.context(p) : k.context;
            const account = k.principal.split(":")[4];
            const owner = k.resourceAccount ?? (resource === "*" ? account : resource.split(":")[4] || account);
            if (owner !== account || resource.includes(":kms:")) continue;
            const bare = await decidePlanned(p.w, { principal: k.principal, action: k.action, resource, context, identity: k.identity?.(p), resourceAccount: k.resourceAccount, withoutControls: true });
            assert.strictEqual(bare, "Allowed", `${k.it}: refused even without the landing zone's controls, so the case proves nothing`);
            checked++;
        }
        assert.ok(checked >= 50, `${checked} cases checked`);
    });

    it("holds at least 80 attack cases across the seven classes, each class represented, and the legitimate paths beside them", () => {
        const attacks = CASES.filter((k) => k.cls !== "legitimate");
        assert.ok(attacks.length >= 80, `${attacks.length} attack cases`);
        for (const cls of ["mint", "rewrite", "blind", "tap", "forge", "hide", "deputy"] as const) assert.ok(CASES.some((k) => k.cls === cls), cls);
        for (const k of attacks) assert.notStrictEqual(k.expect, "Allowed", k.it);
        assert.ok(CASES.filter((k) => k.cls === "legitimate").length >= 20);
        // Attacks in every account where they apply.
        for (const account of [MEMBER, LA, SEC]) assert.ok(attacks.some((k) => k.principal.includes(`::${account}:`)), account);
    });
});
