import * as pulumi from "@pulumi/pulumi";
import type { StackModel } from "../config/model";
import { partitionDnsSuffix } from "../config/regions";
import { accessLogBucketName, archiveBucketName, arn, centralBusArn, roleArn, logSubscriptionPolicyName, logSubscriptionRoleName, orgTrailLogGroupName, servicePrincipal, stackReferenceName } from "../naming";
import type { RoleContext, RoleOutputs } from "./context";
import { ConfigRecorder } from "../components/baseline/config-recorder";
import { EventForwarding } from "../components/baseline/event-forwarding";
import { FORWARDING_RULES, globalEventsRegion, landingZoneForwardingRules } from "../components/baseline/forwarding-rules";
import { LogSubscriptionPolicy } from "../components/baseline/log-subscription-policy";
import { AccountHardening } from "../components/baseline/account-hardening";
import { AccessLogBuckets } from "../components/baseline/access-log-buckets";
import { memberBreakGlassRoleArn } from "./break-glass";
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

    const config = configRecorders(ctx.model, archive, opts);

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

    const breakGlassRoleArn = memberBreakGlassRoleArn(ctx.model, opts);

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
        breakGlassRoleArn,
        // Absent when Control Tower owns the account's recorders.
        ...(config ? { configRoleArn: config.roleArn, configRecorderNames: config.recorderNames } : {}),
        forwardingRoleArn: forwarding.roleArn,
        forwardingRuleArns: forwarding.ruleArns,
        forwardingDeadLetterQueueArns: forwarding.deadLetterQueueArns,
        // Only when the subscription exists: an undefined output is no output (the SDK warns about it).
        ...(logSubscription ? { logSubscriptionPolicyNames: logSubscription.policyNames, logSubscriptionRoleArn: logSubscription.roleArn } : {}),
        accessLogBucketNames: accessLogs.bucketNames,
    };
}

/** AWS Config in every enabled region, adopting what exists; none when Control Tower owns the account's recorders. */
function configRecorders(model: Model, archive: pulumi.StackReference, opts: pulumi.CustomResourceOptions): ConfigRecorder | undefined {
    const { org, account, settings } = model;
    if (settings.config.owner === "control-tower") return undefined;
    return new ConfigRecorder(
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
            adopt: settings.config.adopt.regions.length > 0 ? settings.config.adopt : undefined,
        },
        opts,
    );
}
