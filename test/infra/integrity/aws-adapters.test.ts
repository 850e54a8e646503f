import * as assert from "assert";
import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, S3Client } from "@aws-sdk/client-s3";
import { CloudTrailClient, ListPublicKeysCommand } from "@aws-sdk/client-cloudtrail";
import { s3Store } from "../../../infra/integrity/s3-store";
import { cloudTrailPublicKeys } from "../../../infra/integrity/cloudtrail-public-keys";

const credentials = { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "example" };

/** The part of the SDK's middleware stack this test uses (the union of both clients' stacks has no common `add`). */
interface InitializeStack {
    add(middleware: (next: unknown, context: { commandName?: string }) => (args: { input: object }) => Promise<{ output: unknown; response: unknown }>, options: { step: "initialize"; name: string }): void;
}

/** A real SDK client whose requests `respond` answers before anything reaches the network. */
function intercepted<C extends S3Client | CloudTrailClient>(client: C, respond: (command: string, input: Record<string, unknown>) => unknown): { client: C; calls: [string, Record<string, unknown>][] } {
    const calls: [string, Record<string, unknown>][] = [];
    (client.middlewareStack as unknown as InitializeStack).add(
        (_next, context) => async (args) => {
            const command = String(context.commandName);
            calls.push([command, args.input as Record<string, unknown>]);
            return { output: respond(command, args.input as Record<string, unknown>), response: {} };
        },
        { step: "initialize", name: "offlineResponder" },
    );
    return { client, calls };
}

describe("s3Store", () => {
    it("lists every page of a prefix with ListObjectsV2", async () => {
        const { client, calls } = intercepted(new S3Client({ region: "us-east-1", credentials }), (_c, input) =>
            input.ContinuationToken === undefined ? { Contents: [{ Key: "a/1" }, { Key: "a/2" }], IsTruncated: true, NextContinuationToken: "t2" } : { Contents: [{ Key: "a/3" }], IsTruncated: false },
        );
        assert.deepStrictEqual(await s3Store(client, "archive").list("a/"), ["a/1", "a/2", "a/3"]);
        assert.deepStrictEqual(calls, [
            [ListObjectsV2Command.name, { Bucket: "archive", Prefix: "a/", ContinuationToken: undefined }],
            [ListObjectsV2Command.name, { Bucket: "archive", Prefix: "a/", ContinuationToken: "t2" }],
        ]);
    });

    it("reads an object's bytes and its user metadata (x-amz-meta-signature arrives as `signature`)", async () => {
        const { client } = intercepted(new S3Client({ region: "us-east-1", credentials }), () => ({ Body: { transformToByteArray: async () => new Uint8Array([1, 2, 3]) }, Metadata: { signature: "abcd", "signature-algorithm": "SHA256withRSA" } }));
        assert.deepStrictEqual(await s3Store(client, "archive").get("k"), { body: new Uint8Array([1, 2, 3]), metadata: { signature: "abcd", "signature-algorithm": "SHA256withRSA" } });
    });

    it("answers undefined for a missing object and rethrows anything else (access denied is not absence)", async () => {
        const { client } = intercepted(new S3Client({ region: "us-east-1", credentials }), (_c, input) => {
            if (input.Key === "gone") throw new NoSuchKey({ message: "The specified key does not exist.", $metadata: {} });
            throw Object.assign(new Error("Access Denied"), { name: "AccessDenied" });
        });
        const store = s3Store(client, "archive");
        assert.strictEqual(await store.get("gone"), undefined);
        await assert.rejects(store.get("secret"), /Access Denied/);
    });

    it("sends GetObject for the bucket and key asked", async () => {
        const { client, calls } = intercepted(new S3Client({ region: "us-east-1", credentials }), () => ({ Body: undefined }));
        await s3Store(client, "archive").get("AWSLogs/x.json.gz");
        assert.deepStrictEqual(calls, [[GetObjectCommand.name, { Bucket: "archive", Key: "AWSLogs/x.json.gz" }]]);
    });
});

describe("cloudTrailPublicKeys", () => {
    it("calls ListPublicKeys in the digest's own region over the window, every page", async () => {
        const regions: string[] = [];
        const recorded: [string, Record<string, unknown>][][] = [];
        const source = cloudTrailPublicKeys((region) => {
            regions.push(region);
            const { client, calls } = intercepted(new CloudTrailClient({ region, credentials }), (_c, input) =>
                input.NextToken === undefined ? { PublicKeyList: [{ Fingerprint: "f1", Value: new Uint8Array([1]) }], NextToken: "n" } : { PublicKeyList: [{ Fingerprint: "f2", Value: new Uint8Array([2]) }] },
            );
            recorded.push(calls);
            return client;
        });
        const start = new Date("2026-03-01T23:00:00Z");
        const end = new Date("2026-03-03T01:00:00Z");
        const keys = await source("eu-west-1", start, end);
        assert.deepStrictEqual(keys, [{ fingerprint: "f1", value: new Uint8Array([1]) }, { fingerprint: "f2", value: new Uint8Array([2]) }]);
        assert.deepStrictEqual(regions, ["eu-west-1", "eu-west-1"]);
        assert.deepStrictEqual(recorded.flat().map(([c, i]) => [c, i.StartTime, i.EndTime, i.NextToken]), [
            [ListPublicKeysCommand.name, start, end, undefined],
            [ListPublicKeysCommand.name, start, end, "n"],
        ]);
    });
});
