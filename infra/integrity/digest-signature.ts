/**
 * How CloudTrail signs a digest ("Custom implementations of CloudTrail log file integrity
 * validation", docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html):
 * RSA (PKCS #1 v1.5) over the SHA-256 of the data-to-sign string
 *
 *     digestEndTime + "\n" + digestS3Bucket + "/" + digestS3Object + "\n"
 *       + hex(SHA-256(uncompressed digest content)) + "\n" + previousDigestSignature
 *
 * with the literal `null` for a starting digest's missing previous signature (what the AWS CLI's
 * `validate-logs` signs against, matching CloudTrail's Java implementation). The signature is hex
 * in the digest object's `x-amz-meta-signature` metadata.
 */
import { constants, createHash, createPublicKey, sign, verify, type KeyObject } from "crypto";
import type { DigestFile } from "./digest-file";

export function sha256Hex(data: Uint8Array): string {
    return createHash("sha256").update(data).digest("hex");
}

/** The data-to-sign string of a digest whose uncompressed content is `uncompressed`. */
export function dataToSign(d: DigestFile, uncompressed: Uint8Array): string {
    return `${d.digestEndTime}\n${d.digestS3Bucket}/${d.digestS3Object}\n${sha256Hex(uncompressed)}\n${d.previousDigestSignature ?? "null"}`;
}

/**
 * A public key from the bytes `ListPublicKeys` returns: DER in PKCS #1 as documented; the
 * documentation's own sample list also carries an X.509 SubjectPublicKeyInfo key, so that form is
 * accepted too. Undefined when the bytes are neither.
 */
export function publicKeyFromDer(der: Uint8Array): KeyObject | undefined {
    for (const type of ["pkcs1", "spki"] as const) {
        try {
            return createPublicKey({ key: Buffer.from(der), format: "der", type });
        } catch {
            // try the next encoding
        }
    }
    return undefined;
}

const PKCS1_V15 = constants.RSA_PKCS1_PADDING;

/** Whether `signatureHex` is the SHA256withRSA signature of `data` under `key`. */
export function verifyDigestSignature(key: KeyObject, data: string, signatureHex: string): boolean {
    if (!/^(?:[0-9a-f]{2})+$/i.test(signatureHex)) return false;
    return verify("sha256", Buffer.from(data, "utf8"), { key, padding: PKCS1_V15 }, Buffer.from(signatureHex, "hex"));
}

/** Signs `data` as CloudTrail does (hex SHA256withRSA): for generating test and benchmark chains. */
export function signDigestData(privateKey: KeyObject, data: string): string {
    return sign("sha256", Buffer.from(data, "utf8"), { key: privateKey, padding: PKCS1_V15 }).toString("hex");
}
