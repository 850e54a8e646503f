import { strict as assert } from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { runStack } from "../../../infra/engine/run";

/** A small program exercising what the plan must capture: parents, providers, implicit and explicit deps, secrets, options. */
function program() {
    const provider = new aws.Provider("acct", { region: "eu-west-1", allowedAccountIds: ["222222222222"] });
    const key = new aws.kms.Key("key", { description: "k", enableKeyRotation: true }, { provider, protect: true, retainOnDelete: true });
    const bucket = new aws.s3.Bucket("logs", { bucket: "acme-logs" }, { provider });
    new aws.s3.BucketServerSideEncryptionConfiguration(
        "logs-sse",
        { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn } }] },
        { provider, dependsOn: [bucket] },
    );
    new aws.ssm.Parameter("token", { type: "SecureString", value: pulumi.secret("s3cr3t") }, { provider });
    return { keyArn: key.arn, bucketName: bucket.bucket };
}

describe("offline engine: runStack", () => {
    it("records every registration with parent, provider, protect and retainOnDelete", async () => {
        const plan = await runStack({ project: "p", stack: "s", preview: false, config: {}, program });
        const names = plan.resources.map((r) => `${r.type}::${r.name}`);
        // Registration order is arrival order at the monitor (deterministic, checked elsewhere); compare as a set here.
        assert.deepEqual([...names].sort(), [
            "pulumi:pulumi:Stack::p-s",
            "pulumi:providers:aws::acct",
            "aws:kms/key:Key::key",
            "aws:s3/bucket:Bucket::logs",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::logs-sse",
            "aws:ssm/parameter:Parameter::token",
        ].sort());
        const stack = plan.resources[0];
        assert.equal(stack.type, "pulumi:pulumi:Stack");
        const key = plan.resources.find((r) => r.name === "key")!;
        assert.equal(key.parent, stack.urn);
        assert.equal(key.provider, plan.resources.find((r) => r.name === "acct")!.urn);
        assert.equal(key.protect, true);
        assert.equal(key.retainOnDelete, true);
        assert.equal(plan.resources.find((r) => r.name === "logs")!.protect, false);
    });

    it("captures implicit dependencies from Outputs and explicit dependsOn", async () => {
        const plan = await runStack({ project: "p", stack: "s", preview: false, config: {}, program });
        const sse = plan.resources.find((r) => r.name === "logs-sse")!;
        const key = plan.resources.find((r) => r.name === "key")!;
        const bucket = plan.resources.find((r) => r.name === "logs")!;
        assert.deepEqual(sse.dependencies, [key.urn, bucket.urn].sort());
        assert.deepEqual(sse.propertyDependencies.bucket, [bucket.urn]);
    });

    it("answers with realistic ARNs in the provider's account and region", async () => {
        const plan = await runStack({ project: "p", stack: "s", preview: false, config: {}, program });
        assert.match(String(plan.outputs.keyArn), /^arn:aws:kms:eu-west-1:222222222222:key\/[0-9a-f-]{36}$/);
        const sse = plan.resources.find((r) => r.name === "logs-sse")!;
        const rule = (sse.inputs.rules as any[])[0];
        assert.equal(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId, plan.outputs.keyArn);
        assert.equal(sse.inputs.bucket, "acme-logs");
    });

    it("masks secrets in inputs", async () => {
        const plan = await runStack({ project: "p", stack: "s", preview: false, config: {}, program });
        assert.equal(plan.resources.find((r) => r.name === "token")!.inputs.value, "[secret]");
    });

    it("leaves computed values unknown (null) in preview, as pulumi preview would", async () => {
        const plan = await runStack({ project: "p", stack: "s", preview: true, config: {}, program });
        const sse = plan.resources.find((r) => r.name === "logs-sse")!;
        assert.equal((sse.inputs.rules as any[])[0].applyServerSideEncryptionByDefault.kmsMasterKeyId, null);
        assert.equal(plan.outputs.keyArn, null);
        assert.equal(plan.outputs.bucketName, "acme-logs");
    });

    it("feeds earlier stacks' outputs to StackReferences", async () => {
        const plan = await runStack({
            project: "p",
            stack: "s2",
            preview: false,
            config: {},
            program: () => {
                const ref = new pulumi.StackReference("acme/p/s1");
                return { got: ref.requireOutput("x") };
            },
            stackOutputs: (name) => (name === "acme/p/s1" ? { x: "from-s1" } : undefined),
        });
        assert.equal(plan.outputs.got, "from-s1");
    });

    it("fails with the program's own error", async () => {
        await assert.rejects(
            runStack({ project: "p", stack: "s", preview: false, config: {}, program: () => { throw new Error("boom in program"); } }),
            /boom in program/,
        );
    });

    it("refuses invokes it has no answer for, naming the function", async () => {
        await assert.rejects(
            runStack({ project: "p", stack: "s", preview: false, config: {}, program: async () => ({ id: (await aws.getCallerIdentity({})).accountId }) }),
            /no answer for the function aws:index\/getCallerIdentity:getCallerIdentity/,
        );
    });
});
