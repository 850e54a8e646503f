/**
 * The plan file (`npm run plan -- --json`) carries each resource's dependencies as the engine saw
 * them: `plan --diff`, the pull-request comment and the routing analysis follow rule → target → queue
 * chains through them. The chains below are the member stack's, known from what the program builds:
 * a bucket policy names its bucket, a forwarding target names its rule, its dead-letter queue and
 * the role EventBridge assumes, and a Config delivery channel follows its recorder.
 */
import { strict as assert } from "assert";
import { serializePlanFile, toPlanFile, type PlanFile, type PlanFileResource } from "../../../infra/engine/plan-json";
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
