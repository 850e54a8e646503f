import * as pulumi from "@pulumi/pulumi";
import type { StackModel } from "../config/model";
import type { OrgModel } from "../config/model";
import { partitionDnsSuffix, REGIONS } from "../config/regions";
import {
    archiveBucketName,
    archiveNotificationsName,
    archiveReplicaBucketName,
    archiveReplicationRoleName,
    arn,
    centralLogsDeliveryRoleName,
    centralLogsDestinationName,
    centralLogsSubscriptionRoleName,
    orgTrailArn,
    pipelineLogGroupName,
    queryDatabaseName,
    queryResultsBucketName,
    queryRoleName,
    queryWorkgroupName,
    roleArn,
    servicePrincipal,
    stagingBucketName,
    stagingReplicationRoleName,
} from "../naming";
import { archiveBucketPolicy, DEFAULT_ARCHIVE_PREFIXES } from "../iam/archive-bucket-policy";
import { archiveKeyPolicy } from "../iam/archive-key-policy";
import { stagingBucketPolicy, type ElbDelivery, type StagingSource } from "../iam/log-archive-staging-bucket-policy";
import { elbLogWriter } from "../iam/log-archive-elb-log-delivery";
import { pipelineLogKeyPolicy } from "../iam/log-archive-pipeline-log-key-policy";
import { replicaBucketPolicy } from "../iam/log-archive-replica-bucket-policy";
import { readerKeyPolicy } from "../iam/log-archive-reader-key-policy";
import { queryResultsBucketPolicy } from "../iam/log-archive-query-results-bucket-policy";
import { ArchiveBucket } from "../components/log-archive/archive-bucket";
import { StagingBucket, type ReplicationTarget } from "../components/log-archive/staging-bucket";
import { LogDestinations } from "../components/log-archive/log-destinations";
import { DeliveryErrorLogs } from "../components/log-archive/delivery-error-logs";
import { ObjectNotifications } from "../components/log-archive/object-notifications";
import { ArchiveReplication } from "../components/log-archive/archive-replication";
import { QueryResults } from "../components/log-archive/query-results";
import { LogQuery } from "../components/log-archive/log-query";
import { logTables } from "../components/log-archive/log-tables";
import { CENTRAL_LOGS_PREFIX } from "../components/log-archive/central-logs-keys";
import { SAVED_QUERIES } from "../components/log-archive/saved-queries";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "log-archive" }>;

