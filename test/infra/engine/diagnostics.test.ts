/**
 * Warnings a program (or the SDK on its behalf) logs while the offline engine runs it stay with the
 * stack's plan, as the Pulumi CLI shows them per stack, instead of leaking to the process's stderr.
 */
import { strict as assert } from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { runStack } from "../../../infra/engine/run";
import { renderPlan } from "../../../infra/engine/render";
import { planReference } from "../../support/plan";
import { captured } from "../../support/output";

describe("offline engine: diagnostics", () => {
    it("records the program's warnings and the SDK's own (an undefined output) with the plan, not on stderr", async () => {
        const { value: plan, text: stderr } = await captured("stderr", () =>
            runStack({
                project: "p",
                stack: "s",
                preview: false,
                config: {},
                program: () => {
                    pulumi.log.warn("the archive has no replica");
                    return { present: "yes", missing: undefined };
                },
            }),
        );
        assert.equal(stderr, "");
        assert.deepEqual(plan.diagnostics, [
            { severity: "warning", message: "the archive has no replica" },
            { severity: "warning", message: "Undefined value (missing) will not show as a stack output." },
        ]);
        assert.match(renderPlan(plan), /\n {2}warning: the archive has no replica\n {2}warning: Undefined value \(missing\)/);
    });

    it("records the deprecation warning of a deprecated resource type the program uses", async () => {
        const { value: plan, text: stderr } = await captured("stderr", () =>
            runStack({ project: "p", stack: "s", preview: false, config: {}, program: () => void new aws.s3.BucketV2("legacy", {}) }),
        );
        assert.equal(stderr, "");
        assert.deepEqual(plan.diagnostics, [{ severity: "warning", message: "BucketV2 is deprecated: s3.BucketV2 has been deprecated in favor of s3.Bucket" }]);
    });

    it("plans every stack of the reference organisation without a single warning", async () => {
        const plans = await planReference();
        assert.ok(plans.length >= 8);
        for (const p of plans) assert.deepEqual(p.diagnostics, [], p.stack);
    });
});
