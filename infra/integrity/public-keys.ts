/**
 * CloudTrail's public keys. Each region signs with its own keys, so a digest delivered from a
 * region is checked against the keys `ListPublicKeys` returns *in that region* for the time range,
 * choosing the one whose fingerprint the digest names (docs.aws.amazon.com/awscloudtrail/latest/
 * userguide/cloudtrail-log-file-custom-validation.html, steps B and C).
 */
import type { KeyObject } from "crypto";
import { publicKeyFromDer } from "./digest-signature";

export interface CloudTrailPublicKey {
    /** Hex fingerprint, as digests name it in `digestPublicKeyFingerprint`. */
    readonly fingerprint: string;
    /** DER bytes of the key (PKCS #1). */
    readonly value: Uint8Array;
}

/** The keys whose private keys signed digests of `region` between `start` and `end`. */
export type PublicKeySource = (region: string, start: Date, end: Date) => Promise<readonly CloudTrailPublicKey[]>;

/** A region's keys by fingerprint; a key whose bytes do not decode maps to undefined. */
export type RegionKeys = ReadonlyMap<string, KeyObject | undefined>;

/**
 * Looks each region's keys up once for the whole run (one `ListPublicKeys` per region, however many
 * accounts share it), over the time range of the run.
 */
export function regionKeyRing(source: PublicKeySource, start: Date, end: Date): (region: string) => Promise<RegionKeys> {
    const cache = new Map<string, Promise<RegionKeys>>();
    return (region) => {
        let keys = cache.get(region);
        if (keys === undefined) {
            keys = source(region, start, end).then((list) => new Map(list.map((k) => [k.fingerprint, publicKeyFromDer(k.value)])));
            cache.set(region, keys);
        }
        return keys;
    };
}

/**
 * The keys in the output of `aws cloudtrail list-public-keys` (`{"PublicKeyList": [{"Value":
 * "<base64 DER>", "Fingerprint": "…", …}]}`; the older lower-case `publicKeyList` is accepted).
 * Throws an Error naming `file` and the entry when the shape is wrong.
 */
export function parsePublicKeyList(json: unknown, file: string): CloudTrailPublicKey[] {
    const doc = (json ?? {}) as Record<string, unknown>;
    const list = doc.PublicKeyList ?? doc.publicKeyList;
    if (!Array.isArray(list)) throw new Error(`${file}: no PublicKeyList; save the output of \`aws cloudtrail list-public-keys --region <region> --start-time … --end-time …\``);
    return list.map((k: unknown, i: number) => {
        const e = (k ?? {}) as Record<string, unknown>;
        if (typeof e.Fingerprint !== "string" || typeof e.Value !== "string") throw new Error(`${file}: PublicKeyList[${i}] needs a Fingerprint and a base64 Value`);
        return { fingerprint: e.Fingerprint, value: Buffer.from(e.Value, "base64") };
    });
}
