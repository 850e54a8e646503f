/**
 * The plan file (`npm run plan -- --json`) carries each resource's dependencies as the engine saw
 * them: `plan --diff`, the pull-request comment and the routing analysis follow rule → target → queue
 * chains through them. The chains below are the member stack's, known from what the program builds:
 * a bucket policy names its bucket, a forwarding target names its rule, its dead-letter queue and
 * the role EventBridge assumes, and a Config delivery channel follows its recorder.
 */
import { strict as assert } from "assert";
import { serializePlanFile, toPlanFile, type PlanFile, type PlanFileResource } from "../../../infra/engine/plan-json";
import type { StackPlan } from "../../../infra/engine/run";
import type { Json } from "../../../infra/engine/wire";
import { referenceStack } from "../../support/plan";

function byName(file: PlanFile, name: string): PlanFileResource {
    const found = file.resources.filter((r) => r.name === name);
    assert.equal(found.length, 1, `one resource named ${name}`);
    return found[0];
}

/** Names of the resources `name` depends on, as the file records them. */
function dependencyNames(file: PlanFile, name: string): string[] {
    const names = new Map(file.resources.map((r) => [r.urn, r.name]));
    return byName(file, name).dependencies.map((urn) => names.get(urn) ?? urn);
}

describe("plan file dependencies", function () {
    this.timeout(600_000);

    it("records that a member account's access-log bucket policy depends on its bucket", async () => {
        const file = toPlanFile(await referenceStack("member-workload-dev"));
        for (const region of ["us-east-1", "eu-central-1"]) assert.ok(dependencyNames(file, `access-logs-${region}-policy`).includes(`access-logs-${region}`), region);
    });

    it("records that a forwarding target depends on its rule, its region's dead-letter queue and the forwarding role, so a rule → target chain can be followed", async () => {
        const file = toPlanFile(await referenceStack("member-workload-dev"));
        const targets = file.resources.filter((r) => r.type === "aws:cloudwatch/eventTarget:EventTarget" && r.name.startsWith("forwarding-"));
        assert.ok(targets.length >= 4, `${targets.length} forwarding targets`);
        for (const t of targets) {
            const region = String(t.inputs.region);
            const deps = dependencyNames(file, t.name);
            for (const expected of [t.name.replace(/-target$/, ""), `forwarding-dlq-${region}`, "forwarding-role"]) assert.ok(deps.includes(expected), `${t.name} → ${expected}: ${deps.join(", ")}`);
        }
    });

    it("records that the Config delivery channel of each region depends on that region's recorder", async () => {
        const file = toPlanFile(await referenceStack("member-workload-dev"));
        for (const region of ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"]) assert.ok(dependencyNames(file, `config-delivery-${region}`).includes(`config-recorder-${region}`), region);
    });

    it("writes the dependencies into the serialised file, resolvable by URN", async () => {
        const file = JSON.parse(serializePlanFile(toPlanFile(await referenceStack("member-workload-dev")))) as PlanFile;
        const policy = byName(file, "access-logs-us-east-1-policy");
        assert.ok(policy.dependencies.includes(byName(file, "access-logs-us-east-1").urn));
    });
});

/** `value` with the keys of every object, at every depth, in reverse order of insertion. */
function reversedKeys(value: Json): Json {
    if (Array.isArray(value)) return value.map(reversedKeys);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.keys(value).reverse().map((k) => [k, reversedKeys(value[k])]));
    return value;
}

describe("plan file bytes and the ignoreChanges option (README, \"Plan JSON\")", function () {
    this.timeout(600_000);

    it("gives byte-identical files for the same plan whatever order the program set its inputs and outputs in", async () => {
        const plan = await referenceStack("member-workload-dev");
        const nested = plan.resources.filter((r) => Object.values(r.inputs).some((v) => v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 1));
        assert.ok(nested.length > 0, "no resource with a nested object of several keys: the reordering below would prove nothing");
        const reordered: StackPlan = {
            ...plan,
            resources: plan.resources.map((r) => ({ ...r, inputs: reversedKeys(r.inputs) as Record<string, Json> })),
            outputs: reversedKeys(plan.outputs) as Record<string, Json>,
        };
        assert.notEqual(JSON.stringify(reordered.resources.map((r) => r.inputs)), JSON.stringify(plan.resources.map((r) => r.inputs)));
        assert.equal(serializePlanFile(toPlanFile(reordered)), serializePlanFile(toPlanFile(plan)));
    });

    it("ends the serialised file with a newline, as a text file (no \"No newline at end of file\" in a diff of it)", async () => {
        const text = serializePlanFile(toPlanFile(await referenceStack("member-workload-dev")));
        assert.ok(text.endsWith("}\n"), JSON.stringify(text.slice(-10)));
    });

    it("lists the ignored inputs of a member account (role name and billing access, which AWS cannot read back), sorted", async () => {
        const file = toPlanFile(await referenceStack("management"));
        const accounts = file.resources.filter((r) => r.type === "aws:organizations/account:Account");
        assert.ok(accounts.length >= 4, `${accounts.length} accounts`);
        for (const a of accounts) assert.deepEqual(a.ignoreChanges, ["iamUserAccessToBilling", "roleName"], a.name);
    });

    it("leaves ignoreChanges out of a resource without the option", async () => {
        const file = toPlanFile(await referenceStack("management"));
        const without = file.resources.filter((r) => r.type !== "aws:organizations/account:Account");
        assert.ok(without.length > 0);
        for (const r of without) assert.ok(!("ignoreChanges" in r), r.name);
    });
});
