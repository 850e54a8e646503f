import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { diffPlans, diffValues, type PropertyChange, type StackDiff } from "../../../infra/engine/diff";
import { diffMain, readPlanFile, renderDiffMarkdown } from "../../../infra/cli/diff";
import { main as planMain } from "../../../infra/cli/plan";
import { captured } from "../../support/output";

/** Not imported from test/support/plan, which loads every stack program: these tests run without them. */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "plans");
const fixture = (name: string) => path.join(FIXTURES, name);

/** Runs `npm run plan -- --diff …` the way CI does (node directly, keeping npm's banner out). */
function planDiff(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "infra/cli/plan.ts", "--diff", ...args], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function changesOf(d: StackDiff, name: string): PropertyChange[] {
    const r = d.changed.find((c) => c.name === name);
    assert.ok(r, `${name} is not among the changed resources: ${d.changed.map((c) => c.name).join(", ")}`);
    return [...r.changes];
}

describe("diffPlans", () => {
    const base = readPlanFile(fixture("log-archive-base.json"));
    const head = readPlanFile(fixture("log-archive-head.json"));
    const diff = diffPlans(base, head);

    it("lists resources only the head has as added, by name and type", () => {
        assert.deepEqual(diff.added.map((r) => [r.name, r.type]), [
            ["archive-key", "aws:kms/key:Key"],
            ["trail-alerts", "aws:sns/topic:Topic"],
        ]);
    });

    it("lists resources only the base has as removed, keeping their protect flag", () => {
        assert.deepEqual(diff.removed.map((r) => [r.name, r.type, r.protect]), [
            ["old-alerts", "aws:sns/topic:Topic", false],
            ["legacy-logs", "aws:s3/bucket:Bucket", true],
        ]);
    });

    it("reports a changed tag value and a new tag at their own paths", () => {
        assert.deepEqual(changesOf(diff, "archive"), [
            { path: "inputs.tags.CostCenter", before: undefined, after: "4711" },
            { path: "inputs.tags.Owner", before: "platform", after: "security" },
        ]);
    });

    it("diffs inside a JSON policy string, matching statements by Sid so an inserted statement shifts nothing", () => {
        const paths = changesOf(diff, "archive-policy").map((c) => c.path);
        assert.deepEqual(paths, [
            "inputs.policy.Statement[Sid=DenyDeleteObjects].Action",
            'inputs.policy.Statement[Sid=AllowCloudTrailWrite].Condition.StringEquals["aws:SourceArn"]',
            "inputs.policy.Statement[Sid=DenyInsecureTransport]",
            "dependencies",
        ]);
    });

    it("shows which actions joined a statement's action list", () => {
        const action = changesOf(diff, "archive-policy").find((c) => c.path.endsWith("DenyDeleteObjects].Action"));
        assert.deepEqual(action?.addedElements, ["s3:DeleteObjectVersion"]);
        assert.deepEqual(action?.removedElements, []);
    });

    it("reports a new dependency by the depended-on resource's name", () => {
        const deps = changesOf(diff, "archive-policy").find((c) => c.path === "dependencies");
        assert.deepEqual(deps?.addedElements, ["archive-key"]);
    });

    it("reports a protect change on an otherwise identical resource", () => {
        assert.deepEqual(changesOf(diff, "staging"), [{ path: "protect", before: false, after: true }]);
    });

    it("leaves resources with identical inputs and options out of the changed list", () => {
        assert.equal(diff.changed.some((c) => c.type === "pulumi:providers:aws" || c.type === "pulumi:pulumi:Stack"), false);
    });

    it("reports added stack outputs", () => {
        assert.deepEqual(diff.outputs.map((c) => c.path), ["outputs.archiveKeyArn"]);
    });

    it("reports a resource moved to another provider by the providers' names", () => {
        const moved = JSON.parse(JSON.stringify(head)) as typeof head;
        const topic = moved.resources.find((r) => r.name === "trail-alerts")!;
        topic.provider = topic.provider!.replace("::account-log-archive", "::account-log-archive-eu-west-1");
        const changes = diffPlans(head, moved).changed.find((c) => c.name === "trail-alerts")?.changes;
        assert.deepEqual(changes, [{ path: "provider", before: "account-log-archive", after: "account-log-archive-eu-west-1" }]);
    });

    it("leaves out input changes under the head's ignoreChanges, which pulumi up does not apply, and keeps the resource's other changes", () => {
        const account = (roleName: string, email: string, ignoreChanges?: string[]) => ({
            urn: "urn:pulumi:management::lz::aws:organizations/account:Account::account-dev",
            type: "aws:organizations/account:Account",
            name: "account-dev",
            parent: null,
            provider: null,
            dependencies: [],
            inputs: { roleName, email, tags: { "aws:x": "1", Owner: "a" } },
            protect: true,
            retainOnDelete: true,
            ...(ignoreChanges ? { ignoreChanges } : {}),
        });
        const plan = (r: ReturnType<typeof account>) => ({ project: "lz", stack: "management", resources: [r], outputs: {} });
        const ignored = diffPlans(plan(account("OldRole", "a@x.io")), plan(account("NewRole", "a@x.io", ["roleName"])));
        assert.deepEqual(ignored.changed, []);
        const mixed = diffPlans(plan(account("OldRole", "a@x.io")), plan(account("NewRole", "b@x.io", ["roleName", "tags[\"aws:x\"]"])));
        assert.deepEqual(changesOf(mixed, "account-dev"), [{ path: "inputs.email", before: "a@x.io", after: "b@x.io" }]);
        const notIgnored = diffPlans(plan(account("OldRole", "a@x.io")), plan(account("NewRole", "a@x.io", ["roleNames", "email"])));
        assert.deepEqual(changesOf(notIgnored, "account-dev").map((c) => c.path), ["inputs.roleName"]);
    });

    it("reports nothing when a plan is compared with itself", () => {
        const same = diffPlans(base, base);
        assert.deepEqual([same.added, same.removed, same.changed, same.outputs], [[], [], [], []]);
    });

    it("treats a stack missing from the base as new, every resource added", () => {
        const d = diffPlans(undefined, head);
        assert.equal(d.status, "added");
        assert.equal(d.added.length, head.resources.length);
    });

    it("treats a stack missing from the head as removed, every resource removed", () => {
        const d = diffPlans(base, undefined);
        assert.equal(d.status, "removed");
        assert.equal(d.removed.length, base.resources.length);
    });
});

