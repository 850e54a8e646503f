import * as pulumi from "@pulumi/pulumi";
import type { OrgModel, StackModel } from "../config/model";
import { partitionDnsSuffix, REGIONS } from "../config/regions";
import { healthAlarmName } from "../config/health";
import {
    archiveBucketName,
    archiveNotificationsName,
    archiveReplicaBucketName,
    archiveReplicationRoleName,
    arn,
    logCanaryLogGroupName,
    centralLogsDeliveryRoleName,
    centralLogsDestinationName,
    centralLogsSubscriptionRoleName,
    integrityValidationName,
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
    stagingReplicationRolePattern,
} from "../naming";
import { archiveBucketPolicy, DEFAULT_ARCHIVE_PREFIXES } from "../iam/archive-bucket-policy";
import { archiveKeyPolicy } from "../iam/archive-key-policy";
import { stagingBucketPolicy, type ElbDelivery, type StagingSource } from "../iam/log-archive-staging-bucket-policy";
import { elbLogWriter } from "../config/elb-log-writers";
import { pipelineLogKeyPolicy } from "../iam/log-archive-pipeline-log-key-policy";
import { replicaBucketPolicy } from "../iam/log-archive-replica-bucket-policy";
import { readerKeyPolicy } from "../iam/log-archive-reader-key-policy";
import { queryResultsBucketPolicy } from "../iam/log-archive-query-results-bucket-policy";
import { ArchiveBucket, type ArchiveBucketArgs } from "../components/log-archive/archive-bucket";
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

/** What every step of the log-archive program needs: the model, the provider, and names derived once. */
interface Context extends RoleContext<Model> {
    readonly org: OrgModel;
    readonly accountId: string;
    /** Deployment and break-glass roles of this account: the only principals that may change bucket and key configuration. */
    readonly exempt: string[];
    /** The security account's investigator, the one cross-account reader. */
    readonly investigator: string;
    /** The security account's scheduled integrity validation: reads the trail's files and digests only. */
    readonly integrityValidator: string;
    readonly accountRoot: string;
    /** `arn:<partition>:s3:::`. */
    readonly s3Prefix: string;
    /** `s3.<region>.amazonaws.com`: a key is usable only through S3 in its region. */
    readonly viaS3: (region: string) => string;
    /** The organisation's accounts with a known id: the accounts whose services deliver here. */
    readonly accountIds: string[];
}

/** The archive, its optional cross-region replica, and the replication targets staging buckets use. */
interface ArchiveTier {
    readonly archive: ArchiveBucket;
    readonly replica: ArchiveBucket | undefined;
    readonly replicaRegion: string | undefined;
    readonly toArchive: ReplicationTarget;
    readonly toReplica: ReplicationTarget[];
}

/** Staging buckets and their names (access logs and ELB per region, Config in the home region). */
interface StagingTier {
    readonly accessLogs: StagingBucket;
    readonly config: StagingBucket;
    readonly accessLogBuckets: Record<string, pulumi.Output<string>>;
    readonly elbBuckets: Record<string, pulumi.Output<string>>;
    /** Every staging bucket's physical name: the trail excludes each from data events. */
    readonly names: string[];
}

/** Regions CloudTrail may write folders for: the enabled ones and every region active by default in the partition. */
function cloudTrailRegions(org: OrgModel): string[] {
    const always = Object.entries(REGIONS).filter(([, r]) => r.partition === org.partition && !r.optIn).map(([name]) => name);
    return [...org.regions, ...always.filter((r) => !org.regions.includes(r))];
}

/** The `log-archive` role: a table of contents of named steps (config → providers → components → exports). */
export function runLogArchiveStack(ctx: RoleContext<Model>): RoleOutputs {
    const c = contextOf(ctx);
    const archive = archiveTier(c);
    const staging = stagingTier(c, archive);
    const pipeline = pipelineTier(c, archive);
    const query = queryTier(c, archive, staging);
    return exportsOf(c, archive, staging, pipeline, query);
}

function contextOf(ctx: RoleContext<Model>): Context {
    const { org, account } = ctx.model;
    return {
        ...ctx,
        org,
        accountId: account.id,
        exempt: [roleArn(org, account.id, org.roles.deployment), roleArn(org, account.id, org.roles.breakGlass)],
        investigator: roleArn(org, org.security.id, org.roles.investigator),
        integrityValidator: roleArn(org, org.security.id, integrityValidationName(org)),
        accountRoot: arn(org, "iam", "", account.id, "root"),
        s3Prefix: `arn:${org.partition}:s3:::`,
        viaS3: (region) => servicePrincipal(org, `s3.${region}`),
        accountIds: org.accounts.flatMap((x) => (x.id === undefined ? [] : [x.id])),
    };
}

