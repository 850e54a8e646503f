import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { REPO_ROOT } from "../../support/plan";
import { kebabAccountName, memberAccountNames } from "../../../infra/onboarding/account-name";
import { parseAccountList, parseDescribeOrganization } from "../../../infra/onboarding/aws-cli-files";
import { FILL_IN, importOrganization, type ImportInput } from "../../../infra/onboarding/import-org";
import { ConfigError } from "../../../infra/config/errors";

const FIX = path.join(REPO_ROOT, "test", "fixtures", "aws-cli", "org-12");
const fx = (f: string) => path.join(FIX, f);
const OU_ARGS = [
    "--ous", fx("list-organizational-units-for-parent.json"),
    "--ou-accounts", `r-k7m2=${fx("list-accounts-for-parent-root.json")}`,
    "--ou-accounts", `ou-k7m2-5ecur1ty=${fx("list-accounts-for-parent-security.json")}`,
    "--ou-accounts", `ou-k7m2-w0rkl0ads=${fx("list-accounts-for-parent-workloads.json")}`,
    "--ou-accounts", `ou-k7m2-sandb0x01=${fx("list-accounts-for-parent-sandbox.json")}`,
];
const BASE_ARGS = ["--organization", fx("describe-organization.json"), "--accounts", fx("list-accounts.json"), "--log-archive", "310987654321", "--security", "410987654321", ...OU_ARGS];
const FULL_ARGS = [...BASE_ARGS, "--name-prefix", "nw-lz", "--home-region", "eu-west-1", "--regions", "eu-west-1", "--break-glass-user", "bg-alice"];

function cli(script: string, args: readonly string[]) {
    return spawnSync(process.execPath, ["--stack-trace-limit=0", "-r", "ts-node/register/transpile-only", `infra/cli/${script}.ts`, ...args], { cwd: REPO_ROOT, encoding: "utf8" });
}
const snapshot = (dir: string) => Object.fromEntries(fs.readdirSync(path.join(dir, "stacks")).sort().map((f) => [f, fs.readFileSync(path.join(dir, "stacks", f), "utf8")]));

describe("npm run import-org on a 12-account, 3-OU organisation (AWS CLI JSON fixtures)", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-import-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("writes the org file and a stack per core role and per account into an empty folder", () => {
        const r = cli("import-org", [...FULL_ARGS, "--root", dir]);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(Object.keys(snapshot(dir)), [
            "Pulumi.log-archive.yaml", "Pulumi.management.yaml",
            "Pulumi.member-data-platform.yaml", "Pulumi.member-log-archive.yaml", "Pulumi.member-management.yaml",
            "Pulumi.member-payments-prod.yaml", "Pulumi.member-payments-staging.yaml", "Pulumi.member-sandbox-4322.yaml",
            "Pulumi.member-sandbox.yaml", "Pulumi.member-security.yaml", "Pulumi.member-shared-services.yaml",
            "Pulumi.member-uberprufung-ml-lab.yaml", "Pulumi.member-web-frontend-dev.yaml", "Pulumi.member-web-frontend-prod.yaml",
            "Pulumi.security.yaml", "org.yaml",
        ]);
        const org = parse(fs.readFileSync(path.join(dir, "stacks", "org.yaml"), "utf8"));
        assert.equal(org.organization.id, "o-k7m2x9q4w1");
        assert.deepEqual(org.accounts.management, { id: "210987654321", email: "aws-root@northwind.example" });
        assert.deepEqual(org.accounts.logArchive, { id: "310987654321", email: "aws-log-archive@northwind.example", ou: "Security" });
        assert.equal(org.accounts.members.length, 9);
        assert.deepEqual(org.accounts.members.find((m: any) => m.id === "510987654323"), { name: "web-frontend-prod", id: "510987654323", email: "aws-web-prod@northwind.example", ou: "Workloads" });
        assert.ok(fs.existsSync(path.join(dir, "Pulumi.yaml")), "the project file, so the folder plans");
        assert.doesNotMatch(r.stdout, /fill in these keys/);
    });

    it("then plans every account's baseline, every stack valid", () => {
        const r = cli("plan", ["--root", dir, "--summary"]);
        assert.equal(r.status, 0, r.stderr);
        const stacks = [...r.stdout.matchAll(/^stack (\S+) \(update\)/gm)].map((m) => m[1]);
        assert.equal(stacks.length, 15);
        assert.deepEqual(stacks.filter((s) => s.startsWith("member-")).length, 12, "one member stack per account");
    });

    it("changes nothing when run again", () => {
        const before = snapshot(dir);
        const r = cli("import-org", [...FULL_ARGS, "--root", dir]);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /^nothing to change: the configuration already matches the organisation$/m);
        assert.deepEqual(snapshot(dir), before);
    });
});

