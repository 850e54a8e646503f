import { parseDigestKey, utcDays, digestFolder, HOUR_MS, type TrailLocation } from "./cloudtrail-layout";
import { parseDigestFile, type DigestFile } from "./digest-file";
import { gunzip } from "./gunzip";
import { mapLimit } from "./map-limit";
import type { ObjectStore } from "./object-store";

/** One digest object as read: parsed when it could be, with the reason when it could not. */
export interface LoadedDigest {
    readonly key: string;
    /** End time from the key (the digest's own digestEndTime once parsed). */
    readonly end: Date;
    readonly backfill: boolean;
    /** Uncompressed content: what the digest's hash and its successor's previousDigestHashValue cover. */
    readonly content: Buffer | undefined;
    readonly digest: DigestFile | undefined;
    /** Why the object is not a digest (not gzip, not JSON, a field missing). */
    readonly problem: string | undefined;
    /** `x-amz-meta-signature`, when the store has metadata. */
    readonly metadataSignature: string | undefined;
    readonly metadataAlgorithm: string | undefined;
}

/**
 * How long after a window's end a digest can still list files delivered in it: the AWS CLI's
 * `validate-logs` reads digests up to one hour past the end time "to get logs that spilled over".
 */
export const SPILL_OVER_MS = HOUR_MS;

/** Reads one digest object; undefined when the key has no object. */
export async function loadDigest(store: ObjectStore, key: string, end: Date, backfill: boolean): Promise<LoadedDigest | undefined> {
    const object = await store.get(key);
    if (object === undefined) return undefined;
    const content = await gunzip(object.body);
    const parsed = content === undefined ? { ok: false as const, problem: "not gzip" } : parseDigestFile(content);
    return {
        key,
        end,
        backfill,
        content,
        digest: parsed.ok ? parsed.digest : undefined,
        problem: parsed.ok ? undefined : parsed.problem,
        metadataSignature: object.metadata.signature,
        metadataAlgorithm: object.metadata["signature-algorithm"],
    };
}

/**
 * Every digest of the account and region whose end lies after `from` and at most one spill-over
 * past `to`, oldest first (backfill digests after the regular one of the same end). Digests sit in
 * folders by end date, so only those days are listed.
 */
export async function loadDigests(store: ObjectStore, trail: TrailLocation, scope: { account: string; region: string; from: Date; to: Date }, concurrency: number): Promise<LoadedDigest[]> {
    const last = new Date(scope.to.getTime() + SPILL_OVER_MS);
    const listed = (await Promise.all(utcDays(scope.from, last).map((day) => store.list(digestFolder(trail, scope.account, scope.region, day))))).flat();
    const wanted = listed
        .map((key) => ({ key, info: parseDigestKey(trail, scope.account, scope.region, key) }))
        .filter((d) => d.info !== undefined && d.info.end > scope.from && d.info.end <= last)
        .sort((a, b) => a.info!.end.getTime() - b.info!.end.getTime() || Number(a.info!.backfill) - Number(b.info!.backfill));
    const loaded = await mapLimit(wanted, concurrency, (d) => loadDigest(store, d.key, d.info!.end, d.info!.backfill));
    // A key listed a moment ago and gone now was deleted during the run: the chain check reports it.
    return loaded.filter((d): d is LoadedDigest => d !== undefined);
}