/** Object Lock, tiering and expiry shared by the archive and its replica. */
function retentionOf(c: Context): Pick<ArchiveBucketArgs, "objectLockDays" | "expireAfterDays" | "glacierInstantRetrievalAfterDays" | "deepArchiveAfterDays" | "noncurrentVersionExpiryDays" | "protect"> {
    const { org } = c;
    return {
        objectLockDays: org.retention.objectLockDays,
        expireAfterDays: org.retention.archiveDays,
        glacierInstantRetrievalAfterDays: org.tiering.glacierInstantRetrievalAfterDays,
        deepArchiveAfterDays: org.tiering.deepArchiveAfterDays,
        noncurrentVersionExpiryDays: org.tiering.noncurrentVersionExpiryDays,
        protect: c.model.settings.protect,
    };
}

/** The archive's key and bucket policies: each service writes its own prefix for this organisation; the pipeline's roles write theirs. */
function archivePolicies(c: Context, bucketName: string): Pick<ArchiveBucketArgs, "keyPolicy" | "bucketPolicy"> {
    const { org } = c;
    const guardDutyArnPrefix = `arn:${org.partition}:guardduty`;
    const trailArn = orgTrailArn(org);
    return {
        keyPolicy: archiveKeyPolicy({
            accountRootArn: c.accountRoot,
            logArchiveAccountId: c.accountId,
            organizationId: org.organizationId,
            accountIds: c.accountIds,
            securityAccountId: org.security.id,
            trailArn,
            exemptRoleArns: c.exempt,
            readerRoleArns: [c.investigator],
            integrityValidator: { roleArn: c.integrityValidator, viaService: c.viaS3(org.homeRegion) },
            principals: {
                cloudTrail: servicePrincipal(org, "cloudtrail"),
                logDelivery: servicePrincipal(org, "delivery.logs"),
                guardDuty: servicePrincipal(org, "guardduty"),
                config: servicePrincipal(org, "config"),
                logs: servicePrincipal(org, `logs.${org.homeRegion}`),
            },
            guardDutyArnPrefix,
            logsArnPrefix: arn(org, "logs", org.homeRegion, c.accountId, "").replace(/:$/, ""),
        }),
        bucketPolicy: archiveBucketPolicy({
            bucketArn: `${c.s3Prefix}${bucketName}`,
            organizationId: org.organizationId,
            accountIds: c.accountIds,
            managementAccountId: org.management.id,
            securityAccountId: org.security.id,
            trailArn,
            configurationRoleArns: c.exempt,
            investigatorRoleArn: c.investigator,
            integrityValidatorRoleArn: c.integrityValidator,
            deliveryRoleArns: [roleArn(org, c.accountId, centralLogsDeliveryRoleName(org))],
            replicationRoleArnPatterns: [stagingReplicationRolePattern(org)],
            principals: { cloudTrail: servicePrincipal(org, "cloudtrail"), logDelivery: servicePrincipal(org, "delivery.logs"), guardDuty: servicePrincipal(org, "guardduty") },
            guardDutyArnPrefix,
            prefixes: DEFAULT_ARCHIVE_PREFIXES,
        }),
    };
}

