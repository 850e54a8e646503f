import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackConfigError, packConfigFromOutputs } from "../../../infra/check/pack-config";
import { buildPackConfig } from "../../../infra/cli/pack-config";
import { REPO_ROOT } from "../../support/plan";

/** What `pulumi stack output --json` prints for a deployed log-archive stack of another organisation (globex, two regions). */
const LOG_ARCHIVE = {
    accountId: "444455556666",
    archiveBucketName: "globex-lz-archive-444455556666-eu-west-1",
    archiveBucketArn: "arn:aws:s3:::globex-lz-archive-444455556666-eu-west-1",
    accessLogBucketName: "globex-lz-staging-access-logs-444455556666-eu-west-1",
    accessLogBucketNames: { "eu-west-1": "globex-lz-staging-access-logs-444455556666-eu-west-1", "eu-central-1": "globex-lz-staging-access-logs-444455556666-eu-central-1" },
    elbLogBucketName: "globex-lz-staging-elb-444455556666-eu-west-1",
    elbLogBucketNames: { "eu-west-1": "globex-lz-staging-elb-444455556666-eu-west-1", "eu-central-1": "globex-lz-staging-elb-444455556666-eu-central-1" },
    logDestinationArns: {
        "eu-west-1": "arn:aws:logs:eu-west-1:444455556666:destination:globex-lz-central-logs",
        "eu-central-1": "arn:aws:logs:eu-central-1:444455556666:destination:globex-lz-central-logs",
    },
    archiveKeyArn: "[secret]",
};
const SECURITY = {
    accountId: "777788889999",
    guardDutyDetectorIds: { "eu-west-1": "12abc34d567e8fa901bc2d34e56789f0", "eu-central-1": "98fed76c543b2a109f8e7d6c5b4a3210" },
    trailArn: "arn:aws:cloudtrail:eu-west-1:111122223333:trail/globex-lz-org-trail",
};

