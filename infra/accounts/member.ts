import * as pulumi from "@pulumi/pulumi";
import type { StackModel } from "../config/model";
import { partitionDnsSuffix } from "../config/regions";
import { healthAlarmName } from "../config/health";
import { ProblemList } from "../config/errors";
import {
    accessLogBucketName,
    archiveBucketName,
    arn,
    centralBusArn,
    logCanaryLogGroupName,
    logCanaryName,
    logSubscriptionPolicyName,
    logSubscriptionRoleName,
    orgTrailLogGroupName,
    playbookFunctionName,
    quarantineGroupName,
    responseRoleName,
    roleArn,
    servicePrincipal,
    stackReferenceName,
} from "../naming";
import type { RoleContext, RoleOutputs } from "./context";
import { ConfigRecorder } from "../components/baseline/config-recorder";
import { EventForwarding } from "../components/baseline/event-forwarding";
import { consoleSignInRegions, FORWARDING_RULES, globalEventsRegion, landingZoneForwardingRules } from "../components/baseline/forwarding-rules";
import { LogSubscriptionPolicy } from "../components/baseline/log-subscription-policy";
import { AccountHardening } from "../components/baseline/account-hardening";
import { AccessLogBuckets } from "../components/baseline/access-log-buckets";
import { LogCanary } from "../components/health/log-canary";
import { CANARY_KEY_PREFIX } from "../components/health/arrival-patterns";
import { memberBreakGlassRoleArn } from "./break-glass";
import { securityEventLogPolicy } from "../iam/security-event-log-policy";
import { DEFAULT_ARCHIVE_PREFIXES, serviceOnlyArchivePrefixes } from "../iam/archive-bucket-policy";
import { FINDING_TAG_KEY, QUARANTINE_TAG_KEY, responseExternalId } from "../config/playbooks";
import { playbooksIn } from "../config/settings/response";
import { responseRoleTrustPolicy } from "../iam/response-role-trust";
import { responseRolePermissionsPolicy } from "../iam/response-role-permissions";
import { ResponseRoles } from "../components/response/response-roles";
import { QuarantineGroups } from "../components/response/quarantine-groups";

type Model = Extract<StackModel, { role: "member" }>;

/** What every step of the member baseline needs: the model, the provider, and the log-archive stack's outputs. */
interface Context extends RoleContext<Model> {
    readonly opts: { readonly provider: RoleContext<Model>["provider"] };
    readonly archive: pulumi.StackReference;
    /** Whether this account sends the organisation's log canary. */
    readonly sendsCanary: boolean;
}

/**
 * The `member` role: the same baseline in every account (core accounts included), O(regions).
 * A table of contents of named steps (config → providers → components → exports).
 */
export function runMemberStack(ctx: RoleContext<Model>): RoleOutputs {
    const c = contextOf(ctx);
    const config = configRecorders(c);
    const forwarding = eventForwarding(c);
    const account = accountBaseline(c);
    const logs = centralLogs(c);
    const response = responseBaseline(c);
    return {
        accountId: c.model.account.id,
        breakGlassRoleArn: account.breakGlassRoleArn,
        // Absent when Control Tower owns the account's recorders.
        ...(config ? { configRoleArn: config.roleArn, configRecorderNames: config.recorderNames } : {}),
        forwardingRoleArn: forwarding.roleArn,
        forwardingRuleArns: forwarding.ruleArns,
        forwardingDeadLetterQueueArns: forwarding.deadLetterQueueArns,
        // Only when the subscription exists: an undefined output is no output (the SDK warns about it).
        ...(logs.subscription ? { logSubscriptionPolicyNames: logs.subscription.policyNames, logSubscriptionRoleArn: logs.subscription.roleArn } : {}),
        ...(logs.canary ? { logCanaryLogGroupArn: logs.canary.logGroupArn } : {}),
        accessLogBucketNames: account.accessLogs.bucketNames,
        ...(response.roles ? { responseRoleArns: response.roles.roleArns } : {}),
        ...(response.quarantine ? { quarantineGroupIds: response.quarantine.groupIds } : {}),
    };
}

