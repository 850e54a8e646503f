import type * as pulumi from "@pulumi/pulumi";
import type { StackModel } from "../config/model";
import type { OrgModel } from "../config/model";
import { REGIONS } from "../config/regions";
import { archiveBucketName, arn, orgTrailArn, roleArn, servicePrincipal, stagingBucketName, stagingBucketPrefix } from "../naming";
import { archiveBucketPolicy, DEFAULT_ARCHIVE_PREFIXES } from "../iam/archive-bucket-policy";
import { archiveKeyPolicy } from "../iam/archive-key-policy";
import { stagingBucketPolicy, type StagingSource } from "../iam/log-archive-staging-bucket-policy";
import { replicaBucketPolicy } from "../iam/log-archive-replica-bucket-policy";
import { readerKeyPolicy } from "../iam/log-archive-reader-key-policy";
import { queryResultsBucketPolicy } from "../iam/log-archive-query-results-bucket-policy";
import { ArchiveBucket } from "../components/log-archive/archive-bucket";
import { StagingBucket, type ReplicationTarget } from "../components/log-archive/staging-bucket";
import { LogDestinations } from "../components/log-archive/log-destinations";
import { ObjectNotifications } from "../components/log-archive/object-notifications";
import { ArchiveReplication } from "../components/log-archive/archive-replication";
import { QueryResults } from "../components/log-archive/query-results";
import { LogQuery } from "../components/log-archive/log-query";
import { logTables } from "../components/log-archive/log-tables";
import { SAVED_QUERIES } from "../components/log-archive/saved-queries";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "log-archive" }>;

/** Delivering service principal of each staging source. */
const STAGING_SERVICES: Record<StagingSource, string> = { "access-logs": "logging.s3", elb: "logdelivery.elasticloadbalancing", config: "config" };

/**
 * Physical names of the query layer and the replica. Only this stack uses them today; they move to
 * naming.ts once another stack (guardrails, trail exclusions) needs to derive them.
 */
export const logArchiveNames = (org: OrgModel, replicaRegion?: string) => ({
    queryResultsBucket: `${org.namePrefix}-query-results-${org.logArchive.id}-${org.homeRegion}`,
    queryWorkgroup: `${org.namePrefix}-log-queries`,
    queryDatabase: `${org.namePrefix.replace(/-/g, "_")}_logs`,
    queryRole: `${org.namePrefix}-log-query`,
    replicaBucket: `${org.namePrefix}-archive-${org.logArchive.id}-${replicaRegion}`,
    // Under the staging prefix, so the guardrails and trail exclusions that cover staging buckets cover it.
    replicaAccessLogBucket: `${stagingBucketPrefix(org)}access-logs-${org.logArchive.id}-${replicaRegion}`,
    replicationRole: `${org.namePrefix}-archive-replication`,
});

