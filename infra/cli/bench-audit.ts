/**
 * Benchmark of `audit` on a large organisation: writes 100 stack exports of 200 resources each
 * (buckets with and without access logging and versioning, log groups, KMS keys, VPCs with flow
 * logs, trails, roles; secrets in the wire format) to a temporary folder, audits them all in one
 * run, and prints the total time and peak memory (resident set size).
 *
 *   node -r ts-node/register/transpile-only infra/cli/bench-audit.ts [--stacks N] [--resources N]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SECRET_SIG, SECRET_VALUE } from "../check/export-file";
import { main as audit } from "./audit";
import { parseArgs } from "./args";
import { runCli } from "./plan";

const USAGE = "usage: bench-audit.ts [--stacks <n>] [--resources <n per stack>]";

/** One generated stack export with `n` resources; every seventh bucket lacks access logging. */
export function generatedExport(stack: string, n: number): unknown {
    const p = `urn:pulumi:${stack}::bench::`;
    const root = `${p}pulumi:pulumi:Stack::bench-${stack}`;
    const prov = `${p}pulumi:providers:aws::default`;
    const resources: Record<string, unknown>[] = [
        { urn: root, custom: false, type: "pulumi:pulumi:Stack" },
        { urn: prov, custom: true, id: "prov-id", type: "pulumi:providers:aws", inputs: { region: "us-east-1", secretKey: { [SECRET_SIG]: SECRET_VALUE, ciphertext: "v1:AAAA" } } },
    ];
    const add = (type: string, name: string, inputs: Record<string, unknown>, deps: Record<string, string[]> = {}): string => {
        const urn = `${p}${type}::${name}`;
        const dependencies = [...new Set(Object.values(deps).flat())];
        resources.push({ urn, custom: true, id: `${name}-id`, type, inputs, outputs: inputs, parent: root, provider: `${prov}::prov-id`, dependencies, propertyDependencies: deps });
        return urn;
    };
    const logs = add("aws:s3/bucket:Bucket", "access-logs", { bucket: `${stack}-access-logs` });
    add("aws:s3/bucketVersioning:BucketVersioning", "access-logs-versioning", { bucket: `${stack}-access-logs`, versioningConfiguration: { status: "Enabled" } }, { bucket: [logs] });
    for (let i = 0; resources.length < n; i++) {
        switch (i % 5) {
            case 0: {
                const b = add("aws:s3/bucket:Bucket", `data-${i}`, { bucket: `${stack}-data-${i}` });
                if (i % 7 !== 0) add("aws:s3/bucketLogging:BucketLogging", `data-${i}-logging`, { bucket: `${stack}-data-${i}`, targetBucket: `${stack}-access-logs`, targetPrefix: `data-${i}/` }, { bucket: [b], targetBucket: [logs] });
                break;
            }
            case 1: {
                const k = add("aws:kms/key:Key", `key-${i}`, { enableKeyRotation: true });
                add("aws:cloudwatch/logGroup:LogGroup", `group-${i}`, { name: `/bench/${i}`, retentionInDays: 400, kmsKeyId: `arn:aws:kms:us-east-1:111122223333:key/${i}` }, { kmsKeyId: [k] });
                break;
            }
            case 2: {
                const v = add("aws:ec2/vpc:Vpc", `vpc-${i}`, { cidrBlock: "10.0.0.0/16" });
                add("aws:ec2/flowLog:FlowLog", `vpc-${i}-flow`, { vpcId: `vpc-${i}-id`, trafficType: "ALL", logDestinationType: "s3", logDestination: `arn:aws:s3:::${stack}-access-logs` }, { vpcId: [v] });
                break;
            }
            case 3:
                add("aws:iam/role:Role", `role-${i}`, { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }) });
                break;
            default:
                add("aws:sqs/queue:Queue", `queue-${i}`, { name: `${stack}-q-${i}`, kmsMasterKeyId: { [SECRET_SIG]: SECRET_VALUE, ciphertext: "v1:BBBB" } });
        }
    }
    return { version: 3, deployment: { manifest: { time: "2026-01-01T00:00:00Z", magic: "bench", version: "v3.248.0" }, resources: resources.slice(0, n) } };
}

/** Heap the audit may hold once done: the bound docs/check-and-audit.md promises (memory does not grow with stacks). */
const HEAP_GOAL_MB = 160;