function contextOf(ctx: RoleContext<Model>): Context {
    const { org, account, settings } = ctx.model;
    const sendsCanary = org.health.logCanary?.account.name === account.name;
    if (sendsCanary && !settings.logSubscription.enabled) {
        const problems = new ProblemList();
        problems.add(
            ctx.model.file,
            "lz:member.logSubscription.enabled",
            `is false, but ${org.file} health.logCanary.account names this account (${account.name}): the canary's records reach the archive only through the log subscription; switch it on, or name another account (or none) in health.logCanary.account`,
        );
        problems.throwIfAny();
    }
    return {
        ...ctx,
        opts: { provider: ctx.provider },
        archive: new pulumi.StackReference(`member-${account.name}-archive-outputs`, { name: stackReferenceName(org, "log-archive") }),
        sendsCanary,
    };
}

/** AWS Config in every enabled region, adopting what exists; none when Control Tower owns the account's recorders. */
function configRecorders(c: Context): ConfigRecorder | undefined {
    const { org, account, settings } = c.model;
    if (settings.config.owner === "control-tower") return undefined;
    return new ConfigRecorder(
        "config",
        {
            regions: org.regions,
            homeRegion: org.homeRegion,
            bucketName: c.archive.requireOutput("configBucketName") as pulumi.Output<string>,
            kmsKeyArn: c.archive.requireOutput("configKeyArn") as pulumi.Output<string>,
            configServiceName: servicePrincipal(org, "config"),
            recordingFrequency: settings.config.recordingFrequency,
            dailyResourceTypes: settings.config.dailyResourceTypes,
            excludedResourceTypes: settings.config.excludedResourceTypes,
            adoptServiceLinkedRoleArn: settings.config.adoptServiceLinkedRole
                ? arn(org, "iam", "", account.id, `role/aws-service-role/${servicePrincipal(org, "config")}/AWSServiceRoleForConfig`)
                : undefined,
            adopt: settings.config.adopt.regions.length > 0 ? settings.config.adopt : undefined,
        },
        c.opts,
    );
}

/** Forwarding of the account's security events and health alarms to the central bus, with its heartbeat and dead-letter alarms. */
function eventForwarding(c: Context): EventForwarding {
    const { org, account } = c.model;
    const logArchive = account.kind === "log-archive";
    return new EventForwarding(
        "forwarding",
        {
            regions: org.regions,
            homeRegion: org.homeRegion,
            globalEventsRegion: globalEventsRegion(org.partition),
            rules: [
                ...FORWARDING_RULES,
                ...landingZoneForwardingRules({
                    namePrefix: org.namePrefix,
                    breakGlassRoleName: org.roles.breakGlass,
                    accountKind: account.kind,
                    quiet: org.quietAccounts.includes(account.name) ? { signInRegions: consoleSignInRegions(org.partition) } : undefined,
                    archive: logArchive
                        ? {
                              bucketName: archiveBucketName(org),
                              servicePrincipalSuffix: `.${partitionDnsSuffix(org.partition)}`,
                              serviceOnlyPrefixes: serviceOnlyArchivePrefixes({ prefixes: DEFAULT_ARCHIVE_PREFIXES, organizationId: org.organizationId, managementAccountId: org.management.id }),
                              canaryKeyPrefix: org.health.logCanary ? CANARY_KEY_PREFIX : undefined,
                          }
                        : undefined,
                }),
            ],
            centralBusArn: centralBusArn(org),
            accountId: account.id,
            eventsPrincipal: servicePrincipal(org, "events"),
            eventsArnPrefix: `arn:${org.partition}:events`,
            namePrefix: org.namePrefix,
            exemptRoleArns: [roleArn(org, account.id, org.roles.deployment), roleArn(org, account.id, org.roles.breakGlass)],
            deadLetterAlarmName: healthAlarmName(org.namePrefix, "forwarding-dead-letters"),
            heartbeatMinutes: org.health.heartbeatMinutes,
        },
        c.opts,
    );
}