describe("importOrganization", () => {
    const input = (o: Partial<ImportInput> = {}): ImportInput => ({
        organization: parseDescribeOrganization(fs.readFileSync(fx("describe-organization.json"), "utf8"), "org.json"),
        accounts: parseAccountList(fs.readFileSync(fx("list-accounts.json"), "utf8"), "accounts.json"),
        logArchiveId: "310987654321",
        securityId: "410987654321",
        ouAccounts: [],
        ous: [],
        existingStackFiles: [],
        ...o,
    });

    it("lists every key it could not decide, and writes a value there that fails validation naming the key", () => {
        const r = importOrganization(input());
        assert.deepEqual(r.undecided, [
            "namePrefix: a lowercase prefix of 2-16 characters for every physical name (--name-prefix)",
            "homeRegion: the region of the archive, trail and central bus (--home-region)",
            "regions: the enabled regions, home region included (--regions a,b)",
            "breakGlass.users: management-account IAM users who may use the break-glass role with MFA (--break-glass-user), or breakGlass.identityCenterPermissionSets",
            "accounts.logArchive.ou: the OU path of account 310987654321 (--ou-accounts <ou>=<file>)",
            "accounts.security.ou: the OU path of account 410987654321 (--ou-accounts <ou>=<file>)",
            ...["data-platform (510987654325)", "payments-prod (510987654321)", "payments-staging (510987654322)", "sandbox (610987654321)", "sandbox-4322 (610987654322)", "shared-services (510987654326)", "uberprufung-ml-lab (610987654323)", "web-frontend-dev (510987654324)", "web-frontend-prod (510987654323)"].map(
                (a, i) => `accounts.members[${i}].ou: the OU path of account ${a} (--ou-accounts <ou>=<file>)`,
            ),
        ]);
        assert.equal(parse(r.orgYaml).namePrefix, FILL_IN);
    });

    it("keeps what the org file already says: values filled in by hand, comments, names given to accounts", () => {
        const first = importOrganization(input({ namePrefix: "nw-lz", homeRegion: "eu-west-1", regions: ["eu-west-1"], breakGlassUsers: ["bg-alice"] }));
        const edited = first.orgYaml.replace("name: sandbox-4322", "name: sandbox-bob").replace("namePrefix: nw-lz", "# reviewed by security\nnamePrefix: nw-lz");
        const again = importOrganization(input({ existingOrg: edited }));
        assert.deepEqual(again.undecided.filter((u) => !u.includes(".ou:")), []);
        assert.match(again.orgYaml, /# reviewed by security\nnamePrefix: nw-lz/);
        assert.ok(parse(again.orgYaml).accounts.members.some((m: any) => m.name === "sandbox-bob" && m.id === "610987654322"));
        assert.equal(again.stackFiles["stacks/Pulumi.member-sandbox-bob.yaml"]?.includes("lz:account: sandbox-bob"), true);
    });

    it("never rewrites a stack file that exists", () => {
        const r = importOrganization(input({ existingStackFiles: ["stacks/Pulumi.security.yaml", "stacks/Pulumi.member-sandbox.yaml"] }));
        assert.ok(!("stacks/Pulumi.security.yaml" in r.stackFiles) && !("stacks/Pulumi.member-sandbox.yaml" in r.stackFiles));
        assert.ok("stacks/Pulumi.member-payments-prod.yaml" in r.stackFiles);
    });

    it("rejects a log archive account that is not in the organisation, or is the management account, naming the flag", () => {
        assert.throws(
            () => importOrganization(input({ logArchiveId: "999999999999", securityId: "210987654321" })),
            (e: unknown) =>
                e instanceof ConfigError &&
                e.problems.map((p) => `${p.file}: ${p.message}`).join("\n") ===
                    ["--log-archive: 999999999999 is not an account of the --accounts file", "--security: 210987654321 is the management account; the log archive and security accounts must be accounts of their own"].join("\n"),
        );
    });

    it("reads the AWS CLI's files and names the file and key of a malformed one", () => {
        assert.throws(
            () => parseAccountList(JSON.stringify({ Accounts: [{ Id: "12", Name: "x", Email: "a@b.c", Status: "ACTIVE" }] }), "accounts.json"),
            (e: unknown) => e instanceof ConfigError && e.message.includes(`accounts.json: Accounts[0].Id: "12" is not a 12-digit account id`),
        );
        assert.throws(() => parseDescribeOrganization("{}", "org.json"), /org\.json: Organization: is missing: this is not the output of `aws organizations describe-organization`/);
    });

    it("takes an account's life cycle from State when the CLI prints it, from the older Status otherwise", () => {
        const account = (extra: object) => JSON.stringify({ Accounts: [{ Id: "123456789012", Name: "x", Email: "a@b.c", ...extra }] });
        assert.equal(parseAccountList(account({ Status: "ACTIVE", State: "PENDING_ACTIVATION" }), "a.json")[0].status, "PENDING_ACTIVATION");
        assert.equal(parseAccountList(account({ Status: "SUSPENDED" }), "a.json")[0].status, "SUSPENDED");
        assert.throws(() => parseAccountList(account({ State: "GONE" }), "a.json"), /a\.json: Accounts\[0\]\.State: "GONE" is not ACTIVE, SUSPENDED, PENDING_ACTIVATION, PENDING_CLOSURE or CLOSED/);
    });
});

describe("account names from AWS account names", () => {
    it("turns an AWS name into the kebab-case name org.yaml requires", () => {
        assert.equal(kebabAccountName("Web Frontend (Prod)"), "web-frontend-prod");
        assert.equal(kebabAccountName("Überprüfung ML Lab"), "uberprufung-ml-lab");
        assert.equal(kebabAccountName("123 Data"), "account-123-data");
        assert.equal(kebabAccountName("x"), "account-x");
        assert.equal(kebabAccountName("A".repeat(60)), "a".repeat(40));
    });

    it("gives clashing names the last four digits of the id, whatever the order of the list", () => {
        const a = [{ id: "610987654322", name: "Sandbox" }, { id: "610987654321", name: "Sandbox" }, { id: "510987654321", name: "Security" }];
        const names = memberAccountNames(a);
        assert.deepEqual([...names.entries()].sort(), [["510987654321", "security-4321"], ["610987654321", "sandbox"], ["610987654322", "sandbox-4322"]]);
        assert.deepEqual([...memberAccountNames([...a].reverse()).entries()].sort(), [...names.entries()].sort());
    });
});
