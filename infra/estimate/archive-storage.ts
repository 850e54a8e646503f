import { charge, type CostLine } from "./cost-line";
import type { EstimateContext } from "./estimate-context";

/** Days in an average month. */
export const DAYS_PER_MONTH = 365.25 / 12;
const KB = 1 / (1024 * 1024);
/** Glacier Instant Retrieval bills every object as at least 128 KB. */
const GIR_MIN_OBJECT_GB = 128 * KB;
/** Deep Archive adds 32 KB at its own price and 8 KB at Standard's per object (the index). */
const DEEP_ARCHIVE_INDEX_GB = 32 * KB;
const DEEP_ARCHIVE_STANDARD_INDEX_GB = 8 * KB;

/** What one source adds to the archive each month. */
export interface ArchiveInflow {
    /** Compressed GB written a month. */
    readonly gb: number;
    /** Objects written a month. */
    readonly objects: number;
    /** The source reaches the archive through a staging bucket and replication (one more PUT per object). */
    readonly staged: boolean;
    /** Region the objects are written in (the staging bucket's; the archive is in the home region). */
    readonly region: string;
    /** What is stored and how its volume was reckoned. */
    readonly what: string;
}

/**
 * The archive storage a source causes once the lifecycle has settled: each month's logs sit in
 * Standard, then Glacier Instant Retrieval, then Deep Archive until they expire (never before the
 * Object Lock ends), so the steady state holds `gb × days in the tier / days per month` in each
 * tier. Transitions cost one request per object; small objects pay the tiers' minimum sizes. A
 * replica doubles storage and requests and adds the transfer between regions.
 */
export function archiveLines(inflow: ArchiveInflow, ctx: EstimateContext): CostLine[] {
    const a = ctx.archive;
    const home = ctx.org.homeRegion;
    const months = (days: number) => Math.max(0, days) / DAYS_PER_MONTH;
    const tiers = `${a.standardDays} d Standard, ${a.glacierIrDays} d Glacier IR, ${a.deepArchiveDays} d Deep Archive (${a.source})`;
    const why = `${inflow.what}; steady state: ${tiers}`;
    const copies = a.replicaRegion ? 2 : 1;
    const copy = (region: string, label: string): CostLine[] => [
        charge("s3StandardGbMonth", inflow.gb * months(a.standardDays) + inflow.objects * DEEP_ARCHIVE_STANDARD_INDEX_GB * months(a.deepArchiveDays), region, why, { key: `archive.standard${label}`, item: `archive storage, S3 Standard${label}` }),
        charge("s3GlacierIrGbMonth", Math.max(inflow.gb, inflow.objects * GIR_MIN_OBJECT_GB) * months(a.glacierIrDays), region, why, { key: `archive.glacier-ir${label}`, item: `archive storage, Glacier Instant Retrieval${label}` }),
        charge("s3DeepArchiveGbMonth", (inflow.gb + inflow.objects * DEEP_ARCHIVE_INDEX_GB) * months(a.deepArchiveDays), region, why, { key: `archive.deep-archive${label}`, item: `archive storage, Glacier Deep Archive${label}` }),
        charge("s3TransitionGlacierIr", a.glacierIrDays > 0 ? inflow.objects : 0, region, `one transition per archived object (${inflow.what})`, { key: `archive.transition-gir${label}`, item: `archive lifecycle transitions to Glacier IR${label}` }),
        charge("s3TransitionDeepArchive", a.deepArchiveDays > 0 ? inflow.objects : 0, region, `one transition per archived object (${inflow.what})`, { key: `archive.transition-deep${label}`, item: `archive lifecycle transitions to Deep Archive${label}` }),
    ];
    const puts = inflow.objects * ((inflow.staged ? 2 : 1) + (copies - 1));
    const lines = [
        charge("s3Put", puts, inflow.region, `one PUT per object${inflow.staged ? ", one more to replicate it from staging" : ""}${a.replicaRegion ? ", one more to the replica" : ""} (${inflow.what})`, { key: "archive.puts", item: "archive writes and replication requests" }),
        ...copy(home, ""),
    ];
    if (inflow.staged && inflow.region !== home) {
        lines.push(charge("s3InterRegionGb", inflow.gb, inflow.region, `staging bucket in ${inflow.region} replicates into the archive in ${home}`, { key: "archive.staging-transfer", item: "staging replication to the home region" }));
    }
    if (a.replicaRegion) {
        lines.push(...copy(a.replicaRegion, " (replica)"));
        lines.push(charge("s3InterRegionGb", inflow.gb, home, `the archive replicates to ${a.replicaRegion}`, { key: "archive.replica-transfer", item: "archive replication to the replica region" }));
    }
    if (a.objectNotifications) {
        lines.push(charge("sqsRequests", inflow.objects * 3, home, "every new archive object is announced through EventBridge to the notification queue (send, receive, delete)", { key: "archive.notifications", item: "archive object notifications (SQS)" }));
    }
    return lines;
}
