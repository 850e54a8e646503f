/**
 * The digest half of validation, in the order AWS documents it: each digest read from its original
 * location, its signature verified with the region's public key it names, then each link of the
 * chain (`previousDigest*` of a digest against the digest before it), then which part of the window
 * the intact chain covers (docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html).
 */
import { HOUR_MS } from "./cloudtrail-layout";
import { HASH_ALGORITHM, SIGNATURE_ALGORITHM } from "./digest-file";
import { dataToSign, sha256Hex, verifyDigestSignature } from "./digest-signature";
import { finding, type Finding } from "./findings";
import { loadDigest, type LoadedDigest } from "./load-digests";
import type { ObjectStore } from "./object-store";
import type { RegionKeys } from "./public-keys";

/** A digest after its own checks: valid means parsed, in place, and its signature verified. */
export type CheckedDigest = LoadedDigest & { readonly valid: boolean };

/** Digest start and end times are second-exact and consecutive; allow for clock rounding. */
export const ADJACENT_MS = 60_000;
/**
 * How far behind the time of the run the chain may end before it is a gap: a digest covers an
 * hour and is delivered after that hour ends (AWS does not document the delay; one more hour).
 */
export const DELIVERY_ALLOWANCE_MS = 2 * HOUR_MS;

function verifyOne(d: LoadedDigest, keys: RegionKeys, bucket: string, vouched: string | undefined, region: string): Finding | undefined {
    const at = { key: d.key };
    if (d.digest === undefined || d.content === undefined) return finding("digest-malformed", `${d.key}: ${d.problem}`, at);
    const g = d.digest;
    if (g.digestS3Bucket !== bucket || g.digestS3Object !== d.key) {
        return finding("digest-moved", `${d.key} records its location as s3://${g.digestS3Bucket}/${g.digestS3Object}, but was read from s3://${bucket}/${d.key}`, at);
    }
    const signature = d.metadataSignature ?? vouched;
    if (signature === undefined) return finding("digest-unsigned", `${d.key} has no x-amz-meta-signature and no later digest names its signature`, at);
    if (d.metadataAlgorithm !== undefined && d.metadataAlgorithm !== SIGNATURE_ALGORITHM) {
        return finding("digest-signature-invalid", `${d.key} is signed with ${JSON.stringify(d.metadataAlgorithm)}, not ${SIGNATURE_ALGORITHM}`, at);
    }
    if (!keys.has(g.digestPublicKeyFingerprint)) {
        return finding("digest-unknown-key", `${d.key} names public key ${g.digestPublicKeyFingerprint}, which is not one of CloudTrail's ${keys.size} public keys of ${region} for the window`, at);
    }
    const key = keys.get(g.digestPublicKeyFingerprint);
    if (key === undefined) return finding("validation-error", `CloudTrail public key ${g.digestPublicKeyFingerprint} of ${region} is neither PKCS #1 nor X.509 DER`, at);
    if (!verifyDigestSignature(key, dataToSign(g, d.content), signature)) {
        return finding("digest-signature-invalid", `${d.key}: the signature does not verify with public key ${g.digestPublicKeyFingerprint}: the digest or its signature was changed`, at);
    }
    return undefined;
}

/**
 * Verifies every digest, newest first: a digest without signature metadata (a downloaded copy) is
 * checked against the signature its successor records, the documented offline method (only the
 * newest digest then cannot be verified).
 */
export function verifyDigests(loaded: readonly LoadedDigest[], keys: RegionKeys, bucket: string, region: string, findings: Finding[]): CheckedDigest[] {
    const vouched = new Map<string, string>();
    const checked = new Map<LoadedDigest, CheckedDigest>();
    for (const d of [...loaded].reverse()) {
        const problem = verifyOne(d, keys, bucket, vouched.get(d.key), region);
        if (problem) findings.push(problem);
        checked.set(d, { ...d, valid: problem === undefined });
        const g = d.digest;
        // Any parsed successor may propose the signature: it is only a candidate, verified with CloudTrail's key.
        if (g?.previousDigestS3Object && g.previousDigestSignature && g.previousDigestS3Bucket === bucket) {
            vouched.set(g.previousDigestS3Object, g.previousDigestSignature);
        }
    }
    return loaded.map((d) => checked.get(d)!);
}

