/**
 * Where the bench's time goes: the measured part of `bench.ts` (one evaluation of the generated
 * stack through the analyzer) under V8's sampling profiler, each sample charged to the innermost
 * function on its stack that names a cost (an SDK function, the pack's code, the harness), and
 * printed per resource. Garbage collection is charged to nobody: V8 reports it on its own.
 * Run: `node --stack-trace-limit=0 -r ts-node/register/transpile-only policy-pack/harness/bench-profile.ts [count] [out.cpuprofile]`
 */
import * as fs from "fs";
import * as inspector from "inspector";
import { benchStack } from "./bench";
import { evaluatePack } from "./evaluate";

interface CallFrame {
    functionName: string;
    url: string;
    lineNumber: number;
}
interface Profile {
    nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
    samples: number[];
    timeDeltas: number[];
}

const SDK = /@pulumi\/policy\//;
/** Innermost match wins; order only matters for frames matching several. */
const BUCKETS: [string, (f: CallFrame) => boolean][] = [
    ["garbage collection", (f) => f.functionName === "(garbage collector)"],
    ["SDK deserializeProperties (Struct.toJavaScript, copy, secret/unknown proxies)", (f) => SDK.test(f.url) && f.functionName === "deserializeProperties"],
    ["SDK getResourceOptions / getProviderResource / getPropertyDependencies", (f) => SDK.test(f.url) && /^(getResourceOptions|getCustomTimeouts|getProviderResource|getPropertyDependencies)$/.test(f.functionName)],
    ["SDK pushNotApplicable (a PolicyNotApplicable message per skipped policy)", (f) => SDK.test(f.url) && f.functionName === "pushNotApplicable"],
    ["SDK throwNotApplicable (NotApplicableError thrown and caught)", (f) => SDK.test(f.url) && /^(throwNotApplicable|NotApplicableError)$/.test(f.functionName)],
    ["SDK makeAnalyzeResponse / makeRemediateResponse", (f) => SDK.test(f.url) && /^make(Analyze|Remediate)Response$/.test(f.functionName)],
    ["pack: rule library and rules", (f) => /policy-pack\/(lib|policies)\//.test(f.url)],
    ["harness: engine stand-in (marshal inputs, build requests, read responses)", (f) => /policy-pack\/harness\//.test(f.url)],
    ["SDK handler loops (per policy: level, type check, args; per stack policy: resource objects), async plumbing", (f) => SDK.test(f.url)],
];

export function attribute(profile: Profile): Map<string, number> {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const bucketOf = new Map<number, string>();
    const find = (id: number): string => {
        const known = bucketOf.get(id);
        if (known !== undefined) return known;
        const f = nodes.get(id)!.callFrame;
        const own = BUCKETS.find(([, m]) => m(f))?.[0];
        const p = parent.get(id);
        const b = own ?? (p === undefined ? "other (runtime: promises, microtasks)" : find(p));
        bucketOf.set(id, b);
        return b;
    };
    const out = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
        const us = profile.timeDeltas[i + 1] ?? 0;
        const b = find(profile.samples[i]);
        out.set(b, (out.get(b) ?? 0) + us);
    }
    return out;
}

async function main(): Promise<void> {
    const count = Number(process.argv[2] ?? 10_000);
    const session = new inspector.Session();
    session.connect();
    const post = <T>(method: string, params?: object) =>
        new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r as T))));
    await evaluatePack(benchStack(200));
    const stack = benchStack(count);
    await post("Profiler.enable");
    await post("Profiler.setSamplingInterval", { interval: 100 });
    await post("Profiler.start");
    const started = performance.now();
    await evaluatePack(stack, { preview: false });
    const ms = performance.now() - started;
    const { profile } = await post<{ profile: Profile }>("Profiler.stop");
    if (process.argv[3]) fs.writeFileSync(process.argv[3], JSON.stringify(profile));
    const byBucket = attribute(profile);
    const total = [...byBucket.values()].reduce((a, b) => a + b, 0);
    const lines = [`bench under the profiler: ${count} resources in ${(ms / 1000).toFixed(2)} s (${((1000 * ms) / count).toFixed(1)} µs per resource, profiler overhead included)`];
    for (const [name, us] of [...byBucket].sort((a, b) => b[1] - a[1])) {
        lines.push(`  ${(us / count).toFixed(1).padStart(6)} µs  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
}

if (require.main === module) {
    main().catch((e) => {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    });
}
