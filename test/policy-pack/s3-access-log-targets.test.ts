/**
 * lz-s3-access-logging exempts a bucket that receives access logs. Inside one stack that is visible
 * (some bucket logs to it); a member account's per-region access-log bucket receives the logs of
 * buckets in other stacks, so the rule also recognises a designated target by its log-bucket tag.
 */
import * as assert from "assert";
import { evaluatePack } from "../../policy-pack/harness/evaluate";
import { S3_BUCKET } from "../../policy-pack/lib/types";
import { of, res } from "./support";

const RULE = "lz-s3-access-logging";
const bucket = (tags?: Record<string, string>) => res(S3_BUCKET[0], { bucket: "acme-lz-s3-access-logs-444444444444-us-east-1", ...(tags ? { tags } : {}) }, "access-logs");

describe("lz-s3-access-logging and designated access-log targets", () => {
    it("exempts a bucket tagged as an access-log target, with no logging of its own", async () => {
        assert.deepStrictEqual(of(await evaluatePack([bucket({ "lz:log-bucket": "access-logs" })]), RULE), []);
    });

    it("still flags a log bucket of another kind, and an untagged one", async () => {
        assert.strictEqual(of(await evaluatePack([bucket({ "lz:log-bucket": "staging" })]), RULE).length, 1);
        assert.strictEqual(of(await evaluatePack([bucket()]), RULE).length, 1);
    });

    it("follows the configured tag key and values", async () => {
        const tagged = [bucket({ "lz:log-bucket": "access-logs" })];
        assert.strictEqual(of(await evaluatePack(tagged, { config: { [RULE]: { accessLogTargetValues: [] } } }), RULE).length, 1, "no designated values: no exemption");
        const custom = [bucket({ "log-kind": "server-access" })];
        assert.deepStrictEqual(of(await evaluatePack(custom, { config: { [RULE]: { logBucketTagKey: "log-kind", accessLogTargetValues: ["server-access"] } } }), RULE), []);
    });
});
