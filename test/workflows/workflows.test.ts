import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { discoverStacks, readProject } from "../../infra/engine/stacks";
import { allSteps, needsOf, readWorkflow, REPO_ROOT, runStep, step, workflowFiles, type Step } from "./workflow-files";

const preview = readWorkflow("preview.yml");
const deploy = readWorkflow("deploy.yml");
const deployStack = readWorkflow("deploy-stack.yml");
const enforce = readWorkflow("enforce-logging.yml");
const publish = readWorkflow("publish-policy.yml");
const drift = readWorkflow("drift.yml");

const pulumiStep = (steps: Step[] | undefined, command?: string) =>
    (steps ?? []).find((s) => s.uses?.startsWith("pulumi/actions@") && (command === undefined || s.with?.command === command));

describe("workflows: credentials and supply chain", () => {
    const texts = workflowFiles().map((f) => [f, fs.readFileSync(path.join(REPO_ROOT, ".github", "workflows", f), "utf8")] as const);

    it("reads no secret except the optional token for a private policy repository", () => {
        const secrets = texts.flatMap(([, t]) => [...t.matchAll(/secrets\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]));
        assert.deepEqual([...new Set(secrets)], ["POLICY_REPOSITORY_TOKEN"]);
    });

    it("never passes long-lived AWS keys to configure-aws-credentials, only a role to assume", () => {
        const steps = workflowFiles().flatMap((f) => allSteps(readWorkflow(f))).filter(({ step: s }) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
        assert.ok(steps.length >= 3);
        for (const { step: s } of steps) {
            assert.deepEqual(Object.keys(s.with ?? {}).filter((k) => /access-key|secret|session-token/.test(k)), []);
            assert.ok(s.with?.["role-to-assume"], "role-to-assume");
        }
    });

    it("pins every action to a released major version, never a branch", () => {
        for (const file of workflowFiles()) {
            const wf = readWorkflow(file);
            const uses = [...Object.values(wf.jobs).map((j) => j.uses), ...allSteps(wf).map(({ step: s }) => s.uses)];
            for (const u of uses) {
                if (u === undefined || u.startsWith("./")) continue;
                assert.match(u, /^[\w.-]+\/[\w./-]+@v\d+$/, `${file}: ${u}`);
            }
        }
    });

    it("grants id-token: write only to jobs that log in with OIDC", () => {
        for (const file of workflowFiles()) {
            const wf = readWorkflow(file);
            for (const [name, job] of Object.entries(wf.jobs)) {
                const perms = typeof job.permissions === "object" ? job.permissions : wf.permissions ?? {};
                if (perms["id-token"] !== "write") continue;
                const oidc = job.uses !== undefined || (job.steps ?? []).some((s) => /^(aws-actions\/configure-aws-credentials|pulumi\/auth-actions)@/.test(s.uses ?? ""));
                assert.ok(oidc, `${file}: job ${name} has id-token: write without an OIDC login`);
            }
        }
    });
});

describe("workflows: stack discovery", () => {
    // Every stack but the bootstrap, which an administrator runs once by hand before CI has an identity.
    const expected = (role?: string) =>
        JSON.stringify(
            discoverStacks(readProject(REPO_ROOT))
                .filter((s) => s.role !== "bootstrap" && (role === undefined || s.role === role))
                .map((s) => s.stack),
        );

    for (const [file, wf] of [["preview.yml", preview], ["deploy.yml", deploy], ["drift.yml", drift]] as const) {
        it(`${file} lists every stack in stacks/ but the bootstrap, by role, in deploy order`, () => {
            const r = runStep(step(wf, "stacks", (s) => s.id === "stacks").run!, REPO_ROOT);
            try {
                assert.equal(r.status, 0, r.stderr);
                assert.equal(r.outputs.all, expected());
                assert.ok(!JSON.parse(r.outputs.all).includes("bootstrap"));
                assert.equal(r.outputs.management, expected("management"));
                assert.equal(r.outputs.log_archive, expected("log-archive"));
                assert.equal(r.outputs.security, expected("security"));
                assert.equal(r.outputs.member, expected("member"));
                assert.ok(JSON.parse(r.outputs.member).length >= 5);
            } finally {
                r.cleanup();
            }
        });
    }
});

describe("preview.yml", () => {
    it("runs on pull requests, testing with npm ci and npm test", () => {
        assert.ok("pull_request" in preview.on);
        assert.deepEqual((preview.jobs.test.steps ?? []).filter((s) => s.run).map((s) => s.run), ["npm ci", "npm test"]);
    });

    it("previews every stack from the discovery job with the policy pack, refresh, diff and a PR comment", () => {
        const job = preview.jobs.preview;
        assert.deepEqual(needsOf(job), ["test", "stacks"]);
        assert.equal(job.strategy?.matrix?.stack, "${{ fromJSON(needs.stacks.outputs.all) }}");
        const s = pulumiStep(job.steps, "preview");
        assert.ok(s, "pulumi/actions preview step");
        assert.deepEqual(
            { policyPacks: s.with?.policyPacks, refresh: s.with?.refresh, diff: s.with?.diff, comment: s.with?.["comment-on-pr"] },
            { policyPacks: "policy-pack", refresh: true, diff: true, comment: true },
        );
        assert.equal(job.permissions && typeof job.permissions === "object" ? job.permissions["id-token"] : undefined, "write");
    });

    it("assumes the preview role from a repository variable before the preview", () => {
        const steps = preview.jobs.preview.steps ?? [];
        const aws = steps.findIndex((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
        assert.ok(aws >= 0 && aws < steps.indexOf(pulumiStep(steps, "preview")!));
        assert.equal(steps[aws].with?.["role-to-assume"], "${{ vars.AWS_PREVIEW_ROLE_ARN }}");
    });

    it("comments the offline diff from a job that runs none of the pull request's code", () => {
        const job = preview.jobs["plan-diff-comment"];
        assert.deepEqual(needsOf(job), ["plan-diff"]);
        assert.deepEqual(job.permissions, { "pull-requests": "write" });
        assert.equal((job.steps ?? []).some((s) => s.uses?.startsWith("actions/checkout@") || s.run), false);
        assert.deepEqual(preview.jobs["plan-diff"].permissions, { contents: "read" });
    });

    it("plans base and head offline and diffs them into a comment file (steps run locally)", () => {
        // A workspace laid out like the job's: base/ and head/ checkouts, here two stacks each.
        const ws = fs.mkdtempSync(path.join(os.tmpdir(), "lz-ws-"));
        try {
            for (const side of ["base", "head"]) {
                fs.mkdirSync(path.join(ws, side, "stacks"), { recursive: true });
                for (const entry of ["package.json", "node_modules", "infra", "Pulumi.yaml", "tsconfig.json", "policy-pack"]) {
                    fs.symlinkSync(path.join(REPO_ROOT, entry), path.join(ws, side, entry));
                }
                for (const f of ["org.yaml", "Pulumi.management.yaml", "Pulumi.log-archive.yaml"]) {
                    fs.copyFileSync(path.join(REPO_ROOT, "stacks", f), path.join(ws, side, "stacks", f));
                }
            }
            const job = preview.jobs["plan-diff"];
            const plan = runStep(step(preview, "plan-diff", (s) => s.name === "Plan every stack of base and head").run!, ws);
            assert.equal(plan.status, 0, plan.stderr);
            for (const side of ["base", "head"]) {
                assert.deepEqual(fs.readdirSync(path.join(plan.runnerTemp, "plans", side)).sort(), ["01-management.json", "02-log-archive.json"]);
            }
            const diff = runStep(step(preview, "plan-diff", (s) => s.name === "Diff").run!, ws, { RUNNER_TEMP: plan.runnerTemp });
            assert.equal(diff.status, 0, diff.stderr);
            const md = fs.readFileSync(path.join(plan.runnerTemp, "plans", "plan-diff.md"), "utf8");
            assert.match(md, /### `management`\n\nNo changes\.\n\n### `log-archive`\n\nNo changes\./, "deploy order");
            assert.equal(diff.summary, md);
            const upload = (job.steps ?? []).find((s) => s.uses?.startsWith("actions/upload-artifact@"));
            assert.equal(upload?.with?.path, "${{ runner.temp }}/plans");
            const comment = (preview.jobs["plan-diff-comment"].steps ?? []).find((s) => s.uses?.startsWith("marocchino/sticky-pull-request-comment@"));
            assert.equal(comment?.with?.path, "plans/plan-diff.md");
            plan.cleanup();
            diff.cleanup();
        } finally {
            fs.rmSync(ws, { recursive: true, force: true });
        }
    });
});

describe("deploy.yml", () => {
    it("runs on pushes to main, one deployment at a time and never cancelled mid-way", () => {
        assert.deepEqual(deploy.on.push, { branches: ["main"] });
        assert.deepEqual(deploy.concurrency, { group: "deploy-production", "cancel-in-progress": false });
    });

    it("deploys management → log-archive → security → members, each stage after the previous one", () => {
        const stages = ["management", "log-archive", "security", "members"];
        assert.deepEqual(needsOf(deploy.jobs.management), ["test", "stacks"]);
        for (let i = 1; i < stages.length; i++) {
            assert.deepEqual(needsOf(deploy.jobs[stages[i]]).filter((n) => n !== "stacks"), [stages[i - 1]], stages[i]);
        }
        const outputs = ["management", "log_archive", "security", "member"];
        stages.forEach((stage, i) => {
            const job = deploy.jobs[stage];
            assert.equal(job.uses, "./.github/workflows/deploy-stack.yml");
            assert.equal(job.strategy?.matrix?.stack, `\${{ fromJSON(needs.stacks.outputs.${outputs[i]}) }}`);
            assert.deepEqual(job.with, { stack: "${{ matrix.stack }}" });
        });
    });

    it("lets one member stack fail without cancelling the other members", () => {
        assert.equal(deploy.jobs.members.strategy?.["fail-fast"], false);
    });

    it("runs pulumi up with the policy pack in the protected production environment", () => {
        const job = deployStack.jobs.up;
        assert.equal(job.environment, "production");
        const s = pulumiStep(job.steps, "up");
        assert.equal(s?.with?.policyPacks, "policy-pack");
        assert.equal(s?.with?.["stack-name"], "${{ vars.PULUMI_ORG && format('{0}/{1}', vars.PULUMI_ORG, inputs.stack) || inputs.stack }}");
        assert.ok("workflow_call" in deployStack.on);
    });
});

describe("enforce-logging.yml", () => {
    const inputs = enforce.on.workflow_call.inputs as Record<string, { type: string; required?: boolean; default?: unknown }>;

    it("is a reusable workflow taking the pack version, working directory, stack and whether credentials exist", () => {
        assert.equal(inputs["policy-pack-version"].required, true);
        assert.equal(inputs["working-directory"].default, ".");
        assert.equal(inputs.stack.type, "string");
        assert.deepEqual([inputs["has-credentials"].type, inputs["has-credentials"].default], ["boolean", false]);
    });

    it("checks the pack out at the tag of the pinned version in both modes", () => {
        for (const job of ["offline-check", "preview"]) {
            const co = (enforce.jobs[job].steps ?? []).find((s) => s.with?.repository !== undefined);
            assert.equal(co?.with?.ref, "policy-pack-v${{ inputs.policy-pack-version }}", job);
        }
    });

    it("runs the offline check without credentials and pulumi preview --policy-pack with them", () => {
        assert.equal(enforce.jobs["offline-check"].if, "${{ !inputs.has-credentials }}");
        assert.equal(enforce.jobs.preview.if, "${{ inputs.has-credentials }}");
        const check = (enforce.jobs["offline-check"].steps ?? []).find((s) => s.run?.includes("npm run --silent check -- "));
        assert.ok(check, "npm run check step");
        const s = pulumiStep(enforce.jobs.preview.steps, "preview");
        assert.equal(s?.with?.policyPacks, "${{ github.workspace }}/.landing-zone/policy-pack");
    });

    it("passes each check-config line to npm run check as --config and fails the job when check finds a mandatory violation", () => {
        const script = step(enforce, "offline-check", (s) => s.name === "Run the pack on the program offline").run!;
        // A stand-in npm: records its arguments and exits as `npm run check` would on a violation.
        const bin = fs.mkdtempSync(path.join(os.tmpdir(), "lz-npm-"));
        fs.writeFileSync(path.join(bin, "npm"), '#!/bin/bash\nprintf "%s\\n" "$@" > "$ARGS_FILE"\necho "lz-s3-access-logging: bucket app-data has no access logging"\nexit "$CHECK_EXIT"\n', { mode: 0o755 });
        const argsFile = path.join(bin, "args");
        const env = (exit: number, extra: Record<string, string> = {}) => ({
            PATH: `${bin}:${process.env.PATH}`,
            ARGS_FILE: argsFile,
            CHECK_EXIT: String(exit),
            PROGRAM: "/work/app/infra",
            PACK_VERSION: "1.2.0",
            CHECK_CONFIG: "approvedBuckets=acme-lz-archive\n\nexceptions=ticket SEC-12 until 2027-01-31\n",
            STACK: "",
            MERGED_CONFIG: "false",
            ...extra,
        });
        try {
            const failing = runStep(script, REPO_ROOT, env(1));
            assert.equal(failing.status, 1);
            assert.deepEqual(fs.readFileSync(argsFile, "utf8").trimEnd().split("\n"), [
                "run", "--silent", "check", "--", "/work/app/infra", "--json", `${failing.runnerTemp}/violations.json`,
                "--config", "approvedBuckets=acme-lz-archive", "--config", "exceptions=ticket SEC-12 until 2027-01-31",
            ]);
            assert.match(failing.summary, /### Logging policy \(pack 1\.2\.0, offline check\)\n```text\nlz-s3-access-logging: bucket app-data has no access logging\n```/);
            const clean = runStep(script, REPO_ROOT, env(0));
            assert.equal(clean.status, 0, clean.stderr);
            // A stack and a caller's pack config: the stack's config file and the merged pack config.
            const withStack = runStep(script, REPO_ROOT, env(0, { STACK: "acme/payments-prod", MERGED_CONFIG: "true", CHECK_CONFIG: "" }));
            assert.deepEqual(fs.readFileSync(argsFile, "utf8").trimEnd().split("\n"), [
                "run", "--silent", "check", "--", "/work/app/infra", "--json", `${withStack.runnerTemp}/violations.json`,
                "--stack", "acme/payments-prod", "--pack-config", `${withStack.runnerTemp}/policy-config.json`,
            ]);
            failing.cleanup();
            clean.cleanup();
            withStack.cleanup();
        } finally {
            fs.rmSync(bin, { recursive: true, force: true });
        }
    });

    it("installs the program's own dependencies before the offline check, and gives both modes the organisation's pack config", () => {
        const offline = enforce.jobs["offline-check"].steps ?? [];
        const install = offline.findIndex((s) => s.name === "Install the program's dependencies");
        const run = offline.findIndex((s) => s.name === "Run the pack on the program offline");
        assert.ok(install >= 0 && install < run, "dependencies are installed before the check runs");
        assert.match(offline[install].run!, /elif \[ -f package-lock\.json \]; then npm ci/);
        const merge = offline.find((s) => s.name === "Layer the caller's pack config over the organisation's");
        assert.match(merge?.run ?? "", /npm run --silent pack-config -- --merge "\$CALLER_CONFIG" --out "\$RUNNER_TEMP\/policy-config\.json"/);
        const packConfig = step(enforce, "preview", (s) => s.name === "Pack config").run!;
        assert.match(packConfig, /cp policy-config\/default\.json "\$RUNNER_TEMP\/policy-config\.json"/);
        assert.equal(pulumiStep(enforce.jobs.preview.steps, "preview")?.with?.policyPackConfigs, "${{ runner.temp }}/policy-config.json");
    });

    it("fails the run when the tag holds a different pack version than the one pinned", () => {
        const script = step(enforce, "offline-check", (s) => s.name === "Check the pack is the pinned version").run!;
        const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "policy-pack", "package.json"), "utf8")).version as string;
        const ok = runStep(script, REPO_ROOT, { WANT: version });
        const bad = runStep(script, REPO_ROOT, { WANT: "999.0.0" });
        assert.equal(ok.status, 0, ok.stderr);
        assert.equal(bad.status, 1);
        assert.match(bad.stdout, /::error::tag policy-pack-v999\.0\.0 holds pack version /);
        ok.cleanup();
        bad.cleanup();
    });
});

describe("publish-policy.yml", () => {
    it("publishes from policy-pack/ on policy-pack-v* tags after the tests pass", () => {
        assert.deepEqual(publish.on.push, { tags: ["policy-pack-v*"] });
        const steps = publish.jobs.publish.steps ?? [];
        const pub = steps.findIndex((s) => s.run?.startsWith("pulumi policy publish"));
        assert.ok(pub > steps.findIndex((s) => s.run === "npm test"));
        assert.equal(steps[pub]["working-directory"], "policy-pack");
    });

    it("refuses a tag that does not match the pack's package.json version", () => {
        const script = step(publish, "publish", (s) => s.name === "Tag matches the pack's version").run!;
        const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "policy-pack", "package.json"), "utf8")).version as string;
        const ok = runStep(script, REPO_ROOT, { GITHUB_REF_NAME: `policy-pack-v${version}` });
        const bad = runStep(script, REPO_ROOT, { GITHUB_REF_NAME: "policy-pack-v0.0.0-wrong" });
        assert.equal(ok.status, 0, ok.stderr);
        assert.equal(bad.status, 1);
        assert.match(bad.stdout, /::error::tag policy-pack-v0\.0\.0-wrong but policy-pack\/package\.json says /);
        ok.cleanup();
        bad.cleanup();
    });
});