describe("diffPlans on plans of the reference organisation", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lz-diff-real-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("reports a renamed deployment role as the roleArn inside the provider's assumeRoles JSON, adding and removing nothing", () => {
        // The head is the reference org with roles.deployment renamed, planned through --root.
        const root = path.join(tmp, "head");
        fs.mkdirSync(path.join(root, "stacks"), { recursive: true });
        fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
        for (const f of fs.readdirSync(path.join(REPO_ROOT, "stacks"))) {
            fs.copyFileSync(path.join(REPO_ROOT, "stacks", f), path.join(root, "stacks", f));
        }
        const org = fs.readFileSync(path.join(root, "stacks", "org.yaml"), "utf8");
        assert.match(org, /deployment: LandingZoneDeployment\n/);
        fs.writeFileSync(path.join(root, "stacks", "org.yaml"), org.replace("deployment: LandingZoneDeployment\n", "deployment: LandingZoneDeployer\n"));
        const run = (args: string[]) => {
            const r = spawnSync(process.execPath, ["--stack-trace-limit=0", "-r", "ts-node/register/transpile-only", "infra/cli/plan.ts", ...args], {
                cwd: REPO_ROOT,
                encoding: "utf8",
                env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
            });
            assert.equal(r.status, 0, r.stderr);
        };
        run(["--stack", "management", "--summary", "--json", path.join(tmp, "base.json")]);
        run(["--root", root, "--stack", "management", "--summary", "--json", path.join(tmp, "head.json")]);
        const d = diffPlans(readPlanFile(path.join(tmp, "base.json")), readPlanFile(path.join(tmp, "head.json")));
        assert.deepEqual([d.added, d.removed], [[], []]);
        // The accounts the stack creates carry roleName under ignoreChanges: no change pulumi up applies.
        assert.deepEqual(d.changed.filter((c) => c.type === "aws:organizations/account:Account").map((c) => c.name), []);
        const provider = d.changed.find((c) => c.type === "pulumi:providers:aws");
        assert.deepEqual(provider?.changes, [
            {
                path: "inputs.assumeRoles[0].roleArn",
                before: "arn:aws:iam::111111111111:role/LandingZoneDeployment",
                after: "arn:aws:iam::111111111111:role/LandingZoneDeployer",
            },
        ]);
    });
});

