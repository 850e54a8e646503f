import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { validateWorkflow, type ValidationError } from "@action-validator/core";
import { ACTION_FIXTURES, WORKFLOW_DIR, workflowFiles } from "./workflow-files";

/** Schema errors of a workflow file, one readable line each (the validator's own code and path). */
function schemaErrors(file: string): string[] {
    const state = validateWorkflow(fs.readFileSync(file, "utf8"));
    return state.errors.map((e: ValidationError) => `${e.code} ${"path" in e ? e.path : ""} ${e.detail ?? e.title}`.trim());
}

describe("GitHub workflow schema (offline, @action-validator/core)", () => {
    it("finds the six workflows of the landing zone", () => {
        assert.deepEqual(workflowFiles(), ["deploy-stack.yml", "deploy.yml", "drift.yml", "enforce-logging.yml", "mutation.yml", "preview.yml", "publish-policy.yml"]);
    });

    for (const file of workflowFiles()) {
        it(`accepts .github/workflows/${file}`, () => {
            assert.deepEqual(schemaErrors(path.join(WORKFLOW_DIR, file)), []);
        });
    }

    it("rejects a workflow with a misspelt key, an unknown trigger and a needs on a missing job", () => {
        const errors = schemaErrors(path.join(ACTION_FIXTURES, "broken-workflow.yml"));
        assert.deepEqual(
            errors.map((e) => e.split(" ").slice(0, 2).join(" ")),
            ["one_of /jobs/build", "one_of /on", "unresolved_job /jobs/deploy/needs"],
        );
        assert.match(errors[2], /unresolved job biuld/);
    });
});
