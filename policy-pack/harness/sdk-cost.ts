/**
 * What the @pulumi/policy analyzer itself costs per resource, apart from any rule code: the SDK's
 * `serve()` (same stand-in for the gRPC server as `analyzer.ts`) with k synthetic policies of one
 * shape whose validation does nothing, fed the bench stack's resources as prebuilt protobuf
 * requests, so neither the harness's marshalling nor rule code is measured. Per shape:
 *
 * - `none`: no policy at all (Remediate + Analyze + AnalyzeStack plumbing).
 * - `single-skip`: one-type resource policy (`__pulumiType`) of another type, skipped unread.
 * - `multi-na`: multi-type resource policy on a type it does not cover (calls `notApplicable`).
 * - `multi-noop`: multi-type resource policy on a type it covers (validation returns).
 * - `stack-noop`: stack policy without a subject type (validation returns).
 * - `stack-skip`: stack policy whose subject type is absent, skipped unread.
 *
 * Each shape runs in its own process (`serve()` works once per process); CPU time, best of `runs`.
 * Run: `node --stack-trace-limit=0 -r ts-node/register/transpile-only policy-pack/harness/sdk-cost.ts [count] [runs]`
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { benchStack } from "./bench";
import { struct } from "./marshal";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const SHAPES = ["none", "single-skip", "multi-na", "multi-noop", "stack-noop", "stack-skip"] as const;
type Shape = (typeof SHAPES)[number];
const K = 10;

function policiesOf(shape: Shape, k: number): unknown[] {
    const out: unknown[] = [];
    const absent = "aws:none/none:None";
    for (let i = 0; i < k; i++) {
        const base = { name: `p${i}`, description: "cost probe", enforcementLevel: "advisory" };
        const typed = (f: any) => Object.assign(f, { __pulumiType: absent });
        if (shape === "single-skip") out.push({ ...base, validateResource: typed(() => undefined) });
        if (shape === "multi-na") out.push({ ...base, validateResource: (a: any) => a.notApplicable("not this type") });
        if (shape === "multi-noop") out.push({ ...base, validateResource: () => undefined });
        if (shape === "stack-noop") out.push({ ...base, validateStack: () => undefined });
        if (shape === "stack-skip") out.push({ ...base, validateStack: typed(() => undefined) });
    }
    return out;
}

/** Child: serve the shape, time the handlers (CPU ms) over `count` resources. */
async function child(shape: Shape, count: number): Promise<void> {
    const policyDir = path.dirname(require.resolve("@pulumi/policy/package.json"));
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [policyDir] }));
    const server = require("@pulumi/policy/server");
    const ap = require("@pulumi/pulumi/proto/analyzer_pb");
    let impl: any;
    Object.defineProperty(grpc, "Server", {
        configurable: true,
        get: () =>
            class {
                addService(_s: unknown, i: unknown): void {
                    impl = i;
                }
                bindAsync(): void {
                    // never binds
                }
            },
    });
    server.serve("sdk-cost", "1.0.0", "advisory", { policies: policiesOf(shape, shape === "none" ? 0 : K) }, undefined);
    const rpc = (fn: any, request: unknown) => new Promise<any>((res, rej) => fn({ request }, (e: unknown, r: unknown) => (e ? rej(e) : res(r))));
    await rpc(impl.configure, new ap.ConfigureAnalyzerRequest());
    const requests = (n: number) =>
        benchStack(n).map((r) => {
            const req = new ap.AnalyzeRequest();
            req.setType(r.type);
            req.setUrn(r.urn);
            req.setName(r.name);
            req.setProperties(struct(r.props));
            req.setOptions(new ap.AnalyzerResourceOptions());
            const ar = new ap.AnalyzerResource();
            ar.setType(r.type);
            ar.setUrn(r.urn);
            ar.setName(r.name);
            ar.setProperties(req.getProperties());
            ar.setOptions(req.getOptions());
            ar.setDependenciesList(r.dependencies ?? []);
            const pd = ar.getPropertydependenciesMap();
            for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
                const d = new ap.AnalyzerPropertyDependencies();
                d.setUrnsList(urns);
                pd.set(key, d);
            }
            return { req, ar };
        });
    const cpu = () => {
        const c = process.cpuUsage();
        return (c.user + c.system) / 1000;
    };
    const run = async (items: { req: unknown; ar: unknown }[]) => {
        let t = cpu();
        for (const { req } of items) {
            await rpc(impl.remediate, req);
            await rpc(impl.analyze, req);
        }
        const perResource = cpu() - t;
        const stackReq = new ap.AnalyzeStackRequest();
        stackReq.setResourcesList(items.map((x) => x.ar));
        t = cpu();
        await rpc(impl.analyzeStack, stackReq);
        return { perResource, stack: cpu() - t };
    };
    await run(requests(300));
    const r = await run(requests(count));
    process.stdout.write(JSON.stringify({ resourceUs: (1000 * r.perResource) / count, stackUs: (1000 * r.stack) / count }));
}

function main(): void {
    const count = Number(process.argv[2] ?? 10_000);
    const runs = Number(process.argv[3] ?? 3);
    const best: Record<string, { resourceUs: number; stackUs: number }> = {};
    for (let i = 0; i < runs; i++) {
        for (const shape of SHAPES) {
            const r = spawnSync(process.execPath, [...process.execArgv, __filename, "--child", shape, String(count)], { encoding: "utf8" });
            if (r.status !== 0) throw new Error(`${shape}: ${r.stderr}`);
            const m = JSON.parse(r.stdout) as { resourceUs: number; stackUs: number };
            const b = best[shape];
            if (!b || m.resourceUs + m.stackUs < b.resourceUs + b.stackUs) best[shape] = m;
        }
    }
    const none = best.none;
    const per = (s: Shape) => ((best[s].resourceUs - none.resourceUs + best[s].stackUs - none.stackUs) / K).toFixed(2);
    const lines = [
        `@pulumi/policy analyzer cost per resource (CPU, best of ${runs}, ${count} bench resources, no rule code, no harness marshalling):`,
        `  Remediate + Analyze + AnalyzeStack with no policy:        ${(none.resourceUs + none.stackUs).toFixed(2)} µs`,
        `  + per one-type resource policy skipped (__pulumiType):    ${per("single-skip")} µs`,
        `  + per multi-type resource policy, type not covered:       ${per("multi-na")} µs`,
        `  + per multi-type resource policy, type covered (no-op):   ${per("multi-noop")} µs`,
        `  + per stack policy without subject (no-op):               ${per("stack-noop")} µs`,
        `  + per stack policy whose subject type is absent:          ${per("stack-skip")} µs`,
        "",
    ];
    process.stdout.write(lines.join("\n"));
}

if (require.main === module) {
    if (process.argv[2] === "--child") {
        child(process.argv[3] as Shape, Number(process.argv[4])).catch((e) => {
            process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
            process.exit(1);
        });
    } else {
        main();
    }
}
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