describe("diffValues", () => {
    const diff = (a: unknown, b: unknown) => {
        const out: PropertyChange[] = [];
        diffValues(a as never, b as never, "inputs", out);
        return out;
    };

    it("quotes keys that are not identifiers", () => {
        assert.deepEqual(diff({ "aws:SourceArn": "a" }, { "aws:SourceArn": "b" })[0].path, 'inputs["aws:SourceArn"]');
    });

    it("names statements by Sid when a policy gains its first statements", () => {
        const before = JSON.stringify({ Version: "2012-10-17", Statement: [] });
        const after = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "AllowRead", Effect: "Allow" }] });
        assert.deepEqual(diff({ policy: before }, { policy: after }).map((c) => c.path), ["inputs.policy.Statement[Sid=AllowRead]"]);
    });

    it("ignores key order and whitespace inside a JSON document", () => {
        assert.deepEqual(diff({ policy: '{"a":1,"b":[2]}' }, { policy: '{ "b": [2], "a": 1 }' }), []);
    });

    it("compares lists of objects without an identifying field by position", () => {
        assert.deepEqual(diff([{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 3 }, { a: 4 }]).map((c) => c.path), ["inputs[1].a", "inputs[2]"]);
    });

    it("reports a list of plain values whose order alone changed, with nothing added or removed", () => {
        const [c] = diff(["us-east-1", "eu-west-1"], ["eu-west-1", "us-east-1"]);
        assert.deepEqual([c.addedElements, c.removedElements], [[], []]);
    });

    it("compares strings that are not JSON documents as plain values", () => {
        assert.deepEqual(diff({ s: "{not json" }, { s: "{still not" }), [{ path: "inputs.s", before: "{not json", after: "{still not" }]);
    });

    it("does not descend into a value that became a secret", () => {
        assert.deepEqual(diff({ v: { token: "abc" } }, { v: "[secret]" }), [{ path: "inputs.v", before: { token: "abc" }, after: "[secret]" }]);
    });
});

describe("renderDiffMarkdown", () => {
    const diff = diffPlans(readPlanFile(fixture("log-archive-base.json")), readPlanFile(fixture("log-archive-head.json")));
    const md = renderDiffMarkdown([diff]);

    it("never prints the plaintext of a value that is a secret on either side", () => {
        assert.doesNotMatch(md, /plaintext-token/);
        assert.match(md, /\| `inputs\.value` \| `\[secret\]` \| `\[secret\]` \|/);
    });

    it("counts added, removed and changed resources per stack in the summary table", () => {
        assert.match(md, /^\| `log-archive` \| 2 \| 2 \| 5 \|$/m);
    });

    it("warns that removing a protected resource will fail", () => {
        assert.match(md, /^- `legacy-logs` \(`aws:s3\/bucket:Bucket`\) — \*\*protected\*\*/m);
    });

    it("escapes table pipes and backticks inside values", () => {
        const d = diffPlans(
            { project: "p", stack: "s", outputs: {}, resources: [{ urn: "u::r", type: "t", name: "r", parent: null, provider: null, dependencies: [], inputs: { x: "a|b" }, protect: false, retainOnDelete: false }] },
            { project: "p", stack: "s", outputs: {}, resources: [{ urn: "u::r", type: "t", name: "r", parent: null, provider: null, dependencies: [], inputs: { x: "c`d" }, protect: false, retainOnDelete: false }] },
        );
        assert.match(renderDiffMarkdown([d]), /\| `inputs\.x` \| `"a\\\|b"` \| ``"c`d"`` \|/);
    });

    it("drops the property tables, keeping every resource line, when the comment would exceed the limit", () => {
        const short = renderDiffMarkdown([diff], { maxChars: 1200 });
        assert.ok(short.length <= 1200, `${short.length} chars`);
        assert.doesNotMatch(short, /\| Property \|/);
        assert.match(short, /- `archive-policy` \(`aws:s3\/bucketPolicy:BucketPolicy`\): 4 properties/);
        assert.match(short, /Property details left out/);
    });

    it("says so when a stack has no changes", () => {
        const plan = readPlanFile(fixture("base/management.json"));
        assert.match(renderDiffMarkdown([diffPlans(plan, plan)]), /### `management`\n\nNo changes\./);
    });
});

/** Runs the `--diff` entry point in this process, capturing what it writes. */
async function diffInProcess(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const [writeOut, writeErr] = [process.stdout.write, process.stderr.write];
    process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
        const status = await diffMain(args);
        return { status, stdout: out.join(""), stderr: err.join("") };
    } finally {
        process.stdout.write = writeOut;
        process.stderr.write = writeErr;
    }
}

