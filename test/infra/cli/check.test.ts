import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../support/plan";
import { main as checkMain } from "../../../infra/cli/check";
import { captured } from "../../support/output";

const PROGRAMS = path.join(REPO_ROOT, "test", "fixtures", "programs");
const APPROVED = 'lz-vpc-flow-log-destination.approvedDestinations=["arn:aws:s3:::acme-log-archive/flow"]';

interface Run {
    status: number | null;
    stdout: string;
    stderr: string;
    /** `level policy name` per violation of the --json file, or null when none was written. */
    violations: string[] | null;
    json: { violations: Record<string, unknown>[] } | null;
}

function check(program: string, ...args: string[]): Run {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-check-"));
    const out = path.join(dir, "violations.json");
    try {
        const r = spawnSync(
            process.execPath,
            ["--stack-trace-limit=0", "-r", "ts-node/register/transpile-only", "infra/cli/check.ts", path.resolve(PROGRAMS, program), "--json", out, ...args],
            { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 },
        );
        const json = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : null;
        return {
            status: r.status,
            stdout: r.stdout,
            stderr: r.stderr,
            json,
            violations: json ? json.violations.map((v: Record<string, unknown>) => `${v.level} ${v.policy} ${v.name}`).sort() : null,
        };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

interface Case {
    program: string;
    preview?: boolean;
    args?: string[];
    exit: number;
    violations: string[];
    /** Printed output that must appear. */
    shows?: RegExp;
}

const CASES: Case[] = [
    { program: "s3-no-logging", exit: 1, violations: ["mandatory lz-s3-access-logging data"] },
    { program: "s3-no-logging", preview: true, exit: 1, violations: ["mandatory lz-s3-access-logging data"] },
    { program: "s3-logged", exit: 0, violations: [] },
    { program: "log-group-defaults", exit: 0, violations: ["advisory lz-cloudwatch-log-group-kms app"] },
    { program: "log-group-compliant", exit: 0, violations: [] },
    // A remediate-level finding counts as mandatory: the program disagrees with what would be deployed.
    {
        program: "log-group-short-retention",
        exit: 1,
        violations: ["mandatory lz-cloudwatch-log-group-retention app"],
        shows: /Remediated in place: retentionInDays 7 → 365/,
    },
    { program: "kms-no-rotation", exit: 1, violations: ["mandatory lz-kms-log-key-rotation logs"] },
    { program: "vpc-no-flow-logs", exit: 1, violations: ["mandatory lz-vpc-flow-logs main"] },
    { program: "eks-no-logs", exit: 1, violations: ["mandatory lz-eks-control-plane-logs cluster"] },
    { program: "export-function", exit: 0, violations: [] },
    { program: "export-function", preview: true, exit: 0, violations: [] },
    {
        program: "trail-minimal",
        exit: 1,
        violations: [
            "advisory lz-cloudtrail-lambda-data-events trail",
            "advisory lz-cloudtrail-s3-data-events trail",
            "mandatory lz-cloudtrail-cloudwatch-logs trail",
            "mandatory lz-cloudtrail-kms trail",
            "mandatory lz-cloudtrail-log-file-validation trail",
            "mandatory lz-cloudtrail-multi-region trail",
            "mandatory lz-s3-access-logging trail-logs",
            "mandatory lz-s3-log-bucket-versioning trail-logs",
        ],
    },
    {
        program: "flow-log-destination",
        args: ["--config", APPROVED],
        exit: 1,
        violations: ["mandatory lz-s3-access-logging local-flow-logs", "mandatory lz-vpc-flow-log-destination local-flow"],
    },
    {
        program: "flow-log-destination",
        preview: true,
        args: ["--config", APPROVED],
        exit: 1,
        violations: ["advisory lz-vpc-flow-log-destination local-flow", "mandatory lz-s3-access-logging local-flow-logs"],
    },
    {
        program: "flow-log-destination",
        args: ["--config", APPROVED, "--config", "all=advisory"],
        exit: 0,
        violations: ["advisory lz-s3-access-logging local-flow-logs", "advisory lz-vpc-flow-log-destination local-flow"],
    },
];

describe("npm run check", function () {
    this.timeout(180_000);

    for (const c of CASES) {
        const mode = c.preview ? "preview" : "update";
        const what = c.violations.length ? `reports ${c.violations.join("; ")}` : "reports no violation";
        it(`${c.program} (${mode}${c.args ? ", with config" : ""}): exit ${c.exit}, ${what}`, () => {
            const r = check(c.program, ...(c.preview ? ["--preview"] : []), ...(c.args ?? []));
            assert.equal(r.status, c.exit, r.stderr + r.stdout);
            assert.deepEqual(r.violations, [...c.violations].sort());
            if (c.violations.length === 0) assert.match(r.stdout, /No violations\./);
            if (c.shows) assert.match(r.stdout, c.shows);
        });
    }

    it("writes each violation with urn, name, type, level, message and prints it under its resource with controls", () => {
        const r = check("vpc-no-flow-logs");
        assert.equal(r.json!.violations.length, 1);
        const v = r.json!.violations[0];
        assert.deepEqual(Object.keys(v).sort(), ["level", "message", "name", "policy", "type", "urn"]);
        assert.equal(v.urn, "urn:pulumi:check::vpc-no-flow-logs::aws:ec2/vpc:Vpc::main");
        assert.equal(v.type, "aws:ec2/vpc:Vpc");
        assert.match(r.stdout, /^main \(aws:ec2\/vpc:Vpc\)\n {2}\[mandatory\] lz-vpc-flow-logs\n/m);
        assert.match(r.stdout, /controls: .*NIST AU-/);
    });

    it("shows the program's warnings (here the SDK's deprecation of v6 S3 types) on stderr, as pulumi preview does", async () => {
        let stdout = "";
        const { text: stderr } = await captured("stderr", async () => {
            stdout = (await captured("stdout", () => checkMain([path.join(PROGRAMS, "deprecated-types")]))).text;
        });
        assert.equal(
            stderr,
            "warning: BucketV2 is deprecated: s3.BucketV2 has been deprecated in favor of s3.Bucket\n" +
                "warning: BucketLoggingV2 is deprecated: aws.s3/bucketloggingv2.BucketLoggingV2 has been deprecated in favor of aws.s3/bucketlogging.BucketLogging\n",
        );
        assert.match(stdout, /resources checked \(update\)/);
    });

    it("exits 2 with the program's own error message when the program throws, and writes no JSON", () => {
        const r = check("throws");
        assert.equal(r.status, 2);
        // Exactly the program's message: not the engine's `stack check: ` prefix, no stack trace.
        assert.equal(r.stderr, `The program in ${path.join(PROGRAMS, "throws")} failed:\nDATABASE_URL is not set: refusing to deploy\n`);
        assert.equal(r.json, null);
    });

    it("exits 2 naming the function when the program calls a lookup it has no offline answer for", () => {
        const r = check("unsupported-invoke", "--preview");
        assert.equal(r.status, 2);
        assert.match(r.stderr, /failed:\n.*aws:ec2\/getAmi:getAmi/);
        assert.doesNotMatch(r.stderr, /stack check: /);
    });

    it("honours a pack exception by the resource's URN as pulumi preview names it", () => {
        const urn = "urn:pulumi:check::vpc-no-flow-logs::aws:ec2/vpc:Vpc::main";
        const exception = JSON.stringify([{ urn, reason: "lab network, flow logs in the transit account", expires: "2999-12-31" }]);
        const r = check("vpc-no-flow-logs", "--config", `lz-vpc-flow-logs.exceptions=${exception}`);
        assert.equal(r.status, 0, r.stderr + r.stdout);
        assert.deepEqual(r.violations, []);
    });

    it("names the project from the program's Pulumi.yaml and the stack from --stack in URNs, as pulumi preview would", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-check-project-"));
        try {
            fs.copyFileSync(path.join(PROGRAMS, "vpc-no-flow-logs", "index.ts"), path.join(dir, "index.ts"));
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: shop\nruntime: nodejs\n");
            const r = check(dir, "--stack", "prod");
            assert.equal(r.status, 1, r.stderr + r.stdout);
            assert.equal(r.json!.violations[0].urn, "urn:pulumi:prod::shop::aws:ec2/vpc:Vpc::main");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("exits 2 listing the problem when the pack config names no rule of the pack", () => {
        const r = check("s3-logged", "--config", "lz-no-such-rule=advisory");
        assert.equal(r.status, 2);
        assert.match(r.stderr, /lz-no-such-rule/);
    });
});
