import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../../infra/cli/audit";
import { REPO_ROOT } from "../../support/plan";
import { referenceExports, writeExports } from "../check/reference-exports";

const EXPORTS = path.join(REPO_ROOT, "test", "fixtures", "exports");

interface Result {
    policy: string;
    status: string;
    level: string;
    resources: string[];
    controls: string[];
}
interface Report {
    stacks: { stack: string; results: Result[] }[];
}

/** Runs the audit CLI's main in-process, capturing its output and report files. */
async function audit(files: string[], extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string; report: Report; markdown: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-audit-"));
    const json = path.join(dir, "report.json");
    const md = path.join(dir, "report.md");
    let stdout = "";
    let stderr = "";
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((s: string) => ((stdout += s), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
    try {
        const code = await main([...files, ...extra, "--json", json, "--markdown", md]);
        return { code, stdout, stderr, report: JSON.parse(fs.readFileSync(json, "utf8")), markdown: fs.readFileSync(md, "utf8") };
    } finally {
        process.stdout.write = out;
        process.stderr.write = err;
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function result(r: Report, stack: string, policy: string): Result {
    const s = r.stacks.find((x) => x.stack === stack);
    assert.ok(s, `no stack ${stack}`);
    const res = s.results.find((x) => x.policy === policy);
    assert.ok(res, `no result for ${policy}`);
    return res;
}

describe("npm run audit", function () {
    this.timeout(120_000);
    let tmp: string;
    beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lz-audit-in-"))));
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("passes the reference organisation's exported stacks with no failure but the advisory README documents (exit 0), naming the buckets each S3 rule checked", async () => {
        const files = writeExports(tmp, await referenceExports());
        // docs/check-and-audit.md: the landing zone's forwarded health alarms are named to the rule.
        const r = await audit(files, ["--config", 'lz-cloudwatch-alarm-actions.forwardedAlarmNamePrefixes=["acme-lz-health-"]']);
        assert.equal(r.code, 0, r.stderr);
        assert.equal((await audit(files)).code, 1, "without it, the health alarms fail lz-cloudwatch-alarm-actions");
        assert.deepEqual(r.report.stacks.map((s) => s.stack).sort(), ["log-archive", "management", "security"]);
        // README, "Landing zone advisories": the organisation trail notifies no SNS topic (the SIEM
        // learns of new log files from the archive's object notifications instead); the integrity
        // validation's and the response playbooks' log groups have no customer key (CloudWatch Logs encrypts them at rest).
        const fails = r.report.stacks.flatMap((s) => s.results.filter((x) => x.status === "fail").map((x) => `${s.stack} ${x.level} ${x.policy} ${x.resources.join(",")}`));
        assert.deepEqual(fails, ["security advisory lz-cloudtrail-sns-notification org-trail-trail", "security advisory lz-cloudwatch-log-group-kms log-integrity-function-log,playbook-public-bucket-function-log,playbook-exposed-key-function-log,playbook-compromised-instance-function-log"]);
        const logging = result(r.report, "log-archive", "lz-s3-access-logging");
        assert.equal(logging.status, "pass");
        assert.ok(logging.resources.includes("archive-bucket"));
        assert.ok(logging.controls.includes("CIS 3.4") && logging.controls.includes("SOC 2 CC7.2"));
        assert.equal(result(r.report, "management", "lz-eks-control-plane-logs").status, "n/a");
    });

    it("fails lz-s3-access-logging on the archive bucket once its BucketLogging is removed from the export (exit 1)", async () => {
        const docs = await referenceExports();
        const la = JSON.parse(JSON.stringify(docs["log-archive"]));
        la.deployment.resources = la.deployment.resources.filter((x: { urn: string }) => !x.urn.endsWith("::archive-logging"));
        const r = await audit(writeExports(tmp, { "log-archive": la }));
        assert.equal(r.code, 1);
        assert.deepEqual(result(r.report, "log-archive", "lz-s3-access-logging"), {
            policy: "lz-s3-access-logging",
            status: "fail",
            level: "mandatory",
            resources: ["archive-bucket"],
            controls: ["CIS 3.4", "Security Hub S3.9", "NIST AU-2", "NIST AU-12", "SOC 2 CC7.2"],
        });
        assert.match(r.markdown, /## CIS 3\.4 — FAIL\n\n\| Stack \| Rule \| Status \| Level \| Resources \|\n\| --- \| --- \| --- \| --- \| --- \|\n\| log-archive \| lz-s3-access-logging \| fail \| mandatory \| archive-bucket \|/);
    });

    it("reports exactly the failing rules of a hand-made export, skipping damaged entries with a warning naming them", async () => {
        const r = await audit([path.join(EXPORTS, "legacy-violating.json")]);
        assert.equal(r.code, 1);
        const fails = r.report.stacks[0].results.filter((x) => x.status === "fail").map((x) => `${x.level} ${x.policy} ${x.resources.join(",")}`);
        assert.deepEqual(fails, [
            "mandatory lz-cloudtrail-cloudwatch-logs audit",
            "mandatory lz-cloudtrail-kms audit",
            "advisory lz-cloudtrail-lambda-data-events audit",
            "mandatory lz-cloudtrail-multi-region audit",
            "advisory lz-cloudtrail-s3-data-events audit",
            "advisory lz-cloudtrail-sns-notification audit",
            "mandatory lz-cloudwatch-log-group-retention app",
            "mandatory lz-s3-access-logging orders",
            "mandatory lz-s3-log-bucket-versioning orders",
        ]);
        // The encrypted kmsKeyId counts as set: the log group passes the KMS rule.
        assert.equal(result(r.report, "legacy", "lz-cloudwatch-log-group-kms").status, "pass");
        assert.match(r.stderr, /warning: .*resource #7 has no valid urn; skipped/);
        assert.match(r.stderr, /warning: .*aws:ec2\/vpc:Vpc::network has inputs that are not an object; skipped/);
        assert.doesNotMatch(r.stdout + r.markdown, /ciphertext|v1:c2Vj/);
    });

    it("fails a baseline rule at stack level (no resource named) when --config applies it to a stack without an organisation trail", async () => {
        const file = path.join(EXPORTS, "legacy-violating.json");
        const without = await audit([file]);
        assert.equal(result(without.report, "legacy", "lz-baseline-org-trail").status, "n/a");
        const r = await audit([file], ["--config", "lz-baseline-org-trail.enabled=true"]);
        const x = result(r.report, "legacy", "lz-baseline-org-trail");
        assert.deepEqual([x.status, x.level, x.resources], ["fail", "mandatory", []]);
        assert.match(r.stdout, /FAIL \[mandatory\] lz-baseline-org-trail: \(stack\)/);
        const tagged = await audit([file], ["--tag", "lz:baseline=security"]);
        assert.equal(result(tagged.report, "legacy", "lz-baseline-org-trail").status, "fail");
    });

    it("reports baseline rules as n/a on a stack without the lz:baseline tag, in the JSON and in the CIS sections of the Markdown, and as pass once tagged", async () => {
        const files = writeExports(tmp, { security: (await referenceExports()).security });
        const untagged = await audit(files);
        const trail = result(untagged.report, "security", "lz-baseline-org-trail");
        assert.deepEqual([trail.status, trail.resources], ["n/a", []]);
        assert.equal(result(untagged.report, "security", "lz-baseline-guardduty").status, "n/a");
        assert.ok(trail.controls.includes("CIS 3.1"));
        const section = untagged.markdown.split("\n## ").find((x) => x.startsWith("CIS 3.1 — "));
        assert.ok(section, "the report has a CIS 3.1 section");
        assert.match(section, /\n\| security \| lz-baseline-org-trail \| n\/a \| mandatory \|  \|\n/);
        const tagged = await audit(files, ["--tag", "lz:baseline=security"]);
        assert.equal(result(tagged.report, "security", "lz-baseline-org-trail").status, "pass");
        assert.equal(result(tagged.report, "security", "lz-baseline-guardduty").status, "pass");
    });

    it("exits 2 with one line per unreadable export (truncated JSON, not an export) and still reports the readable ones", async () => {
        const r = await audit(["truncated.json", "not-an-export.json", "tidy-clean.json", "missing.json"].map((f) => path.join(EXPORTS, f)));
        assert.equal(r.code, 2);
        const errors = r.stderr.split("\n").filter((l) => l.startsWith("error: "));
        assert.equal(errors.length, 3);
        assert.match(errors[0], /truncated\.json: not valid JSON/);
        assert.match(errors[1], /not-an-export\.json: not a stack export/);
        assert.match(errors[2], /missing\.json: cannot read \(ENOENT\)/);
        assert.deepEqual(r.report.stacks.map((s) => s.stack), ["tidy"]);
        assert.ok(r.report.stacks[0].results.every((x) => x.status !== "fail"));
    });

    it("as a command: shows progress per file on stderr and exits 1 on a mandatory failure", () => {
        const r = spawnSync(
            process.execPath,
            ["--stack-trace-limit=0", "-r", "ts-node/register/transpile-only", "infra/cli/audit.ts", path.join(EXPORTS, "tidy-clean.json"), path.join(EXPORTS, "legacy-violating.json")],
            { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 },
        );
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stderr, /\[1\/2\] .*tidy-clean\.json\n/);
        assert.match(r.stderr, /\[2\/2\] .*legacy-violating\.json\n/);
        assert.match(r.stdout, /FAIL \[mandatory\] lz-s3-access-logging: orders/);
    });
});
