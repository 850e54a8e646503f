/**
 * What validation reads from: the bucket CloudTrail delivered to, or a downloaded copy laid out as
 * in S3. The validator only lists and reads, so it runs the same over S3 (`s3-store.ts`), a local
 * folder (`local-store.ts`) or an in-memory map in tests.
 */

/** One object: its bytes as stored (gzip for CloudTrail) and its user metadata. */
export interface StoredObject {
    readonly body: Uint8Array;
    /**
     * User metadata without the `x-amz-meta-` prefix, keys in lower case: a digest's signature is
     * `signature`, its algorithm `signature-algorithm`.
     */
    readonly metadata: Readonly<Record<string, string>>;
}

export interface ObjectStore {
    /**
     * Name of the bucket the keys belong to. A digest records the bucket and key it was delivered
     * to, and validation checks that it was read from there.
     */
    readonly bucket: string;
    /** Every key that starts with `prefix`, in any order. */
    list(prefix: string): Promise<readonly string[]>;
    /** The object, or undefined when no object has that key; any other failure throws. */
    get(key: string): Promise<StoredObject | undefined>;
}