/** The Object Lock archive and, when configured, its cross-region replica with the replication between them. */
function archiveTier(c: Context): ArchiveTier {
    const { org } = c;
    const opts = { provider: c.provider };
    const bucketName = archiveBucketName(org);
    const archive = new ArchiveBucket(
        "archive",
        { bucketName, ...archivePolicies(c, bucketName), ...retentionOf(c), accessLogBucket: stagingBucketName(org, "access-logs") },
        opts,
    );
    const toArchive: ReplicationTarget = { name: "archive", bucketArn: archive.bucketArn, keyArn: archive.keyArn, viaService: c.viaS3(org.homeRegion) };
    const replicaRegion = c.model.settings.replicaRegion;
    if (replicaRegion === undefined) return { archive, replica: undefined, replicaRegion, toArchive, toReplica: [] };

    // The replica: the archive's protections, its own key, no way in but the landing zone's replication.
    const replicaName = archiveReplicaBucketName(org, replicaRegion);
    const replica = new ArchiveBucket(
        "archive-replica",
        {
            bucketName: replicaName,
            keyPolicy: readerKeyPolicy({ accountRootArn: c.accountRoot, exemptRoleArns: c.exempt, securityAccountId: org.security.id, readerRoleArns: [c.investigator] }),
            bucketPolicy: replicaBucketPolicy({
                bucketArn: `${c.s3Prefix}${replicaName}`,
                organizationId: org.organizationId,
                configurationRoleArns: c.exempt,
                investigatorRoleArn: c.investigator,
                replicationRoleArnPatterns: [roleArn(org, c.accountId, archiveReplicationRoleName(org)), stagingReplicationRolePattern(org)],
            }),
            ...retentionOf(c),
            // Server access logs must go to a bucket in the same region: that region's access-log bucket.
            accessLogBucket: stagingBucketName(org, "access-logs", replicaRegion),
            eventBridgeNotifications: false,
            region: replicaRegion,
        },
        opts,
    );
    new ArchiveReplication(
        "archive-replication",
        {
            sourceBucketName: archive.bucketName,
            sourceBucketArn: archive.bucketArn,
            sourceKeyArn: archive.keyArn,
            sourceViaService: c.viaS3(org.homeRegion),
            destinationBucketArn: replica.bucketArn,
            destinationKeyArn: replica.keyArn,
            destinationViaService: c.viaS3(replicaRegion),
            roleName: archiveReplicationRoleName(org),
            s3Principal: servicePrincipal(org, "s3"),
            accountId: c.accountId,
            failureAlarmName: healthAlarmName(org.namePrefix, "replication-failed", "archive-to-replica"),
        },
        { ...opts, dependsOn: [archive, replica] },
    );
    // Staged objects arrive in the archive as replicas, which S3 does not replicate again: they get a rule to the replica of their own.
    const toReplica = [{ name: "replica", bucketArn: replica.bucketArn, keyArn: replica.keyArn, viaService: c.viaS3(replicaRegion) }];
    return { archive, replica, replicaRegion, toArchive, toReplica };
}

/** ELB's writers in `region` (validated for every enabled region with the settings). */
function elbDelivery(c: Context, region: string): ElbDelivery {
    const { org } = c;
    const writer = elbLogWriter(org.partition, region, partitionDnsSuffix(org.partition));
    if (writer === undefined) throw new Error(`log-archive: no Elastic Load Balancing log writer is known for region ${region}`);
    return { writer, accountIds: c.accountIds, vendedLogsPrincipal: servicePrincipal(org, "delivery.logs"), logsArnPrefix: `arn:${org.partition}:logs:${region}` };
}

/** One staging bucket for `source` in `region`, replicated into `destinations`. */
function stagingBucket(
    c: Context,
    source: StagingSource,
    region: string,
    o: { readonly logical: string; readonly accessLogBucket?: pulumi.Input<string>; readonly kmsKeyArn?: pulumi.Output<string>; readonly destinations: readonly ReplicationTarget[] },
): StagingBucket {
    const { org } = c;
    const name = stagingBucketName(org, source, region);
    return new StagingBucket(
        o.logical,
        {
            bucketName: name,
            bucketPolicy: stagingBucketPolicy({
                source,
                bucketArn: `${c.s3Prefix}${name}`,
                organizationId: org.organizationId,
                configurationRoleArns: c.exempt,
                servicePrincipal: servicePrincipal(org, STAGING_SERVICES[source]),
                logArchiveAccountId: c.accountId,
                accountIds: c.accountIds,
                loggedBucketPrefix: `${org.namePrefix}-`,
                s3ArnPrefix: c.s3Prefix,
                elb: source === "elb" ? elbDelivery(c, region) : undefined,
            }),
            kmsKeyArn: o.kmsKeyArn,
            destinations: o.destinations,
            viaService: c.viaS3(region),
            logClass: source,
            s3Principal: servicePrincipal(org, "s3"),
            replicationRoleName: stagingReplicationRoleName(org, source, region),
            logBucketKind: source === "access-logs" ? "access-logs" : "staging",
            accountId: c.accountId,
            accessLogBucket: o.accessLogBucket,
            region: region === org.homeRegion ? undefined : region,
            protect: c.model.settings.protect,
            // Rule ids are `<source>-to-<destination>`; the region tells the access-log and ELB buckets of each region apart.
            replicationFailureAlarmName: (ruleId) => healthAlarmName(org.namePrefix, "replication-failed", `${ruleId}-${region}`),
        },
        { provider: c.provider },
    );
}