describe("npm run pack-config", function () {
    this.timeout(300_000);

    it("turns the two stacks' outputs into approved destinations per rule and the account baseline's regions", () => {
        const config = packConfigFromOutputs({ logArchive: LOG_ARCHIVE, security: SECURITY, memberAccessLogPrefix: "globex-lz-s3-access-logs-", forwardedAlarmPrefix: "globex-lz-health-" });
        assert.deepEqual(config, {
            "lz-baseline-config-recorder": { stackTagKey: "lz:baseline", requiredRegions: ["eu-central-1", "eu-west-1"] },
            "lz-baseline-guardduty": { stackTagKey: "lz:baseline" },
            "lz-baseline-log-subscription": { stackTagKey: "lz:baseline" },
            "lz-baseline-org-trail": { stackTagKey: "lz:baseline" },
            "lz-cloudfront-log-destination": { approvedBuckets: ["globex-lz-staging-access-logs-444455556666-eu-west-1"] },
            "lz-cloudtrail-archive-destination": { approvedBuckets: ["globex-lz-archive-444455556666-eu-west-1"] },
            "lz-cloudwatch-alarm-actions": { forwardedAlarmNamePrefixes: ["globex-lz-health-"] },
            "lz-cloudwatch-log-subscription-destination": {
                approvedDestinations: ["arn:aws:logs:eu-central-1:444455556666:destination:globex-lz-central-logs", "arn:aws:logs:eu-west-1:444455556666:destination:globex-lz-central-logs"],
            },
            "lz-elb-access-log-destination": { approvedBuckets: ["globex-lz-staging-elb-444455556666-eu-central-1", "globex-lz-staging-elb-444455556666-eu-west-1"] },
            "lz-s3-access-log-destination": {
                approvedBuckets: ["globex-lz-staging-access-logs-444455556666-eu-central-1", "globex-lz-staging-access-logs-444455556666-eu-west-1", "globex-lz-s3-access-logs-*"],
            },
            "lz-vpc-flow-log-destination": { approvedDestinations: ["arn:aws:s3:::globex-lz-archive-444455556666-eu-west-1*"] },
        });
    });

    it("lists every missing, masked or malformed output at once, naming the stack and the output", () => {
        const logArchive = { ...LOG_ARCHIVE, archiveBucketName: "[secret]", elbLogBucketNames: {} } as Record<string, unknown>;
        delete logArchive.archiveBucketArn;
        assert.throws(
            () => packConfigFromOutputs({ logArchive, security: {}, memberAccessLogPrefix: "globex-lz-s3-access-logs-", forwardedAlarmPrefix: "globex-lz-health-" }),
            (e: unknown) => {
                assert.ok(e instanceof PackConfigError);
                assert.deepEqual(e.problems, [
                    "log-archive stack output archiveBucketName: is masked as a secret; write the file with `pulumi stack output --json --show-secrets`",
                    "log-archive stack output archiveBucketArn: expected a non-empty string, got null",
                    "log-archive stack output elbLogBucketNames: expected a map of region to name or ARN, got {}",
                    "security stack output guardDutyDetectorIds: expected a map of region to name or ARN, got null",
                ]);
                return true;
            },
        );
    });

    it("refuses stacks that cover different regions (deployed from different org files)", () => {
        const security = { ...SECURITY, guardDutyDetectorIds: { "eu-west-1": "12abc34d567e8fa901bc2d34e56789f0" } };
        assert.throws(() => packConfigFromOutputs({ logArchive: LOG_ARCHIVE, security, memberAccessLogPrefix: "x-", forwardedAlarmPrefix: "x-health-" }), /covers eu-central-1, eu-west-1 but the security stack covers eu-west-1/);
    });

    it("keeps policy-config/default.json equal to what the offline plan of the reference org gives", async () => {
        const expected = await buildPackConfig({ root: REPO_ROOT });
        assert.equal(fs.readFileSync(path.join(REPO_ROOT, "policy-config", "default.json"), "utf8"), expected, "policy-config/default.json is out of date: run npm run pack-config");
        // The reference org's archive, as its org file names it, is what trails must deliver to.
        assert.deepEqual(JSON.parse(expected)["lz-cloudtrail-archive-destination"], { approvedBuckets: ["acme-lz-archive-222222222222-us-east-1"] });
    });

    it("writes from pulumi stack output files, and --check exits 1 on a stale file and 0 on a current one", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-pack-config-"));
        try {
            fs.writeFileSync(path.join(dir, "la.json"), JSON.stringify(LOG_ARCHIVE));
            fs.writeFileSync(path.join(dir, "sec.json"), JSON.stringify(SECURITY));
            const out = path.join(dir, "config.json");
            fs.writeFileSync(out, "{}\n");
            const run = (...extra: string[]) =>
                spawnSync(
                    process.execPath,
                    ["-r", "ts-node/register/transpile-only", "infra/cli/pack-config.ts", "--log-archive", path.join(dir, "la.json"), "--security", path.join(dir, "sec.json"), "--out", out, ...extra],
                    { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 },
                );
            const stale = run("--check");
            assert.equal(stale.status, 1, stale.stderr);
            assert.match(stale.stderr, /is out of date: run npm run pack-config/);
            assert.equal(fs.readFileSync(out, "utf8"), "{}\n", "--check writes nothing");
            const written = run();
            assert.equal(written.status, 0, written.stderr);
            // The member prefix comes from this repository's org file (acme); the rest from the outputs (globex).
            assert.deepEqual(JSON.parse(fs.readFileSync(out, "utf8"))["lz-s3-access-log-destination"].approvedBuckets.slice(-1), ["acme-lz-s3-access-logs-*"]);
            assert.equal(run("--check").status, 0);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("--merge layers a team's file over the organisation's config without dropping its destinations, and never overwrites it", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-pack-merge-"));
        try {
            const team = path.join(dir, "team.json");
            const exception = { name: "legacy-uploads", reason: "migrating to BucketLogging, LZ-142", expires: "2027-03-31" };
            fs.writeFileSync(team, JSON.stringify({ "lz-s3-access-logging": { exceptions: [exception] }, "lz-vpc-flow-log-destination": "advisory" }));
            const out = path.join(dir, "merged.json");
            const run = (...args: string[]) => spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "infra/cli/pack-config.ts", ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
            const merged = run("--merge", team, "--out", out);
            assert.equal(merged.status, 0, merged.stderr);
            const config = JSON.parse(fs.readFileSync(out, "utf8"));
            assert.deepEqual(config["lz-vpc-flow-log-destination"], { approvedDestinations: ["arn:aws:s3:::acme-lz-archive-222222222222-us-east-1*"], enforcementLevel: "advisory" });
            assert.deepEqual(config["lz-s3-access-logging"], { exceptions: [exception] });
            assert.deepEqual(config["lz-cloudtrail-archive-destination"], { approvedBuckets: ["acme-lz-archive-222222222222-us-east-1"] });
            const noOut = run("--merge", team);
            assert.equal(noOut.status, 2);
            assert.match(noOut.stderr, /--merge needs --out/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
