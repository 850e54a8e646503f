/**
 * The audit benchmark reports figures against its goals and whether the audit found what the
 * exports were generated with; the generated violations are expected, not a failure it reports.
 */
import * as assert from "assert";
import { findingsDiffer, generatedExport, main, unloggedBuckets } from "../../../infra/cli/bench-audit";
import { captured } from "../../support/output";

describe("audit benchmark (infra/cli/bench-audit.ts)", () => {
    it("reports the generated violations as the expected findings and its memory against the goal, exiting 0, with no failing exit code in its report", async function () {
        this.timeout(60_000);
        const { value: code, text: out } = await captured("stdout", () => main(["--stacks", "2", "--resources", "80"]));
        assert.strictEqual(code, 0, out);
        assert.doesNotMatch(out, /exit code/);
        assert.match(out, /\n {2}memory: .* heap after \d+ MB -> (met|NOT met) \(goal: at most 160 MB\)\n/);
        assert.match(out, /\n {2}findings: as generated \(the \d+ buckets generated without access logging, nothing else mandatory\)\n/);
    });

    it("generates the data buckets whose index is a multiple of 35 (every seventh of every fifth) without access logging", () => {
        const buckets = unloggedBuckets(generatedExport("s", 200));
        assert.ok(buckets.length > 0);
        assert.deepStrictEqual(buckets, ["data-0", "data-105", "data-35", "data-70"]);
    });

    it("calls findings that miss a generated violation or add a mandatory one not as generated", () => {
        const expected = new Map([["s", ["data-0", "data-35"]]]);
        const report = (results: { policy: string; status: string; level: string; resources: string[] }[]) => ({ stacks: [{ stack: "s", results }] });
        assert.deepStrictEqual(findingsDiffer(report([{ policy: "lz-s3-access-logging", status: "fail", level: "mandatory", resources: ["data-35", "data-0"] }]), expected), []);
        assert.deepStrictEqual(findingsDiffer(report([{ policy: "lz-s3-access-logging", status: "fail", level: "mandatory", resources: ["data-0"] }]), expected), [
            "s: lz-s3-access-logging failed on [data-0], generated without logging: [data-0, data-35]",
        ]);
        assert.deepStrictEqual(
            findingsDiffer(
                report([
                    { policy: "lz-s3-access-logging", status: "fail", level: "mandatory", resources: ["data-0", "data-35"] },
                    { policy: "lz-kms-log-key-rotation", status: "fail", level: "mandatory", resources: ["key-1"] },
                ]),
                expected,
            ),
            ["s: unexpected mandatory failure of lz-kms-log-key-rotation on key-1"],
        );
    });
});
