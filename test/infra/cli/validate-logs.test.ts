import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { gunzipSync, gzipSync } from "zlib";
import { resolveOptions } from "../../../infra/cli/validate-logs";
import { UsageError } from "../../../infra/cli/args";
import { loadOrg } from "../../../infra/config/load";
import { syntheticTrail } from "../../../infra/integrity/synthetic-trail";
import { HOUR_MS } from "../../../infra/integrity/cloudtrail-layout";
import { KEYS, REGIONS, TRAIL, BUCKET, writeArchive } from "../../support/cloudtrail-chain";
import { REPO_ROOT } from "../../support/plan";

const NOW = new Date("2026-03-04T06:00:00Z");
const readOrg = (file: string) => loadOrg(REPO_ROOT, file);
const resolve = (...argv: string[]) => resolveOptions(argv, NOW, readOrg);

function usageError(argv: string[]): string {
    try {
        resolve(...argv);
    } catch (e) {
        assert.ok(e instanceof UsageError, String(e));
        return e.message;
    }
    assert.fail(`accepted ${argv.join(" ")}`);
}

describe("validate-logs options", () => {
    it("defaults the bucket, trail, organisation, accounts and regions from stacks/org.yaml", () => {
        const o = resolve("--from", "2026-03-02");
        assert.deepStrictEqual(
            { ...o, from: o.from.toISOString(), to: o.to.toISOString() },
            {
                from: "2026-03-02T00:00:00.000Z",
                to: "2026-03-04T06:00:00.000Z",
                accounts: ["111111111111", "222222222222", "333333333333", "444444444444", "555555555555"],
                regions: ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"],
                bucket: "acme-lz-archive-222222222222-us-east-1",
                trail: { keyPrefix: "", organizationId: "o-exampleorg1", trailName: "acme-lz-org-trail", homeRegion: "us-east-1" },
                local: undefined,
                publicKeys: undefined,
                json: undefined,
                parallel: 4,
                quiet: false,
            },
        );
    });

    it("takes every default from flags instead, without reading the organisation file", () => {
        const o = resolveOptions(
            ["--from", "2026-03-02T06:30Z", "--to", "2026-03-02T12:00:00Z", "--account", "123456789012", "--region", "eu-west-1", "--bucket", "b", "--prefix", "/trail/", "--org-id", "o-abcdefghij", "--trail", "t", "--home-region", "eu-west-1", "--local", "/tmp/x"],
            NOW,
            () => assert.fail("read the organisation file"),
        );
        assert.deepStrictEqual([o.accounts, o.regions, o.bucket, o.trail, o.publicKeys], [["123456789012"], ["eu-west-1"], "b", { keyPrefix: "trail", organizationId: "o-abcdefghij", trailName: "t", homeRegion: "eu-west-1" }, path.join("/tmp/x", "public-keys")]);
    });

    const bad: [string[], string][] = [
        [[], "--from is required"],
        [["--from", "yesterday"], '--from "yesterday" is not a date; use YYYY-MM-DD or a UTC time such as 2026-03-02T00:00:00Z'],
        [["--from", "2026-03-02", "--to", "2026-03-01"], "--from 2026-03-02T00:00:00.000Z must be before --to 2026-03-01T00:00:00.000Z"],
        [["--from", "2026-03-02", "--account", "12345"], '--account "12345" is not a 12-digit account id'],
        [["--from", "2026-03-02", "--region", "mars-north-1"], '--region "mars-north-1" is not an AWS region'],
        [["--from", "2026-03-02", "--public-keys", "keys"], "--public-keys applies to --local only (against S3 the keys come from cloudtrail:ListPublicKeys)"],
        [["--from", "2026-03-02", "--parallel", "0"], '--parallel "0" must be a whole number from 1 to 64'],
        [["--from", "2026-03-02", "--org-id", "acme"], '--org-id "acme" is not an organisation id (o- and 10-32 lower-case letters or digits)'],
        [["--from", "2026-03-02", "--colour"], "unknown option --colour"],
        [["--from", "2026-03-02", "extra"], 'unexpected argument "extra"'],
    ];
    for (const [argv, message] of bad) {
        it(`refuses ${argv.join(" ") || "no arguments"} with one line: ${message}`, () => {
            assert.strictEqual(usageError(argv), `validate-logs: ${message} (npm run validate-logs -- --help)`);
        });
    }
});

describe("npm run validate-logs -- --local", () => {
    // A day of archive ending at the last midnight, so the run's own clock finds it complete.
    const to = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000);
    const from = new Date(to.getTime() - 86_400_000);
    const accounts = ["444444444444", "555555555555"];
    let dir: string;
    const run = (...argv: string[]) =>
        spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "infra/cli/validate-logs.ts", "--local", path.join(dir, "archive"), "--bucket", BUCKET, "--org-id", TRAIL.organizationId, "--trail", TRAIL.trailName, "--home-region", TRAIL.homeRegion, "--from", from.toISOString(), "--to", to.toISOString(), ...accounts.flatMap((a) => ["--account", a]), ...REGIONS.flatMap((r) => ["--region", r]), ...argv], { cwd: REPO_ROOT, encoding: "utf8" });

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-validate-logs-"));
        const objects = syntheticTrail({ trail: TRAIL, bucket: BUCKET, accounts, regions: REGIONS, start: new Date(from.getTime() - 2 * HOUR_MS + 91_000), hours: 28, logFilesPerHour: 4, keys: (r) => KEYS[r] });
        writeArchive(path.join(dir, "archive"), objects, KEYS);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("exits 0 on an untouched copy and writes a passing JSON report of every account × region", () => {
        const r = run("--json", path.join(dir, "pass.json"));
        assert.strictEqual(r.status, 0, r.stdout + r.stderr);
        const report = JSON.parse(fs.readFileSync(path.join(dir, "pass.json"), "utf8"));
        assert.deepStrictEqual(report.results.map((c: { account: string; region: string; status: string }) => `${c.account} ${c.region} ${c.status}`), accounts.flatMap((a) => REGIONS.map((g) => `${a} ${g} pass`)));
        assert.match(r.stdout, /4 account × regions: 4 passed, 0 failed; 100 digests and 400 log files valid; 0 failures, 0 gaps, 0 notices/);
    });

    it("exits 1 and names the log file when one was changed", () => {
        const logs = path.join(dir, "archive", "AWSLogs", TRAIL.organizationId, "555555555555", "CloudTrail", "us-east-1");
        const day = path.join(logs, ...from.toISOString().slice(0, 10).split("-"));
        const file = path.join(day, fs.readdirSync(day).sort()[10]);
        fs.writeFileSync(file, gzipSync(gunzipSync(fs.readFileSync(file)).toString().replace("DescribeInstances", "StopLogging")));
        const r = run("--json", path.join(dir, "fail.json"));
        assert.strictEqual(r.status, 1, r.stdout + r.stderr);
        const report = JSON.parse(fs.readFileSync(path.join(dir, "fail.json"), "utf8"));
        const failed = report.results.filter((c: { status: string }) => c.status === "fail");
        assert.deepStrictEqual(failed.map((c: { account: string; region: string; findings: { kind: string; key: string }[] }) => [c.account, c.region, c.findings.map((f) => f.kind)]), [["555555555555", "us-east-1", ["log-modified"]]]);
        assert.ok(failed[0].findings[0].key.endsWith(path.basename(file)));
    });

    it("exits 2 with one line on a bad argument", () => {
        const r = run("--region", "moon-1");
        assert.deepStrictEqual([r.status, r.stderr], [2, 'validate-logs: --region "moon-1" is not an AWS region (npm run validate-logs -- --help)\n']);
    });
});