/** The generated buckets of an export that have no access logging: the findings the audit must report. */
export function unloggedBuckets(exported: unknown): string[] {
    const resources = (exported as { deployment: { resources: { type: string; urn: string; inputs?: Record<string, unknown> }[] } }).deployment.resources;
    const logged = new Set(resources.filter((r) => r.type === "aws:s3/bucketLogging:BucketLogging").map((r) => r.inputs?.bucket));
    return resources
        .filter((r) => r.type === "aws:s3/bucket:Bucket" && String(r.urn).includes("::data-") && !logged.has(r.inputs?.bucket))
        .map((r) => r.urn.slice(r.urn.lastIndexOf("::") + 2))
        .sort();
}

interface AuditReport {
    stacks: { stack: string; results: { policy: string; status: string; level: string; resources: string[] }[] }[];
}

/**
 * Whether the audit found what the exports were generated with: in every stack, `lz-s3-access-logging`
 * fails on exactly the buckets generated without logging, and no other rule fails as mandatory.
 * Returns the differences, one line each (none when the findings are as generated).
 */
export function findingsDiffer(report: AuditReport, expected: ReadonlyMap<string, readonly string[]>): string[] {
    const out: string[] = [];
    for (const [stack, buckets] of expected) {
        const s = report.stacks.find((x) => x.stack === stack);
        if (!s) {
            out.push(`${stack}: not in the report`);
            continue;
        }
        const logging = s.results.find((r) => r.policy === "lz-s3-access-logging");
        const found = logging?.status === "fail" ? [...logging.resources].sort() : [];
        if (found.join(",") !== buckets.join(",")) out.push(`${stack}: lz-s3-access-logging failed on [${found.join(", ")}], generated without logging: [${buckets.join(", ")}]`);
        for (const r of s.results.filter((x) => x.status === "fail" && x.level === "mandatory" && x.policy !== "lz-s3-access-logging")) {
            out.push(`${stack}: unexpected mandatory failure of ${r.policy} on ${r.resources.join(", ") || "(stack)"}`);
        }
    }
    return out;
}

export async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { options: ["stacks", "resources"] }, USAGE);
    const stacks = Number(args.options.stacks ?? 100);
    const perStack = Number(args.options.resources ?? 200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-bench-audit-"));
    try {
        const files: string[] = [];
        const expected = new Map<string, string[]>();
        for (let i = 0; i < stacks; i++) {
            const file = path.join(dir, `stack-${i}.json`);
            const exported = generatedExport(`stack-${i}`, perStack);
            expected.set(`stack-${i}`, unloggedBuckets(exported));
            fs.writeFileSync(file, JSON.stringify(exported));
            files.push(file);
        }
        const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
        const rssBefore = process.memoryUsage().rss;
        const write = process.stdout.write.bind(process.stdout);
        process.stdout.write = (() => true) as typeof process.stdout.write;
        const start = process.hrtime.bigint();
        const reportFile = path.join(dir, "report.json");
        try {
            // Its exit code is 1 by design: every seventh generated bucket has no access logging.
            await audit([...files, "--quiet", "--json", reportFile]);
        } finally {
            process.stdout.write = write;
        }
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
        const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
        const differences = findingsDiffer(JSON.parse(fs.readFileSync(reportFile, "utf8")) as AuditReport, expected);
        const generated = [...expected.values()].reduce((n, b) => n + b.length, 0);
        process.stdout.write(
            [
                `audit of ${stacks} stacks × ${perStack} resources (${(bytes / 1024 / 1024).toFixed(1)} MB of exports): ${(ms / 1000).toFixed(1)} s total, ${(ms / stacks).toFixed(0)} ms per stack`,
                `  memory: RSS before the audit ${mb(rssBefore)}, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}; heap after ${heapMb.toFixed(0)} MB -> ${heapMb <= HEAP_GOAL_MB ? "met" : "NOT met"} (goal: at most ${HEAP_GOAL_MB} MB)`,
                `  findings: ${differences.length === 0 ? `as generated (the ${generated} buckets generated without access logging, nothing else mandatory)` : `NOT as generated:\n    ${differences.join("\n    ")}`}`,
                "",
            ].join("\n"),
        );
        // Findings that differ from the generated ones mean the audit itself is broken: that is a failure.
        return differences.length === 0 ? 0 : 1;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

if (require.main === module) {
    runCli(main);
}
