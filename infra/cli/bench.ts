/**
 * `npm run bench` — plan speed of the offline engine on the reference org and on a generated
 * large org (100 member accounts, 17 regions), against the module-load floor measured in the
 * same run. Prints per-stack wall time, resources and ms/resource.
 *
 *   npm run bench                 every benchmark: plan (reference + large org), pack, audit, validate
 *   npm run bench -- --reference  plan benchmark of the reference org only
 *   npm run bench -- --only plan|pack|audit|validate
 *
 * The pack, audit and validate benchmarks run in child processes, so each peak memory reading is its own.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

const t0 = performance.now();

interface Row {
    stack: string;
    ms: number;
    resources: number;
}

function table(title: string, rows: Row[], floorMs: number, wallMs: number, limit = 12): string {
    const total = rows.reduce((n, r) => n + r.resources, 0);
    const planMs = rows.reduce((n, r) => n + r.ms, 0);
    const lines = [`\n${title}`, `  ${"stack".padEnd(28)} ${"ms".padStart(9)} ${"resources".padStart(10)} ${"ms/res".padStart(8)}`];
    const shown = rows.length > limit ? [...rows.slice(0, limit - 2), ...rows.slice(-2)] : rows;
    for (const r of shown) {
        if (rows.length > limit && r === rows[rows.length - 2]) lines.push(`  ... ${rows.length - limit} more stacks ...`);
        lines.push(`  ${r.stack.padEnd(28)} ${r.ms.toFixed(0).padStart(9)} ${String(r.resources).padStart(10)} ${(r.ms / Math.max(1, r.resources)).toFixed(2).padStart(8)}`);
    }
    const goal = 2 * (floorMs + total);
    const totalMs = floorMs + wallMs;
    lines.push(`  ${"total".padEnd(28)} ${planMs.toFixed(0).padStart(9)} ${String(total).padStart(10)} ${(planMs / Math.max(1, total)).toFixed(2).padStart(8)}`);
    lines.push(`  floor + plan = ${totalMs.toFixed(0)} ms; goal 2 x (floor + 1 ms x resources) = ${goal.toFixed(0)} ms -> ${totalMs <= goal ? "met" : "NOT met"}`);
    return lines.join("\n");
}

function largeOrg(root: string, members: number, regions: readonly string[]): void {
    const { stringify } = require("yaml") as typeof import("yaml");
    const ref = require("yaml").parse(fs.readFileSync(path.join(__dirname, "..", "..", "stacks", "org.yaml"), "utf8"));
    // Loaded here, after the module-load floor is measured: it brings the engine with it.
    const { growOrg } = require("../docs/cost-organisations") as typeof import("../docs/cost-organisations");
    growOrg(ref, members, regions);
    fs.mkdirSync(path.join(root, "stacks"), { recursive: true });
    fs.copyFileSync(path.join(__dirname, "..", "..", "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
    fs.writeFileSync(path.join(root, "stacks", "org.yaml"), stringify(ref));
    for (const f of ["management", "log-archive", "security"]) {
        fs.copyFileSync(path.join(__dirname, "..", "..", "stacks", `Pulumi.${f}.yaml`), path.join(root, "stacks", `Pulumi.${f}.yaml`));
    }
    const names = ["management", "log-archive", "security", ...ref.accounts.members.map((m: { name: string }) => m.name)];
    for (const n of names) {
        fs.writeFileSync(path.join(root, "stacks", `Pulumi.member-${n}.yaml`), stringify({ config: { "lz:role": "member", "lz:account": n } }));
    }
}

const ROOT = path.resolve(__dirname, "..", "..");

/** Benchmarks that have their own script: run with the same ts-node loader, in a fresh process. */
const CHILD_BENCHES: Record<string, { title: string; script: string; args: string[] }> = {
    pack: { title: "policy pack throughput (10,000 generated resources through the SDK analyzer)", script: "policy-pack/harness/bench.ts", args: [] },
    audit: { title: "audit of 100 stack exports x 200 resources", script: "infra/cli/bench-audit.ts", args: [] },
    validate: { title: "log integrity validation of one day: 4 accounts x 4 regions, 12 log files of 50 records per hour", script: "infra/cli/bench-validate.ts", args: [] },
};

function runChild(name: string): void {
    const b = CHILD_BENCHES[name];
    console.log(`\n${b.title}\n  node -r ts-node/register/transpile-only ${b.script}`);
    const r = spawnSync(process.execPath, ["--stack-trace-limit=0", "-r", "ts-node/register/transpile-only", b.script, ...b.args], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) throw new Error(`${b.script} failed (exit ${r.status ?? r.signal})`);
}

async function main(argv: string[]): Promise<void> {
    const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined;
    if (only !== undefined && only !== "plan" && !(only in CHILD_BENCHES)) {
        throw new Error(`--only: ${JSON.stringify(only)} is not a benchmark; use plan, ${Object.keys(CHILD_BENCHES).join(", ")}`);
    }
    if (only === undefined || only === "plan") await planBench(argv);
    for (const name of Object.keys(CHILD_BENCHES)) {
        if (argv.includes("--reference")) break;
        if (only === undefined || only === name) runChild(name);
    }
}

async function planBench(argv: string[]): Promise<void> {
    // Floor: loading the program and its SDKs, plus one stack with no resources.
    const { discoverStacks, readProject } = await import("../engine/stacks");
    const { planStacks } = await import("../engine/plan");
    const { runStack } = await import("../engine/run");
    await import("../program");
    await runStack({ project: "bench", stack: "empty", preview: false, config: {}, program: () => ({}) });
    const floorMs = performance.now() - t0;
    console.log(`module-load floor (load program + SDKs, run an empty stack): ${floorMs.toFixed(0)} ms`);

    const bench = async (title: string, root: string) => {
        const project = readProject(root);
        const rows: Row[] = [];
        const started = performance.now();
        await planStacks(project, discoverStacks(project), {
            preview: false,
            onStackDone: (plan, ms) => rows.push({ stack: plan.stack, ms, resources: plan.resources.length }),
        });
        console.log(table(title, rows, floorMs, performance.now() - started));
    };

    await bench("reference org (stacks/)", path.resolve(__dirname, "..", ".."));
    if (!argv.includes("--reference")) {
        const { DEFAULT_ENABLED_REGIONS } = await import("../config/regions");
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "lz-bench-"));
        try {
            largeOrg(root, 100, DEFAULT_ENABLED_REGIONS);
            await bench(`large org (100 members + 3 core accounts, ${DEFAULT_ENABLED_REGIONS.length} regions)`, root);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    }
    console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; node ${process.version}; ${os.cpus().length} cores`);
}

main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
