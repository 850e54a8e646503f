import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { createHash, createSign, generateKeyPairSync } from "crypto";
import { digestKey, logKey, parseDigestKey, parseLogKey, type TrailLocation } from "../../../infra/integrity/cloudtrail-layout";
import { parseDigestFile } from "../../../infra/integrity/digest-file";
import { dataToSign, publicKeyFromDer, verifyDigestSignature } from "../../../infra/integrity/digest-signature";
import { parsePublicKeyList } from "../../../infra/integrity/public-keys";
import { REPO_ROOT } from "../../support/plan";

const fixture = (name: string) => fs.readFileSync(path.join(REPO_ROOT, "test", "fixtures", "integrity", name));
const TRAIL: TrailLocation = { keyPrefix: "", organizationId: "o-exampleorg1", trailName: "your-trail-name", homeRegion: "us-east-2" };
/** The documented sample digest name, in an organisation trail's folder (`AWSLogs/<org id>/…`). */
const SAMPLE_DIGEST_KEY = "AWSLogs/o-exampleorg1/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz";
const SAMPLE_LOG_KEY = "AWSLogs/o-exampleorg1/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz";

describe("CloudTrail key layout", () => {
    it("reads the documented digest name: its end time, not a backfill", () => {
        assert.deepStrictEqual(parseDigestKey(TRAIL, "111122223333", "us-east-2", SAMPLE_DIGEST_KEY), { end: new Date("2015-08-17T15:01:31Z"), backfill: false });
    });

    it("reads a backfill digest name (`_backfill` before .json.gz)", () => {
        assert.deepStrictEqual(parseDigestKey(TRAIL, "111122223333", "us-east-2", SAMPLE_DIGEST_KEY.replace(".json.gz", "_backfill.json.gz"))?.backfill, true);
    });

    it("ignores digests of another trail, account or home region in the same folder", () => {
        for (const other of [SAMPLE_DIGEST_KEY.replace("_your-trail-name_", "_other-trail_"), SAMPLE_DIGEST_KEY.replace("us-east-2_20150817", "eu-west-1_20150817"), SAMPLE_DIGEST_KEY.replace(/111122223333/g, "999999999999")]) {
            assert.strictEqual(parseDigestKey(TRAIL, "111122223333", "us-east-2", other), undefined, other);
        }
    });

    it("builds the documented digest key of an organisation trail from account, region and end time", () => {
        assert.strictEqual(digestKey(TRAIL, "111122223333", "us-east-2", new Date("2015-08-17T15:01:31Z")), SAMPLE_DIGEST_KEY);
    });

    it("puts everything under the trail's key prefix when it has one", () => {
        assert.strictEqual(digestKey({ ...TRAIL, keyPrefix: "cloudtrail" }, "111122223333", "us-east-2", new Date("2015-08-17T15:01:31Z")), `cloudtrail/${SAMPLE_DIGEST_KEY}`);
    });

    it("reads the delivery minute of the documented log file name", () => {
        assert.deepStrictEqual(parseLogKey(TRAIL, "111122223333", "us-east-2", SAMPLE_LOG_KEY), new Date("2015-08-01T02:10:00Z"));
        assert.strictEqual(logKey(TRAIL, "111122223333", "us-east-2", new Date("2015-08-01T02:10:00Z"), "Mu0KsOhtH1ar15ZZ"), SAMPLE_LOG_KEY);
    });

    it("ignores CloudTrail Insights files and digests in the log folders", () => {
        assert.strictEqual(parseLogKey(TRAIL, "111122223333", "us-east-2", SAMPLE_LOG_KEY.replace("/CloudTrail/", "/CloudTrail-Insight/")), undefined);
        assert.strictEqual(parseLogKey(TRAIL, "111122223333", "us-east-2", SAMPLE_DIGEST_KEY), undefined);
    });
});

