import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";
import { coverageProblems, type StackClaim } from "../../../infra/config/coverage";
import { parseOrg } from "../../../infra/config/org";
import { REPO_ROOT, referenceOrg } from "../../support/plan";

const org = parseOrg(referenceOrg(), "stacks/org.yaml");
const member = (account: string, stack = `member-${account}`): StackClaim => ({ stack, file: `stacks/Pulumi.${stack}.yaml`, role: "member", account });
const core: StackClaim[] = [
    { stack: "management", file: "stacks/Pulumi.management.yaml", role: "management", account: undefined },
    { stack: "log-archive", file: "stacks/Pulumi.log-archive.yaml", role: "log-archive", account: undefined },
    { stack: "security", file: "stacks/Pulumi.security.yaml", role: "security", account: undefined },
];
const complete = [...core, ...["management", "log-archive", "security", "workload-prod", "workload-dev"].map((a) => member(a))];
const lines = (stacks: readonly StackClaim[]) => coverageProblems(org, stacks).problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);

describe("coverageProblems", () => {
    it("accepts one member stack per account of the org file", () => {
        assert.deepEqual(lines(complete), []);
    });

    it("names the org-file key of every account without a member stack and the file to create", () => {
        const stacks = complete.filter((s) => s.account !== "workload-dev" && s.account !== "security");
        assert.deepEqual(lines(stacks), [
            `stacks/org.yaml: accounts.security: account "security" (333333333333) has no member stack, so it would get no Config recorder, log subscription or event forwarding; create stacks/Pulumi.member-security.yaml with lz:role: member and lz:account: security`,
            `stacks/org.yaml: accounts.members[1]: account "workload-dev" (555555555555) has no member stack, so it would get no Config recorder, log subscription or event forwarding; create stacks/Pulumi.member-workload-dev.yaml with lz:role: member and lz:account: workload-dev`,
        ]);
    });

    it("names the second stack file claiming an account and the first one", () => {
        assert.deepEqual(lines([...complete, member("workload-prod", "prod-baseline")]), [
            `stacks/Pulumi.prod-baseline.yaml: lz:account: account "workload-prod" is already the account of stacks/Pulumi.member-workload-prod.yaml; one member stack per account (two would deploy the same baseline twice and collide), remove one of them`,
        ]);
    });

    it("names a member stack whose account the org file does not define, with a suggestion", () => {
        assert.deepEqual(lines([...complete, member("workload-prd")]), [
            `stacks/Pulumi.member-workload-prd.yaml: lz:account: "workload-prd" is not an account defined in stacks/org.yaml (did you mean "workload-prod"?); defined: management, log-archive, security, workload-prod, workload-dev`,
        ]);
    });

    it("asks no stack of an account the management stack has yet to create (no id)", () => {
        const raw = referenceOrg();
        raw.accounts.members.push({ name: "sandbox", email: "aws-sandbox@acme.example", ou: "Sandbox", create: true });
        const withNew = parseOrg(raw, "stacks/org.yaml");
        assert.deepEqual(coverageProblems(withNew, complete).problems, []);
    });
});

describe("npm run plan with incomplete coverage", () => {
    it("exits 2 before planning, listing every duplicate, uncovered account (org-file order) and unknown account at once", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "lz-coverage-"));
        try {
            fs.mkdirSync(path.join(root, "stacks"));
            fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
            fs.writeFileSync(path.join(root, "stacks", "org.yaml"), stringify(referenceOrg()));
            for (const f of fs.readdirSync(path.join(REPO_ROOT, "stacks")).filter((f) => f.startsWith("Pulumi.") && f !== "Pulumi.member-workload-dev.yaml")) {
                fs.copyFileSync(path.join(REPO_ROOT, "stacks", f), path.join(root, "stacks", f));
            }
            fs.writeFileSync(path.join(root, "stacks", "Pulumi.member-prod-2.yaml"), stringify({ config: { "lz:role": "member", "lz:account": "workload-prod" } }));
            fs.writeFileSync(path.join(root, "stacks", "Pulumi.member-ghost.yaml"), stringify({ config: { "lz:role": "member", "lz:account": "ghost" } }));
            const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "infra/cli/plan.ts", "--root", root, "--summary"], { cwd: REPO_ROOT, encoding: "utf8" });
            assert.equal(r.status, 2, r.stderr);
            assert.equal(r.stdout, "", "nothing planned");
            assert.deepEqual(r.stderr.trim().split("\n"), [
                "invalid landing-zone configuration (3 problems):",
                `  - stacks/Pulumi.member-workload-prod.yaml: lz:account: account "workload-prod" is already the account of stacks/Pulumi.member-prod-2.yaml; one member stack per account (two would deploy the same baseline twice and collide), remove one of them`,
                `  - stacks/org.yaml: accounts.members[1]: account "workload-dev" (555555555555) has no member stack, so it would get no Config recorder, log subscription or event forwarding; create stacks/Pulumi.member-workload-dev.yaml with lz:role: member and lz:account: workload-dev`,
                `  - stacks/Pulumi.member-ghost.yaml: lz:account: "ghost" is not an account defined in stacks/org.yaml; defined: management, log-archive, security, workload-prod, workload-dev`,
            ]);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
