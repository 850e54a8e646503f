import * as assert from "assert";
import { ofType, byName, REPO_ROOT } from "../../support/plan";
import { discoverStacks, readProject } from "../../../infra/engine/stacks";
import { planStacks, withPredecessors } from "../../../infra/engine/plan";
import type { StackPlan } from "../../../infra/engine/run";

let cached: Promise<StackPlan> | undefined;
/** The log-archive stack of the reference org, planned with its predecessors only (not every member stack). */
function referenceStack(stack: "log-archive"): Promise<StackPlan> {
    if (!cached) {
        const project = readProject(REPO_ROOT);
        cached = planStacks(project, withPredecessors(discoverStacks(project), [stack]), { preview: false }).then((plans) => plans.find((p) => p.stack === stack)!);
    }
    return cached;
}

const DATA_TYPES = ["aws:s3/bucket:Bucket", "aws:kms/key:Key"];

describe("log-archive stack", function () {
    this.timeout(120_000);
    it("protects and retains on delete every bucket and key", async () => {
        const plan = await referenceStack("log-archive");
        const data = plan.resources.filter((r) => DATA_TYPES.includes(r.type));
        assert.ok(data.length >= 5, `${data.length} buckets and keys`);
        for (const r of data) assert.ok(r.protect && r.retainOnDelete, `${r.name} is not protect + retainOnDelete`);
    });

    it("locks the archive in compliance mode for the organisation's objectLockDays (365)", async () => {
        const plan = await referenceStack("log-archive");
        assert.strictEqual(byName(plan, "archive-bucket").inputs.objectLockEnabled, true);
        assert.deepStrictEqual(byName(plan, "archive-object-lock").inputs.rule, { defaultRetention: { mode: "COMPLIANCE", days: 365 } });
        assert.strictEqual(byName(plan, "archive-bucket").inputs.forceDestroy, false);
    });

    it("encrypts the archive with its own rotating key, bucket key on", async () => {
        const plan = await referenceStack("log-archive");
        const key = byName(plan, "archive-key");
        assert.strictEqual(key.inputs.enableKeyRotation, true);
        assert.strictEqual(key.inputs.deletionWindowInDays, 30);
        const rule = (byName(plan, "archive-encryption").inputs.rules as any[])[0];
        assert.strictEqual(rule.applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
        assert.strictEqual(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId, key.outputs.arn);
        assert.strictEqual(rule.bucketKeyEnabled, true);
    });

    it("tiers to Glacier IR at 90 and Deep Archive at 365 days and expires at archiveDays (2557)", async () => {
        const plan = await referenceStack("log-archive");
        const [rule] = byName(plan, "archive-lifecycle").inputs.rules as any[];
        assert.deepStrictEqual(rule.transitions, [{ days: 90, storageClass: "GLACIER_IR" }, { days: 365, storageClass: "DEEP_ARCHIVE" }]);
        assert.deepStrictEqual(rule.expiration, { days: 2557 });
        assert.deepStrictEqual(rule.noncurrentVersionExpiration, { noncurrentDays: 30 });
    });

    it("blocks public access and disables ACLs on every bucket", async () => {
        const plan = await referenceStack("log-archive");
        const buckets = ofType(plan, "aws:s3/bucket:Bucket").length;
        const blocks = ofType(plan, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        const owners = ofType(plan, "aws:s3/bucketOwnershipControls:BucketOwnershipControls");
        assert.strictEqual(blocks.length, buckets);
        assert.strictEqual(owners.length, buckets);
        for (const b of blocks) for (const k of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.strictEqual(b.inputs[k], true, `${b.name}.${k}`);
        for (const o of owners) assert.deepStrictEqual(o.inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
    });

    it("stages S3 access logs and ELB logs under SSE-S3 and Config under the archive key", async () => {
        const plan = await referenceStack("log-archive");
        const algo = (n: string) => (byName(plan, `staging-${n}-encryption`).inputs.rules as any[])[0].applyServerSideEncryptionByDefault;
        assert.deepStrictEqual(algo("access-logs"), { sseAlgorithm: "AES256" });
        assert.deepStrictEqual(algo("elb"), { sseAlgorithm: "AES256" });
        assert.strictEqual(algo("config").kmsMasterKeyId, byName(plan, "archive-key").outputs.arn);
        for (const n of ["access-logs", "elb", "config"]) assert.notStrictEqual(byName(plan, `staging-${n}-bucket`).inputs.objectLockEnabled, true, n);
    });

    it("replicates every staging bucket into the archive, re-encrypted under the archive key, deletions not replicated", async () => {
        const plan = await referenceStack("log-archive");
        const archiveArn = byName(plan, "archive-bucket").outputs.arn;
        const keyArn = byName(plan, "archive-key").outputs.arn;
        for (const n of ["access-logs", "elb", "config"]) {
            const [rule] = byName(plan, `staging-${n}-replication`).inputs.rules as any[];
            assert.strictEqual(rule.status, "Enabled");
            assert.strictEqual(rule.destination.bucket, archiveArn, n);
            assert.strictEqual(rule.destination.encryptionConfiguration.replicaKmsKeyId, keyArn, n);
            assert.deepStrictEqual(rule.deleteMarkerReplication, { status: "Disabled" });
        }
    });

    it("logs access to the archive and to the staging buckets into the access-log bucket, which does not log into itself", async () => {
        const plan = await referenceStack("log-archive");
        const target = byName(plan, "staging-access-logs-bucket").inputs.bucket;
        for (const n of ["archive-logging", "staging-elb-logging", "staging-config-logging"]) assert.strictEqual(byName(plan, n).inputs.targetBucket, target, n);
        assert.strictEqual(plan.resources.filter((r) => r.name === "staging-access-logs-logging").length, 0);
    });

    it("sends new-object events of the archive to EventBridge", async () => {
        const plan = await referenceStack("log-archive");
        assert.strictEqual(byName(plan, "archive-notifications").inputs.eventbridge, true);
    });

    it("exports the bucket and key names other stacks use, Config's bucket being the staging bucket", async () => {
        const plan = await referenceStack("log-archive");
        const o = plan.outputs as Record<string, unknown>;
        assert.strictEqual(o.archiveBucketName, "acme-lz-archive-222222222222-us-east-1");
        assert.strictEqual(o.archiveBucketArn, byName(plan, "archive-bucket").outputs.arn);
        assert.strictEqual(o.archiveKeyArn, byName(plan, "archive-key").outputs.arn);
        assert.strictEqual(o.configBucketName, "acme-lz-staging-config-222222222222-us-east-1");
        assert.strictEqual(o.configKeyArn, o.archiveKeyArn);
        assert.strictEqual(o.accessLogBucketName, "acme-lz-staging-access-logs-222222222222-us-east-1");
        assert.strictEqual(o.elbLogBucketName, "acme-lz-staging-elb-222222222222-us-east-1");
    });

    it("sends the bucket policy built by archiveBucketPolicy, naming the management-owned trail", async () => {
        const plan = await referenceStack("log-archive");
        const doc = JSON.parse(byName(plan, "archive-policy").inputs.policy as string);
        const trail = doc.Statement.find((s: any) => s.Sid === "CloudTrailWritesOrganizationTrail");
        assert.strictEqual(trail.Condition.StringEquals["aws:SourceArn"], "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-lz-org-trail");
    });

    it("has one destination per enabled region, exported by region, each open to this organisation only", async () => {
        const plan = await referenceStack("log-archive");
        const regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];
        const out = (plan.outputs as any).logDestinationArns as Record<string, string>;
        assert.deepStrictEqual(Object.keys(out).sort(), [...regions].sort());
        for (const r of regions) {
            const dest = byName(plan, `central-logs-${r}-destination`);
            assert.strictEqual(dest.inputs.region, r);
            assert.strictEqual(out[r], dest.outputs.arn);
            const policy = JSON.parse(byName(plan, `central-logs-${r}-destination-policy`).inputs.accessPolicy as string);
            assert.deepStrictEqual(policy.Statement[0].Condition, { StringEquals: { "aws:PrincipalOrgID": "o-exampleorg1" } });
            assert.strictEqual(policy.Statement[0].Resource, dest.outputs.arn);
        }
    });

    it("delivers every region's stream into the archive under cloudwatch-logs/, partitioned by region and date, under the archive key", async () => {
        const plan = await referenceStack("log-archive");
        const streams = ofType(plan, "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream");
        assert.strictEqual(streams.length, 4);
        for (const s of streams) {
            const c = s.inputs.extendedS3Configuration as any;
            assert.strictEqual(c.bucketArn, byName(plan, "archive-bucket").outputs.arn);
            assert.strictEqual(c.kmsKeyArn, byName(plan, "archive-key").outputs.arn);
            assert.strictEqual(c.prefix, `cloudwatch-logs/region=${s.inputs.region}/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/`);
        }
    });

    it("queues new-object events of the archive in an SSE-encrypted queue, exported as notificationQueueArn", async () => {
        const plan = await referenceStack("log-archive");
        const queue = byName(plan, "archive-objects-queue");
        assert.strictEqual(queue.inputs.sqsManagedSseEnabled, true);
        assert.strictEqual((plan.outputs as any).notificationQueueArn, queue.outputs.arn);
        const pattern = JSON.parse(byName(plan, "archive-objects-rule").inputs.eventPattern as string);
        assert.deepStrictEqual(pattern, { source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: ["acme-lz-archive-222222222222-us-east-1"] } } });
        assert.strictEqual(byName(plan, "archive-objects-target").inputs.arn, queue.outputs.arn);
    });
});
