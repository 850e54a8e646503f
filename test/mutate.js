#!/usr/bin/env node
// `npm run mutate [-- <glob> …] [-- stryker options]`: Stryker (stryker.config.mjs) on the code that
// guards the logs, area by area, each area's mutants against that area's tests:
//
//   npm run mutate                                        every area below, one after the other
//   npm run mutate -- infra/iam/archive-bucket-policy.ts  the files a glob names, with their area's tests
//   npm run mutate -- infra/iam/statements.ts --testFiles 'test/infra/iam/archive-*.test.ts'
//                                                         your own choice of tests
//
// Anything starting with `-` goes to `stryker run` as is (`--concurrency 1`, `--incremental`, …).
// Why areas: a mutant of code that runs while modules load (the action lists, the CIS table, the
// schemas) is "static" — no single test can be said to cover it, so Stryker reloads the tests and runs
// all of them for it. All of `npm test` per such mutant would take days; the area's own tests take
// minutes. A mutant that only another area's tests would kill is reported as survived.
// Each area's report lands in reports/mutation/<area>/ (index.html, mutation.json); the last lines
// printed are the scores per area and overall (also in reports/mutation/summary.md).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const REPORTS = path.join(ROOT, "reports", "mutation");

/** The default scope, and the tests that own each part of it. */
const AREAS = [
    { name: "iam", mutate: ["infra/iam/**/*.ts"], tests: ["test/infra/iam/**/*.test.ts", "test/infra/insider-resistance.test.ts"] },
    { name: "trail", mutate: ["infra/components/trail/**/*.ts"], tests: ["test/infra/components/trail/**/*.test.ts"] },
    { name: "events", mutate: ["infra/components/events/**/*.ts"], tests: ["test/infra/components/events/**/*.test.ts"] },
    { name: "config", mutate: ["infra/config/**/*.ts"], tests: ["test/infra/config/**/*.test.ts"] },
    { name: "plan-json", mutate: ["infra/engine/plan-json.ts"], tests: ["test/infra/engine/plan-json.test.ts"] },
    { name: "policies", mutate: ["policy-pack/policies/**/*.ts"], tests: ["test/policy-pack/**/*.test.ts"] },
];