/**
 * Checks each valid digest's link to the one before it: present, same content hash, same signature.
 * The digest before the window's first is read too, so deleting it does not go unnoticed. Returns
 * the keys of digests whose link is missing or broken: the hole before them is already explained.
 */
export async function checkLinks(store: ObjectStore, checked: readonly CheckedDigest[], findings: Finding[]): Promise<Set<string>> {
    const byKey = new Map(checked.map((d) => [d.key, d]));
    const explained = new Set<string>();
    for (const d of checked.filter((c) => c.valid && !c.backfill)) {
        const g = d.digest!;
        if (g.previousDigestS3Object === null) continue;
        if (g.previousDigestS3Bucket !== store.bucket) {
            findings.push(finding("other-bucket", `the digest before ${d.key} is in bucket ${g.previousDigestS3Bucket}, not read by this run`, { key: g.previousDigestS3Object }));
            explained.add(d.key);
            continue;
        }
        const p = byKey.get(g.previousDigestS3Object) ?? (await loadDigest(store, g.previousDigestS3Object, new Date(g.digestStartTime), false));
        const at = { key: g.previousDigestS3Object };
        if (p === undefined) {
            findings.push(finding("digest-missing", `${g.previousDigestS3Object} is missing: ${d.key} names it as the digest before it`, { ...at, to: new Date(g.digestStartTime) }));
            explained.add(d.key);
        } else if (p.content === undefined || g.previousDigestHashAlgorithm !== HASH_ALGORITHM || sha256Hex(p.content) !== g.previousDigestHashValue) {
            findings.push(finding("chain-broken", `${p.key} is not the digest ${d.key} follows: its content does not have the hash ${d.key} records (previousDigestHashValue)`, at));
            explained.add(d.key);
        } else if (p.metadataSignature !== undefined && p.metadataSignature !== g.previousDigestSignature) {
            findings.push(finding("chain-broken", `${p.key} carries a different signature from the one ${d.key} records (previousDigestSignature)`, at));
            explained.add(d.key);
        }
    }
    return explained;
}

/**
 * Reports the parts of [from, min(to, now − delivery allowance)] that no valid digest covers and
 * no missing or broken link already explains: a starting digest after a hole (logging or validation
 * was off), or no digest at all (deleted, or never delivered).
 */
export function checkCoverage(scope: { from: Date; to: Date; now: Date }, checked: readonly CheckedDigest[], explained: ReadonlySet<string>, findings: Finding[]): void {
    const required = Math.min(scope.to.getTime(), scope.now.getTime() - DELIVERY_ALLOWANCE_MS);
    let cursor = scope.from.getTime();
    const regular = checked.filter((d) => d.valid && !d.backfill).sort((a, b) => Date.parse(a.digest!.digestStartTime) - Date.parse(b.digest!.digestStartTime));
    for (const d of regular) {
        const start = Date.parse(d.digest!.digestStartTime);
        if (start > cursor + ADJACENT_MS && cursor < required) {
            const hole = { key: d.key, from: new Date(cursor), to: new Date(start) };
            if (d.digest!.previousDigestS3Object === null) {
                findings.push(finding("chain-restarted", `${d.key} starts a new chain: nothing was signed from ${hole.from.toISOString()} to ${hole.to.toISOString()} (logging or log file validation was off)`, hole));
            } else if (!explained.has(d.key)) {
                findings.push(finding("coverage-gap", `no valid digest covers ${hole.from.toISOString()} to ${hole.to.toISOString()}`, hole));
            }
        }
        cursor = Math.max(cursor, Date.parse(d.digest!.digestEndTime));
    }
    if (cursor + ADJACENT_MS < required) {
        const hole = { from: new Date(cursor), to: new Date(required) };
        const what = regular.length === 0 ? (checked.length === 0 ? "no digest at all" : "no valid digest") : `no valid digest after ${hole.from.toISOString()}`;
        findings.push(finding("coverage-gap", `${what} for ${hole.from.toISOString()} to ${hole.to.toISOString()}: the digests were deleted, or CloudTrail stopped delivering them`, hole));
    }
}
