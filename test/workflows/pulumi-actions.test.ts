import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { ACTION_FIXTURES, allSteps, readWorkflow, undeclaredInputs, workflowFiles } from "./workflow-files";

const documented = JSON.parse(fs.readFileSync(path.join(ACTION_FIXTURES, "pulumi-actions-inputs.json"), "utf8")) as {
    major: string;
    source: { repository: string; commit: string };
    inputs: string[];
};

describe("pulumi/actions inputs", () => {
    it("keeps the documented input list with the commit it was read from", () => {
        assert.match(documented.source.commit, /^[0-9a-f]{40}$/);
        assert.ok(documented.inputs.includes("policyPacks") && documented.inputs.includes("comment-on-pr"));
    });

    for (const file of workflowFiles()) {
        it(`${file} passes pulumi/actions only inputs its action.yml declares`, () => {
            assert.deepEqual(undeclaredInputs(readWorkflow(file), "pulumi/actions", documented.inputs), []);
        });
    }

    it("flags an input pulumi/actions does not declare (policy-packs for policyPacks)", () => {
        const wf = readWorkflow(path.join(ACTION_FIXTURES, "pulumi-unknown-input.yml"));
        assert.deepEqual(undeclaredInputs(wf, "pulumi/actions", documented.inputs), ["preview: policy-packs"]);
    });

    it("uses the major version of pulumi/actions whose inputs the fixture lists", () => {
        const versions = workflowFiles().flatMap((f) =>
            allSteps(readWorkflow(f))
                .filter(({ step }) => step.uses?.startsWith("pulumi/actions@"))
                .map(({ step }) => step.uses!.split("@")[1]),
        );
        assert.ok(versions.length >= 4, `found ${versions.length} pulumi/actions steps`);
        assert.deepEqual([...new Set(versions)], [documented.major]);
    });
});

describe("pulumi/auth-actions inputs", () => {
    const auth = JSON.parse(fs.readFileSync(path.join(ACTION_FIXTURES, "pulumi-auth-actions-inputs.json"), "utf8")) as { major: string; inputs: string[] };

    for (const file of workflowFiles()) {
        it(`${file} passes pulumi/auth-actions only inputs its action.yml declares`, () => {
            assert.deepEqual(undeclaredInputs(readWorkflow(file), "pulumi/auth-actions", auth.inputs), []);
        });
    }

    it("asks Pulumi Cloud for an organisation token in every OIDC login", () => {
        const logins = workflowFiles().flatMap((f) => allSteps(readWorkflow(f)).filter(({ step }) => step.uses === `pulumi/auth-actions@${auth.major}`));
        assert.ok(logins.length >= 4, `found ${logins.length}`);
        for (const { step } of logins) {
            assert.equal(step.with?.["requested-token-type"], "urn:pulumi:token-type:access_token:organization");
        }
    });
});
