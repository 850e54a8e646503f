import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { CIS_CONTROLS } from "../../../../infra/components/trail/cis-controls";
import { matchesMetricFilter, parseMetricFilter } from "../../../support/metric-filter";

const FIXTURES = path.resolve(__dirname, "../../../fixtures/cloudtrail");

interface Samples {
    readonly control: string;
    readonly positive: readonly Record<string, unknown>[];
    readonly negative: readonly Record<string, unknown>[];
}

function samples(id: string): Samples {
    return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${id}.json`), "utf8")) as Samples;
}

const allSamples = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".json")).map((f) => samples(path.basename(f, ".json")));

describe("CIS metric filters", () => {
    it("cover every Security Hub CloudWatch.1–14 control and the Organizations-changes control", () => {
        const covered = CIS_CONTROLS.flatMap((c) => c.controls);
        for (let i = 1; i <= 14; i++) assert.ok(covered.includes(`CloudWatch.${i}`), `CloudWatch.${i} has no metric filter`);
        assert.ok(covered.includes("CIS 4.15"));
    });

    it("alert on failed console authentication (CloudWatch.6) through the medium topic", () => {
        const c = CIS_CONTROLS.find((x) => x.controls.includes("CloudWatch.6"))!;
        assert.strictEqual(c.id, "console-authentication-failures");
        assert.strictEqual(c.severity, "medium");
    });

    it("send root use, CloudTrail, KMS deletion and Config changes to the high topic", () => {
        for (const id of ["root-account-usage", "cloudtrail-changes", "kms-key-disable-or-deletion", "config-changes", "console-signin-without-mfa"]) {
            assert.strictEqual(CIS_CONTROLS.find((c) => c.id === id)?.severity, "high", id);
        }
    });

    it("have a fixture file with positive and negative CloudTrail records for every control", () => {
        for (const c of CIS_CONTROLS) {
            const s = samples(c.id);
            assert.strictEqual(s.control, c.id);
            assert.ok(s.positive.length >= 2, `${c.id}: at least two positive samples`);
            assert.ok(s.negative.length >= 2, `${c.id}: at least two negative samples`);
        }
    });

    it("parse as CloudWatch Logs JSON filter patterns", () => {
        for (const c of CIS_CONTROLS) assert.doesNotThrow(() => parseMetricFilter(c.pattern), c.id);
    });

    for (const c of CIS_CONTROLS) {
        describe(`${c.id} (${c.controls.join(", ")})`, () => {
            const s = samples(c.id);
            it("matches every positive sample", () => {
                s.positive.forEach((e, i) => assert.ok(matchesMetricFilter(c.pattern, e), `positive[${i}] ${String(e.eventName)} not matched`));
            });
            it("matches none of its negative samples", () => {
                s.negative.forEach((e, i) => assert.ok(!matchesMetricFilter(c.pattern, e), `negative[${i}] ${String(e.eventName)} matched`));
            });
        });
    }

    it("never fire on a read-only Describe/List/Get call from any fixture", () => {
        const reads = allSamples.flatMap((s) => [...s.positive, ...s.negative]).filter((e) => /^(Describe|List|Get|Lookup)/.test(String(e.eventName)) && !e.errorCode);
        assert.ok(reads.length >= 5);
        for (const c of CIS_CONTROLS.filter((x) => x.id !== "root-account-usage")) {
            for (const e of reads) assert.ok(!matchesMetricFilter(c.pattern, e), `${c.id} matched read-only ${String(e.eventName)}`);
        }
    });
});