describe("parseDigestFile", () => {
    it("parses AWS's sample digest with its previous-digest fields and log file", () => {
        const r = parseDigestFile(fixture("digest-sample.json"));
        assert.ok(r.ok);
        assert.strictEqual(r.digest.previousDigestHashAlgorithm, "SHA-256");
        assert.deepStrictEqual(r.digest.logFiles.map((l) => l.hashValue), ["9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6"]);
    });

    it("parses a starting digest: every previous-digest field null, no log files", () => {
        const sample = JSON.parse(fixture("digest-sample.json").toString());
        for (const f of ["previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature"]) sample[f] = null;
        const r = parseDigestFile(Buffer.from(JSON.stringify({ ...sample, logFiles: [] })));
        assert.ok(r.ok && r.digest.previousDigestSignature === null);
    });

    it("names every missing or malformed field at once", () => {
        const sample = JSON.parse(fixture("digest-sample.json").toString());
        delete sample.digestS3Object;
        sample.previousDigestSignature = null;
        sample.digestEndTime = "2015-08-17 15:01";
        sample.logFiles[0].hashValue = 7;
        const r = parseDigestFile(Buffer.from(JSON.stringify(sample)));
        assert.deepStrictEqual(r.ok ? [] : r.problem.split("; "), [
            "digestS3Object is missing or not a string",
            'digestEndTime "2015-08-17 15:01" is not a UTC time like 2015-05-08T07:19:37Z',
            "previous-digest fields must be all set or all null (a starting digest), but only previousDigestS3Bucket, previousDigestS3Object, previousDigestHashValue, previousDigestHashAlgorithm are set",
            "logFiles[0].hashValue is missing or not a string",
        ]);
    });

    it("refuses a signature algorithm other than SHA256withRSA and content that is not JSON", () => {
        const sample = JSON.parse(fixture("digest-sample.json").toString());
        const r = parseDigestFile(Buffer.from(JSON.stringify({ ...sample, digestSignatureAlgorithm: "SHA1withRSA" })));
        assert.deepStrictEqual(r, { ok: false, problem: 'digestSignatureAlgorithm "SHA1withRSA" is not SHA256withRSA' });
        assert.match((parseDigestFile(Buffer.from("{ nope")) as { problem: string }).problem, /^not JSON/);
    });
});

describe("digest signatures", () => {
    const sample = fixture("digest-sample.json");
    const digest = (parseDigestFile(sample) as { digest: import("../../../infra/integrity/digest-file").DigestFile }).digest;

    it("builds the documented data-to-sign string: end time, bucket/key, hex SHA-256 of the content, previous signature, one per line", () => {
        const lines = dataToSign(digest, sample).split("\n");
        assert.deepStrictEqual(lines, [
            "2015-08-17T15:01:31Z",
            "S3-bucket-name/AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz",
            createHash("sha256").update(sample).digest("hex"),
            digest.previousDigestSignature,
        ]);
    });

    it("signs a starting digest's missing previous signature as the literal null", () => {
        assert.ok(dataToSign({ ...digest, previousDigestSignature: null }, sample).endsWith("\nnull"));
    });

    it("verifies a SHA256withRSA signature made by an independent signer, and nothing else", () => {
        const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
        const data = dataToSign(digest, sample);
        const signature = createSign("RSA-SHA256").update(data).sign(privateKey, "hex");
        const key = publicKeyFromDer(publicKey.export({ format: "der", type: "pkcs1" }))!;
        assert.deepStrictEqual(
            [verifyDigestSignature(key, data, signature), verifyDigestSignature(key, data.replace("15:01:31", "15:01:32"), signature), verifyDigestSignature(key, data, `${signature}zz`)],
            [true, false, false],
        );
    });

    it("decodes every key of AWS's sample list-public-keys output (PKCS #1 and X.509 DER) as a 2048-bit RSA key", () => {
        const keys = parsePublicKeyList(JSON.parse(fixture("list-public-keys-sample.json").toString()), "sample.json");
        assert.deepStrictEqual(
            keys.map((k) => [k.fingerprint, publicKeyFromDer(k.value)?.asymmetricKeyDetails?.modulusLength]),
            [["8eba5db5bea9b640d1c96a77256fe7f2", 2048], ["8933b39ddc64d26d8e14ffbf6566fee4", 2048], ["31e8b5433410dfb61a9dc45cc65b22ff", 2048]],
        );
    });

    it("refuses a public-key file without a key list, naming the file and how to produce it", () => {
        assert.throws(() => parsePublicKeyList({ Keys: [] }, "keys/us-east-1.json"), /^Error: keys\/us-east-1\.json: no PublicKeyList; save the output of `aws cloudtrail list-public-keys/);
    });
});
