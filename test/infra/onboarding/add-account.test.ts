import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { addAccount } from "../../../infra/onboarding/add-account";
import { ConfigError } from "../../../infra/config/errors";
import { REPO_ROOT } from "../../support/plan";

const ORG = fs.readFileSync(path.join(REPO_ROOT, "stacks", "org.yaml"), "utf8");
const STACKS = fs.readdirSync(path.join(REPO_ROOT, "stacks")).map((f) => `stacks/${f}`);
const problems = (f: () => unknown) => {
    try {
        f();
    } catch (e) {
        if (e instanceof ConfigError) return e.problems.map((p) => `${p.file}: ${p.message}`);
        throw e;
    }
    return [];
};

describe("addAccount", () => {
    it("adds a member the management stack creates and its stack file, and nothing else in the org file", () => {
        const r = addAccount({ orgYaml: ORG, name: "workload-staging", email: "aws-workload-staging@acme.example", ou: "Workloads/Staging", existingStackFiles: STACKS });
        const added = r.orgYaml.split("\n").filter((l) => !ORG.split("\n").includes(l));
        assert.deepEqual(added, ["    - name: workload-staging", "      email: aws-workload-staging@acme.example", "      ou: Workloads/Staging", "      create: true"]);
        assert.equal(r.orgYaml.split("\n").length, ORG.split("\n").length + 4, "four lines added, none changed");
        assert.deepEqual(r.stackFiles, {
            "stacks/Pulumi.member-workload-staging.yaml": "# Member baseline of account workload-staging, written by npm run add-account.\nconfig:\n  lz:role: member\n  lz:account: workload-staging\n",
        });
    });

    it("adopts an existing account when given its id, and records the id of one added before without it", () => {
        const adopted = addAccount({ orgYaml: ORG, name: "legacy", email: "aws-legacy@acme.example", ou: "Workloads/Prod", id: "777777777777", existingStackFiles: STACKS });
        assert.deepEqual(parse(adopted.orgYaml).accounts.members.at(-1), { name: "legacy", id: "777777777777", email: "aws-legacy@acme.example", ou: "Workloads/Prod" });
        const pending = addAccount({ orgYaml: ORG, name: "fresh", email: "aws-fresh@acme.example", ou: "Sandbox", existingStackFiles: STACKS });
        const recorded = addAccount({ orgYaml: pending.orgYaml, name: "fresh", email: "aws-fresh@acme.example", ou: "Sandbox", id: "888888888888", existingStackFiles: [...STACKS, "stacks/Pulumi.member-fresh.yaml"] });
        assert.deepEqual(parse(recorded.orgYaml).accounts.members.at(-1), { name: "fresh", id: "888888888888", email: "aws-fresh@acme.example", ou: "Sandbox", create: true });
        assert.deepEqual(recorded.stackFiles, {});
        assert.equal(recorded.summary, "recorded id 888888888888 of account fresh (accounts.members[2])");
    });

    it("reports every problem at once, naming the flag", () => {
        assert.deepEqual(problems(() => addAccount({ orgYaml: ORG, name: "Workload_Prod", email: "aws-workload-prod@acme.example", ou: "/bad", id: "444444444444", existingStackFiles: STACKS })), [
            `--name: "Workload_Prod" is not a kebab-case name of 2-40 characters (a-z, 0-9, -) starting with a letter`,
            `--ou: "/bad" is not an OU path such as Workloads/Prod (or Root)`,
            "--email: aws-workload-prod@acme.example is already the e-mail of account \"workload-prod\"",
            "--id: 444444444444 is already account \"workload-prod\"",
        ]);
        assert.deepEqual(problems(() => addAccount({ orgYaml: ORG, name: "workload-dev", email: "x@acme.example", ou: "Sandbox", existingStackFiles: STACKS })), [`--name: account "workload-dev" is already in stacks/org.yaml (accounts.members[1])`]);
    });
});

describe("npm run add-account, then npm run plan", () => {
    it("plans the organisation with the new account created by the management stack, its member stack waiting for the id", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-vend-"));
        try {
            fs.cpSync(path.join(REPO_ROOT, "stacks"), path.join(dir, "stacks"), { recursive: true });
            fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
            const run = (script: string, args: string[]) => spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", `infra/cli/${script}.ts`, ...args], { cwd: REPO_ROOT, encoding: "utf8" });
            const add = run("add-account", ["--root", dir, "--name", "workload-staging", "--email", "aws-workload-staging@acme.example", "--ou", "Workloads/Staging"]);
            assert.equal(add.status, 0, add.stderr);
            assert.equal(add.stdout, "added account workload-staging, which the management stack creates\nchanged: stacks/org.yaml, stacks/Pulumi.member-workload-staging.yaml\n");
            const plan = run("plan", ["--root", dir, "--stack", "management", "--summary"]);
            assert.equal(plan.status, 0, plan.stderr);
            assert.match(plan.stderr, /^member-workload-staging: not planned: account workload-staging is created by the management stack; once it exists, record its id \(npm run add-account -- --name workload-staging --email aws-workload-staging@acme\.example --ou Workloads\/Staging --id <id>\)$/m);
            assert.match(plan.stdout, /organization-account-workload-staging\b|aws:organizations\/account:Account/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
