import * as assert from "assert";
import { benchStack } from "../../../policy-pack/harness/bench";
import { evaluatePack } from "../../../policy-pack/harness/evaluate";

describe("policy pack bench stack", () => {
    it("has the requested size and is compliant, so the bench measures rules that run to the end", async () => {
        const stack = benchStack(1000);
        assert.strictEqual(stack.length, 1000);
        assert.ok(new Set(stack.map((r) => r.type)).size >= 10);
        const r = await evaluatePack(stack, { config: { "lz-s3-access-log-destination": { approvedBuckets: ["org-access-logs"] }, "lz-vpc-flow-log-destination": { approvedDestinations: ["arn:aws:s3:::org-archive*"] } } });
        assert.deepStrictEqual(r.violations, []);
    });
});
