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

export async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { options: ["stacks", "resources"] }, USAGE);
    const stacks = Number(args.options.stacks ?? 100);
    const perStack = Number(args.options.resources ?? 200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-bench-audit-"));
    try {
        const files: string[] = [];
        for (let i = 0; i < stacks; i++) {
            const file = path.join(dir, `stack-${i}.json`);
            fs.writeFileSync(file, JSON.stringify(generatedExport(`stack-${i}`, perStack)));
            files.push(file);
        }
        const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
        const rssBefore = process.memoryUsage().rss;
        const write = process.stdout.write.bind(process.stdout);
        process.stdout.write = (() => true) as typeof process.stdout.write;
        const start = process.hrtime.bigint();
        let code: number;
        try {
            code = await audit([...files, "--quiet", "--json", path.join(dir, "report.json")]);
        } finally {
            process.stdout.write = write;
        }
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
        process.stdout.write(
            `audit of ${stacks} stacks × ${perStack} resources (${(bytes / 1024 / 1024).toFixed(1)} MB of exports): ` +
                `${(ms / 1000).toFixed(1)} s total, ${(ms / stacks).toFixed(0)} ms per stack; ` +
                `RSS before the audit ${mb(rssBefore)}, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}, heap after ${mb(process.memoryUsage().heapUsed)}; exit code ${code}\n`,
        );
        return 0;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

if (require.main === module) {
    runCli(main);
}
