import { strict as assert } from "assert";
import { stackDeployTime, DEFAULT_PARALLEL } from "../../../infra/estimate/deploy-time";
import { workflowTime, JOB_SETUP_SECONDS, PREVIEW_SECONDS, PREVIEW_SECONDS_PER_RESOURCE } from "../../../infra/estimate/workflow-time";
import type { EstimatedResource } from "../../../infra/estimate/estimated-resource";

const urn = (name: string) => `urn:pulumi:s::lz::t::${name}`;
function r(name: string, type: string, deps: string[] = [], o: { parent?: string; custom?: boolean; importId?: string } = {}): EstimatedResource {
    return { urn: urn(name), type, name, parent: o.parent ? urn(o.parent) : null, dependencies: deps.map(urn), inputs: {}, custom: o.custom ?? true, importId: o.importId ?? null };
}

// Create latencies of the documented table: bucket 4 s, Firehose stream 60 s, key 10 s, role 5 s.
const BUCKET = "aws:s3/bucket:Bucket";
const STREAM = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream";
const KEY = "aws:kms/key:Key";
const ROLE = "aws:iam/role:Role";

describe("stackDeployTime", () => {
    it("follows the longest dependency chain: bucket (4 s) → stream (60 s) beats a lone key (10 s)", () => {
        const t = stackDeployTime([r("bucket", BUCKET), r("stream", STREAM, ["bucket"]), r("key", KEY)]);
        assert.equal(t.criticalPathSeconds, 64);
        assert.deepEqual(t.criticalPath, ["bucket", "stream"]);
        assert.equal(t.seconds, 64);
    });

    it("runs one operation at a time with --parallel 1: 4 + 60 + 10 s", () => {
        assert.equal(stackDeployTime([r("bucket", BUCKET), r("stream", STREAM, ["bucket"]), r("key", KEY)], 1).seconds, 74);
    });

    it("queues independent resources beyond the parallel slots: 10 roles of 5 s on 4 slots take 15 s", () => {
        const roles = Array.from({ length: 10 }, (_, i) => r(`role${i}`, ROLE));
        assert.equal(stackDeployTime(roles, 4).seconds, 15);
        assert.equal(stackDeployTime(roles, 10).seconds, 5);
    });

    it("makes a resource that depends on a component wait for everything under it", () => {
        const t = stackDeployTime([
            r("component", "lz:test:Thing", [], { custom: false }),
            r("inner-stream", STREAM, [], { parent: "component" }),
            r("after", ROLE, ["component"]),
        ]);
        assert.equal(t.seconds, 65);
        assert.deepEqual(t.criticalPath, ["inner-stream", "after"]);
    });

    it("reads an adopted resource (import) in a second instead of creating it", () => {
        assert.equal(stackDeployTime([r("org", "aws:organizations/account:Account", [], { importId: "111111111111" })]).seconds, 1);
        assert.equal(stackDeployTime([r("org", "aws:organizations/account:Account")]).seconds, 300);
    });

    it("uses Pulumi's default parallelism on a 2-core GitHub runner: 4 × 2 operations at once", () => {
        assert.equal(stackDeployTime([]).parallel, 8);
        assert.equal(DEFAULT_PARALLEL, 8);
    });
});

describe("workflowTime", () => {
    const job = (stack: string, role: "management" | "log-archive" | "security" | "member", createSeconds: number) => ({ stack, role, resources: 100, createSeconds });
    const overhead = JOB_SETUP_SECONDS + PREVIEW_SECONDS + PREVIEW_SECONDS_PER_RESOURCE * 100;

    it("adds the stages in order and runs member stacks side by side", () => {
        const w = workflowTime([job("management", "management", 10), job("log-archive", "log-archive", 20), job("security", "security", 30), job("m1", "member", 40), job("m2", "member", 50)], { concurrency: 20 });
        assert.deepEqual(w.phases.map((p) => p.name), ["npm test", "management", "log-archive", "security", "members"]);
        const members = w.phases.find((p) => p.name === "members")!;
        assert.equal(members.firstDeploySeconds, overhead + 50);
        assert.equal(w.firstDeploySeconds, w.phases.reduce((n, p) => n + p.firstDeploySeconds, 0));
    });

    it("runs at most `concurrency` member jobs at once: 4 equal jobs on 2 runners take two rounds", () => {
        const w = workflowTime([1, 2, 3, 4].map((i) => job(`m${i}`, "member", 100)), { concurrency: 2 });
        assert.equal(w.phases.find((p) => p.name === "members")!.firstDeploySeconds, 2 * (overhead + 100));
    });
});
