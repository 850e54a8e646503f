import * as assert from "assert";
import { organizationTrailSelectors, type AdvancedEventSelector } from "../../../../infra/components/trail/event-selectors";

const base = {
    s3ArnPrefix: "arn:aws:s3:::",
    excludedBuckets: ["acme-lz-archive-222222222222-us-east-1", "acme-lz-staging-config-222222222222-us-east-1", "acme-lz-staging-access-logs-222222222222-us-east-1"],
    dataEvents: true,
};

/** CloudTrail's selection of an S3 object event by advanced selectors (the operators used here). */
function recordsS3Object(selectors: AdvancedEventSelector[], objectArn: string): boolean {
    return selectors.some((sel) =>
        sel.fieldSelectors.every((f) => {
            const value = f.field === "eventCategory" ? "Data" : f.field === "resources.type" ? "AWS::S3::Object" : f.field === "resources.ARN" ? objectArn : undefined;
            if (value === undefined) return false;
            if (f.equals && !f.equals.includes(value)) return false;
            if (f.notStartsWiths && f.notStartsWiths.some((p) => value.startsWith(p))) return false;
            return true;
        }),
    );
}

describe("organisation trail event selectors", () => {
    it("keeps management events, since advanced selectors replace the basic ones", () => {
        for (const dataEvents of [true, false]) {
            const s = organizationTrailSelectors({ ...base, dataEvents });
            assert.deepStrictEqual(s[0].fieldSelectors, [{ field: "eventCategory", equals: ["Management"] }]);
        }
    });

    it("does not record object events of the archive bucket", () => {
        const s = organizationTrailSelectors(base);
        assert.strictEqual(recordsS3Object(s, "arn:aws:s3:::acme-lz-archive-222222222222-us-east-1/AWSLogs/o-x/1/CloudTrail/a.json.gz"), false);
    });

    it("does not record object events of the staging buckets it names", () => {
        const s = organizationTrailSelectors(base);
        assert.strictEqual(recordsS3Object(s, "arn:aws:s3:::acme-lz-staging-config-222222222222-us-east-1/AWSLogs/1/Config/x.json"), false);
        assert.strictEqual(recordsS3Object(s, "arn:aws:s3:::acme-lz-staging-access-logs-222222222222-us-east-1/log"), false);
    });

    it("records object events of workload buckets, including one whose name extends the archive's", () => {
        const s = organizationTrailSelectors(base);
        assert.strictEqual(recordsS3Object(s, "arn:aws:s3:::acme-payroll/2026/11.csv"), true);
        assert.strictEqual(recordsS3Object(s, "arn:aws:s3:::acme-lz-archive-222222222222-us-east-1-copy/x"), true);
    });

    it("records object events of a bucket whose name merely starts like a staging bucket's (no hiding by name)", () => {
        const s = organizationTrailSelectors(base);
        assert.strictEqual(recordsS3Object(s, "arn:aws:s3:::acme-lz-staging-exfil-444444444444/stolen.csv"), true);
        assert.strictEqual(recordsS3Object(s, "arn:aws:s3:::acme-lz-archive-222222222222-eu-west-9/x"), true);
    });

    it("names each excluded bucket once, and refuses more than the trail's selectors can hold", () => {
        const s = organizationTrailSelectors({ ...base, excludedBuckets: [...base.excludedBuckets, base.excludedBuckets[0]] });
        const arns = s[1].fieldSelectors.find((f) => f.field === "resources.ARN")!.notStartsWiths!;
        assert.strictEqual(arns.length, 3);
        const many = Array.from({ length: 495 }, (_, i) => `b-${i}`);
        assert.throws(() => organizationTrailSelectors({ ...base, excludedBuckets: many }), /^Error: excludedBuckets: 495 buckets exceed the 494 a trail's selectors can hold \(CloudTrail allows 500 values in all\)$/);
    });

    it("records Lambda invocations when data events are on", () => {
        const s = organizationTrailSelectors(base);
        assert.ok(s.some((x) => x.fieldSelectors.some((f) => f.field === "resources.type" && f.equals?.includes("AWS::Lambda::Function"))));
    });

    it("records no data events at all when they are switched off", () => {
        const s = organizationTrailSelectors({ ...base, dataEvents: false });
        assert.strictEqual(s.length, 1);
        assert.strictEqual(recordsS3Object(s, "arn:aws:s3:::acme-payroll/2026/11.csv"), false);
    });
});
