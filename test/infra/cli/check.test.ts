/**
 * `npm run check` end to end: the CLI is spawned on the programs in test/fixtures/programs, each in
 * update and preview mode, and the exact violations (level, rule, resource) are compared with the
 * ones listed here. The realistic programs (a VPC with flow logs, load balancers, API Gateway, RDS,
 * an @pulumi/aws 6.x program on an older SDK in its own node_modules, `main: src/`, stack config,
 * lookups, a local component, an ES module, a JavaScript program, plugin components) are judged with
 * the organisation's pack config (policy-config/default.json), which check applies by default.
 */
import { strict as assert } from "assert";
import { spawn, spawnSync } from "child_process";
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
    json: { violations: Record<string, unknown>[]; unknowns: Record<string, unknown>[]; unsupported: Record<string, unknown>[] } | null;
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

/** Runs the CLI without blocking, so the fixture cases can run two at a time. */
function checkAsync(program: string, ...args: string[]): Promise<Run> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-check-"));
    const out = path.join(dir, "violations.json");
    return new Promise((resolve, reject) => {
        const child = spawn(
            process.execPath,
            ["--stack-trace-limit=0", "-r", "ts-node/register/transpile-only", "infra/cli/check.ts", path.resolve(PROGRAMS, program), "--json", out, ...args],
            { cwd: REPO_ROOT },
        );
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("error", reject);
        child.on("close", (status) => {
            try {
                const json = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : null;
                resolve({
                    status,
                    stdout,
                    stderr,
                    json,
                    violations: json ? json.violations.map((v: Record<string, unknown>) => `${v.level} ${v.policy} ${v.name}`).sort() : null,
                });
            } catch (e) {
                reject(e);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });
}

interface Case {
    program: string;
    preview?: boolean;
    args?: string[];
    exit: number;
    violations: string[];
    /** Printed output that must appear. */
    shows?: RegExp;
    /** `unknowns` of the JSON report: `<function> <calls>`. */
    unknowns?: string[];
    /** `unsupported` of the JSON report: `<type> <name>`. */
    unsupported?: string[];
}

/** The same expectations in update and preview mode. */
function both(c: Omit<Case, "preview">): Case[] {
    return [c, { ...c, preview: true }];
}

const NO_ORG = ["--pack-config", "none"];

const CASES: Case[] = [
    { program: "s3-no-logging", exit: 1, violations: ["mandatory lz-s3-access-logging data"] },
    { program: "s3-no-logging", preview: true, exit: 1, violations: ["mandatory lz-s3-access-logging data"] },
    // Without the organisation's facts the local access-log bucket is fine; with them (the default) it is not approved.
    { program: "s3-logged", args: NO_ORG, exit: 0, violations: [] },
    { program: "s3-logged", exit: 1, violations: ["mandatory lz-s3-access-log-destination data-logging"] },
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
            "advisory lz-cloudtrail-sns-notification trail",
            "mandatory lz-cloudtrail-archive-destination trail",
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
    // Realistic programs, judged with the organisation's pack config.
    ...both({
        program: "vpc-flow-logs",
        exit: 1,
        violations: [
            "advisory lz-cloudwatch-log-group-kms shared-flow-logs",
            "mandatory lz-cloudwatch-log-group-retention shared-flow-logs",
            "mandatory lz-vpc-flow-log-destination shared-rejects",
            "mandatory lz-vpc-flow-log-traffic-all shared-rejects",
        ],
    }).map((c) =>
        // The log group's ARN exists only after apply: in preview the destination cannot be judged yet.
        c.preview ? { ...c, violations: c.violations.map((v) => v.replace("mandatory lz-vpc-flow-log-destination", "advisory lz-vpc-flow-log-destination")) } : c,
    ),
    { program: "alb-access-logs", exit: 1, violations: ["mandatory lz-elb-access-log-destination internal", "mandatory lz-s3-access-logging internal-alb-logs"] },
    // The internal ALB logs to a bucket whose name is generated at apply.
    { program: "alb-access-logs", preview: true, exit: 1, violations: ["advisory lz-elb-access-log-destination internal", "mandatory lz-s3-access-logging internal-alb-logs"] },
    ...both({
        program: "api-gateway",
        exit: 1,
        violations: ["advisory lz-apigateway-xray-tracing prod", "advisory lz-cloudwatch-log-group-kms orders-http-access", "mandatory lz-apigateway-execution-logging prod", "mandatory lz-apigateway-stage-access-logs prod"],
    }),
    // Stack dev from its only stack file; the password is a secret the check never needs.
    ...both({ program: "rds", exit: 1, violations: ["advisory lz-rds-performance-insights orders", "advisory lz-rds-performance-insights reporting-1", "mandatory lz-rds-cluster-log-exports reporting", "mandatory lz-rds-postgres-instance-query-logging orders"], shows: /orders-db: stack dev \(Pulumi\.dev\.yaml\)/ }),
    // @pulumi/aws 6.x and @pulumi/pulumi 3.160.0 from the program's own node_modules.
    {
        program: "aws-v6",
        exit: 1,
        violations: ["advisory lz-cloudwatch-log-group-kms app", "mandatory lz-s3-access-log-destination uploads"],
        shows: /@pulumi\/pulumi 3\.160\.0,/,
    },
    {
        program: "aws-v6",
        preview: true,
        exit: 0,
        violations: ["advisory lz-cloudwatch-log-group-kms app", "advisory lz-s3-access-log-destination uploads", "advisory lz-s3-access-logging uploads"],
    },
    // Pulumi.yaml `main: src/` wins over package.json's main (dist/, not built).
    ...both({ program: "main-src", exit: 1, violations: ["mandatory lz-cloudwatch-alarm-actions reports-size"], shows: /entry src,/ }),
    ...both({
        program: "stack-config",
        args: ["--stack", "dev"],
        exit: 1,
        violations: [
            "advisory lz-cloudtrail-lambda-data-events ingest-data-events",
            "advisory lz-cloudtrail-s3-data-events ingest-data-events",
            "advisory lz-cloudtrail-sns-notification ingest-data-events",
            "mandatory lz-cloudtrail-archive-destination ingest-data-events",
            "mandatory lz-cloudwatch-log-group-retention ingest",
        ],
        shows: /Remediated in place: retentionInDays 7 → 365/,
    }),
    ...both({
        program: "stack-config",
        args: ["--stack", "prod"],
        exit: 0,
        violations: ["advisory lz-cloudtrail-lambda-data-events ingest-data-events", "advisory lz-cloudtrail-s3-data-events ingest-data-events", "advisory lz-cloudtrail-sns-notification ingest-data-events"],
    }),
    // A --config ns:key=value pair overrides the stack file, as pulumi preview --config does.
    {
        program: "stack-config",
        args: ["--stack", "dev", "--config", "ingest:logRetentionDays=400", "--config", "ingest:trailBucket=acme-lz-archive-222222222222-us-east-1"],
        exit: 0,
        violations: ["advisory lz-cloudtrail-lambda-data-events ingest-data-events", "advisory lz-cloudtrail-s3-data-events ingest-data-events", "advisory lz-cloudtrail-sns-notification ingest-data-events"],
    },
    // The account's own security group and SSM parameter, and another stack's outputs, have no offline answer: unknown in both modes.
    ...both({
        program: "invokes",
        exit: 0,
        violations: ["advisory lz-vpc-flow-log-destination bastion"],
        unknowns: ["aws:ec2/getSecurityGroup:getSecurityGroup 1", "aws:ssm/getParameter:getParameter 1", "pulumi:pulumi:StackReference acme/network/prod 1"],
    }),
    ...both({ program: "local-component", exit: 1, violations: ["mandatory lz-s3-access-logging thumbnails-bucket"] }),
    ...both({ program: "esm-program", exit: 1, violations: ["mandatory lz-kms-log-key-rotation events"] }),
    // JavaScript, reading trail.json relative to the project folder (the working directory Pulumi gives it).
    ...both({
        program: "js-program",
        exit: 1,
        violations: [
            "advisory lz-cloudtrail-lambda-data-events team-audit",
            "advisory lz-cloudtrail-s3-data-events team-audit",
            "advisory lz-cloudtrail-sns-notification team-audit",
            "mandatory lz-cloudtrail-archive-destination team-audit",
            "mandatory lz-cloudtrail-cloudwatch-logs team-audit",
            "mandatory lz-cloudtrail-kms team-audit",
            "mandatory lz-cloudtrail-multi-region team-audit",
        ],
    }),
    // Plugin components are listed, not evaluated; the bucket the program creates itself is.
    ...both({
        program: "plugin-components",
        exit: 1,
        violations: ["mandatory lz-s3-access-logging assets"],
        unsupported: ["aws-apigateway:index:RestAPI shop", "awsx:ec2:Vpc shop"],
    }),
];

describe("npm run check", function () {
    this.timeout(180_000);

    const results = new Map<Case, Run>();
    before(async function () {
        this.timeout(900_000);
        // Two at a time: each run is a Node process loading the program's SDK and provider.
        const queue = [...CASES];
        const worker = async () => {
            for (let c = queue.shift(); c; c = queue.shift()) {
                results.set(c, await checkAsync(c.program, ...(c.preview ? ["--preview"] : []), ...(c.args ?? [])));
            }
        };
        await Promise.all([worker(), worker()]);
    });

    for (const c of CASES) {
        const mode = c.preview ? "preview" : "update";
        const what = c.violations.length ? `reports ${c.violations.join("; ")}` : "reports no violation";
        it(`${c.program} (${mode}${c.args ? `, ${c.args.join(" ")}` : ""}): exit ${c.exit}, ${what}`, () => {
            const r = results.get(c)!;
            assert.equal(r.status, c.exit, r.stderr + r.stdout);
            assert.deepEqual(r.violations, [...c.violations].sort());
            if (c.violations.length === 0) assert.match(r.stdout, /No violations\./);
            if (c.shows) assert.match(r.stdout, c.shows);
            assert.deepEqual(r.json!.unknowns.map((u: Record<string, unknown>) => `${u.function} ${u.calls}`), c.unknowns ?? []);
            assert.deepEqual(r.json!.unsupported.map((u: Record<string, unknown>) => `${u.type} ${u.name}`).sort(), c.unsupported ?? []);
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

    it("exits 2 with the program's own error and names the lookup it could not answer when the program uses its unknown result as text", () => {
        const r = check("unsupported-invoke", "--preview");
        assert.equal(r.status, 2);
        assert.match(r.stderr, /failed:\nsg\.name\.toUpperCase is not a function\n/);
        assert.match(r.stderr, /Unknown: .*\n {2}aws:ec2\/getSecurityGroup:getSecurityGroup \(1 call\)/);
        assert.doesNotMatch(r.stderr, /stack check: /);
        assert.equal(r.json, null);
    });

    it("writes the JSON report with violations, unknown lookups and unevaluated plugin components", () => {
        const r = check("plugin-components");
        assert.deepEqual(Object.keys(r.json!).sort(), ["unknowns", "unsupported", "violations"]);
        const api = (r.json!.unsupported as unknown as Record<string, string>[]).find((u) => u.type === "aws-apigateway:index:RestAPI");
        assert.ok(api, "the RestAPI component is listed");
        assert.equal(api.urn, "urn:pulumi:check::storefront::aws-apigateway:index:RestAPI::shop");
        assert.equal(api.package, "aws-apigateway");
        assert.match(api.reason, /provider plugin/);
        assert.match(r.stdout, /Not evaluated: .*\n {2}shop \(aws-apigateway:index:RestAPI\), package aws-apigateway/);
    });

    it("names a resource inside a local component by its component type in the URN, as pulumi preview does", () => {
        const r = check("local-component");
        const v = r.json!.violations[0];
        assert.equal(v.urn, "urn:pulumi:check::media::acme:storage:LoggedBucket$aws:s3/bucket:Bucket::thumbnails-bucket");
    });

    it("exits 2 asking for --stack when the project has several stack files", () => {
        const r = check("stack-config");
        assert.equal(r.status, 2);
        assert.match(r.stderr, /several stacks \(dev, prod\): name one with --stack/);
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
