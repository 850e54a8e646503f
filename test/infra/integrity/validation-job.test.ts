import * as assert from "assert";
import { memoryStore } from "../../../infra/integrity/memory-store";
import { CONFIG_VARIABLE, parseJobConfig } from "../../../infra/integrity/validation-job-lambda";
import { integrityEventPatterns, jobWindow, runIntegrityJob, type IntegrityEventDetail, type IntegrityJobConfig } from "../../../infra/integrity/validation-job";
import { matches } from "../../support/event-pattern";
import { ACCOUNTS, archive, BUCKET, digestAt, KEYS, readDigest, REGIONS, TRAIL } from "../../support/cloudtrail-chain";

const SECURITY = "333333333333";
const BUS = `arn:aws:events:us-east-1:${SECURITY}:event-bus/acme-lz-security-events`;
const CONFIG: IntegrityJobConfig = { bucket: BUCKET, trail: TRAIL, accounts: ACCOUNTS, regions: REGIONS, eventBusArn: BUS };
/** Three hours into the day after the fixture's validated day. */
const RUN_AT = new Date("2026-03-03T03:00:00Z");

type Entry = Parameters<Parameters<typeof runIntegrityJob>[1]["putEvent"]>[0];

async function run(objects = archive(), input = {}, refuse?: string): Promise<{ entries: Entry[]; detail: IntegrityEventDetail }> {
    const entries: Entry[] = [];
    await runIntegrityJob(
        CONFIG,
        {
            store: memoryStore(BUCKET, objects),
            publicKeys: async (region) => [KEYS[region].publicKey],
            putEvent: async (e) => {
                entries.push(e);
                return refuse;
            },
            now: () => RUN_AT,
        },
        input,
    );
    return { entries, detail: JSON.parse(entries[0].Detail) as IntegrityEventDetail };
}

/** The event as EventBridge delivers it to rules: PutEvents' entry in the envelope, `account` the caller's. */
function delivered(e: Entry, account = SECURITY): Record<string, unknown> {
    return { version: "0", id: "e1", "detail-type": e.DetailType, source: e.Source, account, time: e.Time.toISOString(), region: "us-east-1", resources: [], detail: JSON.parse(e.Detail) };
}

describe("integrity validation job", () => {
    it("validates the previous UTC day org-wide and puts one passing event on the central bus", async () => {
        const { entries, detail } = await run();
        assert.deepStrictEqual(
            entries.map((e) => [e.Source, e.DetailType, e.EventBusName, e.Time.toISOString()]),
            [["lz.integrity", "CloudTrail Log Integrity Validation", BUS, "2026-03-03T03:00:00.000Z"]],
        );
        assert.deepStrictEqual([detail.status, detail.window, detail.totals.chains, detail.totals.logFiles, detail.findings, detail.omittedFindings], [
            "pass",
            { from: "2026-03-02T00:00:00.000Z", to: "2026-03-03T00:00:00.000Z" },
            4,
            { valid: 1200, invalid: 0 },
            [],
            0,
        ]);
    });

    it("reports a tampered archive as a failed run naming account, region, kind and key", async () => {
        const objects = archive();
        const gone = readDigest(objects, digestAt("555555555555", "us-east-1", "2026-03-02T08:01:31Z")).logFiles[2].s3Object;
        objects.delete(gone);
        const { detail } = await run(objects);
        assert.deepStrictEqual([detail.status, detail.findings.map((f) => [f.account, f.region, f.kind, f.key])], ["fail", [["555555555555", "us-east-1", "log-missing", gone]]]);
    });

    it("routes a failed run to the high pattern and a passing one to the evidence pattern, only when the security account put it", async () => {
        const patterns = integrityEventPatterns(SECURITY);
        const objects = archive();
        objects.delete(digestAt("444444444444", "eu-west-1", "2026-03-02T12:01:31Z"));
        const fail = delivered((await run(objects)).entries[0]);
        const pass = delivered((await run()).entries[0]);
        assert.deepStrictEqual(
            [fail, pass].map((e) => [matches(patterns.failure, e), matches(patterns.success, e)]),
            [
                [true, false],
                [false, true],
            ],
        );
        const forged = delivered((await run()).entries[0], "444444444444");
        assert.deepStrictEqual([matches(patterns.failure, forged), matches(patterns.success, forged)], [false, false]);
    });

    it("carries at most 50 failures in the event and counts the rest", async () => {
        const objects = archive();
        for (const account of ACCOUNTS) for (const region of REGIONS) for (const l of readDigest(objects, digestAt(account, region, "2026-03-02T06:01:31Z")).logFiles.slice(0, 10)) objects.delete(l.s3Object);
        const { detail, entries } = await run(objects);
        assert.deepStrictEqual([detail.totals.failures, detail.findings.length, detail.omittedFindings], [40, 40, 0]);
        for (const l of readDigest(objects, digestAt("444444444444", "us-east-1", "2026-03-02T07:01:31Z")).logFiles) objects.delete(l.s3Object);
        const capped = (await run(objects)).detail;
        assert.deepStrictEqual([capped.totals.failures, capped.findings.length, capped.omittedFindings], [52, 50, 2]);
        assert.ok(entries[0].Detail.length < 256 * 1024);
    });

    it("fails the run when the bus refuses the event, so the result never disappears silently", async () => {
        await assert.rejects(run(archive(), {}, "InternalFailure: try again"), /the central bus refused the integrity result \(pass\): InternalFailure: try again/);
    });

    it("validates another day, or a subset of the configured accounts, when the schedule asks", async () => {
        assert.deepStrictEqual(jobWindow(RUN_AT, "2026-02-27"), { from: new Date("2026-02-27T00:00:00Z"), to: new Date("2026-02-28T00:00:00Z") });
        const { detail } = await run(archive(), { accounts: ["444444444444"], regions: ["eu-west-1"] });
        assert.deepStrictEqual([detail.status, detail.totals.chains], ["pass", 1]);
        await assert.rejects(run(archive(), { accounts: ["999999999999"] }), /accounts 999999999999 not in the job's configuration/);
        assert.throws(() => jobWindow(RUN_AT, "27/02/2026"), /day "27\/02\/2026" is not YYYY-MM-DD/);
    });
});

describe("integrity job configuration (Lambda environment)", () => {
    it("accepts the configuration the deploying component writes", () => {
        assert.deepStrictEqual(parseJobConfig(JSON.stringify(CONFIG)), CONFIG);
    });

    it("lists every problem of a bad configuration, naming the variable", () => {
        assert.throws(
            () => parseJobConfig(JSON.stringify({ bucket: "", trail: { organizationId: "o-x" }, accounts: ["123"], regions: [], eventBusArn: "acme-lz-security-events", parallel: 0 })),
            (e: Error) =>
                e.message ===
                `${CONFIG_VARIABLE}: bucket: a bucket name is required; trail.trailName: required; trail.homeRegion: required; trail.keyPrefix: required ("" for the bucket root); ` +
                    "accounts: a non-empty list of ^\\d{12}$; regions: a non-empty list of ^[a-z]{2}(-[a-z]+)+-\\d$; eventBusArn: the ARN of the central event bus; parallel: a whole number of at least 1",
        );
        assert.throws(() => parseJobConfig(undefined), /LZ_INTEGRITY_JOB_CONFIG is not set/);
    });
});

