/**
 * An archive held in memory served through a mocked S3Client (aws-sdk-client-mock): ListObjectsV2
 * pages of at most `pageSize` keys with continuation tokens, GetObject with the object's bytes and
 * user metadata, NoSuchKey for a missing key — what the handlers see from S3.
 */
import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, S3Client } from "@aws-sdk/client-s3";
import type { AwsStub } from "aws-sdk-client-mock";
import type { StoredObject } from "../../infra/integrity/object-store";

export function serveArchive(s3: AwsStub<any, any, any>, bucket: string, objects: ReadonlyMap<string, StoredObject>, pageSize = 1000): void {
    s3.on(ListObjectsV2Command).callsFake((input: { Bucket: string; Prefix?: string; ContinuationToken?: string }) => {
        if (input.Bucket !== bucket) throw Object.assign(new Error("Access Denied"), { name: "AccessDenied" });
        const keys = [...objects.keys()].filter((k) => k.startsWith(input.Prefix ?? "")).sort();
        const start = input.ContinuationToken ? Number(input.ContinuationToken) : 0;
        const page = keys.slice(start, start + pageSize);
        const more = start + pageSize < keys.length;
        return { Contents: page.map((Key) => ({ Key })), IsTruncated: more, NextContinuationToken: more ? String(start + pageSize) : undefined };
    });
    s3.on(GetObjectCommand).callsFake((input: { Bucket: string; Key: string }) => {
        const o = input.Bucket === bucket ? objects.get(input.Key) : undefined;
        if (!o) throw new NoSuchKey({ message: "The specified key does not exist.", $metadata: {} });
        return { Body: { transformToByteArray: async () => o.body }, Metadata: { ...o.metadata } };
    });
}

export { S3Client };
