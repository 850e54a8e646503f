/**
 * The log-file half of validation: every log file a valid digest lists is read and its SHA-256 over
 * the *uncompressed* content compared with the digest's `hashValue` (docs.aws.amazon.com/
 * awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html, step F); then every
 * log file in the bucket's folders for the window must be listed by some valid digest, or someone
 * other than CloudTrail put it there.
 */
import { logFolder, parseLogKey, utcDays, type TrailLocation } from "./cloudtrail-layout";
import { ADJACENT_MS, type CheckedDigest } from "./check-digests";
import { HASH_ALGORITHM, type DigestLogFile } from "./digest-file";
import { sha256Hex } from "./digest-signature";
import { finding, type Finding } from "./findings";
import { gunzip } from "./gunzip";
import { mapLimit } from "./map-limit";
import type { ObjectStore } from "./object-store";

export interface LogCheckScope {
    readonly account: string;
    readonly region: string;
    readonly from: Date;
    readonly to: Date;
}

async function verifyLog(store: ObjectStore, entry: DigestLogFile, digestKey: string): Promise<Finding | undefined> {
    const at = { key: entry.s3Object };
    if (entry.s3Bucket !== store.bucket) return finding("other-bucket", `${digestKey} lists a log file in bucket ${entry.s3Bucket}, not read by this run`, at);
    if (entry.hashAlgorithm !== HASH_ALGORITHM) return finding("validation-error", `${digestKey} hashes ${entry.s3Object} with ${entry.hashAlgorithm}, not ${HASH_ALGORITHM}`, at);
    const object = await store.get(entry.s3Object);
    if (object === undefined) return finding("log-missing", `${entry.s3Object} is missing: ${digestKey} lists it`, at);
    const content = await gunzip(object.body);
    if (content === undefined) return finding("log-malformed", `${entry.s3Object} is not gzip: ${digestKey} lists it`, at);
    if (sha256Hex(content) !== entry.hashValue) return finding("log-modified", `${entry.s3Object} was changed: its SHA-256 differs from the hash ${digestKey} records`, at);
    return undefined;
}

/**
 * Verifies the log files of every valid digest (each file once) and notes the documented late
 * deliveries; returns how many passed and failed and which keys a valid digest vouches for.
 */
export async function checkLogFiles(
    store: ObjectStore,
    trail: TrailLocation,
    scope: LogCheckScope,
    checked: readonly CheckedDigest[],
    concurrency: number,
    findings: Finding[],
): Promise<{ valid: number; invalid: number; referenced: Set<string> }> {
    const listed = new Map<string, { entry: DigestLogFile; digest: CheckedDigest }>();
    for (const d of checked.filter((c) => c.valid)) {
        if (d.backfill) findings.push(finding("backfill", `${d.key} is a backfill digest listing ${d.digest!.logFiles.length} log file(s) delivered late`, { key: d.key }));
        for (const entry of d.digest!.logFiles) if (!listed.has(entry.s3Object)) listed.set(entry.s3Object, { entry, digest: d });
    }
    const entries = [...listed.values()];
    const results = await mapLimit(entries, concurrency, ({ entry, digest }) => verifyLog(store, entry, digest.key));
    let valid = 0;
    results.forEach((problem, i) => {
        if (problem) {
            findings.push(problem);
            return;
        }
        valid++;
        const { entry, digest } = entries[i];
        const delivered = parseLogKey(trail, scope.account, scope.region, entry.s3Object);
        const start = Date.parse(digest.digest!.digestStartTime);
        if (delivered !== undefined && delivered.getTime() + ADJACENT_MS < start) {
            findings.push(finding("log-late", `${entry.s3Object} was delivered at ${delivered.toISOString()} but listed in ${digest.key}, which starts at ${digest.digest!.digestStartTime}`, { key: entry.s3Object }));
        }
    });
    return { valid, invalid: results.filter((r) => r !== undefined && r.class === "failure").length, referenced: new Set(listed.keys()) };
}

/**
 * Log files in the bucket that no valid digest lists, among those delivered in the window while
 * the loaded digests could have listed them: from the first valid digest's start to the newest
 * one's start (a file delivered later may yet appear in a digest this run did not read).
 */
export async function checkUnreferenced(store: ObjectStore, trail: TrailLocation, scope: LogCheckScope, checked: readonly CheckedDigest[], referenced: ReadonlySet<string>, findings: Finding[]): Promise<void> {
    const starts = checked.filter((d) => d.valid && !d.backfill).map((d) => Date.parse(d.digest!.digestStartTime));
    if (starts.length === 0) return;
    const from = Math.max(scope.from.getTime(), Math.min(...starts));
    const before = Math.min(scope.to.getTime(), Math.max(...starts));
    if (before <= from) return;
    const keys = (await Promise.all(utcDays(new Date(from), new Date(before)).map((day) => store.list(logFolder(trail, scope.account, scope.region, day))))).flat();
    for (const key of keys.sort()) {
        const delivered = parseLogKey(trail, scope.account, scope.region, key)?.getTime();
        if (delivered === undefined || delivered < from || delivered >= before || referenced.has(key)) continue;
        findings.push(finding("log-unreferenced", `${key} is in the bucket but no valid digest lists it: CloudTrail did not deliver it, or its digest is gone`, { key }));
    }
}
