import type { OrgModel } from "../config/model";
import type { EstimatedResource } from "./estimated-resource";

/** What the estimate needs to know about the log archive to price the logs every source stores in it. */
export interface ArchiveFacts {
    /** Days a log stays in S3 Standard, Glacier Instant Retrieval and Deep Archive, in that order. */
    readonly standardDays: number;
    readonly glacierIrDays: number;
    readonly deepArchiveDays: number;
    /** Region of the archive's cross-region replica, when it has one. */
    readonly replicaRegion: string | undefined;
    /** The archive tells EventBridge of every new object (each becomes a SIEM queue message). */
    readonly objectNotifications: boolean;
    /** Seconds the central Firehose streams buffer before writing an object. */
    readonly firehoseBufferSeconds: number;
    /** Where the facts come from, for the estimate's notes. */
    readonly source: string;
}

const DEFAULT_FIREHOSE_BUFFER_SECONDS = 300;

interface Transition {
    days?: number;
    storageClass?: string;
}

/**
 * The archive as the log-archive stack plans it: the Object Lock bucket's lifecycle (tiering and
 * expiry), its replication to another region, its object notifications and the Firehose buffering.
 * Without that plan (a stack estimated alone), the org file's retention and tiering stand in.
 */
export function archiveFacts(org: OrgModel, logArchive: readonly EstimatedResource[] | undefined): ArchiveFacts {
    const fromOrg = (source: string): ArchiveFacts => ({
        standardDays: org.tiering.glacierInstantRetrievalAfterDays,
        glacierIrDays: org.tiering.deepArchiveAfterDays - org.tiering.glacierInstantRetrievalAfterDays,
        deepArchiveDays: Math.max(org.retention.archiveDays, org.retention.objectLockDays) - org.tiering.deepArchiveAfterDays,
        replicaRegion: undefined,
        objectNotifications: false,
        firehoseBufferSeconds: DEFAULT_FIREHOSE_BUFFER_SECONDS,
        source,
    });
    if (logArchive === undefined) return fromOrg(`${org.file} retention and tiering (the log-archive stack was not planned: no replica assumed)`);
    const bucket = logArchive.find((r) => r.type === "aws:s3/bucket:Bucket" && r.inputs.objectLockEnabled === true);
    const name = bucket?.inputs.bucket;
    if (typeof name !== "string") return fromOrg(`${org.file} retention and tiering (no Object Lock bucket in the log-archive plan)`);
    const on = (type: string) => logArchive.filter((r) => r.type === type && r.inputs.bucket === name);
    const rule = (on("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")[0]?.inputs.rules as { status?: string; transitions?: Transition[]; expiration?: { days?: number } }[] | undefined)?.find(
        (r) => r.status === "Enabled",
    );
    const day = (cls: string) => rule?.transitions?.find((t) => t.storageClass === cls)?.days;
    const gir = day("GLACIER_IR") ?? org.tiering.glacierInstantRetrievalAfterDays;
    const deep = day("DEEP_ARCHIVE") ?? org.tiering.deepArchiveAfterDays;
    // Object Lock keeps a version at least as long as the lock, whatever the lifecycle says.
    const expiry = Math.max(rule?.expiration?.days ?? org.retention.archiveDays, org.retention.objectLockDays);
    const replication = on("aws:s3/bucketReplicationConfig:BucketReplicationConfig")[0];
    const target = (replication?.inputs.rules as { destination?: { bucket?: string } }[] | undefined)?.[0]?.destination?.bucket;
    const replica = typeof target === "string" ? logArchive.find((r) => r.type === "aws:s3/bucket:Bucket" && target.endsWith(`:::${String(r.inputs.bucket)}`)) : undefined;
    const stream = logArchive.find((r) => r.type === "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream");
    const buffer = (stream?.inputs.extendedS3Configuration as { bufferingInterval?: number } | undefined)?.bufferingInterval;
    return {
        standardDays: gir,
        glacierIrDays: deep - gir,
        deepArchiveDays: expiry - deep,
        replicaRegion: replication === undefined ? undefined : typeof replica?.inputs.region === "string" ? replica.inputs.region : org.homeRegion,
        objectNotifications: on("aws:s3/bucketNotification:BucketNotification").some((n) => n.inputs.eventbridge === true),
        firehoseBufferSeconds: typeof buffer === "number" && buffer > 0 ? buffer : DEFAULT_FIREHOSE_BUFFER_SECONDS,
        source: "the planned log-archive stack (archive lifecycle, replication, notifications, Firehose buffering)",
    };
}
