/**
 * `npm run mutate` (test/mutate.js) and the workflow that runs it: the scope the issue set (IAM
 * documents, trail, events, config, plan JSON, pack rules), each file mutated against its area's
 * tests, nothing of it in `npm test` or CI's script, and a weekly report.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { REPO_ROOT } from "./support/plan";
import { readWorkflow } from "./workflows/workflow-files";

// A CommonJS script of the repository, not a module of the program.
const mutate = require("./mutate.js") as {
    AREAS: { name: string; mutate: string[]; tests: string[] }[];
    parseArgs(argv: string[]): { globs: string[]; options: string[] };
    plannedRuns(globs: string[]): { name: string; mutate: string[]; tests: string[] }[];
    strykerInvocation(name: string, mutate: string[], tests: string[], options: string[]): { args: string[]; env: Record<string, string>; specs: string[] };
};

describe("npm run mutate (test/mutate.js)", () => {
    it("covers by default what guards the logs: IAM documents, trail, events, config, the plan JSON and the pack's rules", () => {
        assert.deepEqual(
            mutate.plannedRuns([]).flatMap((r) => r.mutate),
            ["infra/iam/**/*.ts", "infra/components/trail/**/*.ts", "infra/components/events/**/*.ts", "infra/config/**/*.ts", "infra/engine/plan-json.ts", "policy-pack/policies/**/*.ts"],
        );
    });

    it("mutates a named file against the tests of its area, and groups files of one area in one run", () => {
        const runs = mutate.plannedRuns(["infra/iam/archive-bucket-policy.ts", "infra/iam/statements.ts", "infra/components/trail/cis-controls.ts"]);
        assert.deepEqual(
            runs.map((r) => [r.name, r.mutate]),
            [
                ["iam", ["infra/iam/archive-bucket-policy.ts", "infra/iam/statements.ts"]],
                ["trail", ["infra/components/trail/cis-controls.ts"]],
            ],
        );
        assert.ok(runs[0].tests.includes("test/infra/iam/**/*.test.ts"));
        assert.deepEqual(runs[1].tests, ["test/infra/components/trail/**/*.test.ts"]);
    });

    it("runs a file outside every area against all tests", () => {
        assert.deepEqual(mutate.plannedRuns(["infra/naming.ts"]), [{ name: "other", mutate: ["infra/naming.ts"], tests: ["test/**/*.test.ts"] }]);
    });

    it("passes options and their values to Stryker, and splits comma-separated globs", () => {
        assert.deepEqual(mutate.parseArgs(["infra/iam/a.ts,infra/iam/b.ts", "--concurrency", "1", "--incremental", "--testFiles", "test/x.test.ts"]), {
            globs: ["infra/iam/a.ts", "infra/iam/b.ts"],
            options: ["--concurrency", "1", "--incremental", "--testFiles", "test/x.test.ts"],
        });
    });

    it("hands an area's tests to mocha's spec, never to Stryker's --testFiles, under which static mutants run against no test", () => {
        const inv = mutate.strykerInvocation("iam", ["infra/iam/statements.ts"], ["test/infra/iam/**/*.test.ts"], ["--concurrency", "1"]);
        assert.deepEqual(inv.args, ["run", "--mutate", "infra/iam/statements.ts", "--concurrency", "1"]);
        assert.deepEqual(inv.env, { LZ_MUTATE_TESTS: "test/infra/iam/**/*.test.ts" });
    });

    it("moves a --testFiles the user gives (either spelling) to mocha's spec, in place of the area's tests", () => {
        for (const options of [["--testFiles", "test/a.test.ts,test/b.test.ts"], ["--testFiles=test/a.test.ts,test/b.test.ts"]]) {
            const inv = mutate.strykerInvocation("iam", ["infra/iam/statements.ts"], ["test/infra/iam/**/*.test.ts"], options);
            assert.ok(!inv.args.some((a) => a.startsWith("--testFiles")), inv.args.join(" "));
            assert.deepEqual(inv.env, { LZ_MUTATE_TESTS: "test/a.test.ts,test/b.test.ts" });
        }
    });

    it("keeps one incremental record per area", () => {
        const inv = mutate.strykerInvocation("trail", ["infra/components/trail/**/*.ts"], ["test/infra/components/trail/**/*.test.ts"], ["--incremental"]);
        const i = inv.args.indexOf("--incrementalFile");
        assert.ok(i > 0 && inv.args.includes("--incremental"), inv.args.join(" "));
        assert.equal(inv.args[i + 1], path.join("reports", "mutation", "incremental-trail.json"));
    });

    it("has stryker.config.mjs take mocha's spec from LZ_MUTATE_TESTS", () => {
        const url = pathToFileURL(path.join(REPO_ROOT, "stryker.config.mjs")).href;
        const r = spawnSync(process.execPath, ["--input-type=module", "-e", `console.log(JSON.stringify((await import(${JSON.stringify(url)})).default.mochaOptions.spec))`], {
            env: { ...process.env, LZ_MUTATE_TESTS: "test/a.test.ts,test/b.test.ts" },
            encoding: "utf8",
        });
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout), ["test/a.test.ts", "test/b.test.ts"]);
    });

    it("gives every area tests that exist", () => {
        for (const a of mutate.AREAS) {
            for (const t of a.tests) {
                const dir = path.join(REPO_ROOT, t.split("*")[0]);
                assert.ok(fs.existsSync(dir), `${a.name}: ${t}`);
            }
        }
    });

    it("is neither part of npm test nor of CI's script", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
        assert.equal(pkg.scripts.mutate, "node test/mutate.js");
        assert.doesNotMatch(pkg.scripts.test, /mutate|stryker/);
        assert.doesNotMatch(fs.readFileSync(path.join(REPO_ROOT, ".ci", "run"), "utf8"), /mutate|stryker/);
    });
});

describe("mutation.yml", () => {
    const wf = readWorkflow("mutation.yml");
    const job = wf.jobs.mutate;

    it("runs weekly and on demand, never on pull requests or pushes", () => {
        assert.deepEqual(Object.keys(wf.on).sort(), ["schedule", "workflow_dispatch"]);
    });

    it("runs one job per area of npm run mutate, and uploads each area's HTML report", () => {
        const areas = (job.strategy?.matrix?.area ?? []) as { name: string; glob: string }[];
        assert.deepEqual(
            areas.map((a) => [a.name, [a.glob]]),
            mutate.AREAS.map((a) => [a.name, a.mutate]),
        );
        const upload = (job.steps ?? []).find((s) => s.uses?.startsWith("actions/upload-artifact@"));
        assert.equal(upload?.with?.path, "reports/mutation/${{ matrix.area.name }}/");
        assert.ok((job.steps ?? []).some((s) => s.run === 'npm run mutate -- "$GLOB" --incremental'));
    });
});
