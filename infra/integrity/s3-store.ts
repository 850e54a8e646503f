/**
 * The archive bucket through the AWS SDK: ListObjectsV2 and GetObject, nothing else (what the
 * investigator and the validation job are allowed). Objects encrypted with the archive's KMS key
 * are decrypted by S3 for a caller allowed `kms:Decrypt` through S3.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import type { ObjectStore } from "./object-store";

/** S3 says NoSuchKey for a missing object only to a caller that may list the bucket (otherwise AccessDenied, which is rethrown). */
function isNotFound(e: unknown): boolean {
    const name = (e as { name?: string }).name;
    return name === "NoSuchKey" || name === "NotFound";
}

export function s3Store(client: S3Client, bucket: string): ObjectStore {
    return {
        bucket,
        async list(prefix) {
            const keys: string[] = [];
            let token: string | undefined;
            do {
                const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
                for (const o of page.Contents ?? []) if (o.Key !== undefined) keys.push(o.Key);
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token !== undefined);
            return keys;
        },
        async get(key) {
            try {
                const r = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
                const body = r.Body === undefined ? new Uint8Array() : await r.Body.transformToByteArray();
                const metadata = Object.fromEntries(Object.entries(r.Metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
                return { body, metadata };
            } catch (e) {
                if (isNotFound(e)) return undefined;
                throw e;
            }
        },
    };
}
