import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";
import { REPO_ROOT, referenceOrg } from "../../support/plan";
import { projectLayoutProblems } from "../../../infra/cli/project-root";

/**
 * Runs `npm run plan -- <args>` the way a user does (node directly, to keep npm's banner out);
 * `preload` modules run first (to simulate a broken program).
 */
function plan(args: string[], preload: string[] = []): { status: number | null; stdout: string; stderr: string } {
    const requires = preload.flatMap((p) => ["-r", p]);
    const r = spawnSync(process.execPath, ["--stack-trace-limit=0", "-r", "ts-node/register/transpile-only", ...requires, "infra/cli/plan.ts", ...args], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run plan", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lz-plan-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("plans every stack of the reference org in deploy order, and with --estimate prints each one's cost and create time", () => {
        const r = plan(["--summary", "--estimate"]);
        assert.equal(r.status, 0, r.stderr);
        const order = [...r.stdout.matchAll(/^stack (\S+) \(update\)/gm)].map((m) => m[1]);
        assert.deepEqual(order, [
            "bootstrap",
            "management",
            "log-archive",
            "security",
            "member-log-archive",
            "member-management",
            "member-security",
            "member-workload-dev",
            "member-workload-prod",
        ]);
        assert.match(r.stdout, /9 stacks planned, \d+ resources/);
        assert.match(r.stdout, /^Estimate \(not a bill\): prices of \d{4}-\d{2}-\d{2} for us-east-1/m);
        for (const stack of order) assert.match(r.stdout, new RegExp(`^  ${stack} +\\$[\\d,]+\\.\\d\\d  \\d+ (min \\d+ )?s`, "m"), stack);
        assert.match(r.stdout, /^  organisation +\$[\d,]+\.\d\d$/m);
        assert.match(r.stdout, /top 10 cost lines of the organisation/);
        assert.match(r.stdout, /deploy workflow \(20 concurrent jobs\): first deploy \d+ min \d+ s/);
    });

    it("writes the documented plan JSON shape, byte-identical on a second run", () => {
        const a = path.join(tmp, "a.json");
        const b = path.join(tmp, "b.json");
        assert.equal(plan(["--stack", "member-workload-dev", "--json", a, "--summary"]).status, 0);
        assert.equal(plan(["--stack", "member-workload-dev", "--json", b, "--summary"]).status, 0);
        const bytes = fs.readFileSync(a, "utf8");
        assert.equal(bytes, fs.readFileSync(b, "utf8"));
        const file = JSON.parse(bytes);
        assert.deepEqual(Object.keys(file), ["project", "stack", "resources", "outputs", "estimate"]);
        assert.equal(file.estimate.kind, "estimate");
        assert.ok(file.estimate.monthlyUsd > 0 && file.estimate.createSeconds > 0);
        assert.ok(file.estimate.lines.length > 0);
        for (const l of file.estimate.lines) assert.deepEqual(Object.keys(l), ["key", "item", "quantity", "unit", "unitPrice", "monthlyUsd", "assumption"]);
        assert.equal(file.project, "lz");
        assert.equal(file.stack, "member-workload-dev");
        for (const r of file.resources) {
            assert.deepEqual(Object.keys(r), ["urn", "type", "name", "parent", "provider", "dependencies", "inputs", "protect", "retainOnDelete"]);
            assert.ok(r.parent === null || typeof r.parent === "string");
            assert.ok(Array.isArray(r.dependencies));
        }
        assert.equal(file.resources[0].type, "pulumi:pulumi:Stack");
        // Implicit dependencies survive into the file: the access-log bucket policy is built from its bucket's Output.
        const named = (n: string) => file.resources.find((r: any) => r.name === n);
        assert.ok(named("access-logs-us-east-1-policy").dependencies.includes(named("access-logs-us-east-1").urn));
        const provider = file.resources.find((r: any) => r.type === "pulumi:providers:aws");
        assert.equal(provider.inputs.allowedAccountIds, JSON.stringify(["555555555555"]));
    });

    it("reports every config problem at once with exit 2 and no stack trace", () => {
        const root = path.join(tmp, "bad");
        fs.mkdirSync(path.join(root, "stacks"), { recursive: true });
        fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
        const org = referenceOrg();
        org.accounts.members[1].id = "12345";
        org.homeRegion = "ap-southeast-2";
        fs.writeFileSync(path.join(root, "stacks", "org.yaml"), stringify(org));
        fs.writeFileSync(path.join(root, "stacks", "Pulumi.member-workload-dev.yaml"), stringify({ config: { "lz:role": "member", "lz:account": "workload-dev" } }));
        const r = plan(["--root", root]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /stacks\/org\.yaml: accounts\.members\[1\]\.id: "12345" is not a 12-digit AWS account id/);
        assert.match(r.stderr, /stacks\/org\.yaml: homeRegion: "ap-southeast-2" is not among the enabled regions/);
        assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    });

    it("fails a stack whose program fails with exit 2, the stack and the program's message, and no stack trace", () => {
        // Member stacks alone (one per account, so coverage holds): their StackReference to log-archive
        // has nothing to read, so an input of a resource cannot be serialized (reported by the SDK as
        // an unhandled rejection).
        const root = path.join(tmp, "member-only");
        fs.mkdirSync(path.join(root, "stacks"), { recursive: true });
        fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
        fs.writeFileSync(path.join(root, "stacks", "org.yaml"), stringify(referenceOrg()));
        for (const account of ["management", "log-archive", "security", "workload-prod", "workload-dev"]) {
            fs.writeFileSync(path.join(root, "stacks", `Pulumi.member-${account}.yaml`), stringify({ config: { "lz:role": "member", "lz:account": account } }));
        }
        const r = plan(["--root", root, "--summary"]);
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, /^stack member-log-archive: resource ".+" \[.+\]: error serializing property ".+": .*StackReference "acme\/lz\/log-archive": no such stack has been planned before this one/);
        assert.equal(r.stderr.trim().split("\n").length, 1, "one line");
        assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
        assert.doesNotMatch(r.stderr, /promises? (was|were) still active/);
    });

    describe("when the landing-zone program does not load", () => {
        // Loaded before the CLI: makes `require` of infra/program.ts throw, as a syntax error or a
        // missing module in the program would.
        const breaker = path.join(tmp, "break-program.js");
        fs.writeFileSync(
            breaker,
            `const Module = require("module");
            const load = Module._load;
            Module._load = function (request, parent, isMain) {
                const file = Module._resolveFilename(request, parent, isMain);
                if (file === ${JSON.stringify(path.join(REPO_ROOT, "infra", "program.ts"))}) throw new Error("Cannot find module './accounts/nowhere'");
                return load.apply(this, arguments);
            };`,
        );

        it("still diffs two plan files: --diff reads JSON only", () => {
            const fixtures = path.join(REPO_ROOT, "test", "fixtures", "plans");
            const r = plan(["--diff", path.join(fixtures, "log-archive-base.json"), path.join(fixtures, "log-archive-head.json")], [breaker]);
            assert.equal(r.status, 0, r.stderr);
            assert.match(r.stdout, /log-archive/);
        });

        it("fails planning with exit 2 naming the first stack and the load error, no stack trace", () => {
            const r = plan(["--stack", "management", "--summary"], [breaker]);
            assert.equal(r.status, 2, r.stderr);
            assert.match(r.stderr, /^stack bootstrap: Cannot find module '\.\/accounts\/nowhere'/);
            assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
        });
    });

    it("answers --root at a copy of stacks/ with exit 2, what is missing and where to point it, no ENOENT", () => {
        const copy = path.join(tmp, "copied", "stacks");
        fs.mkdirSync(copy, { recursive: true });
        for (const f of fs.readdirSync(path.join(REPO_ROOT, "stacks"))) fs.copyFileSync(path.join(REPO_ROOT, "stacks", f), path.join(copy, f));
        const r = plan(["--root", copy, "--summary"]);
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stdout, "");
        assert.equal(
            r.stderr,
            `--root ${copy}: not a landing-zone project folder:\n` +
                `  - Pulumi.yaml is missing (${copy} holds stack files itself: it looks like a copy of stacks/; point --root at the folder above it, next to a copy of Pulumi.yaml)\n` +
                "a project folder holds Pulumi.yaml (the project: name, stackConfigDir: stacks), stacks/Pulumi.<stack>.yaml (one per stack) and stacks/org.yaml (the organisation facts); the code always comes from this repository\n",
        );
    });

    it("names what a --root folder lacks: its org file, its stacks folder, or the folder itself", () => {
        const noOrg = path.join(tmp, "no-org");
        fs.mkdirSync(path.join(noOrg, "stacks"), { recursive: true });
        fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(noOrg, "Pulumi.yaml"));
        fs.copyFileSync(path.join(REPO_ROOT, "stacks", "Pulumi.management.yaml"), path.join(noOrg, "stacks", "Pulumi.management.yaml"));
        assert.deepEqual(projectLayoutProblems(noOrg), ["stacks/org.yaml is missing (the organisation facts the stacks read)"]);
        const noStacks = path.join(tmp, "no-stacks");
        fs.mkdirSync(noStacks, { recursive: true });
        fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(noStacks, "Pulumi.yaml"));
        assert.deepEqual(projectLayoutProblems(noStacks), ["stacks/ is missing (Pulumi.yaml's stackConfigDir: the folder of the stack files)"]);
        const missing = path.join(tmp, "does-not-exist");
        assert.deepEqual(projectLayoutProblems(missing), [`${missing} does not exist`]);
        assert.deepEqual(projectLayoutProblems(REPO_ROOT), []);
    });

    it("rejects an unknown stack name, listing the stacks", () => {
        const r = plan(["--stack", "nope"]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /--stack nope: no such stack; stacks: bootstrap, management, log-archive, security/);
    });
});
