import { strict as assert } from "assert";
import { parseOrg } from "../../../infra/config/org";
import { activePlaybooks, playbooksIn } from "../../../infra/config/settings/response";
import { referenceOrg } from "../../support/plan";
import { configProblems } from "../../support/errors";

const FILE = "stacks/org.yaml";

function orgWith(response: unknown) {
    const raw = referenceOrg();
    raw.response = response;
    return raw;
}

function problemsOf(response: unknown): string[] {
    return configProblems(() => parseOrg(orgWith(response), FILE));
}

describe("response settings (org file)", () => {
    it("switches every playbook off by default, with nothing in scope and a one-hour dedup window", () => {
        const raw = referenceOrg();
        delete raw.response;
        const org = parseOrg(raw, FILE);
        assert.equal(org.response.dedupMinutes, 60);
        for (const id of ["public-bucket", "exposed-key", "compromised-instance"] as const) {
            assert.equal(org.response.playbooks[id].mode, "off");
            assert.deepEqual(org.response.playbooks[id].accounts, []);
        }
        assert.deepEqual(activePlaybooks(org.response), []);
    });

    it("puts an OU's accounts and the accounts below it in scope, and named accounts besides", () => {
        const org = parseOrg(orgWith({ playbooks: { "exposed-key": { mode: "enforce", organizationalUnits: ["Workloads"], accounts: ["security"] } } }), FILE);
        assert.deepEqual(org.response.playbooks["exposed-key"].accounts.map((a) => a.name), ["security", "workload-prod", "workload-dev"]);
        assert.deepEqual(playbooksIn(org.response, "workload-dev"), ["exposed-key"]);
        assert.deepEqual(playbooksIn(org.response, "log-archive"), []);
    });

    it("keeps an OU from matching a sibling whose name it starts (Workloads/Prod is not Workloads/Production)", () => {
        const raw = orgWith({ playbooks: { "public-bucket": { mode: "dry-run", organizationalUnits: ["Workloads/Prod"] } } });
        raw.accounts.members[1].ou = "Workloads/Production";
        const org = parseOrg(raw, FILE);
        assert.deepEqual(org.response.playbooks["public-bucket"].accounts.map((a) => a.name), ["workload-prod"]);
    });

    it("puts nothing in scope of a playbook that is off, whatever its scope says", () => {
        const org = parseOrg(orgWith({ playbooks: { "public-bucket": { mode: "off", organizationalUnits: ["Workloads"] } } }), FILE);
        assert.deepEqual(org.response.playbooks["public-bucket"].accounts, []);
        assert.deepEqual(playbooksIn(org.response, "workload-prod"), []);
    });

    it("rejects a switched-on playbook that names no account, saying where to add one", () => {
        assert.deepEqual(problemsOf({ playbooks: { "compromised-instance": { mode: "enforce" } } }), [
            `${FILE}: response.playbooks.compromised-instance.mode: is enforce, but the playbook names no account in scope; list OUs under response.playbooks.compromised-instance.organizationalUnits or accounts under response.playbooks.compromised-instance.accounts, or set mode: off`,
        ]);
    });

    it("rejects an OU no account is in, suggesting the closest", () => {
        assert.deepEqual(problemsOf({ playbooks: { "public-bucket": { mode: "dry-run", organizationalUnits: ["Workload"] } } }), [
            `${FILE}: response.playbooks.public-bucket.organizationalUnits[0]: "Workload" is the OU of no account (did you mean "Workloads"?); OUs of accounts: Root, Security, Workloads, Workloads/Dev, Workloads/Prod`,
        ]);
    });

    it("accepts an OU that only contains OUs with accounts (Workloads holds Workloads/Prod)", () => {
        assert.deepEqual(problemsOf({ playbooks: { "public-bucket": { mode: "dry-run", organizationalUnits: ["Workloads"] } } }), []);
    });

    it("rejects an unknown account name and an unknown mode, every problem at once", () => {
        assert.deepEqual(problemsOf({ playbooks: { "exposed-key": { mode: "on", accounts: ["workload-prd"] } } }), [
            `${FILE}: response.playbooks.exposed-key.mode: "on" is not allowed; use one of "off", "dry-run", "enforce" (did you mean "off"?)`,
            `${FILE}: response.playbooks.exposed-key.accounts[0]: "workload-prd" is not an account of ${FILE} (did you mean "workload-prod"?); accounts: management, log-archive, security, workload-prod, workload-dev`,
        ]);
    });

    it("rejects an unknown playbook and a dedup window outside 5 minutes to a week", () => {
        const lines = problemsOf({ dedupMinutes: 2, playbooks: { "public-buckets": { mode: "dry-run" } } });
        assert.equal(lines.length, 2, lines.join("\n"));
        assert.match(lines[0], /^stacks\/org\.yaml: response\.dedupMinutes: .*5/);
        assert.match(lines[1], /^stacks\/org\.yaml: response\.playbooks\.public-buckets: unknown key \(did you mean "public-bucket"\?\)/);
    });
});
