import type * as pulumi from "@pulumi/pulumi";
import type { StackModel } from "../config/model";
import { archiveBucketName, arn, orgTrailArn, roleArn, servicePrincipal, stagingBucketName } from "../naming";
import { archiveBucketPolicy, DEFAULT_ARCHIVE_PREFIXES } from "../iam/archive-bucket-policy";
import { archiveKeyPolicy } from "../iam/archive-key-policy";
import { stagingBucketPolicy, type StagingSource } from "../iam/log-archive-staging-bucket-policy";
import { ArchiveBucket } from "../components/log-archive/archive-bucket";
import { StagingBucket } from "../components/log-archive/staging-bucket";
import { LogDestinations } from "../components/log-archive/log-destinations";
import { ObjectNotifications } from "../components/log-archive/object-notifications";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "log-archive" }>;

/** Delivering service principal of each staging source. */
const STAGING_SERVICES: Record<StagingSource, string> = { "access-logs": "logging.s3", elb: "logdelivery.elasticloadbalancing", config: "config" };

/** The `log-archive` role: composition only (config → providers → components → exports). */
export function runLogArchiveStack(ctx: RoleContext<Model>): RoleOutputs {
    const { org, account, settings } = ctx.model;
    const s3Prefix = `arn:${org.partition}:s3:::`;
    const guardDutyArnPrefix = `arn:${org.partition}:guardduty`;
    const exempt = [roleArn(org, account.id, org.roles.deployment), roleArn(org, account.id, org.roles.breakGlass)];
    const investigator = roleArn(org, org.security.id, org.roles.investigator);
    const trailArn = orgTrailArn(org);
    const bucketName = archiveBucketName(org);
    const protect = settings.protect;

    const archive = new ArchiveBucket(
        "archive",
        {
            bucketName,
            keyPolicy: archiveKeyPolicy({
                accountRootArn: arn(org, "iam", "", account.id, "root"),
                logArchiveAccountId: account.id,
                organizationId: org.organizationId,
                securityAccountId: org.security.id,
                trailArn,
                exemptRoleArns: exempt,
                readerRoleArns: [investigator],
                principals: {
                    cloudTrail: servicePrincipal(org, "cloudtrail"),
                    logDelivery: servicePrincipal(org, "delivery.logs"),
                    guardDuty: servicePrincipal(org, "guardduty"),
                    config: servicePrincipal(org, "config"),
                    logs: servicePrincipal(org, `logs.${org.homeRegion}`),
                },
                guardDutyArnPrefix,
                logsArnPrefix: arn(org, "logs", org.homeRegion, account.id, "").replace(/:$/, ""),
            }),
            bucketPolicy: archiveBucketPolicy({
                bucketArn: `${s3Prefix}${bucketName}`,
                organizationId: org.organizationId,
                managementAccountId: org.management.id,
                securityAccountId: org.security.id,
                trailArn,
                configurationRoleArns: exempt,
                investigatorRoleArn: investigator,
                principals: { cloudTrail: servicePrincipal(org, "cloudtrail"), logDelivery: servicePrincipal(org, "delivery.logs"), guardDuty: servicePrincipal(org, "guardduty") },
                guardDutyArnPrefix,
                prefixes: DEFAULT_ARCHIVE_PREFIXES,
            }),
            objectLockDays: org.retention.objectLockDays,
            expireAfterDays: org.retention.archiveDays,
            glacierInstantRetrievalAfterDays: org.tiering.glacierInstantRetrievalAfterDays,
            deepArchiveAfterDays: org.tiering.deepArchiveAfterDays,
            noncurrentVersionExpiryDays: org.tiering.noncurrentVersionExpiryDays,
            accessLogBucket: stagingBucketName(org, "access-logs"),
            protect,
        },
        { provider: ctx.provider },
    );

    const staging = (source: StagingSource, accessLogBucket: pulumi.Output<string> | undefined, kmsKeyArn?: pulumi.Output<string>): StagingBucket => {
        const name = stagingBucketName(org, source);
        return new StagingBucket(
            `staging-${source}`,
            {
                bucketName: name,
                bucketPolicy: stagingBucketPolicy({
                    source,
                    bucketArn: `${s3Prefix}${name}`,
                    organizationId: org.organizationId,
                    configurationRoleArns: exempt,
                    servicePrincipal: servicePrincipal(org, STAGING_SERVICES[source]),
                    logArchiveAccountId: account.id,
                }),
                kmsKeyArn,
                archiveBucketArn: archive.bucketArn,
                archiveKeyArn: archive.keyArn,
                logClass: source,
                s3Principal: servicePrincipal(org, "s3"),
                accountId: account.id,
                accessLogBucket,
                protect,
            },
            { provider: ctx.provider },
        );
    };
    // The access-log bucket does not log into itself (that would loop); the others log into it.
    const accessLogs = staging("access-logs", undefined);
    const elb = staging("elb", accessLogs.bucketName);
    // Config's delivery channel supports SSE-KMS but not Object Lock: it stages under the archive key.
    const config = staging("config", accessLogs.bucketName, archive.keyArn);

    const destinations = new LogDestinations(
        "central-logs",
        {
            regions: org.regions,
            destinationName: `${org.namePrefix}-central-logs`,
            organizationId: org.organizationId,
            accountIds: org.accounts.flatMap((x) => (x.id === undefined ? [] : [x.id])),
            accountId: account.id,
            bucketArn: archive.bucketArn,
            keyArn: archive.keyArn,
            principals: { logs: servicePrincipal(org, "logs"), firehose: servicePrincipal(org, "firehose") },
            logsArnPrefix: `arn:${org.partition}:logs`,
        },
        { provider: ctx.provider },
    );

    const notifications = new ObjectNotifications(
        "archive-objects",
        { bucketName: archive.bucketName, eventsPrincipal: servicePrincipal(org, "events"), securityAccountRootArn: arn(org, "iam", "", org.security.id, "root") },
        { provider: ctx.provider },
    );

    return {
        accountId: account.id,
        archiveBucketName: archive.bucketName,
        archiveBucketArn: archive.bucketArn,
        archiveKeyArn: archive.keyArn,
        archivePrefixes: DEFAULT_ARCHIVE_PREFIXES,
        configBucketName: config.bucketName,
        configKeyArn: archive.keyArn,
        accessLogBucketName: accessLogs.bucketName,
        elbLogBucketName: elb.bucketName,
        logDestinationArns: destinations.destinationArns,
        notificationQueueArn: notifications.queueArn,
    };
}