/** Account hardening, the break-glass role (unless the bootstrap owns it) and the account's own S3 access-log buckets. */
function accountBaseline(c: Context) {
    const { org, account, settings } = c.model;
    new AccountHardening("hardening", { accountId: account.id }, c.opts);
    const breakGlassRoleArn = memberBreakGlassRoleArn(c.model, c.opts);
    const accessLogs = new AccessLogBuckets(
        "access-logs",
        {
            regions: org.regions,
            accountId: account.id,
            bucketNames: Object.fromEntries(org.regions.map((region) => [region, accessLogBucketName(org, account.id, region)])),
            loggingPrincipal: servicePrincipal(org, "logging.s3"),
            expireAfterDays: org.retention.archiveDays,
            noncurrentExpireAfterDays: org.tiering.noncurrentVersionExpiryDays,
        },
        c.opts,
    );
    return { breakGlassRoleArn, accessLogs };
}

/** The account-level subscription of every log group to the central destinations, and the log canary when this account sends it. */
function centralLogs(c: Context) {
    const { org, account, settings } = c.model;
    let subscription: LogSubscriptionPolicy | undefined;
    if (settings.logSubscription.enabled) {
        // The pipeline's own groups (log-archive output, optional until that stack exports it) and the
        // organisation trail's group, already archived in S3 by the trail itself.
        const pipelineGroups = c.archive.getOutput("pipelineLogGroupNames") as pulumi.Output<string[] | undefined>;
        const excluded = pipelineGroups.apply((groups) => [orgTrailLogGroupName(org), ...(groups ?? []), ...settings.logSubscription.excludedLogGroups]);
        subscription = new LogSubscriptionPolicy(
            "central-logs",
            {
                regions: org.regions,
                destinationArns: c.archive.requireOutput("logDestinationArns") as pulumi.Output<Record<string, string>>,
                policyName: logSubscriptionPolicyName(org),
                excludedLogGroups: excluded,
                accountId: account.id,
                logsPrincipal: servicePrincipal(org, "logs"),
                logsArnPrefix: `arn:${org.partition}:logs`,
                roleName: logSubscriptionRoleName(org),
            },
            c.opts,
        );
    }
    const canarySettings = org.health.logCanary;
    const canary =
        c.sendsCanary && canarySettings
            ? new LogCanary(
                  "log-canary",
                  {
                      logGroupName: logCanaryLogGroupName(org),
                      name: logCanaryName(org),
                      intervalMinutes: canarySettings.intervalMinutes,
                      retentionDays: org.retention.logGroupDays,
                      resourcePolicy: securityEventLogPolicy({
                          logGroupArn: arn(org, "logs", org.homeRegion, account.id, `log-group:${logCanaryLogGroupName(org)}`),
                          principals: [servicePrincipal(org, "events"), servicePrincipal(org, "delivery.logs")],
                          ruleArns: [arn(org, "events", org.homeRegion, account.id, `rule/${logCanaryName(org)}`)],
                      }),
                  },
                  // The canary's records must find the subscription in place, or the first ones never reach the archive.
                  { ...c.opts, dependsOn: subscription ? [subscription] : [] },
              )
            : undefined;
    return { subscription, canary };
}

/** The roles of the response playbooks that act in this account, and the quarantine groups of its listed VPCs. */
function responseBaseline(c: Context) {
    const { org, account, settings } = c.model;
    const playbooks = playbooksIn(org.response, account.name);
    const roles =
        playbooks.length > 0
            ? new ResponseRoles(
                  "response",
                  {
                      roles: playbooks.map((playbook) => ({
                          playbook,
                          roleName: responseRoleName(org, playbook),
                          trustPolicy: responseRoleTrustPolicy({
                              functionRoleArn: roleArn(org, org.security.id, playbookFunctionName(org, playbook)),
                              externalId: responseExternalId(org.namePrefix, playbook, org.security.id),
                          }),
                          permissionsPolicy: responseRolePermissionsPolicy(playbook, { partition: org.partition, accountId: account.id, tagKeys: { quarantine: QUARANTINE_TAG_KEY, finding: FINDING_TAG_KEY } }),
                      })),
                  },
                  c.opts,
              )
            : undefined;
    const vpcs = settings.response.quarantineVpcs;
    const quarantine = Object.values(vpcs).some((ids) => ids.length > 0) ? new QuarantineGroups("quarantine", { groupName: quarantineGroupName(org), vpcs }, c.opts) : undefined;
    return { roles, quarantine };
}
