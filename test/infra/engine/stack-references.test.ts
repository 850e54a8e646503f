import { strict as assert } from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { runStack, StackRunError, type StackPlan } from "../../../infra/engine/run";
import { SIG_KEY, SIG_SECRET, UNKNOWN } from "../../../infra/engine/wire";

/** The earlier stack: one output computed from config (known in a preview), one the provider computes (unknown), one secret. */
function producer() {
    const key = new aws.kms.Key("key", { description: "archive" });
    const bucket = new aws.s3.Bucket("archive", { bucket: "acme-archive" });
    return {
        bucketName: bucket.bucket,
        keyArn: key.arn,
        token: pulumi.secret("s3cr3t"),
        prefixes: { trail: "cloudtrail", flow: "vpc-flow-logs" },
    };
}

async function plan(preview: boolean): Promise<StackPlan> {
    return runStack({ project: "p", stack: "archive", preview, config: {}, program: producer });
}

/** Runs `program` as a later stack whose StackReference `acme/p/archive` reads `earlier`'s outputs. */
function later(earlier: StackPlan, program: () => unknown): Promise<StackPlan> {
    return runStack({
        project: "p",
        stack: "member",
        preview: earlier.preview,
        config: {},
        program,
        stackOutputs: (name) => (name === "acme/p/archive" ? earlier.outputValues : undefined),
    });
}

/** A consumer that puts every output of the reference into a resource input. */
function consumer() {
    const ref = new pulumi.StackReference("acme/p/archive");
    new aws.cfg.DeliveryChannel("delivery", {
        s3BucketName: ref.requireOutput("bucketName") as pulumi.Output<string>,
        s3KmsKeyArn: ref.requireOutput("keyArn") as pulumi.Output<string>,
        s3KeyPrefix: ref.getOutput("prefixes").apply((p: { trail: string }) => p.trail),
    });
    // displayName is not secret by itself (unlike an SSM parameter's value): only the reference makes it so.
    new aws.sns.Topic("token", { displayName: ref.requireOutput("token") as pulumi.Output<string> });
    return { bucketName: ref.requireOutput("bucketName"), keyArn: ref.getOutput("keyArn") };
}

describe("offline engine: StackReferences to stacks planned earlier in the same run", () => {
    it("in a preview, an output the earlier preview left unknown reaches the program unknown; known ones stay known", async () => {
        const archive = await plan(true);
        assert.equal(archive.outputs.keyArn, null, "the key ARN is computed by the provider: unknown in a preview");
        const member = await later(archive, consumer);
        const delivery = member.resources.find((r) => r.name === "delivery")!;
        assert.equal(delivery.wireInputs.s3BucketName, "acme-archive");
        assert.equal(delivery.wireInputs.s3KmsKeyArn, UNKNOWN);
        assert.equal(delivery.wireInputs.s3KeyPrefix, "cloudtrail", "apply runs on a known output of the reference");
        assert.equal(member.outputs.bucketName, "acme-archive");
        assert.equal(member.outputs.keyArn, null);
    });

    it("in an update, every output is known", async () => {
        const archive = await plan(false);
        const member = await later(archive, consumer);
        const delivery = member.resources.find((r) => r.name === "delivery")!;
        assert.equal(delivery.wireInputs.s3BucketName, "acme-archive");
        assert.match(String(delivery.wireInputs.s3KmsKeyArn), /^arn:aws:kms:us-east-1:123456789012:key\//);
        assert.equal(delivery.wireInputs.s3KeyPrefix, "cloudtrail");
        assert.equal(member.outputs.keyArn, archive.outputs.keyArn);
    });

    for (const preview of [false, true]) {
        it(`keeps a secret output secret, and only that one (${preview ? "preview" : "update"})`, async () => {
            const member = await later(await plan(preview), consumer);
            const token = member.resources.find((r) => r.name === "token")!;
            assert.deepEqual(token.wireInputs.displayName, { [SIG_KEY]: SIG_SECRET, value: "s3cr3t" });
            assert.equal(token.inputs.displayName, "[secret]");
            assert.equal(member.resources.find((r) => r.name === "delivery")!.inputs.s3BucketName, "acme-archive");
        });

        it(`requireOutput of an output the stack does not export fails clearly (${preview ? "preview" : "update"})`, async () => {
            const archive = await plan(preview);
            await assert.rejects(
                later(archive, () => {
                    const ref = new pulumi.StackReference("acme/p/archive");
                    new aws.s3.Bucket("b", { bucket: ref.requireOutput("configBucketName") as pulumi.Output<string> });
                    return {};
                }),
                (e: unknown) => {
                    assert.ok(e instanceof StackRunError);
                    assert.match(e.message, /^stack member: resource "b" \[aws:s3\/bucket:Bucket\]: error serializing property "bucket": Required output 'configBucketName' does not exist on stack 'acme\/p\/archive'\.$/);
                    return true;
                },
            );
        });

        it(`getOutput of an output the stack does not export is undefined, not an error (${preview ? "preview" : "update"})`, async () => {
            const member = await later(await plan(preview), () => {
                const ref = new pulumi.StackReference("acme/p/archive");
                return { missing: ref.getOutput("nothing").apply((v) => (v === undefined ? "absent" : "present")) };
            });
            assert.equal(member.outputs.missing, "absent");
        });
    }

    it("requireOutputValue reads a known output of a preview", async () => {
        const member = await later(await plan(true), async () => {
            const ref = new pulumi.StackReference("acme/p/archive");
            return { name: await ref.requireOutputValue("bucketName") };
        });
        assert.equal(member.outputs.name, "acme-archive");
    });
});