describe("drift.yml", () => {
    it("runs every day and on demand", () => {
        assert.ok(Array.isArray((drift.on as any).schedule) && (drift.on as any).schedule.length === 1);
        assert.ok("workflow_dispatch" in (drift.on as any));
    });

    it("previews every stack of the deploy matrix with refresh, as JSON, under the read-only preview role, and exports its state", () => {
        const job = drift.jobs.preview;
        assert.deepEqual(needsOf(job), ["stacks"]);
        assert.equal(job.strategy?.matrix?.stack, "${{ fromJSON(needs.stacks.outputs.all) }}");
        const creds = (job.steps ?? []).find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
        assert.equal(creds?.with?.["role-to-assume"], "${{ vars.AWS_PREVIEW_ROLE_ARN }}");
        const run = (job.steps ?? []).find((s) => s.run?.includes("pulumi preview"));
        assert.ok(run, "a step running pulumi preview");
        assert.equal(run!.env?.LZ_ASSUME, "preview");
        assert.match(run!.run!, /pulumi preview --stack "\$STACK" --refresh --json --non-interactive > "out\/drift\//);
        assert.match(run!.run!, /pulumi stack export --stack "\$STACK" > "out\/exports\//);
    });

    it("reports drift and the audit into one issue labelled drift: created, updated, or closed when drift is gone", () => {
        const job = drift.jobs.report;
        assert.equal((job.permissions as Record<string, string>).issues, "write");
        const run = (job.steps ?? []).map((s) => s.run ?? "").join("\n");
        assert.match(run, /npm run --silent drift-report -- out\/drift\/\*\.json --markdown drift\.md/);
        assert.match(run, /npm run --silent audit -- out\/exports\/\*\.json --markdown audit\.md/);
        assert.match(run, /gh issue list --label drift --state open/);
        assert.match(run, /gh issue edit "\$number" --body-file body\.md/);
        assert.match(run, /gh issue create --title "Drift: stacks differ from their Pulumi state" --label drift --body-file body\.md/);
        assert.match(run, /gh issue close "\$number"/);
    });
});
