import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { localPublicKeys, localStore } from "../../../infra/integrity/local-store";

describe("localStore (a downloaded copy laid out as in S3)", () => {
    let root: string;
    before(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "lz-local-store-"));
        const folder = path.join(root, "AWSLogs", "o-exampleorg1", "444444444444", "CloudTrail-Digest", "us-east-1", "2026", "03", "02");
        fs.mkdirSync(folder, { recursive: true });
        fs.writeFileSync(path.join(folder, "d1.json.gz"), "digest");
        fs.writeFileSync(path.join(folder, "d1.json.gz.metadata.json"), JSON.stringify({ Signature: "abcd", "x-amz-meta-signature-algorithm": "SHA256withRSA" }));
        fs.writeFileSync(path.join(folder, "d2.json.gz"), "digest without metadata");
        fs.writeFileSync(path.join(os.tmpdir(), "lz-outside-the-copy"), "secret");
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("lists the keys under a prefix, without the metadata files", async () => {
        assert.deepStrictEqual([...(await localStore(root, "b").list("AWSLogs/o-exampleorg1/444444444444/CloudTrail-Digest/us-east-1/2026/03/02/"))].sort(), [
            "AWSLogs/o-exampleorg1/444444444444/CloudTrail-Digest/us-east-1/2026/03/02/d1.json.gz",
            "AWSLogs/o-exampleorg1/444444444444/CloudTrail-Digest/us-east-1/2026/03/02/d2.json.gz",
        ]);
        assert.deepStrictEqual(await localStore(root, "b").list("AWSLogs/o-exampleorg1/999999999999/"), []);
    });

    it("reads the signature beside a digest as S3 user metadata (lower case, without x-amz-meta-)", async () => {
        const o = await localStore(root, "b").get("AWSLogs/o-exampleorg1/444444444444/CloudTrail-Digest/us-east-1/2026/03/02/d1.json.gz");
        assert.deepStrictEqual(o && { body: Buffer.from(o.body).toString(), metadata: o.metadata }, { body: "digest", metadata: { signature: "abcd", "signature-algorithm": "SHA256withRSA" } });
        assert.deepStrictEqual((await localStore(root, "b").get("AWSLogs/o-exampleorg1/444444444444/CloudTrail-Digest/us-east-1/2026/03/02/d2.json.gz"))?.metadata, {});
    });

    it("answers undefined for a missing key and for a key that points outside the copy", async () => {
        const store = localStore(root, "b");
        assert.strictEqual(await store.get("AWSLogs/none.json.gz"), undefined);
        assert.strictEqual(await store.get(`../${path.basename(os.tmpdir())}/lz-outside-the-copy`), undefined);
        assert.strictEqual(await store.get("../lz-outside-the-copy"), undefined);
    });

    it("names the missing public-key file of a region and how to produce it", async () => {
        await assert.rejects(localPublicKeys(path.join(root, "public-keys"))("eu-west-1", new Date(), new Date()), /public-keys\/eu-west-1\.json is missing: save `aws cloudtrail list-public-keys --region eu-west-1 --start-time <from> --end-time <to>` there/);
    });
});