/** Staging for the sources that cannot write into a locked bucket: S3 access logs and ELB in every region, Config in the home region. */
function stagingTier(c: Context, a: ArchiveTier): StagingTier {
    const { org } = c;
    const home = org.homeRegion;
    const everywhere = [a.toArchive, ...a.toReplica];
    const names: string[] = [];
    const staged = (source: StagingSource, region: string, o: Parameters<typeof stagingBucket>[3]) => {
        names.push(stagingBucketName(org, source, region));
        return stagingBucket(c, source, region, o);
    };
    // Home region: the access-log bucket does not log into itself (that would loop); the others log into it.
    const accessLogs = staged("access-logs", home, { logical: "staging-access-logs", destinations: everywhere });
    const accessLogBuckets: Record<string, pulumi.Output<string>> = { [home]: accessLogs.bucketName };
    // Config's delivery channel supports SSE-KMS but not Object Lock: it stages under the archive key.
    const config = staged("config", home, { logical: "staging-config", accessLogBucket: accessLogs.bucketName, kmsKeyArn: a.archive.keyArn, destinations: everywhere });
    // Server access logs stay in their bucket's region: every other enabled region has an access-log
    // bucket of its own. The replica region's does not replicate into the replica, whose writes it logs (that would loop).
    for (const region of org.regions.filter((r) => r !== home)) {
        const logical = region === a.replicaRegion ? "staging-replica-access-logs" : `staging-access-logs-${region}`;
        accessLogBuckets[region] = staged("access-logs", region, { logical, destinations: region === a.replicaRegion ? [a.toArchive] : everywhere }).bucketName;
    }
    // A load balancer delivers only to a bucket of its own region: one ELB staging bucket per enabled region.
    const elbBuckets: Record<string, pulumi.Output<string>> = {};
    for (const region of org.regions) {
        const logical = region === home ? "staging-elb" : `staging-elb-${region}`;
        elbBuckets[region] = staged("elb", region, { logical, accessLogBucket: accessLogBuckets[region], destinations: everywhere }).bucketName;
    }
    return { accessLogs, config, accessLogBuckets, elbBuckets, names };
}

/** Central CloudWatch Logs: error log groups, destinations and Firehose streams into the archive, and the archive's new-object queue. */
function pipelineTier(c: Context, a: ArchiveTier) {
    const { org } = c;
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
                        accountRootArn: c.accountRoot,
                        exemptRoleArns: c.exempt,
                        logsPrincipal: servicePrincipal(org, `logs.${region}`),
                        logGroupArn: arn(org, "logs", region, c.accountId, `log-group:${errorLogGroup}`),
                    }),
                ]),
            ),
            protect: c.model.settings.protect,
        },
        { provider: c.provider },
    );
    const destinations = new LogDestinations(
        "central-logs",
        {
            regions: org.regions,
            destinationName: centralLogsDestinationName(org),
            organizationId: org.organizationId,
            accountId: c.accountId,
            bucketArn: a.archive.bucketArn,
            keyArn: a.archive.keyArn,
            principals: { logs: servicePrincipal(org, "logs"), firehose: servicePrincipal(org, "firehose") },
            logsArnPrefix: `arn:${org.partition}:logs`,
            roleNames: { subscription: centralLogsSubscriptionRoleName(org), delivery: centralLogsDeliveryRoleName(org) },
            errorLogging: { logGroupName: errorLogs.logGroupName, logStreamName: errorLogs.logStreamName, logGroupArns: errorLogs.logGroupArns, createdBy: errorLogs },
            prefix: CENTRAL_LOGS_PREFIX,
            canaryLogGroupName: org.health.logCanary ? logCanaryLogGroupName(org) : undefined,
            healthAlarmNames: { stale: healthAlarmName(org.namePrefix, "firehose-stale"), failing: healthAlarmName(org.namePrefix, "firehose-failing") },
        },
        { provider: c.provider },
    );
    const notifications = new ObjectNotifications(
        "archive-objects",
        { name: archiveNotificationsName(org), bucketName: a.archive.bucketName, eventsPrincipal: servicePrincipal(org, "events"), securityAccountRootArn: arn(org, "iam", "", org.security.id, "root") },
        { provider: c.provider },
    );
    return { errorLogs, destinations, notifications };
}

