import { strict as assert } from "assert";
import { parseOrg } from "../../../infra/config/org";
import { parseStack } from "../../../infra/config/stack";
import { referenceOrg } from "../../support/plan";
import { configProblems } from "../../support/errors";

const org = parseOrg(referenceOrg(), "stacks/org.yaml");

function problems(stack: string, config: Record<string, string>): string[] {
    return configProblems(() => parseStack(stack, `stacks/Pulumi.${stack}.yaml`, config, org));
}

describe("parseStack", () => {
    it("resolves a member stack to its account and default settings", () => {
        const m = parseStack("member-workload-dev", "stacks/Pulumi.member-workload-dev.yaml", { "lz:role": "member", "lz:account": "workload-dev" }, org);
        assert.equal(m.role, "member");
        assert.equal(m.account.id, "555555555555");
    });

    it("resolves core roles to their core account without lz:account", () => {
        const m = parseStack("security", "stacks/Pulumi.security.yaml", { "lz:role": "security" }, org);
        assert.equal(m.account.id, "333333333333");
        assert.equal(m.role === "security" && m.settings.orgRules, true);
    });

    it("rejects an unknown role with the allowed ones and a suggestion", () => {
        assert.deepEqual(problems("member-x", { "lz:role": "membr" }), [
            `stacks/Pulumi.member-x.yaml: lz:role: "membr" is not allowed; use one of "bootstrap", "management", "log-archive", "security", "member" (did you mean "member"?)`,
        ]);
    });

    it("resolves the bootstrap stack to the management account and requires the org file's bootstrap block", () => {
        const m = parseStack("bootstrap", "stacks/Pulumi.bootstrap.yaml", { "lz:role": "bootstrap" }, org);
        assert.equal(m.account.id, "111111111111");
        assert.deepEqual(m.role === "bootstrap" && m.settings.stackSet, { maxConcurrentPercentage: 25, failureTolerancePercentage: 10 });
        const raw = referenceOrg();
        delete raw.bootstrap;
        const without = parseOrg(raw, "stacks/org.yaml");
        assert.deepEqual(configProblems(() => parseStack("bootstrap", "stacks/Pulumi.bootstrap.yaml", { "lz:role": "bootstrap" }, without)), [
            "stacks/Pulumi.bootstrap.yaml: lz:role: role bootstrap needs the bootstrap block in stacks/org.yaml (githubRepository, stackSetTargets): it says which repository deploys and where the roles go",
        ]);
    });

    it("rejects a member stack whose account is not defined in the org file", () => {
        const lines = problems("member-workload-qa", { "lz:role": "member", "lz:account": "workload-qa" });
        assert.equal(lines.length, 1);
        assert.match(lines[0], /^stacks\/Pulumi\.member-workload-qa\.yaml: lz:account: "workload-qa" is not an account defined in stacks\/org\.yaml/);
    });

    it("requires lz:account for a member stack", () => {
        assert.match(problems("member-a", { "lz:role": "member" })[0], /lz:account: is required for role member: name one of management, log-archive, security, workload-prod, workload-dev/);
    });

    it("rejects settings meant for another role", () => {
        assert.deepEqual(problems("security", { "lz:role": "security", "lz:logArchive": JSON.stringify({ protect: false }) }), [
            "stacks/Pulumi.security.yaml: lz:logArchive: holds settings for role log-archive, but this stack has role security; move them to the log-archive stack or rename the key to lz:security",
        ]);
    });

    it("rejects a misspelt lz key with a suggestion", () => {
        assert.match(problems("security", { "lz:role": "security", "lz:secruity": "{}" })[0], /lz:secruity: unknown key \(did you mean "lz:security"\?\)/);
    });

    it("rejects aws: provider config, which the landing zone would ignore", () => {
        assert.match(problems("security", { "lz:role": "security", "aws:region": "eu-west-1" })[0], /stacks\/Pulumi\.security\.yaml: aws:region: is not used: the landing zone builds one explicit provider per account/);
    });

    it("rejects a core stack whose name differs from the org file's stack names", () => {
        assert.match(problems("sec", { "lz:role": "security" })[0], /lz:role: stack "sec" has role security, but stacks\/org\.yaml names the security stack "security"/);
    });

    it("rejects lz:account on a core role that names another account", () => {
        assert.match(problems("log-archive", { "lz:role": "log-archive", "lz:account": "security" })[0], /lz:account: "security" does not match role log-archive/);
    });

    it("rejects an unknown settings key inside the role's settings", () => {
        assert.match(problems("security", { "lz:role": "security", "lz:security": JSON.stringify({ orgRule: true }) })[0], /lz:security\.orgRule: unknown key \(did you mean "orgRules"\?\)/);
    });

    it("rejects a replica region equal to the home region", () => {
        assert.match(problems("log-archive", { "lz:role": "log-archive", "lz:logArchive": JSON.stringify({ replicaRegion: "us-east-1" }) })[0], /lz:logArchive\.replicaRegion: "us-east-1" is the home region/);
    });

    it("defaults a member's Config to the landing zone's own recorders, adopting none", () => {
        const m = parseStack("member-workload-dev", "stacks/Pulumi.member-workload-dev.yaml", { "lz:role": "member", "lz:account": "workload-dev" }, org);
        assert.ok(m.role === "member");
        assert.equal(m.settings.config.owner, "landing-zone");
        assert.deepEqual(m.settings.config.adopt, { regions: [], recorderName: "default", deliveryChannelName: "default" });
    });

    it("rejects adopting recorders in a region that is not enabled, naming the key", () => {
        assert.deepEqual(problems("member-workload-dev", { "lz:role": "member", "lz:account": "workload-dev", "lz:member": JSON.stringify({ config: { adopt: { regions: ["us-west-2", "ap-south-1"] } } }) }), [
            'stacks/Pulumi.member-workload-dev.yaml: lz:member.config.adopt.regions[1]: "ap-south-1" is not among the enabled regions (us-east-1, us-west-2, eu-west-1, eu-central-1) of stacks/org.yaml',
        ]);
    });

    it("rejects recorder settings on an account whose recorders Control Tower owns, every one at once", () => {
        const settings = { config: { owner: "control-tower", adopt: { regions: ["us-east-1"] }, adoptServiceLinkedRole: true, excludedResourceTypes: ["AWS::EC2::Volume"], recordingFrequency: "DAILY" } };
        const file = "stacks/Pulumi.member-workload-dev.yaml: lz:member.config";
        const owned = "Control Tower owns this account's recorders (config.owner: control-tower)";
        assert.deepEqual(problems("member-workload-dev", { "lz:role": "member", "lz:account": "workload-dev", "lz:member": JSON.stringify(settings) }), [
            `${file}.adopt.regions: ${owned}, so there is nothing to adopt; remove the key or set owner: landing-zone`,
            `${file}.adoptServiceLinkedRole: ${owned}, so the baseline creates no Config role to adopt; remove the key`,
            `${file}.excludedResourceTypes: ${owned}: the recording settings are Control Tower's; remove the key`,
            `${file}.recordingFrequency: ${owned}: the recording settings are Control Tower's; remove the key`,
        ]);
    });

    it("rejects settings that are not valid JSON", () => {
        assert.match(problems("security", { "lz:role": "security", "lz:security": "{orgRules: tru" })[0], /lz:security: is not valid JSON\/YAML/);
    });
});
