import { strict as assert } from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { runStack } from "../../../infra/engine/run";
import { resourceUrn } from "../../../infra/engine/monitor";

/**
 * URNs as the Pulumi engine generates them (pkg/resource/deploy: a registered resource's qualified
 * type is its parent's whole qualified type, `$`, its own type — except that the root stack's type
 * is left out), so that plan JSON, `check` output and URN-based pack exceptions name resources the
 * way `pulumi preview` and `pulumi stack export` do.
 */
class Outer extends pulumi.ComponentResource {
    constructor(name: string, provider: aws.Provider) {
        super("acme:net:Outer", name);
        new Inner(`${name}-inner`, provider, { parent: this });
        this.registerOutputs({});
    }
}

class Inner extends pulumi.ComponentResource {
    constructor(name: string, provider: aws.Provider, opts: pulumi.ComponentResourceOptions) {
        super("acme:net:Inner", name, {}, opts);
        new aws.sqs.Queue("deep", { name: "deep" }, { parent: this, provider });
        new aws.Provider("inner-acct", { region: "eu-west-1" }, { parent: this });
        this.registerOutputs({});
    }
}

function program() {
    const provider = new aws.Provider("acct", { region: "eu-west-1", allowedAccountIds: ["222222222222"] });
    const bucket = new aws.s3.Bucket("logs", { bucket: "acme-logs" }, { provider });
    new aws.s3.BucketVersioning("logs-versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, { provider });
    new Outer("net", provider);
    return {};
}

describe("offline engine: URNs as the Pulumi engine generates them", () => {
    const P = "urn:pulumi:dev::shop::";
    let plan: Awaited<ReturnType<typeof runStack>>;
    before(async () => {
        plan = await runStack({ project: "shop", stack: "dev", preview: false, config: {}, program });
    });
    const urnOf = (name: string) => {
        const r = plan.resources.find((x) => x.name === name);
        assert.ok(r, `no resource ${name}`);
        return r.urn;
    };

    it("the stack: pulumi:pulumi:Stack named <project>-<stack>", () => {
        assert.equal(plan.resources[0].urn, `${P}pulumi:pulumi:Stack::shop-dev`);
        assert.equal(plan.resources[0].parent, null);
    });

    it("a top-level custom resource: its own type only, the root stack's type left out", () => {
        assert.equal(urnOf("logs"), `${P}aws:s3/bucket:Bucket::logs`);
        assert.equal(plan.resources.find((r) => r.name === "logs")!.parent, `${P}pulumi:pulumi:Stack::shop-dev`);
        // References to it (dependencies, property dependencies) carry the same URN.
        const versioning = plan.resources.find((r) => r.name === "logs-versioning")!;
        assert.deepEqual(versioning.dependencies, [`${P}aws:s3/bucket:Bucket::logs`]);
        assert.deepEqual(versioning.propertyDependencies.bucket, [`${P}aws:s3/bucket:Bucket::logs`]);
    });

    it("a provider: pulumi:providers:aws, and resources refer to it by that URN", () => {
        assert.equal(urnOf("acct"), `${P}pulumi:providers:aws::acct`);
        assert.equal(plan.resources.find((r) => r.name === "logs")!.provider, `${P}pulumi:providers:aws::acct`);
        // A provider inside a component is qualified by the component's types like any other child.
        assert.equal(urnOf("inner-acct"), `${P}acme:net:Outer$acme:net:Inner$pulumi:providers:aws::inner-acct`);
    });

    it("a resource two components deep: the parent's whole qualified type chain", () => {
        assert.equal(urnOf("net"), `${P}acme:net:Outer::net`);
        assert.equal(urnOf("net-inner"), `${P}acme:net:Outer$acme:net:Inner::net-inner`);
        const deep = plan.resources.find((r) => r.name === "deep")!;
        assert.equal(deep.urn, `${P}acme:net:Outer$acme:net:Inner$aws:sqs/queue:Queue::deep`);
        assert.equal(deep.parent, `${P}acme:net:Outer$acme:net:Inner::net-inner`);
        assert.equal(deep.provider, `${P}pulumi:providers:aws::acct`);
    });

    it("a StackReference read by the program: pulumi:pulumi:StackReference under the stack", async () => {
        const urns: string[] = [];
        await runStack({
            project: "shop",
            stack: "dev",
            preview: false,
            config: {},
            stackOutputs: (name) => (name === "acme/shop/base" ? { x: 1 } : undefined),
            program: () => {
                const ref = new pulumi.StackReference("acme/shop/base");
                ref.urn.apply((u) => urns.push(u));
                return { x: ref.getOutput("x") };
            },
        });
        assert.deepEqual(urns, [`${P}pulumi:pulumi:StackReference::acme/shop/base`]);
    });

    it("resourceUrn: names may contain '::'; the parent's qualified type is its URN's third field", () => {
        assert.equal(resourceUrn("s", "p", "", "pulumi:pulumi:Stack", "p-s"), "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s");
        assert.equal(resourceUrn("s", "p", "urn:pulumi:s::p::a:b:C::x::y", "aws:sns/topic:Topic", "t::1"), "urn:pulumi:s::p::a:b:C$aws:sns/topic:Topic::t::1");
    });
});