/** Delivering service principal of each staging source. */
const STAGING_SERVICES: Record<StagingSource, string> = { "access-logs": "logging.s3", elb: "logdelivery.elasticloadbalancing", config: "config" };

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
    const accountIds = org.accounts.flatMap((x) => (x.id === undefined ? [] : [x.id]));

    // Optional cross-region replica: same protections as the archive, its own key, no direct writers.
    const replicaRegion = settings.replicaRegion;
    const replicaName = replicaRegion === undefined ? undefined : archiveReplicaBucketName(org, replicaRegion);
    const replica =
        replicaRegion === undefined || replicaName === undefined
            ? undefined
            : new ArchiveBucket(
                  "archive-replica",
                  {
                      bucketName: replicaName,
                      keyPolicy: readerKeyPolicy({ accountRootArn: arn(org, "iam", "", account.id, "root"), exemptRoleArns: exempt, securityAccountId: org.security.id, readerRoleArns: [investigator] }),
                      bucketPolicy: replicaBucketPolicy({ bucketArn: `${s3Prefix}${replicaName}`, organizationId: org.organizationId, configurationRoleArns: exempt, investigatorRoleArn: investigator }),
                      objectLockDays: org.retention.objectLockDays,
                      expireAfterDays: org.retention.archiveDays,
                      glacierInstantRetrievalAfterDays: org.tiering.glacierInstantRetrievalAfterDays,
                      deepArchiveAfterDays: org.tiering.deepArchiveAfterDays,
                      noncurrentVersionExpiryDays: org.tiering.noncurrentVersionExpiryDays,
                      // Server access logs must go to a bucket in the same region: that region's access-log bucket (below).
                      accessLogBucket: stagingBucketName(org, "access-logs", replicaRegion),
                      eventBridgeNotifications: false,
                      region: replicaRegion,
                      protect,
                  },
                  { provider: ctx.provider },
              );
    const toArchive: ReplicationTarget = { name: "archive", bucketArn: archive.bucketArn, keyArn: archive.keyArn, viaService: viaS3(org.homeRegion) };
    // Staged objects arrive in the archive as replicas, which S3 does not replicate again: they get a rule to the replica of their own.
    const toReplica: ReplicationTarget[] = replica && replicaRegion ? [{ name: "replica", bucketArn: replica.bucketArn, keyArn: replica.keyArn, viaService: viaS3(replicaRegion) }] : [];

    /** ELB's writers in `region` (validated for every enabled region with the settings). */
    const elbDelivery = (region: string): ElbDelivery => {
        const writer = elbLogWriter(org.partition, region, partitionDnsSuffix(org.partition));
        if (writer === undefined) throw new Error(`log-archive: no Elastic Load Balancing log writer is known for region ${region}`);
        return { writer, accountIds, vendedLogsPrincipal: servicePrincipal(org, "delivery.logs"), logsArnPrefix: `arn:${org.partition}:logs:${region}` };
    };
    const staging = (
        source: StagingSource,
        region: string,
        o: { readonly logical: string; readonly accessLogBucket?: pulumi.Input<string>; readonly kmsKeyArn?: pulumi.Output<string>; readonly destinations: readonly ReplicationTarget[] },
    ): StagingBucket => {
        const name = stagingBucketName(org, source, region);
        return new StagingBucket(
            o.logical,
            {
                bucketName: name,
                bucketPolicy: stagingBucketPolicy({
                    source,
                    bucketArn: `${s3Prefix}${name}`,
                    organizationId: org.organizationId,
                    configurationRoleArns: exempt,
                    servicePrincipal: servicePrincipal(org, STAGING_SERVICES[source]),
                    logArchiveAccountId: account.id,
                    elb: source === "elb" ? elbDelivery(region) : undefined,
                }),
                kmsKeyArn: o.kmsKeyArn,
                destinations: o.destinations,
                viaService: viaS3(region),
                logClass: source,
                s3Principal: servicePrincipal(org, "s3"),
                replicationRoleName: stagingReplicationRoleName(org, source, region),
                logBucketKind: source === "access-logs" ? "access-logs" : "staging",
                accountId: account.id,
                accessLogBucket: o.accessLogBucket,
                region: region === org.homeRegion ? undefined : region,
                protect,
            },
            { provider: ctx.provider },
        );
    };
    // Home region: the access-log bucket does not log into itself (that would loop); the others log into it.
    const accessLogs = staging("access-logs", org.homeRegion, { logical: "staging-access-logs", destinations: [toArchive, ...toReplica] });
    const accessLogBuckets: Record<string, pulumi.Output<string>> = { [org.homeRegion]: accessLogs.bucketName };
    // Config's delivery channel supports SSE-KMS but not Object Lock: it stages under the archive key.
    const config = staging("config", org.homeRegion, { logical: "staging-config", accessLogBucket: accessLogs.bucketName, kmsKeyArn: archive.keyArn, destinations: [toArchive, ...toReplica] });
    // Server access logs (of the regional ELB buckets, of the replica) stay in their bucket's region:
    // every other enabled region has an access-log bucket of its own. The replica region's does not
    // replicate into the replica, whose writes it logs (that would loop).
    for (const region of org.regions.filter((r) => r !== org.homeRegion)) {
        const logical = region === replicaRegion ? "staging-replica-access-logs" : `staging-access-logs-${region}`;
        accessLogBuckets[region] = staging("access-logs", region, { logical, destinations: region === replicaRegion ? [toArchive] : [toArchive, ...toReplica] }).bucketName;
    }
    // A load balancer delivers only to a bucket of its own region: one ELB staging bucket per enabled region.
    const elbBuckets: Record<string, pulumi.Output<string>> = {};
    for (const region of org.regions) {
        const logical = region === org.homeRegion ? "staging-elb" : `staging-elb-${region}`;
        elbBuckets[region] = staging("elb", region, { logical, accessLogBucket: accessLogBuckets[region], destinations: [toArchive, ...toReplica] }).bucketName;
    }
    if (replica && replicaRegion) {
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
                roleName: archiveReplicationRoleName(org),
                s3Principal: servicePrincipal(org, "s3"),
                accountId: account.id,
            },
            { provider: ctx.provider, dependsOn: [archive, replica] },
        );
    }

    // The central pipeline's delivery errors: one encrypted log group per region, excluded from every account's subscription.
    const errorLogGroup = pipelineLogGroupName(org);
    const errorLogs = new DeliveryErrorLogs(
        "central-logs-errors",
        {
            regions: org.regions,
            logGroupName: errorLogGroup,
            retentionDays: org.retention.logGroupDays,
            keyPolicies: Object.fromEntries(
                org.regions.map((region) => [
                    region,
                    pipelineLogKeyPolicy({
                        accountRootArn: arn(org, "iam", "", account.id, "root"),
                        exemptRoleArns: exempt,
                        logsPrincipal: servicePrincipal(org, `logs.${region}`),
                        logGroupArn: arn(org, "logs", region, account.id, `log-group:${errorLogGroup}`),
                    }),
                ]),
            ),
            protect,
        },
        { provider: ctx.provider },
    );
    const destinations = new LogDestinations(
        "central-logs",
        {
            regions: org.regions,
            destinationName: centralLogsDestinationName(org),
            organizationId: org.organizationId,
            accountId: account.id,
            bucketArn: archive.bucketArn,
            keyArn: archive.keyArn,
            principals: { logs: servicePrincipal(org, "logs"), firehose: servicePrincipal(org, "firehose") },
            logsArnPrefix: `arn:${org.partition}:logs`,
            roleNames: { subscription: centralLogsSubscriptionRoleName(org), delivery: centralLogsDeliveryRoleName(org) },
            errorLogging: { logGroupName: errorLogs.logGroupName, logStreamName: errorLogs.logStreamName, logGroupArns: errorLogs.logGroupArns, createdBy: errorLogs },
            prefix: CENTRAL_LOGS_PREFIX,
        },
        { provider: ctx.provider },
    );

    const notifications = new ObjectNotifications(
        "archive-objects",
        { name: archiveNotificationsName(org), bucketName: archive.bucketName, eventsPrincipal: servicePrincipal(org, "events"), securityAccountRootArn: arn(org, "iam", "", org.security.id, "root") },
        { provider: ctx.provider },
    );

    // Query layer: results bucket + key, workgroup, catalog, saved queries, the investigator's query role.
    const resultsBucket = queryResultsBucketName(org);
    const results = new QueryResults(
        "query-results",
        {
            bucketName: resultsBucket,
            keyPolicy: readerKeyPolicy({ accountRootArn: arn(org, "iam", "", account.id, "root"), exemptRoleArns: exempt, securityAccountId: org.security.id, readerRoleArns: [investigator] }),
            bucketPolicy: queryResultsBucketPolicy({ bucketArn: `${s3Prefix}${resultsBucket}`, organizationId: org.organizationId, configurationRoleArns: exempt, investigatorRoleArn: investigator }),
            expireAfterDays: settings.query.resultsExpiryDays,
            accessLogBucket: accessLogs.bucketName,
            protect,
        },
        { provider: ctx.provider },
    );
    const query = new LogQuery(
        "log-query",
        {
            workgroupName: queryWorkgroupName(org),
            databaseName: queryDatabaseName(org),
            roleName: queryRoleName(org),
            trustedRoleArns: [investigator],
            // The central-logs table reads where the destinations' streams write: the same prefix.
            tables: logTables({ organizationId: org.organizationId, prefixes: DEFAULT_ARCHIVE_PREFIXES, regions: org.regions, cloudTrailRegions: cloudTrailRegions(org), centralLogsPrefix: CENTRAL_LOGS_PREFIX }),
            queries: SAVED_QUERIES,
            archive: { bucketName, bucketArn: `${s3Prefix}${bucketName}`, keyArn: archive.keyArn },
            results: { bucketName: results.bucketName, bucketArn: results.bucketArn, keyArn: results.keyArn },
            accountIds,
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
        accessLogBucketNames: pulumi.output(accessLogBuckets),
        elbLogBucketName: elbBuckets[org.homeRegion],
        elbLogBucketNames: pulumi.output(elbBuckets),
        logDestinationArns: destinations.destinationArns,
        pipelineLogGroupNames: [errorLogs.logGroupName],
        notificationQueueArn: notifications.queueArn,
        queryWorkgroupName: query.workgroupName,
        queryDatabaseName: query.databaseName,
        queryRoleArn: query.roleArn,
        queryResultsBucketName: results.bucketName,
        queryResultsKeyArn: results.keyArn,
        ...(replica
            ? { archiveReplicaBucketName: replica.bucketName, archiveReplicaBucketArn: replica.bucketArn, archiveReplicaKeyArn: replica.keyArn, replicaAccessLogBucketName: accessLogBuckets[replicaRegion ?? org.homeRegion] }
            : {}),
    };
}