/** Regions CloudTrail may write folders for: the enabled ones and every region active by default in the partition. */
function cloudTrailRegions(org: OrgModel): string[] {
    const always = Object.entries(REGIONS).filter(([, r]) => r.partition === org.partition && !r.optIn).map(([name]) => name);
    return [...org.regions, ...always.filter((r) => !org.regions.includes(r))];
}

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

    const viaS3 = (region: string) => servicePrincipal(org, `s3.${region}`);
    const names = logArchiveNames(org, settings.replicaRegion);

    // Optional cross-region replica: same protections as the archive, its own key, no direct writers.
    const replicaRegion = settings.replicaRegion;
    const replica =
        replicaRegion === undefined
            ? undefined
            : new ArchiveBucket(
                  "archive-replica",
                  {
                      bucketName: names.replicaBucket,
                      keyPolicy: readerKeyPolicy({ accountRootArn: arn(org, "iam", "", account.id, "root"), exemptRoleArns: exempt, securityAccountId: org.security.id, readerRoleArns: [investigator] }),
                      bucketPolicy: replicaBucketPolicy({ bucketArn: `${s3Prefix}${names.replicaBucket}`, organizationId: org.organizationId, configurationRoleArns: exempt, investigatorRoleArn: investigator }),
                      objectLockDays: org.retention.objectLockDays,
                      expireAfterDays: org.retention.archiveDays,
                      glacierInstantRetrievalAfterDays: org.tiering.glacierInstantRetrievalAfterDays,
                      deepArchiveAfterDays: org.tiering.deepArchiveAfterDays,
                      noncurrentVersionExpiryDays: org.tiering.noncurrentVersionExpiryDays,
                      // Server access logs must go to a bucket in the same region: its own staging bucket (below).
                      accessLogBucket: names.replicaAccessLogBucket,
                      eventBridgeNotifications: false,
                      region: replicaRegion,
                      protect,
                  },
                  { provider: ctx.provider },
              );
    const toArchive: ReplicationTarget = { name: "archive", bucketArn: archive.bucketArn, keyArn: archive.keyArn, viaService: viaS3(org.homeRegion) };
    // Staged objects arrive in the archive as replicas, which S3 does not replicate again: they get a rule to the replica of their own.
    const toReplica: ReplicationTarget[] = replica && replicaRegion ? [{ name: "replica", bucketArn: replica.bucketArn, keyArn: replica.keyArn, viaService: viaS3(replicaRegion) }] : [];

    const staging = (
        source: StagingSource,
        accessLogBucket: pulumi.Output<string> | undefined,
        kmsKeyArn?: pulumi.Output<string>,
        where: { readonly logical: string; readonly name: string; readonly region?: string; readonly destinations: readonly ReplicationTarget[] } = {
            logical: `staging-${source}`,
            name: stagingBucketName(org, source),
            destinations: [toArchive, ...toReplica],
        },
    ): StagingBucket =>
        new StagingBucket(
            where.logical,
            {
                bucketName: where.name,
                bucketPolicy: stagingBucketPolicy({
                    source,
                    bucketArn: `${s3Prefix}${where.name}`,
                    organizationId: org.organizationId,
                    configurationRoleArns: exempt,
                    servicePrincipal: servicePrincipal(org, STAGING_SERVICES[source]),
                    logArchiveAccountId: account.id,
                }),
                kmsKeyArn,
                destinations: where.destinations,
                viaService: viaS3(where.region ?? org.homeRegion),
                logClass: source,
                s3Principal: servicePrincipal(org, "s3"),
                accountId: account.id,
                accessLogBucket,
                region: where.region,
                protect,
            },
            { provider: ctx.provider },
        );
    // The access-log bucket does not log into itself (that would loop); the others log into it.
    const accessLogs = staging("access-logs", undefined);
    const elb = staging("elb", accessLogs.bucketName);
    // Config's delivery channel supports SSE-KMS but not Object Lock: it stages under the archive key.
    const config = staging("config", accessLogs.bucketName, archive.keyArn);
    if (replica && replicaRegion) {
        // The replica's access logs, staged in its region and replicated into the archive.
        staging("access-logs", undefined, undefined, { logical: "staging-replica-access-logs", name: names.replicaAccessLogBucket, region: replicaRegion, destinations: [toArchive] });
        new ArchiveReplication(
            "archive-replication",
            {
                sourceBucketName: archive.bucketName,
                sourceBucketArn: archive.bucketArn,
                sourceKeyArn: archive.keyArn,
                sourceViaService: viaS3(org.homeRegion),
                destinationBucketArn: replica.bucketArn,
                destinationKeyArn: replica.keyArn,
                destinationViaService: viaS3(replicaRegion),
                roleName: names.replicationRole,
                s3Principal: servicePrincipal(org, "s3"),
                accountId: account.id,
            },
            { provider: ctx.provider, dependsOn: [archive, replica] },
        );
    }

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

    // Query layer: results bucket + key, workgroup, catalog, saved queries, the investigator's query role.
    const results = new QueryResults(
        "query-results",
        {
            bucketName: names.queryResultsBucket,
            keyPolicy: readerKeyPolicy({ accountRootArn: arn(org, "iam", "", account.id, "root"), exemptRoleArns: exempt, securityAccountId: org.security.id, readerRoleArns: [investigator] }),
            bucketPolicy: queryResultsBucketPolicy({ bucketArn: `${s3Prefix}${names.queryResultsBucket}`, organizationId: org.organizationId, configurationRoleArns: exempt, investigatorRoleArn: investigator }),
            expireAfterDays: settings.query.resultsExpiryDays,
            accessLogBucket: accessLogs.bucketName,
            protect,
        },
        { provider: ctx.provider },
    );
    const query = new LogQuery(
        "log-query",
        {
            workgroupName: names.queryWorkgroup,
            databaseName: names.queryDatabase,
            roleName: names.queryRole,
            trustedRoleArns: [investigator],
            tables: logTables({ organizationId: org.organizationId, prefixes: DEFAULT_ARCHIVE_PREFIXES, regions: org.regions, cloudTrailRegions: cloudTrailRegions(org) }),
            queries: SAVED_QUERIES,
            archive: { bucketName, bucketArn: `${s3Prefix}${bucketName}`, keyArn: archive.keyArn },
            results: { bucketName: results.bucketName, bucketArn: results.bucketArn, keyArn: results.keyArn },
            accountIds: org.accounts.flatMap((x) => (x.id === undefined ? [] : [x.id])),
            retentionDays: org.retention.archiveDays,
            accountId: account.id,
            partition: org.partition,
            region: org.homeRegion,
            athenaPrincipal: servicePrincipal(org, "athena"),
            s3ViaService: viaS3(org.homeRegion),
            bytesScannedCutoffPerQuery: settings.query.bytesScannedCutoffPerQuery,
        },
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
        queryWorkgroupName: query.workgroupName,
        queryDatabaseName: query.databaseName,
        queryRoleArn: query.roleArn,
        queryResultsBucketName: results.bucketName,
        queryResultsKeyArn: results.keyArn,
        ...(replica
            ? { archiveReplicaBucketName: replica.bucketName, archiveReplicaBucketArn: replica.bucketArn, archiveReplicaKeyArn: replica.keyArn, replicaAccessLogBucketName: names.replicaAccessLogBucket }
            : {}),
    };
}