describe("diffMain", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lz-diff-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("matches two folders of plans by stack name, including stacks only one side has", async () => {
        const r = await diffInProcess([fixture("base"), fixture("head")]);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /### `management`\n\nNo changes\./);
        assert.match(r.stdout, /### `member-workload-dev` \(new stack\)/);
        assert.match(r.stdout, /### `sandbox` \(stack removed\)/);
        assert.match(r.stdout, /\| `inputs\.retentionInDays` \| `365` \| `400` \|/);
    });

    it("returns 2 with a one-line error naming a plan file that does not exist", async () => {
        const missing = path.join(tmp, "nope.json");
        const r = await diffInProcess([missing, fixture("log-archive-head.json")]);
        assert.deepEqual(r, { status: 2, stdout: "", stderr: `${missing}: cannot read plan file (ENOENT)\n` });
    });

    it("returns 2 with a one-line error on a file that is not JSON", async () => {
        const bad = path.join(tmp, "bad.json");
        fs.writeFileSync(bad, "{ truncated");
        const r = await diffInProcess([fixture("log-archive-base.json"), bad]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /^.*bad\.json: not JSON \(.+\)\n$/);
    });

    it("returns 2 on JSON that is not a plan file, saying what shape it expected", async () => {
        const other = path.join(tmp, "other.json");
        fs.writeFileSync(other, JSON.stringify({ violations: [] }));
        const r = await diffInProcess([other, fixture("log-archive-head.json")]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /other\.json: not a plan file \(expected \{ project, stack, resources, outputs \}/);
    });

    it("returns 2 when a folder holds two plans of the same stack", async () => {
        const dir = path.join(tmp, "dup");
        fs.mkdirSync(dir);
        fs.copyFileSync(fixture("base/security.json"), path.join(dir, "a.json"));
        fs.copyFileSync(fixture("head/security.json"), path.join(dir, "b.json"));
        const r = await diffInProcess([dir, fixture("head")]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /b\.json: a second plan of stack security in /);
    });

    it("refuses to diff plans of two different stacks, naming both", async () => {
        await assert.rejects(
            diffInProcess([fixture("base/security.json"), fixture("log-archive-head.json")]),
            /base\/security\.json is a plan of stack "security" \(project "lz"\), .*log-archive-head\.json of stack "log-archive" \(project "lz"\): a diff compares two plans of the same stack/,
        );
    });

    it("rejects --max-chars that is not a positive whole number", async () => {
        await assert.rejects(diffInProcess([fixture("base"), fixture("head"), "--max-chars", "lots"]), /--max-chars lots: not a positive whole number/);
    });
});

// Through the command line users and CI type. plan.ts loads the stack programs before dispatching,
// so these also fail when a stack program does not load.
describe("npm run plan -- --diff", () => {
    it("prints the Markdown diff of two plan files and exits 0", () => {
        const r = planDiff([fixture("log-archive-base.json"), fixture("log-archive-head.json")]);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /^## Offline plan diff/);
        assert.match(r.stdout, /`inputs\.tags\.Owner` \| `"platform"` \| `"security"`/);
    });

    it("exits 2 with a clear error, and no diff, for plans of two different stacks", () => {
        const r = planDiff([fixture("base/security.json"), fixture("log-archive-head.json")]);
        assert.equal(r.status, 2);
        assert.equal(r.stdout, "");
        assert.match(r.stderr, /is a plan of stack "security" .* of stack "log-archive" .*: a diff compares two plans of the same stack; plan the same --stack on both sides/);
        assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    });

    it("takes --diff anywhere on the command line", async () => {
        const { value: code, text } = await captured("stdout", () => planMain(["--max-chars", "100000", fixture("log-archive-base.json"), "--diff", fixture("log-archive-head.json")]));
        assert.equal(code, 0);
        assert.match(text, /^## Offline plan diff/);
    });

    it("lists --diff and --root in --help", async () => {
        const { value: code, text } = await captured("stdout", () => planMain(["--help"]));
        assert.equal(code, 0);
        assert.match(text, /^ {7}npm run plan -- --diff <base\.json\|base-dir> <head\.json\|head-dir> \[--max-chars <n>\]$/m);
        assert.match(text, /^ {2}--diff <base> <head> {2}Markdown diff of two plan files of one stack/m);
        assert.match(text, /^ {2}--root <dir> {7}plan the configuration in <dir> with this code: a project folder holds Pulumi\.yaml/m);
    });

    it("exits 2 with usage when given one plan instead of two", () => {
        const r = planDiff([fixture("log-archive-base.json")]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /--diff needs a base and a head plan/);
    });
});
