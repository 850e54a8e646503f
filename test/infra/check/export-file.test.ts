import { strict as assert } from "assert";
import { ExportError, exportResources, SECRET_SIG, SECRET_VALUE } from "../../../infra/check/export-file";
import { encryptSecrets } from "../../../infra/check/export-from-plan";

const STACK = "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod";
const PROVIDER = "urn:pulumi:prod::shop::pulumi:providers:aws::default";

function doc(resources: unknown[]): unknown {
    return { version: 3, deployment: { manifest: {}, resources } };
}

describe("stack export reading", () => {
    it("names the stack from the root URN and keeps parents, providers (urn::id), dependencies and property dependencies", () => {
        const bucket = "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::data";
        const s = exportResources(
            doc([
                { urn: STACK, custom: false, type: "pulumi:pulumi:Stack" },
                { urn: `${bucket}-logging`, custom: true, type: "aws:s3/bucketLogging:BucketLogging", inputs: { bucket: "data-1" }, parent: STACK, provider: `${PROVIDER}::abc-123`, dependencies: [bucket], propertyDependencies: { bucket: [bucket] }, protect: true },
            ]),
            "prod.json",
        );
        assert.equal(s.stack, "prod");
        const r = s.resources[1];
        assert.equal(r.name, "data-logging");
        assert.equal(r.provider, `${PROVIDER}::abc-123`);
        assert.deepEqual(r.propertyDependencies, { bucket: [bucket] });
        assert.equal(r.protect, true);
        assert.equal(s.resources[0].custom, false);
    });

    it("keeps an encrypted secret secret without its ciphertext, and a plaintext secret's value", () => {
        const s = exportResources(
            doc([
                { urn: `${STACK}x`, type: "aws:cloudwatch/logGroup:LogGroup", inputs: { kmsKeyId: { [SECRET_SIG]: SECRET_VALUE, ciphertext: "v1:abc" }, name: { [SECRET_SIG]: SECRET_VALUE, plaintext: '"grp"' } } },
            ]),
            "f.json",
        );
        assert.deepEqual(s.resources[0].props, {
            kmsKeyId: { [SECRET_SIG]: SECRET_VALUE, value: "[secret]" },
            name: { [SECRET_SIG]: SECRET_VALUE, value: "grp" },
        });
    });

    it("skips entries without a urn, with non-object inputs, or duplicated, with a warning naming each; evaluates unknown types", () => {
        const widget = "urn:pulumi:prod::shop::acme:x/widget:Widget::w";
        const s = exportResources(doc([{ type: "aws:s3/bucket:Bucket" }, { urn: widget, type: "acme:x/widget:Widget", inputs: [] }, { urn: widget, inputs: {} }, { urn: widget, inputs: {} }]), "f.json");
        assert.deepEqual(s.warnings, ["f.json: resource #0 has no valid urn; skipped", `f.json: ${widget} has inputs that are not an object; skipped`, `f.json: ${widget} appears twice; the first entry is used`]);
        assert.deepEqual(s.resources.map((r) => r.type), ["acme:x/widget:Widget"]);
    });

    it("rejects a document that is not a version-3 export with a one-line error", () => {
        assert.throws(() => exportResources({ deployment: {} }, "a.json"), (e: Error) => e instanceof ExportError && /a\.json: not a stack export/.test(e.message) && !e.message.includes("\n"));
        assert.throws(() => exportResources({ version: 2, deployment: {} }, "b.json"), /deployment version 2 is not supported/);
        assert.throws(() => exportResources({ version: 3, deployment: { resources: {} } }, "c.json"), /resources is not a list/);
    });

    it("encrypts plan secrets into ciphertext-only secrets when building fixtures", () => {
        const out = encryptSecrets({ a: [{ [SECRET_SIG]: SECRET_VALUE, value: "pw" }] }) as { a: Record<string, unknown>[] };
        assert.equal(out.a[0][SECRET_SIG], SECRET_VALUE);
        assert.equal(out.a[0].value, undefined);
        assert.match(String(out.a[0].ciphertext), /^v1:/);
    });
});
