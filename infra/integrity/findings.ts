/**
 * What validation can find, named so that a report, an alert and a test all say the same thing.
 * `failure`: evidence that a file was altered, removed or forged, or that validation could not be
 * done; `gap`: part of the window no intact chain of digests covers (logging or validation stopped,
 * or the newest digests are gone); `notice`: documented CloudTrail behaviour worth knowing, not a
 * problem. A failure or a gap fails the run.
 */
export type FindingClass = "failure" | "gap" | "notice";

export const FINDING_KINDS = {
    "digest-missing": { class: "failure", meaning: "a digest the chain names (its successor's previousDigestS3Object) is not in the bucket: deleted" },
    "digest-malformed": { class: "failure", meaning: "a digest object is not gzip JSON with the documented fields" },
    "digest-moved": { class: "failure", meaning: "a digest's own digestS3Bucket/digestS3Object differ from where it was read: copied or moved" },
    "digest-unsigned": { class: "failure", meaning: "a digest has no x-amz-meta-signature and no later digest vouches for it" },
    "digest-unknown-key": { class: "failure", meaning: "no CloudTrail public key of the region for the window has the fingerprint the digest names: signed by someone else" },
    "digest-signature-invalid": { class: "failure", meaning: "the digest's signature does not verify: the digest (or its signature) was changed" },
    "chain-broken": { class: "failure", meaning: "a digest's previous-digest hash, signature or location does not match the digest before it" },
    "log-missing": { class: "failure", meaning: "a log file a valid digest lists is not in the bucket: deleted" },
    "log-modified": { class: "failure", meaning: "a log file's SHA-256 (uncompressed) differs from the hash its digest records: changed" },
    "log-malformed": { class: "failure", meaning: "a log file a valid digest lists is not gzip: replaced" },
    "log-unreferenced": { class: "failure", meaning: "a log file in the bucket that no valid digest lists: added by someone other than CloudTrail" },
    "validation-error": { class: "failure", meaning: "validation could not read what it needs (access denied, throttling, no public keys)" },
    "chain-restarted": { class: "gap", meaning: "a starting digest (no previous digest) inside the window: logging or validation was off before it" },
    "coverage-gap": { class: "gap", meaning: "no digest covers part of the window: no files were signed for it, or its newest digests are gone" },
    "other-bucket": { class: "gap", meaning: "the chain or a log file continues in another bucket, which this run does not read" },
    "log-late": { class: "notice", meaning: "a log file delivered before its digest's start time: CloudTrail listed it in a later digest (documented late delivery)" },
    "backfill": { class: "notice", meaning: "a backfill digest lists log files an earlier digest missed because of processing delays" },
} as const satisfies Record<string, { class: FindingClass; meaning: string }>;

export type FindingKind = keyof typeof FINDING_KINDS;

export interface Finding {
    readonly kind: FindingKind;
    readonly class: FindingClass;
    /** The S3 key the finding is about, when there is one. */
    readonly key?: string;
    /** The part of the window it concerns (gaps), ISO times. */
    readonly from?: string;
    readonly to?: string;
    /** One line a person can act on. */
    readonly message: string;
}

export function finding(kind: FindingKind, message: string, where: { key?: string; from?: Date; to?: Date } = {}): Finding {
    return {
        kind,
        class: FINDING_KINDS[kind].class,
        ...(where.key !== undefined ? { key: where.key } : {}),
        ...(where.from !== undefined ? { from: where.from.toISOString() } : {}),
        ...(where.to !== undefined ? { to: where.to.toISOString() } : {}),
        message,
    };
}
