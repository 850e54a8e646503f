/**
 * Generates what an organisation trail with log file validation delivers, in AWS's documented
 * format: gzip log files of CloudTrail records, and per account × region an hourly chain of gzip
 * digests listing them with their SHA-256, each signed (SHA256withRSA over the data-to-sign
 * string, hex in `x-amz-meta-signature`) and carrying the previous digest's hash and signature.
 * For tests and benchmarks: the caller holds the private keys that stand in for CloudTrail's.
 */
import { createHash, generateKeyPairSync, type KeyObject } from "crypto";
import { gzipSync } from "zlib";
import { digestKey, HOUR_MS, logKey, type TrailLocation } from "./cloudtrail-layout";
import { HASH_ALGORITHM, SIGNATURE_ALGORITHM, type DigestFile, type DigestLogFile } from "./digest-file";
import { dataToSign, sha256Hex, signDigestData } from "./digest-signature";
import type { StoredObject } from "./object-store";
import type { CloudTrailPublicKey } from "./public-keys";

/** A stand-in for one region's CloudTrail signing key. */
export interface SigningKey {
    readonly privateKey: KeyObject;
    readonly publicKey: CloudTrailPublicKey;
}

/** A fresh RSA key pair; its fingerprint is the MD5 of the PKCS #1 DER (32 hex digits, like CloudTrail's). */
export function generateSigningKey(modulusLength = 2048): SigningKey {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength });
    const value = publicKey.export({ format: "der", type: "pkcs1" });
    return { privateKey, publicKey: { fingerprint: createHash("md5").update(value).digest("hex"), value } };
}

const iso = (t: Date | number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The stored form of a digest: gzip JSON, signed with `key`. */
export function signedDigestObject(digest: DigestFile, key: KeyObject): StoredObject {
    const json = Buffer.from(JSON.stringify(digest, null, 2));
    return { body: gzipSync(json), metadata: { signature: signDigestData(key, dataToSign(digest, json)), "signature-algorithm": SIGNATURE_ALGORITHM } };
}

/** A gzip CloudTrail log file of `records`, and the hash a digest records for it (over the uncompressed JSON). */
export function logFileObject(records: readonly Record<string, unknown>[]): { object: StoredObject; hashValue: string } {
    const json = Buffer.from(JSON.stringify({ Records: records }));
    return { object: { body: gzipSync(json), metadata: {} }, hashValue: sha256Hex(json) };
}

function sampleRecords(account: string, region: string, delivered: number, n: number): Record<string, unknown>[] {
    return Array.from({ length: n }, (_, i) => ({
        eventVersion: "1.09",
        userIdentity: { type: "AssumedRole", principalId: `AROAEXAMPLE${i}:ci`, arn: `arn:aws:sts::${account}:assumed-role/ci/deploy`, accountId: account },
        eventTime: iso(delivered - (n - i) * 7_000),
        eventSource: "ec2.amazonaws.com",
        eventName: "DescribeInstances",
        awsRegion: region,
        sourceIPAddress: "203.0.113.10",
        userAgent: "aws-sdk-js/3",
        requestParameters: { maxResults: 100 },
        responseElements: null,
        requestID: `req-${delivered}-${i}`,
        eventID: `evt-${delivered}-${i}`,
        readOnly: true,
        eventType: "AwsApiCall",
        managementEvent: true,
        recipientAccountId: account,
        eventCategory: "Management",
    }));
}

export interface SyntheticTrailOptions {
    readonly trail: TrailLocation;
    readonly bucket: string;
    readonly accounts: readonly string[];
    readonly regions: readonly string[];
    /** Start of the first digest (a starting digest); each digest covers the hour after the previous one. */
    readonly start: Date;
    readonly hours: number;
    readonly logFilesPerHour: number;
    /**
     * CloudTrail records per log file.
     * @default 5
     */
    readonly recordsPerLogFile?: number;
    /** The signing key of each region. */
    readonly keys: (region: string) => SigningKey;
}

/** Every object of the generated trail, by key. */
export function syntheticTrail(o: SyntheticTrailOptions): Map<string, StoredObject> {
    const objects = new Map<string, StoredObject>();
    for (const account of o.accounts) {
        for (const region of o.regions) {
            let previous: { key: string; json: Buffer; signature: string } | undefined;
            for (let h = 0; h < o.hours; h++) {
                const start = o.start.getTime() + h * HOUR_MS;
                const logFiles: DigestLogFile[] = [];
                for (let f = 0; f < o.logFilesPerHour; f++) {
                    const delivered = start + Math.floor(((f + 0.5) * HOUR_MS) / o.logFilesPerHour);
                    const key = logKey(o.trail, account, region, new Date(delivered), createHash("md5").update(`${account}${region}${h}${f}`).digest("hex").slice(0, 16));
                    const { object, hashValue } = logFileObject(sampleRecords(account, region, delivered, o.recordsPerLogFile ?? 5));
                    objects.set(key, object);
                    logFiles.push({ s3Bucket: o.bucket, s3Object: key, hashValue, hashAlgorithm: HASH_ALGORITHM });
                }
                const key = digestKey(o.trail, account, region, new Date(start + HOUR_MS));
                const digest: DigestFile = {
                    awsAccountId: account,
                    digestStartTime: iso(start),
                    digestEndTime: iso(start + HOUR_MS),
                    digestS3Bucket: o.bucket,
                    digestS3Object: key,
                    digestPublicKeyFingerprint: o.keys(region).publicKey.fingerprint,
                    digestSignatureAlgorithm: SIGNATURE_ALGORITHM,
                    previousDigestS3Bucket: previous ? o.bucket : null,
                    previousDigestS3Object: previous?.key ?? null,
                    previousDigestHashValue: previous ? sha256Hex(previous.json) : null,
                    previousDigestHashAlgorithm: previous ? HASH_ALGORITHM : null,
                    previousDigestSignature: previous?.signature ?? null,
                    logFiles,
                };
                const stored = signedDigestObject(digest, o.keys(region).privateKey);
                objects.set(key, stored);
                previous = { key, json: Buffer.from(JSON.stringify(digest, null, 2)), signature: stored.metadata.signature };
            }
        }
    }
    return objects;
}