/** The part of a glob before its first wildcard: `infra/iam/**` → `infra/iam/`. */
function literalPrefix(glob) {
    const i = glob.search(/[*?[{]/);
    return i < 0 ? glob : glob.slice(0, i);
}

function areaOf(glob) {
    const prefix = literalPrefix(glob);
    return AREAS.find((a) => a.mutate.some((m) => prefix.startsWith(literalPrefix(m)) || literalPrefix(m).startsWith(prefix)));
}

function parseArgs(argv) {
    const globs = [];
    const options = [];
    const flags = /^--(ignoreStatic|incremental|force|dryRunOnly|disableBail|allowEmpty|inPlace)$/;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (!a.startsWith("-")) {
            globs.push(...a.split(",").filter(Boolean));
            continue;
        }
        options.push(a);
        // An option's value (`--concurrency 1`) stays with it.
        if (!a.includes("=") && !flags.test(a) && i + 1 < argv.length && !argv[i + 1].startsWith("-")) options.push(argv[++i]);
    }
    return { globs, options };
}

/**
 * The `stryker run` arguments and environment of one run. The tests go to mocha's spec through
 * LZ_MUTATE_TESTS (stryker.config.mjs), never as `--testFiles`: Stryker 9.6 turns `--testFiles` into
 * the test filter of every static mutant's run (core, mutant-test-planner.js), which the mocha runner
 * matches against test titles, so no test runs, and with a filter it activates the mutant only after
 * the modules have loaded. Every mutant of an action list or a schema then "survives" unseen. A
 * `--testFiles` the user gives is moved to the spec the same way.
 */
function strykerInvocation(name, mutate, tests, options) {
    const rest = [];
    let specs = tests;
    for (let i = 0; i < options.length; i++) {
        const o = options[i];
        if (o === "--testFiles" && i + 1 < options.length) specs = options[++i].split(",").filter(Boolean);
        else if (o.startsWith("--testFiles=")) specs = o.slice("--testFiles=".length).split(",").filter(Boolean);
        else rest.push(o);
    }
    // One incremental record per area, kept outside the area's report folder (replaced on every run).
    const incremental = rest.includes("--incremental") && !rest.includes("--incrementalFile") ? ["--incrementalFile", path.join("reports", "mutation", `incremental-${name}.json`)] : [];
    return { args: ["run", "--mutate", mutate.join(","), ...incremental, ...rest], env: { LZ_MUTATE_TESTS: specs.join(",") }, specs };
}

/** Runs one Stryker run; its report moves to reports/mutation/<name>/. */
function run(name, mutate, tests, options) {
    const stryker = path.join(path.dirname(require.resolve("@stryker-mutator/core/package.json")), "bin", "stryker.js");
    const { args, env, specs } = strykerInvocation(name, mutate, tests, options);
    process.stdout.write(`\n== mutate ${name}: ${mutate.join(", ")} against ${specs.join(", ")}\n`);
    const r = spawnSync(process.execPath, [stryker, ...args], { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
    const out = path.join(REPORTS, name);
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    for (const f of ["index.html", "mutation.json"]) if (fs.existsSync(path.join(REPORTS, f))) fs.renameSync(path.join(REPORTS, f), path.join(out, f));
    return r.status === null ? 1 : r.status;
}

/** Counts by status from a mutation.json; the score Stryker calls "covered": detected / (detected + survived). */
function tally(file) {
    const counts = {};
    for (const f of Object.values(JSON.parse(fs.readFileSync(file, "utf8")).files)) for (const m of f.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
    return counts;
}

/** Prints the scores per area (and overall) and writes them to reports/mutation/summary.md. */
function summary(names) {
    const rows = [];
    const total = {};
    for (const name of names) {
        const file = path.join(REPORTS, name, "mutation.json");
        if (!fs.existsSync(file)) continue;
        const c = tally(file);
        for (const [k, v] of Object.entries(c)) total[k] = (total[k] ?? 0) + v;
        rows.push([name, c]);
    }
    if (rows.length > 1) rows.push(["all", total]);
    const n = (c, k) => c[k] ?? 0;
    const header = ["area", "covered score", "killed", "timeout", "survived", "no coverage", "ignored", "errors"];
    const lines = rows.map(([name, c]) => {
        const detected = n(c, "Killed") + n(c, "Timeout");
        const score = detected + n(c, "Survived") === 0 ? "n/a" : `${((100 * detected) / (detected + n(c, "Survived"))).toFixed(2)} %`;
        return [name, score, n(c, "Killed"), n(c, "Timeout"), n(c, "Survived"), n(c, "NoCoverage"), n(c, "Ignored"), n(c, "CompileError") + n(c, "RuntimeError")].map(String);
    });
    const table = [header, header.map(() => "---"), ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n") + "\n";
    fs.mkdirSync(REPORTS, { recursive: true });
    fs.writeFileSync(path.join(REPORTS, "summary.md"), table);
    process.stdout.write(`\n${table}`);
}

/** The Stryker runs for these arguments: every area without globs, else the areas the globs fall in. */
function plannedRuns(globs) {
    if (globs.length === 0) return AREAS.map((a) => ({ name: a.name, mutate: [...a.mutate], tests: [...a.tests] }));
    const runs = [];
    for (const g of globs) {
        const a = areaOf(g);
        const name = a ? a.name : "other";
        const existing = runs.find((r) => r.name === name);
        if (existing) existing.mutate.push(g);
        else runs.push({ name, mutate: [g], tests: a ? [...a.tests] : ["test/**/*.test.ts"] });
    }
    return runs;
}

module.exports = { AREAS, parseArgs, plannedRuns, strykerInvocation };

if (require.main === module) {
    const { globs, options } = parseArgs(process.argv.slice(2));
    const runs = plannedRuns(globs);
    let status = 0;
    for (const r of runs) status = run(r.name, r.mutate, r.tests, options) || status;
    summary(runs.map((r) => r.name));
    process.exitCode = status;
}