/** Query layer: results bucket and key, workgroup, catalog, saved queries, the investigator's query role. */
function queryTier(c: Context, a: ArchiveTier, s: StagingTier) {
    const { org } = c;
    const resultsBucket = queryResultsBucketName(org);
    const results = new QueryResults(
        "query-results",
        {
            bucketName: resultsBucket,
            keyPolicy: readerKeyPolicy({ accountRootArn: c.accountRoot, exemptRoleArns: c.exempt, securityAccountId: org.security.id, readerRoleArns: [c.investigator] }),
            bucketPolicy: queryResultsBucketPolicy({ bucketArn: `${c.s3Prefix}${resultsBucket}`, organizationId: org.organizationId, configurationRoleArns: c.exempt, investigatorRoleArn: c.investigator }),
            expireAfterDays: c.model.settings.query.resultsExpiryDays,
            accessLogBucket: s.accessLogs.bucketName,
            protect: c.model.settings.protect,
        },
        { provider: c.provider },
    );
    const bucketName = archiveBucketName(org);
    const query = new LogQuery(
        "log-query",
        {
            workgroupName: queryWorkgroupName(org),
            databaseName: queryDatabaseName(org),
            roleName: queryRoleName(org),
            trustedRoleArns: [c.investigator],
            // The central-logs table reads where the destinations' streams write: the same prefix.
            tables: logTables({ organizationId: org.organizationId, prefixes: DEFAULT_ARCHIVE_PREFIXES, regions: org.regions, cloudTrailRegions: cloudTrailRegions(org), centralLogsPrefix: CENTRAL_LOGS_PREFIX }),
            queries: SAVED_QUERIES,
            archive: { bucketName, bucketArn: `${c.s3Prefix}${bucketName}`, keyArn: a.archive.keyArn },
            results: { bucketName: results.bucketName, bucketArn: results.bucketArn, keyArn: results.keyArn },
            accountIds: c.accountIds,
            retentionDays: org.retention.archiveDays,
            accountId: c.accountId,
            partition: org.partition,
            region: org.homeRegion,
            athenaPrincipal: servicePrincipal(org, "athena"),
            s3ViaService: c.viaS3(org.homeRegion),
            bytesScannedCutoffPerQuery: c.model.settings.query.bytesScannedCutoffPerQuery,
        },
        { provider: c.provider },
    );
    return { results, query };
}

function exportsOf(c: Context, a: ArchiveTier, s: StagingTier, p: ReturnType<typeof pipelineTier>, q: ReturnType<typeof queryTier>): RoleOutputs {
    const { org } = c;
    const replicaName = a.replicaRegion === undefined ? undefined : archiveReplicaBucketName(org, a.replicaRegion);
    return {
        accountId: c.accountId,
        archiveBucketName: a.archive.bucketName,
        archiveBucketArn: a.archive.bucketArn,
        archiveKeyArn: a.archive.keyArn,
        archivePrefixes: DEFAULT_ARCHIVE_PREFIXES,
        configBucketName: s.config.bucketName,
        configKeyArn: a.archive.keyArn,
        accessLogBucketName: s.accessLogs.bucketName,
        accessLogBucketNames: pulumi.output(s.accessLogBuckets),
        elbLogBucketName: s.elbBuckets[org.homeRegion],
        elbLogBucketNames: pulumi.output(s.elbBuckets),
        // Buckets whose object events the organisation trail must not record: whole buckets by exact name, never a prefix another account could use.
        loggingBucketNames: [archiveBucketName(org), ...(replicaName ? [replicaName] : []), ...s.names],
        logDestinationArns: p.destinations.destinationArns,
        pipelineLogGroupNames: [p.errorLogs.logGroupName],
        notificationQueueArn: p.notifications.queueArn,
        queryWorkgroupName: q.query.workgroupName,
        queryDatabaseName: q.query.databaseName,
        queryRoleArn: q.query.roleArn,
        queryResultsBucketName: q.results.bucketName,
        queryResultsKeyArn: q.results.keyArn,
        ...(a.replica
            ? { archiveReplicaBucketName: a.replica.bucketName, archiveReplicaBucketArn: a.replica.bucketArn, archiveReplicaKeyArn: a.replica.keyArn, replicaAccessLogBucketName: s.accessLogBuckets[a.replicaRegion ?? org.homeRegion] }
            : {}),
    };
}
