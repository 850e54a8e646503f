/**
 * The digest file as AWS documents it ("CloudTrail digest file structure",
 * docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html):
 * the JSON inside the gzip object, with every field validation relies on checked before use.
 */

/** One log file the digest vouches for. */
export interface DigestLogFile {
    readonly s3Bucket: string;
    readonly s3Object: string;
    /** Hex SHA-256 of the log file's *uncompressed* content. */
    readonly hashValue: string;
    readonly hashAlgorithm: string;
}

export interface DigestFile {
    readonly awsAccountId: string;
    /** Delivery-time range the digest covers: it lists the log files delivered between the two. */
    readonly digestStartTime: string;
    readonly digestEndTime: string;
    /** Where CloudTrail delivered this digest: validation checks it was read from there. */
    readonly digestS3Bucket: string;
    readonly digestS3Object: string;
    /** Hex fingerprint of the public key whose private key signed this digest. */
    readonly digestPublicKeyFingerprint: string;
    readonly digestSignatureAlgorithm: string;
    /** All five previous-digest fields are null in a starting digest (validation just switched on or restarted). */
    readonly previousDigestS3Bucket: string | null;
    readonly previousDigestS3Object: string | null;
    /** Hex hash of the previous digest's *uncompressed* content. */
    readonly previousDigestHashValue: string | null;
    readonly previousDigestHashAlgorithm: string | null;
    /** Hex signature of the previous digest: the link of the chain. */
    readonly previousDigestSignature: string | null;
    readonly logFiles: readonly DigestLogFile[];
}

/** The only algorithms CloudTrail uses: SHA-256 hashes, SHA-256 with RSA signatures. */
export const HASH_ALGORITHM = "SHA-256";
export const SIGNATURE_ALGORITHM = "SHA256withRSA";

export type ParsedDigest = { readonly ok: true; readonly digest: DigestFile } | { readonly ok: false; readonly problem: string };

const REQUIRED = ["awsAccountId", "digestStartTime", "digestEndTime", "digestS3Bucket", "digestS3Object", "digestPublicKeyFingerprint", "digestSignatureAlgorithm"] as const;
const PREVIOUS = ["previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature"] as const;
const LOG_FIELDS = ["s3Bucket", "s3Object", "hashValue", "hashAlgorithm"] as const;
/** UTC extended format, as the data-to-sign string carries it (e.g. `2015-05-08T07:19:37Z`). */
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const HEX = /^[0-9a-f]+$/i;

function problemsOf(raw: Record<string, unknown>): string[] {
    const problems: string[] = [];
    for (const f of REQUIRED) {
        if (typeof raw[f] !== "string" || raw[f] === "") problems.push(`${f} is missing or not a string`);
    }
    for (const f of ["digestStartTime", "digestEndTime"] as const) {
        if (typeof raw[f] === "string" && !UTC_TIME.test(raw[f] as string)) problems.push(`${f} ${JSON.stringify(raw[f])} is not a UTC time like 2015-05-08T07:19:37Z`);
    }
    if (typeof raw.digestSignatureAlgorithm === "string" && raw.digestSignatureAlgorithm !== SIGNATURE_ALGORITHM) {
        problems.push(`digestSignatureAlgorithm ${JSON.stringify(raw.digestSignatureAlgorithm)} is not ${SIGNATURE_ALGORITHM}`);
    }
    const set = PREVIOUS.filter((f) => raw[f] !== null && raw[f] !== undefined);
    if (set.length !== 0 && set.length !== PREVIOUS.length) problems.push(`previous-digest fields must be all set or all null (a starting digest), but only ${set.join(", ")} are set`);
    for (const f of set) if (typeof raw[f] !== "string") problems.push(`${f} is not a string`);
    if (typeof raw.previousDigestSignature === "string" && !HEX.test(raw.previousDigestSignature)) problems.push("previousDigestSignature is not hexadecimal");
    if (!Array.isArray(raw.logFiles)) {
        problems.push("logFiles is missing or not an array");
    } else {
        raw.logFiles.forEach((l: unknown, i: number) => {
            const entry = (l ?? {}) as Record<string, unknown>;
            for (const f of LOG_FIELDS) if (typeof entry[f] !== "string") problems.push(`logFiles[${i}].${f} is missing or not a string`);
        });
    }
    return problems;
}

/** Parses the uncompressed JSON of a digest; every problem is named, none is thrown. */
export function parseDigestFile(json: Uint8Array): ParsedDigest {
    let raw: unknown;
    try {
        raw = JSON.parse(Buffer.from(json).toString("utf8"));
    } catch (e) {
        return { ok: false, problem: `not JSON (${(e as Error).message})` };
    }
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, problem: "not a JSON object" };
    const problems = problemsOf(raw as Record<string, unknown>);
    if (problems.length > 0) return { ok: false, problem: problems.join("; ") };
    const r = raw as Record<string, unknown>;
    const digest: DigestFile = {
        ...(Object.fromEntries(REQUIRED.map((f) => [f, r[f]])) as Pick<DigestFile, (typeof REQUIRED)[number]>),
        ...(Object.fromEntries(PREVIOUS.map((f) => [f, (r[f] as string | undefined) ?? null])) as Pick<DigestFile, (typeof PREVIOUS)[number]>),
        logFiles: (r.logFiles as Record<string, string>[]).map((l) => ({ s3Bucket: l.s3Bucket, s3Object: l.s3Object, hashValue: l.hashValue, hashAlgorithm: l.hashAlgorithm })),
    };
    return { ok: true, digest };
}
