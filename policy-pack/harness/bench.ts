/**
 * Throughput of the pack through the SDK analyzer path (Remediate + Analyze per resource, then one
 * AnalyzeStack) on a generated 10,000-resource stack of the covered types: buckets with logging and
 * versioning resources, VPCs with flow logs, trails, log groups, alarms, load balancers, functions...
 * Prints both readings of "resource-evaluations per second": resources evaluated against the whole
 * pack, and (resource, rule) pairs. The SDK's own per-policy work bounds the first (docs/policy-pack.md,
 * "Throughput"; `bench-profile.ts` shows where the time goes, `sdk-cost.ts` what the SDK costs per policy).
 * Run: `node -r ts-node/register/transpile-only policy-pack/harness/bench.ts [count]`.
 */
import { evaluatePack, type EvalResource } from "./evaluate";
import { ALL_RULES } from "../rules";

const GOAL = 20_000;

function urn(type: string, name: string): string {
    return `urn:pulumi:bench::lz::${type}::${name}`;
}

/** A realistic mix: every 10 resources form small related groups, as a workload stack would. */
export function benchStack(count: number): EvalResource[] {
    const out: EvalResource[] = [];
    const add = (type: string, name: string, props: Record<string, unknown>, extra: Partial<EvalResource> = {}) => {
        const r: EvalResource = { urn: urn(type, name), type, name, props, custom: true, ...extra };
        out.push(r);
        return r;
    };
    for (let i = 0; out.length < count; i++) {
        const b = add("aws:s3/bucket:Bucket", `bucket-${i}`, { bucket: `app-${i}`, tags: { team: "t", "lz:stack": "bench" } });
        add("aws:s3/bucketLogging:BucketLogging", `bucket-${i}-logging`, { bucket: `app-${i}`, targetBucket: "org-access-logs", targetPrefix: `app-${i}/` }, { propertyDependencies: { bucket: [b.urn] }, dependencies: [b.urn] });
        add("aws:s3/bucketVersioning:BucketVersioning", `bucket-${i}-versioning`, { bucket: `app-${i}`, versioningConfiguration: { status: "Enabled" } }, { propertyDependencies: { bucket: [b.urn] }, dependencies: [b.urn] });
        const vpc = add("aws:ec2/vpc:Vpc", `vpc-${i}`, { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true });
        add("aws:ec2/flowLog:FlowLog", `vpc-${i}-flow`, { vpcId: `vpc-${i}`, trafficType: "ALL", logDestinationType: "s3", logDestination: "arn:aws:s3:::org-archive/flow/" }, { propertyDependencies: { vpcId: [vpc.urn] }, dependencies: [vpc.urn] });
        const fn = add("aws:lambda/function:Function", `fn-${i}`, { name: `fn-${i}`, runtime: "nodejs20.x", handler: "index.handler", loggingConfig: { logFormat: "JSON" }, tracingConfig: { mode: "Active" } });
        add("aws:cloudwatch/logGroup:LogGroup", `fn-${i}-logs`, { name: `/aws/lambda/fn-${i}`, retentionInDays: 365, kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/k" }, { dependencies: [fn.urn] });
        add("aws:cloudwatch/metricAlarm:MetricAlarm", `alarm-${i}`, { alarmActions: ["arn:aws:sns:us-east-1:111111111111:high"], comparisonOperator: "GreaterThanThreshold", threshold: 1 });
        add("aws:lb/loadBalancer:LoadBalancer", `alb-${i}`, { loadBalancerType: "application", accessLogs: { enabled: true, bucket: "org-elb-logs" } });
        add("aws:sns/topic:Topic", `topic-${i}`, { name: `topic-${i}` });
    }
    return out.slice(0, count);
}

async function main(): Promise<void> {
    const count = Number(process.argv[2] ?? 10_000);
    const stack = benchStack(count);
    // Warm-up: module loading, JIT, the analyzer's one-time setup.
    await evaluatePack(benchStack(200));
    const started = performance.now();
    const result = await evaluatePack(stack, { preview: false });
    const seconds = (performance.now() - started) / 1000;
    const perSecond = Math.round(count / seconds);
    const pairs = Math.round((count * ALL_RULES.length) / seconds);
    const verdict = (n: number) => (n >= GOAL ? "meets" : "below");
    process.stdout.write(
        [
            `policy pack bench: ${count} resources, ${ALL_RULES.length} rules, through the @pulumi/policy analyzer (Remediate + Analyze per resource, one AnalyzeStack): ${seconds.toFixed(2)} s, ${result.violations.length} violations`,
            `  resources evaluated against the whole pack: ${perSecond}/s (${verdict(perSecond)} the ${GOAL}/s goal)`,
            `  resource × rule evaluations:                ${pairs}/s (${verdict(pairs)} the ${GOAL}/s goal)`,
            "",
        ].join("\n"),
    );
}

if (require.main === module) {
    main().catch((e) => {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    });
}
