import { strict as assert } from "assert";
import * as aws from "@pulumi/aws";
import { parseOrg } from "../../../infra/config/org";
import { REGIONS, DEFAULT_ENABLED_REGIONS } from "../../../infra/config/regions";
import { ConfigError } from "../../../infra/config/errors";
import { referenceOrg } from "../../support/plan";
import { configProblems } from "../../support/errors";

const FILE = "stacks/org.yaml";

/** Applies `mutate` to a copy of the reference org and returns the problem lines it causes. */
function problemsOf(mutate: (org: Record<string, any>) => void): string[] {
    const org = referenceOrg();
    mutate(org);
    return configProblems(() => parseOrg(org, FILE));
}

function assertProblem(mutate: (org: Record<string, any>) => void, expected: string | RegExp): void {
    const lines = problemsOf(mutate);
    const ok = lines.some((l) => (typeof expected === "string" ? l === expected : expected.test(l)));
    assert.ok(ok, `expected a problem ${expected}\ngot:\n${lines.join("\n") || "(none)"}`);
}

describe("parseOrg", () => {
    it("accepts the reference organisation and puts the home region first", () => {
        const org = parseOrg(referenceOrg(), FILE);
        assert.deepEqual(org.regions, ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"]);
        assert.equal(org.partition, "aws");
        assert.deepEqual(org.accounts.map((a) => a.name), ["management", "log-archive", "security", "workload-prod", "workload-dev"]);
    });

    it("applies secure defaults: roles, retention floor, tiering, stack names", () => {
        const raw = referenceOrg();
        delete raw.roles;
        delete raw.retention;
        delete raw.tiering;
        delete raw.pulumi;
        const org = parseOrg(raw, FILE);
        assert.deepEqual(org.roles, { deployment: "LandingZoneDeployment", breakGlass: "LandingZoneBreakGlass", investigator: "SecurityInvestigator", preview: "LandingZonePreview" });
        assert.deepEqual(org.retention, { objectLockDays: 365, archiveDays: 2557, logGroupDays: 365, belowMinimumReason: undefined });
        // A replaced version is kept as long as archived logs: the original of an overwritten log outlives the forgery.
        assert.deepEqual(org.tiering, { glacierInstantRetrievalAfterDays: 90, deepArchiveAfterDays: 365, noncurrentVersionExpiryDays: 2557 });
        assert.deepEqual(org.pulumi, { organization: "organization", project: "lz", stacks: { bootstrap: "bootstrap", management: "management", logArchive: "log-archive", security: "security" } });
    });

    it("rejects an empty file naming the file", () => {
        assert.throws(() => parseOrg(undefined, FILE), (e: unknown) => e instanceof ConfigError && e.message.includes("stacks/org.yaml: is empty"));
    });

    const cases: [string, (o: Record<string, any>) => void, string | RegExp][] = [
        ["a member account id that is not 12 digits", (o) => (o.accounts.members[1].id = "12345"), `${FILE}: accounts.members[1].id: "12345" is not a 12-digit AWS account id`],
        ["a core account id with letters", (o) => (o.accounts.security.id = "33333333333x"), `${FILE}: accounts.security.id: "33333333333x" is not a 12-digit AWS account id`],
        ["an account id given as a number", (o) => (o.accounts.logArchive.id = 222222222222), /accounts\.logArchive\.id: must be a string .* got a number 222222222222/],
        ["a malformed e-mail", (o) => (o.accounts.members[0].email = "not-an-email"), `${FILE}: accounts.members[0].email: "not-an-email" is not an e-mail address (name@domain.tld) AWS accepts for an account: 6-64 ASCII characters, none of " ' ( ) < > [ ] : ; , \\ | % & or spaces before the @`],
        ["an e-mail with a space", (o) => (o.accounts.management.email = "a b@x.io"), /accounts\.management\.email: "a b@x\.io" is not an e-mail address/],
        ["a duplicate account id", (o) => (o.accounts.members[1].id = o.accounts.members[0].id), `${FILE}: accounts.members[1].id: account id "444444444444" is already used by accounts.members[0]; every account needs its own`],
        ["a member reusing a core account's id", (o) => (o.accounts.members[0].id = "333333333333"), /accounts\.members\[0\]\.id: account id "333333333333" is already used by accounts\.security/],
        ["a duplicate e-mail, case-insensitively", (o) => (o.accounts.members[1].email = o.accounts.members[0].email.toUpperCase()), /accounts\.members\[1\]\.email: e-mail "aws-workload-prod@acme\.example" is already used by accounts\.members\[0\]/],
        ["a duplicate account name", (o) => (o.accounts.members[1].name = "workload-prod"), `${FILE}: accounts.members[1].name: name "workload-prod" is already used by accounts.members[0]; every account needs its own`],
        ["a member named like a core account", (o) => (o.accounts.members[0].name = "security"), /accounts\.members\[0\]\.name: "security" is (reserved for a core account|already used)/],
        ["a misspelt top-level key, with a suggestion", (o) => ((o.homeRegoin = "us-east-1"), delete o.homeRegion), /: homeRegoin: unknown key \(did you mean "homeRegion"\?\)/],
        ["a misspelt nested key", (o) => (o.retention.logGroupDay = 365), /: retention\.logGroupDay: unknown key \(did you mean "logGroupDays"\?\)/],
        ["an unknown key in an account", (o) => (o.accounts.members[0].owner = "team-a"), /: accounts\.members\[0\]\.owner: unknown key; allowed keys here: name, id, email, ou, create/],
        ["an unknown region", (o) => o.regions.push("us-north-9"), /: regions\[4\]: "us-north-9" is not a known AWS region/],
        ["a repeated region", (o) => o.regions.push("us-west-2"), `${FILE}: regions[4]: "us-west-2" is listed more than once`],
        [
            "an opt-in region without the acknowledgement in optInRegions",
            (o) => o.regions.push("me-central-1"),
            `${FILE}: regions[4]: "me-central-1" is an opt-in region: AWS keeps it disabled in every account until it is enabled there, and nothing deploys to it before; add it to optInRegions to have the management stack enable it in every account of the organisation, or remove it from regions`,
        ],
        ["an opt-in entry that is enabled by default", (o) => (o.optInRegions = ["us-west-2"]), `${FILE}: optInRegions[0]: "us-west-2" is enabled by default in every account; remove it from optInRegions`],
        ["an opt-in entry that is not among the regions", (o) => (o.optInRegions = ["af-south-1"]), /: optInRegions\[0\]: "af-south-1" is not among the enabled regions \(us-east-1, us-west-2, eu-west-1, eu-central-1\); add it to regions or remove it here/],
        ["an opt-in entry that is no region", (o) => (o.optInRegions = ["mars-1"]), `${FILE}: optInRegions[0]: "mars-1" is not a known AWS region`],
        ["a home region that is not enabled", (o) => (o.homeRegion = "ap-southeast-2"), /: homeRegion: "ap-southeast-2" is not among the enabled regions \(us-east-1, us-west-2, eu-west-1, eu-central-1\); add it to regions/],
        ["regions from two partitions", (o) => o.regions.push("cn-north-1"), /: regions: mixes partitions \(aws, aws-cn\)/],
        ["no regions at all", (o) => (o.regions = []), `${FILE}: regions: must have at least 1 item`],
        ["Object Lock retention below a year without a reason", (o) => (o.retention.objectLockDays = 90), /: retention\.objectLockDays: 90 days is below the 365 days CloudTrail logs must be kept; raise it or set retention\.belowMinimumReason/],
        ["log group retention below a year without a reason", (o) => (o.retention.logGroupDays = 180), /: retention\.logGroupDays: 180 days is below the 365 days/],
        ["a log retention CloudWatch does not offer", (o) => (o.retention.logGroupDays = 500), /: retention\.logGroupDays: 500 is not a CloudWatch Logs retention value; use one of 0, 1, 3/],
        ["an archive that expires before its lock ends", (o) => ((o.retention.archiveDays = 400), (o.retention.objectLockDays = 731), (o.tiering.deepArchiveAfterDays = 200)), `${FILE}: retention.archiveDays: 400 is shorter than retention.objectLockDays (731); objects cannot expire while locked`],
        ["deep archive before instant retrieval", (o) => (o.tiering.deepArchiveAfterDays = 30), /: tiering\.deepArchiveAfterDays: 30 must be later than tiering\.glacierInstantRetrievalAfterDays \(90\)/],
        ["a name prefix with capitals", (o) => (o.namePrefix = "Acme"), /: namePrefix: "Acme" is not a lowercase prefix of 2-16 characters/],
        ["an organisation id that is neither create nor o-…", (o) => (o.organization.id = "org-123"), /: organization\.id: "org-123" is not "create" or an organisation id like o-a1b2c3d4e5/],
        ["an account without id that is not to be created", (o) => delete o.accounts.members[0].id, /: accounts\.members\[0\]\.id: is required for an existing account \(or set create: true/],
        ["a core account without id", (o) => delete o.accounts.security.id, /: accounts\.security\.id: is required: the security account must exist before/],
        ["an alert address that is not an e-mail", (o) => (o.alerts.emails.high = ["pager"]), `${FILE}: alerts.emails.high[0]: "pager" is not an e-mail address (name@domain.tld)`],
        ["a Slack block without channels", (o) => (o.alerts.slack = { workspaceId: "T0123ABCD" }), /: alerts\.slack\.channels: names no channel/],
        ["a boolean given as a string", (o) => (o.accounts.members[0].create = "yes"), /: accounts\.members\[0\]\.create: must be true or false, got a string "yes"/],
        ["an OU path deeper than five levels", (o) => (o.accounts.members[0].ou = "a/b/c/d/e/f"), /: accounts\.members\[0\]\.ou: "a\/b\/c\/d\/e\/f" is not an OU path/],
    ];
    for (const [what, mutate, expected] of cases) {
        it(`rejects ${what}, naming file and key`, () => assertProblem(mutate, expected));
    }

    it("reports every problem at once, not just the first", () => {
        const lines = problemsOf((o) => {
            o.accounts.members[0].id = "1";
            o.accounts.members[1].email = "x";
            o.regions.push("xx-1");
        });
        assert.equal(lines.length, 3, lines.join("\n"));
    });

    it("allows retention below a year when a reason is recorded", () => {
        const lines = problemsOf((o) => {
            o.retention.objectLockDays = 90;
            o.retention.logGroupDays = 90;
            o.retention.belowMinimumReason = "sandbox organisation, no compliance scope";
        });
        assert.deepEqual(lines, []);
    });

    it("accepts an opt-in region listed in optInRegions, and has none by default", () => {
        const raw = referenceOrg();
        assert.deepEqual(parseOrg(raw, FILE).optInRegions, []);
        raw.regions.push("me-central-1");
        raw.optInRegions = ["me-central-1"];
        const org = parseOrg(raw, FILE);
        assert.deepEqual(org.optInRegions, ["me-central-1"]);
        assert.ok(org.regions.includes("me-central-1"));
    });

    it("accepts never-expiring log groups (0) without a reason", () => {
        assert.deepEqual(problemsOf((o) => (o.retention.logGroupDays = 0)), []);
    });
});

describe("REGIONS", () => {
    it("classifies exactly the regions @pulumi/aws knows", () => {
        assert.deepEqual(Object.keys(REGIONS).sort(), Object.values(aws.Region).sort());
    });

    it("lists the 17 commercial regions enabled by default", () => {
        assert.equal(DEFAULT_ENABLED_REGIONS.length, 17);
        assert.ok(!DEFAULT_ENABLED_REGIONS.includes("af-south-1"));
    });
});
