/**
 * A generated organisation-trail archive for integrity tests: 2 accounts × 2 regions, an hourly
 * chain of signed digests with their log files, and the means to tamper with it the way an
 * attacker (or CloudTrail's own late delivery) would.
 */
import * as path from "path";
import { gunzipSync } from "zlib";
import { digestKey, parseDigestKey, type TrailLocation } from "../../infra/integrity/cloudtrail-layout";
import type { DigestFile } from "../../infra/integrity/digest-file";
import { sha256Hex } from "../../infra/integrity/digest-signature";
import { memoryStore } from "../../infra/integrity/memory-store";
import { writeLocalCopy } from "../../infra/integrity/local-store";
import type { StoredObject } from "../../infra/integrity/object-store";
import { generateSigningKey, signedDigestObject, syntheticTrail, type SigningKey } from "../../infra/integrity/synthetic-trail";
import { validateOrganization, type ValidationReport } from "../../infra/integrity/validate-organization";

export const BUCKET = "acme-lz-archive-222222222222-us-east-1";
export const TRAIL: TrailLocation = { keyPrefix: "", organizationId: "o-exampleorg1", trailName: "acme-lz-org-trail", homeRegion: "us-east-1" };
export const ACCOUNTS = ["444444444444", "555555555555"] as const;
export const REGIONS = ["eu-west-1", "us-east-1"] as const;
/** The day validated. */
export const FROM = new Date("2026-03-02T00:00:00Z");
export const TO = new Date("2026-03-03T00:00:00Z");
export const NOW = new Date("2026-03-04T06:00:00Z");
/** The chains start (a starting digest) at 22:01:31 the day before and run 28 hours. */
export const CHAIN_START = new Date("2026-03-01T22:01:31Z");
export const HOURS = 28;
export const LOG_FILES_PER_HOUR = 12;

/** CloudTrail's (stand-in) signing key of each region, and an attacker's key. */
export const KEYS: Readonly<Record<string, SigningKey>> = Object.fromEntries(REGIONS.map((r) => [r, generateSigningKey()]));
export const ATTACKER_KEY = generateSigningKey();

const PRISTINE = syntheticTrail({ trail: TRAIL, bucket: BUCKET, accounts: ACCOUNTS, regions: REGIONS, start: CHAIN_START, hours: HOURS, logFilesPerHour: LOG_FILES_PER_HOUR, keys: (r) => KEYS[r] });

/** A copy of the untouched archive, to tamper with. */
export function archive(): Map<string, StoredObject> {
    return new Map(PRISTINE);
}

/** Validates the day over `objects` as the CLI and the scheduled job do. */
export function validate(objects: ReadonlyMap<string, StoredObject>, publicKeys = async (region: string) => [KEYS[region].publicKey]): Promise<ValidationReport> {
    return validateOrganization({ store: memoryStore(BUCKET, objects), trail: TRAIL, publicKeys, accounts: ACCOUNTS, regions: REGIONS, from: FROM, to: TO, now: NOW });
}

/** Key of the digest of `account`/`region` ending at `end`. */
export function digestAt(account: string, region: string, end: string): string {
    return digestKey(TRAIL, account, region, new Date(end));
}

export function readDigest(objects: ReadonlyMap<string, StoredObject>, key: string): DigestFile {
    return JSON.parse(gunzipSync(objects.get(key)!.body).toString("utf8")) as DigestFile;
}

/** The chain of one account and region, oldest first. */
export function chainKeys(objects: ReadonlyMap<string, StoredObject>, account: string, region: string): string[] {
    return [...objects.keys()].filter((k) => parseDigestKey(TRAIL, account, region, k) !== undefined).sort();
}

/**
 * Edits the digests of one chain (oldest first) and signs them again with CloudTrail's key, linking
 * each to the one before as CloudTrail would: what an attacker holding CloudTrail's private key
 * could do, and how a test builds documented behaviour (late delivery, restarts) into a chain.
 * Digests `edit` leaves out of the list it returns are deleted.
 */
export function rewriteChain(
    objects: Map<string, StoredObject>,
    account: string,
    region: string,
    edit: (digests: DigestFile[]) => DigestFile[] | void,
    /** Digests whose previous-digest fields stay as `edit` left them instead of being linked again. */
    keepLinks: readonly string[] = [],
): void {
    const keys = chainKeys(objects, account, region);
    const original = keys.map((k) => readDigest(objects, k));
    const digests = edit(original) ?? original;
    for (const k of keys) if (!digests.some((d) => d.digestS3Object === k)) objects.delete(k);
    let previous: { key: string; digest: DigestFile; signature: string } | undefined;
    for (const d of digests) {
        const linked: DigestFile =
            d.previousDigestS3Object === null || previous === undefined || keepLinks.includes(d.digestS3Object)
                ? d
                : { ...d, previousDigestS3Object: previous.key, previousDigestHashValue: sha256Hex(Buffer.from(JSON.stringify(previous.digest, null, 2))), previousDigestSignature: previous.signature };
        const stored = signedDigestObject(linked, KEYS[region].privateKey);
        objects.set(d.digestS3Object, stored);
        previous = { key: d.digestS3Object, digest: linked, signature: stored.metadata.signature };
    }
}

/** Writes an archive as `validate-logs --local` reads it (public keys in `<dir>/public-keys/<region>.json`). */
export function writeArchive(dir: string, objects: ReadonlyMap<string, StoredObject>, keys: Readonly<Record<string, SigningKey>>): void {
    writeLocalCopy(dir, objects, path.join(dir, "public-keys"), Object.fromEntries(Object.entries(keys).map(([r, k]) => [r, [k.publicKey]])));
}
