import * as pulumi from "@pulumi/pulumi";
import type { StackModel } from "../config/model";
import { partitionDnsSuffix } from "../config/regions";
import { accessLogBucketName, archiveBucketName, arn, centralBusArn, roleArn, logSubscriptionPolicyName, logSubscriptionRoleName, orgTrailLogGroupName, servicePrincipal, stackReferenceName } from "../naming";
import type { RoleContext, RoleOutputs } from "./context";
import { ConfigRecorder } from "../components/baseline/config-recorder";
import { EventForwarding } from "../components/baseline/event-forwarding";
import { consoleSignInRegions, FORWARDING_RULES, globalEventsRegion, landingZoneForwardingRules } from "../components/baseline/forwarding-rules";
import { LogSubscriptionPolicy } from "../components/baseline/log-subscription-policy";
import { AccountHardening } from "../components/baseline/account-hardening";
import { AccessLogBuckets } from "../components/baseline/access-log-buckets";
import { BreakGlassRole } from "../components/baseline/break-glass-role";
import { breakGlassTrustPolicy } from "../iam/break-glass-trust";
import { DEFAULT_ARCHIVE_PREFIXES, serviceOnlyArchivePrefixes } from "../iam/archive-bucket-policy";

type Model = Extract<StackModel, { role: "member" }>;

/**
 * The `member` role: the same baseline in every account (core accounts included), O(regions).
 * Composition only (config → providers → components → exports).
 */
export function runMemberStack(ctx: RoleContext<Model>): RoleOutputs {
    const { org, account, settings } = ctx.model;
    const opts = { provider: ctx.provider };
    const archive = new pulumi.StackReference(`member-${account.name}-archive-outputs`, { name: stackReferenceName(org, "log-archive") });

    const config = new ConfigRecorder(
        "config",
        {
            regions: org.regions,
            homeRegion: org.homeRegion,
            bucketName: archive.requireOutput("configBucketName") as pulumi.Output<string>,
            kmsKeyArn: archive.requireOutput("configKeyArn") as pulumi.Output<string>,
            configServiceName: servicePrincipal(org, "config"),
            recordingFrequency: settings.config.recordingFrequency,
            dailyResourceTypes: settings.config.dailyResourceTypes,
            excludedResourceTypes: settings.config.excludedResourceTypes,
            adoptServiceLinkedRoleArn: settings.config.adoptServiceLinkedRole
                ? arn(org, "iam", "", account.id, `role/aws-service-role/${servicePrincipal(org, "config")}/AWSServiceRoleForConfig`)
                : undefined,
        },
        opts,
    );

    const forwarding = new EventForwarding(
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
                    archive: account.kind === "log-archive" ? { bucketName: archiveBucketName(org), servicePrincipalSuffix: `.${partitionDnsSuffix(org.partition)}`, serviceOnlyPrefixes: serviceOnlyArchivePrefixes({ prefixes: DEFAULT_ARCHIVE_PREFIXES, organizationId: org.organizationId, managementAccountId: org.management.id }) } : undefined,
                }),
            ],
            centralBusArn: centralBusArn(org),
            accountId: account.id,
            eventsPrincipal: servicePrincipal(org, "events"),
            eventsArnPrefix: `arn:${org.partition}:events`,
            namePrefix: org.namePrefix,
            exemptRoleArns: [roleArn(org, account.id, org.roles.deployment), roleArn(org, account.id, org.roles.breakGlass)],
        },
        opts,
    );

    new AccountHardening("hardening", { accountId: account.id }, opts);

    const breakGlass = new BreakGlassRole(
        "break-glass",
        {
            roleName: org.roles.breakGlass,
            trustPolicy: breakGlassTrustPolicy({ partition: org.partition, managementAccountId: org.management.id, ...org.breakGlass }),
            administratorPolicyArn: arn(org, "iam", "", "aws", "policy/AdministratorAccess"),
            maxSessionMinutes: org.breakGlass.maxSessionMinutes,
            adopt: settings.breakGlassRole.adopt,
        },
        opts,
    );

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
        opts,
    );

    let logSubscription: LogSubscriptionPolicy | undefined;
    if (settings.logSubscription.enabled) {
        // The pipeline's own groups (log-archive output, optional until that stack exports it) and the
        // organisation trail's group, already archived in S3 by the trail itself.
        const pipelineGroups = archive.getOutput("pipelineLogGroupNames") as pulumi.Output<string[] | undefined>;
        const excluded = pipelineGroups.apply((groups) => [orgTrailLogGroupName(org), ...(groups ?? []), ...settings.logSubscription.excludedLogGroups]);
        logSubscription = new LogSubscriptionPolicy(
            "central-logs",
            {
                regions: org.regions,
                destinationArns: archive.requireOutput("logDestinationArns") as pulumi.Output<Record<string, string>>,
                policyName: logSubscriptionPolicyName(org),
                excludedLogGroups: excluded,
                accountId: account.id,
                logsPrincipal: servicePrincipal(org, "logs"),
                logsArnPrefix: `arn:${org.partition}:logs`,
                roleName: logSubscriptionRoleName(org),
            },
            opts,
        );
    }

    return {
        accountId: account.id,
        breakGlassRoleArn: breakGlass.roleArn,
        configRoleArn: config.roleArn,
        configRecorderNames: config.recorderNames,
        forwardingRoleArn: forwarding.roleArn,
        forwardingRuleArns: forwarding.ruleArns,
        forwardingDeadLetterQueueArns: forwarding.deadLetterQueueArns,
        // Only when the subscription exists: an undefined output is no output (the SDK warns about it).
        ...(logSubscription ? { logSubscriptionPolicyNames: logSubscription.policyNames, logSubscriptionRoleArn: logSubscription.roleArn } : {}),
        accessLogBucketNames: accessLogs.bucketNames,
    };
}
