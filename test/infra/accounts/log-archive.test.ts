import * as assert from "assert";
import { ofType, byName, planGenerated, policyOf, referenceOrg, REPO_ROOT, withMembers } from "../../support/plan";
import { decide, decideAs, ALLOW_ALL } from "../../support/iam";
import { configProblems } from "../../support/errors";
import { discoverStacks, readProject } from "../../../infra/engine/stacks";
import { planStacks, withPredecessors } from "../../../infra/engine/plan";
import type { StackPlan } from "../../../infra/engine/run";
import type { PlannedResource } from "../../../infra/engine/monitor";
import { parseOrg } from "../../../infra/config/org";
import { parseStack } from "../../../infra/config/stack";
import { REGIONS } from "../../../infra/config/regions";
import { SAVED_QUERIES } from "../../../infra/components/log-archive/saved-queries";
import { PARTITION_KEYS } from "../../../infra/components/log-archive/log-tables";
import { columnProblems } from "../components/log-archive/sql-columns";
import { firehoseKey, partitionsOf } from "../components/log-archive/key-partitions";
import { logsRecord, partitionKeys, recordPrefix } from "../../support/firehose";
import { evaluatePack } from "../../../policy-pack/harness/evaluate";
import { fromPlan } from "../../policy-pack/support";
import { nonEmpty } from "../../support/non-empty";

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

    it("tiers to Glacier IR at 90 and Deep Archive at 365 days, expires at archiveDays (2557) and keeps a replaced version as long", async () => {
        const plan = await referenceStack("log-archive");
        const [rule] = byName(plan, "archive-lifecycle").inputs.rules as any[];
        assert.deepStrictEqual(rule.transitions, [{ days: 90, storageClass: "GLACIER_IR" }, { days: 365, storageClass: "DEEP_ARCHIVE" }]);
        assert.deepStrictEqual(rule.expiration, { days: 2557 });
        // An original written over must outlive its forgery: noncurrent versions stay for the whole retention.
        assert.deepStrictEqual(rule.noncurrentVersionExpiration, { noncurrentDays: 2557 });
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

    it("delivers every region's stream into the archive under cloudwatch-logs/, partitioned by account, region and date, under the archive key", async () => {
        const plan = await referenceStack("log-archive");
        const streams = ofType(plan, "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream");
        assert.strictEqual(streams.length, 4);
        const arrival = new Date("2026-12-03T09:58:00Z");
        for (const s of streams) {
            const c = s.inputs.extendedS3Configuration as any;
            const region = s.inputs.region as string;
            assert.strictEqual(c.bucketArn, byName(plan, "archive-bucket").outputs.arn);
            assert.strictEqual(c.kmsKeyArn, byName(plan, "archive-key").outputs.arn);
            // The stream's own JQ query, run by jq, sorts a workload's record under cloudwatch-logs/ and the log canary's beside it.
            assert.strictEqual(await recordPrefix(c, logsRecord("444444444444", "/aws/lambda/orders", "START RequestId: 1"), arrival), `cloudwatch-logs/account=444444444444/region=${region}/2026/12/03/`);
            assert.strictEqual(await recordPrefix(c, logsRecord("444444444444", "/acme-lz/log-canary", "{}"), arrival), `cloudwatch-logs-canary/account=444444444444/region=${region}/2026/12/03/`);
            // A group whose name only starts like the canary's is an ordinary group.
            assert.strictEqual(await recordPrefix(c, logsRecord("555555555555", "/acme-lz/log-canary-old", "x"), arrival), `cloudwatch-logs/account=555555555555/region=${region}/2026/12/03/`);
            assert.strictEqual(c.errorOutputPrefix, `cloudwatch-logs-errors/region=${region}/!{firehose:error-output-type}/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/`);
            assert.deepStrictEqual(c.dynamicPartitioningConfiguration, { enabled: true, retryDuration: 300 });
            assert.ok(c.bufferingSize >= 64, "dynamic partitioning needs a 64 MiB buffer");
            assert.strictEqual(c.compressionFormat, "GZIP");
            assert.strictEqual(s.inputs.name, `acme-lz-central-logs-${region}`);
        }
    });

    it("decompresses CloudWatch Logs records, takes the account partition from their owner with JQ and keeps the envelope, one per line", async () => {
        const plan = await referenceStack("log-archive");
        for (const s of ofType(plan, "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream")) {
            const c = s.inputs.extendedS3Configuration as any;
            const p = c.processingConfiguration;
            assert.strictEqual(p.enabled, true);
            assert.deepStrictEqual(
                p.processors.map((x: any) => [x.type, Object.fromEntries(x.parameters.filter((y: any) => y.parameterName !== "MetadataExtractionQuery").map((y: any) => [y.parameterName, y.parameterValue]))]),
                [
                    ["Decompression", { CompressionFormat: "GZIP" }],
                    ["MetadataExtraction", { JsonParsingEngine: "JQ-1.6" }],
                    ["AppendDelimiterToRecord", { Delimiter: "\\n" }],
                ],
            );
            // The query keeps the envelope whole: it only reads the partition keys out of it.
            assert.deepStrictEqual(await partitionKeys(c, logsRecord("555555555555", "/ecs/web", "GET / 200")), { account: "555555555555", area: "cloudwatch-logs" });
        }
    });

    it("creates each stream only after its region's error log group and stream exist, so errors have somewhere to go from the start", async () => {
        const plan = await referenceStack("log-archive");
        for (const s of ofType(plan, "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream")) {
            for (const n of ["group", "stream"]) assert.ok(s.dependencies.includes(byName(plan, `central-logs-errors-${s.inputs.region}-${n}`).urn), `${s.name} → ${n}`);
        }
    });

    it("reports each stream's delivery errors to an encrypted log group of its region under the landing zone's prefix, kept logGroupDays, exported for loop prevention", async () => {
        const plan = await referenceStack("log-archive");
        const o = plan.outputs as Record<string, unknown>;
        assert.deepStrictEqual(o.pipelineLogGroupNames, ["/acme-lz/central-logs/delivery-errors"]);
        for (const s of ofType(plan, "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream")) {
            const region = s.inputs.region as string;
            const group = byName(plan, `central-logs-errors-${region}-group`);
            const key = byName(plan, `central-logs-errors-${region}-key`);
            const stream = byName(plan, `central-logs-errors-${region}-stream`);
            assert.deepStrictEqual((s.inputs.extendedS3Configuration as any).cloudwatchLoggingOptions, { enabled: true, logGroupName: group.inputs.name, logStreamName: stream.inputs.name });
            assert.strictEqual(group.inputs.name, "/acme-lz/central-logs/delivery-errors");
            assert.ok((group.inputs.name as string).startsWith("/acme-lz/"));
            assert.strictEqual(group.inputs.region, region);
            assert.strictEqual(group.inputs.kmsKeyId, key.outputs.arn);
            assert.strictEqual(group.inputs.retentionInDays, 365);
            assert.strictEqual(key.inputs.region, region);
            assert.strictEqual(key.inputs.enableKeyRotation, true);
            const kp = JSON.parse(key.inputs.policy as string).Statement.find((x: any) => x.Sid === "LogsEncryptsPipelineLogGroup");
            assert.deepStrictEqual(kp.Principal, { Service: `logs.${region}.amazonaws.com` });
            assert.deepStrictEqual(kp.Condition, { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:222222222222:log-group:/acme-lz/central-logs/delivery-errors` } });
            for (const r of [group, key]) assert.ok(r.protect && r.retainOnDelete, r.name);
        }
        const perms = JSON.parse(byName(plan, "central-logs-firehose-delivery").inputs.policy as string).Statement.find((x: any) => x.Sid === "ReportDeliveryErrors");
        assert.deepStrictEqual(
            perms.Resource,
            ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"].map((r) => `arn:aws:logs:${r}:222222222222:log-group:/acme-lz/central-logs/delivery-errors:log-stream:S3Delivery`),
        );
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

const ORG = "o-exampleorg1";
const ACCOUNT_IDS = ["111111111111", "222222222222", "333333333333", "444444444444", "555555555555"];
const ENABLED = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];
const INVESTIGATOR = "arn:aws:iam::333333333333:role/SecurityInvestigator";
const TLS_IN_ORG = { "aws:SecureTransport": "true", "aws:PrincipalOrgID": ORG, "aws:PrincipalIsAWSService": "false" };
const tables = (plan: StackPlan) => ofType(plan, "aws:glue/catalogTable:CatalogTable");
const table = (plan: StackPlan, name: string) => tables(plan).find((t) => t.inputs.name === name)!;
/** A key of a projected table: its storage template with one account, region and day filled in. */
const keyOf = (t: PlannedResource, account: string, region: string, file: string) => {
    const template = (t.inputs.parameters as Record<string, string>)["storage.location.template"];
    return `${template.replace("${account}", account).replace("${region}", region).replace("${day}", "2026/11/22")}/${file}`.replace(/^s3:\/\/[^/]+\//, "");
};

describe("log-archive stack: query layer", function () {
    this.timeout(120_000);

    it("enforces the workgroup's settings: results in the results bucket under SSE-KMS, CloudWatch metrics, a 10 GiB per-query scan limit", async () => {
        const plan = await referenceStack("log-archive");
        const wg = byName(plan, "log-query-workgroup").inputs as any;
        assert.strictEqual(wg.name, "acme-lz-log-queries");
        assert.strictEqual(wg.state, "ENABLED");
        assert.strictEqual(wg.configuration.enforceWorkgroupConfiguration, true);
        assert.strictEqual(wg.configuration.publishCloudwatchMetricsEnabled, true);
        assert.strictEqual(wg.configuration.bytesScannedCutoffPerQuery, 10 * 1024 ** 3);
        assert.deepStrictEqual(wg.configuration.resultConfiguration, {
            outputLocation: "s3://acme-lz-query-results-222222222222-us-east-1/results/",
            encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: byName(plan, "query-results-key").outputs.arn },
            expectedBucketOwner: "222222222222",
        });
    });

    it("keeps results in a bucket of their own: SSE-KMS under a rotating key, no public access, ACLs off, expired after 30 days, access-logged, protected", async () => {
        const plan = await referenceStack("log-archive");
        const key = byName(plan, "query-results-key");
        assert.strictEqual(key.inputs.enableKeyRotation, true);
        const [rule] = byName(plan, "query-results-encryption").inputs.rules as any[];
        assert.deepStrictEqual(rule, { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs.arn }, bucketKeyEnabled: true });
        const block = byName(plan, "query-results-public-access").inputs;
        for (const k of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.strictEqual(block[k], true, k);
        assert.deepStrictEqual(byName(plan, "query-results-ownership").inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
        const [life] = byName(plan, "query-results-lifecycle").inputs.rules as any[];
        assert.deepStrictEqual(life.expiration, { days: 30 });
        assert.strictEqual(byName(plan, "query-results-logging").inputs.targetBucket, byName(plan, "staging-access-logs-bucket").inputs.bucket);
        for (const n of ["query-results-bucket", "query-results-key"]) assert.ok(byName(plan, n).protect && byName(plan, n).retainOnDelete, n);
        assert.strictEqual(byName(plan, "query-results-bucket").inputs.forceDestroy, false);
    });

    it("lets the investigator read results and decrypt them with the results key, and no other role of the security account", async () => {
        const plan = await referenceStack("log-archive");
        const bucket = byName(plan, "query-results-bucket").outputs.arn as string;
        const ask = (principal: string, action: string, resource: string, resourcePolicy: unknown, context: Record<string, string>) =>
            decideAs({ principal, action, resource, resourceAccount: "222222222222", context, resourcePolicy });
        const bucketPolicy = policyOf(byName(plan, "query-results-policy"));
        const keyPolicy = policyOf(byName(plan, "query-results-key"));
        const keyArn = byName(plan, "query-results-key").outputs.arn as string;
        assert.strictEqual(await ask(INVESTIGATOR, "s3:GetObject", `${bucket}/results/q.csv`, bucketPolicy, TLS_IN_ORG), "Allowed");
        assert.strictEqual(await ask(INVESTIGATOR, "s3:ListBucket", bucket, bucketPolicy, TLS_IN_ORG), "Allowed");
        assert.strictEqual(await ask(INVESTIGATOR, "kms:Decrypt", keyArn, keyPolicy, { "kms:CallerAccount": "333333333333" }), "Allowed");
        assert.strictEqual(await ask("arn:aws:iam::333333333333:role/Developer", "s3:GetObject", `${bucket}/results/q.csv`, bucketPolicy, TLS_IN_ORG), "ImplicitlyDenied");
        assert.strictEqual(await ask("arn:aws:iam::333333333333:role/Developer", "kms:Decrypt", keyArn, keyPolicy, { "kms:CallerAccount": "333333333333" }), "ImplicitlyDenied");
    });

    it("projects every table over every account of the organisation, every enabled region and the archive's retention in days", async () => {
        const plan = await referenceStack("log-archive");
        assert.deepStrictEqual(tables(plan).map((t) => t.inputs.name).sort(), ["alb_access_logs", "cloudtrail", "cloudwatch_logs", "vpc_flow_logs"]);
        for (const t of tables(plan)) {
            const p = t.inputs.parameters as Record<string, string>;
            assert.strictEqual(p["projection.enabled"], "true", t.name);
            assert.deepStrictEqual(p["projection.account.values"].split(",").sort(), ACCOUNT_IDS, t.name);
            for (const r of ENABLED) assert.ok(p["projection.region.values"].split(",").includes(r), `${t.name} misses ${r}`);
            assert.strictEqual(p["projection.day.type"], "date");
            assert.strictEqual(p["projection.day.format"], "yyyy/MM/dd");
            assert.strictEqual(p["projection.day.range"], "NOW-2557DAYS,NOW");
            assert.deepStrictEqual(t.inputs.partitionKeys, PARTITION_KEYS.map((name) => ({ name, type: "string" })));
            assert.strictEqual(t.inputs.tableType, "EXTERNAL_TABLE");
            assert.strictEqual(t.inputs.databaseName, "acme_lz_logs");
            // The template lies under the table's location: a query of the location reads the same objects.
            assert.ok(p["storage.location.template"].startsWith((t.inputs.storageDescriptor as any).location), t.name);
        }
    });

    it("projects CloudTrail also over every region active by default, where calls denied by the region guardrail are still logged", async () => {
        const plan = await referenceStack("log-archive");
        const regions = (table(plan, "cloudtrail").inputs.parameters as Record<string, string>)["projection.region.values"].split(",");
        const defaults = Object.entries(REGIONS).filter(([, r]) => r.partition === "aws" && !r.optIn).map(([n]) => n);
        assert.deepStrictEqual([...regions].sort(), [...new Set([...ENABLED, ...defaults])].sort());
        assert.deepStrictEqual((table(plan, "vpc_flow_logs").inputs.parameters as Record<string, string>)["projection.region.values"].split(","), ENABLED);
    });

    it("locates the CloudTrail table exactly where the archive's policy lets the organisation trail write, for every account and region", async () => {
        const plan = await referenceStack("log-archive");
        const policy = policyOf(byName(plan, "archive-policy"));
        const bucket = byName(plan, "archive-bucket").outputs.arn;
        const trail = "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-lz-org-trail";
        for (const account of ACCOUNT_IDS) {
            for (const region of ["us-east-1", "eu-central-1"]) {
                const key = keyOf(table(plan, "cloudtrail"), account, region, `${account}_CloudTrail_${region}_20261122T1015Z_a1b2c3.json.gz`);
                const d = await decide({
                    principal: "cloudtrail.amazonaws.com",
                    action: "s3:PutObject",
                    resource: `${bucket}/${key}`,
                    resourceAccount: "222222222222",
                    context: { "aws:SecureTransport": "true", "aws:PrincipalIsAWSService": "true", "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trail },
                    resourcePolicy: policy,
                });
                assert.strictEqual(d, "Allowed", key);
            }
        }
        assert.strictEqual(keyOf(table(plan, "cloudtrail"), "444444444444", "us-east-1", "f"), `AWSLogs/${ORG}/444444444444/CloudTrail/us-east-1/2026/11/22/f`);
    });

    it("locates the flow-log table where the archive's policy lets flow-log delivery of the organisation write", async () => {
        const plan = await referenceStack("log-archive");
        const key = keyOf(table(plan, "vpc_flow_logs"), "555555555555", "eu-west-1", "555555555555_vpcflowlogs_eu-west-1_fl-0a1b2c3d_20261122T1015Z_a1b2c3.log.gz");
        const d = await decide({
            principal: "delivery.logs.amazonaws.com",
            action: "s3:PutObject",
            resource: `${byName(plan, "archive-bucket").outputs.arn}/${key}`,
            resourceAccount: "222222222222",
            context: { "aws:SecureTransport": "true", "aws:PrincipalIsAWSService": "true", "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "555555555555" },
            resourcePolicy: policyOf(byName(plan, "archive-policy")),
        });
        assert.strictEqual(d, "Allowed", key);
    });

    it("locates the ALB table where the region's ELB account may write into that region's staging bucket, whose replication keeps keys into the archive", async () => {
        const plan = await referenceStack("log-archive");
        const key = keyOf(table(plan, "alb_access_logs"), "444444444444", "us-west-2", "444444444444_elasticloadbalancing_us-west-2_app.prod-web.5f1c2a9b8d7e6f10_20261122T1015Z_198.51.100.23_a1b2c3.log.gz");
        const staging = byName(plan, "staging-elb-us-west-2-bucket").outputs.arn;
        const elbAccount = "arn:aws:iam::797873946194:root";
        const d = await decide({
            principal: elbAccount,
            action: "s3:PutObject",
            resource: `${staging}/${key}`,
            resourceAccount: "222222222222",
            context: { "aws:SecureTransport": "true" },
            identityPolicies: [ALLOW_ALL],
            resourcePolicy: policyOf(byName(plan, "staging-elb-us-west-2-policy")),
        });
        assert.strictEqual(d, "Allowed", key);
        const [rule] = byName(plan, "staging-elb-us-west-2-replication").inputs.rules as any[];
        assert.deepStrictEqual(rule.filter, { prefix: "" });
        assert.strictEqual(rule.destination.bucket, byName(plan, "archive-bucket").outputs.arn);
        assert.strictEqual((table(plan, "alb_access_logs").inputs.storageDescriptor as any).location, "s3://acme-lz-archive-222222222222-us-east-1/AWSLogs/");
    });

    it("locates the CloudWatch Logs table where every region's stream writes: a written key reads back as its account, region and day, all projected", async () => {
        const plan = await referenceStack("log-archive");
        const t = table(plan, "cloudwatch_logs");
        const p = t.inputs.parameters as Record<string, string>;
        const bucket = "acme-lz-archive-222222222222-us-east-1";
        assert.strictEqual(p["storage.location.template"], `s3://${bucket}/cloudwatch-logs/account=\${account}/region=\${region}/\${day}`);
        assert.strictEqual((t.inputs.storageDescriptor as any).location, `s3://${bucket}/cloudwatch-logs/`);
        assert.deepStrictEqual(p["projection.region.values"].split(","), ENABLED);
        const template = { keyTemplate: p["storage.location.template"].replace(`s3://${bucket}/`, "") };
        const streams = ofType(plan, "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream");
        assert.strictEqual(streams.length, ENABLED.length);
        for (const s of streams) {
            const c = s.inputs.extendedS3Configuration as any;
            assert.strictEqual(c.bucketArn, `arn:aws:s3:::${bucket}`);
            for (const account of ACCOUNT_IDS) {
                const region = s.inputs.region as string;
                assert.deepStrictEqual(partitionsOf(template, firehoseKey(c.prefix, account, "2026", "11", "22")), { account, region, day: "2026/11/22" }, s.name);
                assert.ok(p["projection.account.values"].split(",").includes(account) && p["projection.region.values"].split(",").includes(region), `${account} ${region} not projected`);
            }
        }
        // The query role reads those objects through Athena.
        const perms = policyOf(byName(plan, "log-query-permissions"));
        const role = byName(plan, "log-query-role").outputs.arn as string;
        const object = `arn:aws:s3:::${bucket}/${firehoseKey((streams[0].inputs.extendedS3Configuration as any).prefix, "444444444444", "2026", "11", "22")}`;
        const d = await decideAs({ principal: role, action: "s3:GetObject", resource: object, resourceAccount: "222222222222", context: { ...TLS_IN_ORG, "aws:CalledVia": ["athena.amazonaws.com"] }, identityPolicies: [perms] });
        assert.strictEqual(d, "Allowed", object);
    });

    it("saves every query in the workgroup against the log database, referencing only columns its table declares", async () => {
        const plan = await referenceStack("log-archive");
        const named = ofType(plan, "aws:athena/namedQuery:NamedQuery");
        assert.deepStrictEqual(named.map((q) => q.inputs.name).sort(), SAVED_QUERIES.map((q) => q.title).sort());
        for (const q of named) {
            assert.strictEqual(q.inputs.workgroup, "acme-lz-log-queries");
            assert.strictEqual(q.inputs.database, "acme_lz_logs");
            const sql = q.inputs.query as string;
            const t = tables(plan).find((x) => sql.includes(`FROM "acme_lz_logs"."${x.inputs.name}"`));
            assert.ok(t, `${q.name} reads no planned table`);
            const schema = { qualifiedName: `"acme_lz_logs"."${t.inputs.name}"`, columns: (t.inputs.storageDescriptor as any).columns, partitionKeys: t.inputs.partitionKeys as any[] };
            assert.deepStrictEqual(columnProblems(sql, schema), [], q.name);
        }
    });

    it("lets the investigator assume the query role, which runs queries in the workgroup and reads table data only through Athena", async () => {
        const plan = await referenceStack("log-archive");
        const role = byName(plan, "log-query-role");
        assert.strictEqual(role.inputs.name, "acme-lz-log-query");
        const trust = policyOf(role, "assumeRolePolicy");
        const assume = (p: string) => decideAs({ principal: p, action: "sts:AssumeRole", resource: role.outputs.arn as string, resourceAccount: "222222222222", resourcePolicy: trust });
        assert.strictEqual(await assume(INVESTIGATOR), "Allowed");
        assert.strictEqual(await assume("arn:aws:iam::333333333333:role/Developer"), "ImplicitlyDenied");
        const perms = policyOf(byName(plan, "log-query-permissions"));
        const asRole = (action: string, resource: string, context: Record<string, string | string[]> = {}) =>
            decideAs({ principal: role.outputs.arn as string, action, resource, resourceAccount: "222222222222", context, identityPolicies: [perms] });
        assert.strictEqual(await asRole("athena:StartQueryExecution", byName(plan, "log-query-workgroup").outputs.arn as string), "Allowed");
        const object = `${byName(plan, "archive-bucket").outputs.arn}/${keyOf(table(plan, "cloudtrail"), "444444444444", "us-east-1", "x.json.gz")}`;
        assert.strictEqual(await asRole("s3:GetObject", object, { ...TLS_IN_ORG, "aws:CalledVia": ["athena.amazonaws.com"] }), "Allowed");
        assert.strictEqual(await asRole("s3:GetObject", object, TLS_IN_ORG), "ImplicitlyDenied");
    });

    it("does not grow with the number of accounts: two more accounts only widen the account projection", async () => {
        const o = referenceOrg();
        o.accounts.members.push({ name: "extra-one", id: "666666666666", email: "extra-one@acme.example", ou: "Workloads/Dev" }, { name: "extra-two", id: "777777777777", email: "extra-two@acme.example", ou: "Workloads/Dev" });
        const [bigger] = await planGenerated(o, { management: { "lz:role": "management" }, "log-archive": { "lz:role": "log-archive" } }, ["log-archive"]);
        const plan = await referenceStack("log-archive");
        assert.strictEqual(bigger.resources.length, plan.resources.length);
        assert.deepStrictEqual((table(bigger, "cloudtrail").inputs.parameters as Record<string, string>)["projection.account.values"].split(",").sort(), [...ACCOUNT_IDS, "666666666666", "777777777777"]);
    });

    it("exports the workgroup, database, query role and results bucket and key", async () => {
        const plan = await referenceStack("log-archive");
        const o = plan.outputs as Record<string, unknown>;
        assert.strictEqual(o.queryWorkgroupName, "acme-lz-log-queries");
        assert.strictEqual(o.queryDatabaseName, "acme_lz_logs");
        assert.strictEqual(o.queryRoleArn, byName(plan, "log-query-role").outputs.arn);
        assert.strictEqual(o.queryResultsBucketName, "acme-lz-query-results-222222222222-us-east-1");
        assert.strictEqual(o.queryResultsKeyArn, byName(plan, "query-results-key").outputs.arn);
    });
});

describe("log-archive stack: cross-region replica", function () {
    this.timeout(120_000);
    let replicated: StackPlan;
    before(async () => {
        [replicated] = await planGenerated(
            referenceOrg(),
            {
                management: { "lz:role": "management" },
                "log-archive": { "lz:role": "log-archive", "lz:logArchive": { replicaRegion: "eu-west-1", query: { bytesScannedCutoffPerQuery: 1073741824, resultsExpiryDays: 7 } } },
            },
            ["log-archive"],
        );
    });
    const inReplicaRegion = (names: string[]) => names.map((n) => byName(replicated, n)).filter((r) => r.inputs.region !== "eu-west-1");

    it("builds nothing of the replica when replicaRegion is unset", async () => {
        const plan = await referenceStack("log-archive");
        assert.deepStrictEqual(plan.resources.filter((r) => /replica-|archive-replication/.test(r.name)).map((r) => r.name), []);
        for (const k of ["archiveReplicaBucketName", "archiveReplicaBucketArn", "archiveReplicaKeyArn", "replicaAccessLogBucketName"]) assert.ok(!(k in (plan.outputs as object)), k);
        for (const n of ["access-logs", "elb", "config"]) assert.strictEqual((byName(plan, `staging-${n}-replication`).inputs.rules as any[]).length, 1, n);
    });

    it("creates an Object Lock (compliance) bucket and its own rotating key in the replica region, protected", () => {
        const bucket = byName(replicated, "archive-replica-bucket");
        const key = byName(replicated, "archive-replica-key");
        assert.strictEqual(bucket.inputs.bucket, "acme-lz-archive-222222222222-eu-west-1");
        assert.strictEqual(bucket.inputs.objectLockEnabled, true);
        assert.strictEqual(bucket.inputs.forceDestroy, false);
        assert.strictEqual(key.inputs.enableKeyRotation, true);
        assert.match(key.outputs.arn as string, /^arn:aws:kms:eu-west-1:222222222222:key\//);
        for (const r of [bucket, key]) assert.ok(r.protect && r.retainOnDelete, r.name);
        assert.deepStrictEqual(byName(replicated, "archive-replica-object-lock").inputs.rule, { defaultRetention: { mode: "COMPLIANCE", days: 365 } });
        assert.deepStrictEqual(byName(replicated, "archive-replica-versioning").inputs.versioningConfiguration, { status: "Enabled" });
    });

    it("gives the replica the archive's protections: encryption under its key, public access blocked, ACLs off, the same lifecycle, all in the replica region", () => {
        const names = ["bucket", "key", "versioning", "object-lock", "encryption", "public-access", "ownership", "lifecycle", "policy", "logging"].map((s) => `archive-replica-${s}`);
        assert.deepStrictEqual(inReplicaRegion(names).map((r) => r.name), []);
        const [enc] = byName(replicated, "archive-replica-encryption").inputs.rules as any[];
        assert.deepStrictEqual(enc, { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: byName(replicated, "archive-replica-key").outputs.arn }, bucketKeyEnabled: true });
        for (const k of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.strictEqual(byName(replicated, "archive-replica-public-access").inputs[k], true, k);
        assert.deepStrictEqual(byName(replicated, "archive-replica-ownership").inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
        assert.deepStrictEqual(byName(replicated, "archive-replica-lifecycle").inputs.rules, byName(replicated, "archive-lifecycle").inputs.rules);
        assert.strictEqual(replicated.resources.filter((r) => r.name === "archive-replica-notifications").length, 0);
    });

    it("closes the replica with its own policy: TLS only, no deletion, no direct writes, replicas from the landing zone's roles only, organisation only, investigator reads", () => {
        const doc = policyOf(byName(replicated, "archive-replica-policy"));
        assert.deepStrictEqual(doc.Statement.map((s: any) => s.Sid), [
            "DenyInsecureTransport",
            "DenyObjectDeletion",
            "DenyWritesOtherThanReplication",
            "DenyReplicationButFromLandingZone",
            "DenyConfigurationChanges",
            "DenyOutsideOrganization",
            "InvestigatorReads",
        ]);
        assert.ok(JSON.stringify(doc).includes("arn:aws:s3:::acme-lz-archive-222222222222-eu-west-1/*"));
        assert.ok(!JSON.stringify(doc).includes("cloudtrail.amazonaws.com"), "no service delivers into the replica");
    });

    it("replicates the archive into the replica, re-encrypted under the replica key, SSE-KMS objects included, delete markers not", () => {
        const config = byName(replicated, "archive-replication-config");
        assert.strictEqual(config.inputs.bucket, "acme-lz-archive-222222222222-us-east-1");
        assert.strictEqual(config.inputs.role, byName(replicated, "archive-replication-role").outputs.arn);
        const [rule] = config.inputs.rules as any[];
        assert.strictEqual(rule.status, "Enabled");
        assert.deepStrictEqual(rule.filter, { prefix: "" });
        assert.deepStrictEqual(rule.deleteMarkerReplication, { status: "Disabled" });
        assert.deepStrictEqual(rule.sourceSelectionCriteria, { sseKmsEncryptedObjects: { status: "Enabled" } });
        assert.deepStrictEqual(rule.destination, {
            bucket: byName(replicated, "archive-replica-bucket").outputs.arn,
            encryptionConfiguration: { replicaKmsKeyId: byName(replicated, "archive-replica-key").outputs.arn },
            metrics: { status: "Enabled" },
        });
        assert.strictEqual(byName(replicated, "archive-replication-role").inputs.name, "acme-lz-archive-replication");
    });

    it("grants the planned replication role only reading the archive and writing replicas, each key through S3 in its region", async () => {
        const perms = policyOf(byName(replicated, "archive-replication-permissions"));
        const role = byName(replicated, "archive-replication-role").outputs.arn as string;
        const ask = (action: string, resource: string, context: Record<string, string> = {}) =>
            decideAs({ principal: role, action, resource, resourceAccount: "222222222222", context, identityPolicies: [perms], resourcePolicy: resource.includes(":kms:") ? ALLOW_ALL_KEY : undefined });
        const archive = byName(replicated, "archive-bucket").outputs.arn as string;
        const replica = byName(replicated, "archive-replica-bucket").outputs.arn as string;
        assert.strictEqual(await ask("s3:GetObjectVersionForReplication", `${archive}/AWSLogs/x`), "Allowed");
        assert.strictEqual(await ask("s3:ReplicateObject", `${replica}/AWSLogs/x`), "Allowed");
        assert.strictEqual(await ask("s3:ReplicateDelete", `${replica}/AWSLogs/x`), "ImplicitlyDenied");
        assert.strictEqual(await ask("s3:ReplicateObject", `${archive}/AWSLogs/x`), "ImplicitlyDenied");
        assert.strictEqual(await ask("kms:Decrypt", byName(replicated, "archive-key").outputs.arn as string, { "kms:ViaService": "s3.us-east-1.amazonaws.com" }), "Allowed");
        assert.strictEqual(await ask("kms:GenerateDataKey", byName(replicated, "archive-replica-key").outputs.arn as string, { "kms:ViaService": "s3.eu-west-1.amazonaws.com" }), "Allowed");
        assert.strictEqual(await ask("kms:Decrypt", byName(replicated, "archive-replica-key").outputs.arn as string, { "kms:ViaService": "s3.eu-west-1.amazonaws.com" }), "ImplicitlyDenied");
    });

    it("replicates every staging bucket into the replica as well, since replicas in the archive are not replicated again", () => {
        for (const n of ["access-logs", "elb", "config"]) {
            const rules = byName(replicated, `staging-${n}-replication`).inputs.rules as any[];
            assert.deepStrictEqual(rules.map((r) => [r.id, r.priority]), [[`${n}-to-archive`, 1], [`${n}-to-replica`, 2]], n);
            assert.deepStrictEqual(rules[1].destination, {
                bucket: byName(replicated, "archive-replica-bucket").outputs.arn,
                encryptionConfiguration: { replicaKmsKeyId: byName(replicated, "archive-replica-key").outputs.arn },
                metrics: { status: "Enabled" },
            });
            assert.deepStrictEqual(rules[1].deleteMarkerReplication, { status: "Disabled" });
        }
    });

    it("logs access to the replica into an access-log bucket in its region, replicated into the archive", () => {
        assert.strictEqual(byName(replicated, "archive-replica-logging").inputs.targetBucket, "acme-lz-staging-access-logs-222222222222-eu-west-1");
        const names = ["bucket", "versioning", "encryption", "public-access", "ownership", "lifecycle", "policy", "replication"].map((s) => `staging-replica-access-logs-${s}`);
        assert.deepStrictEqual(inReplicaRegion(names).map((r) => r.name), []);
        const rules = byName(replicated, "staging-replica-access-logs-replication").inputs.rules as any[];
        assert.deepStrictEqual(rules.map((r) => r.destination.bucket), [byName(replicated, "archive-bucket").outputs.arn]);
    });

    it("blocks public access, disables ACLs and protects every bucket and key, replica ones included", () => {
        const buckets = ofType(replicated, "aws:s3/bucket:Bucket");
        assert.strictEqual(ofType(replicated, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").length, buckets.length);
        assert.strictEqual(ofType(replicated, "aws:s3/bucketOwnershipControls:BucketOwnershipControls").length, buckets.length);
        for (const r of [...buckets, ...ofType(replicated, "aws:kms/key:Key")]) assert.ok(r.protect && r.retainOnDelete, r.name);
    });

    it("exports the replica bucket name, ARN and key ARN", () => {
        const o = replicated.outputs as Record<string, unknown>;
        assert.strictEqual(o.archiveReplicaBucketName, "acme-lz-archive-222222222222-eu-west-1");
        assert.strictEqual(o.archiveReplicaBucketArn, byName(replicated, "archive-replica-bucket").outputs.arn);
        assert.strictEqual(o.archiveReplicaKeyArn, byName(replicated, "archive-replica-key").outputs.arn);
        assert.strictEqual(o.replicaAccessLogBucketName, "acme-lz-staging-access-logs-222222222222-eu-west-1");
    });

    it("passes the landing zone's pack once every region's access-log bucket, the replica's included, is approved", async () => {
        const o = replicated.outputs as Record<string, string>;
        const regional = (k: string) => Object.values((replicated.outputs as Record<string, Record<string, string>>)[k]);
        assert.ok(regional("accessLogBucketNames").includes(o.replicaAccessLogBucketName));
        const config = {
            "lz-s3-access-log-destination": { approvedBuckets: regional("accessLogBucketNames") },
            "lz-cloudtrail-archive-destination": { approvedBuckets: [o.archiveBucketName] },
            // The health alarms have no action of their own: the organisation forwards their state changes (docs/operations.md).
            "lz-cloudwatch-alarm-actions": { forwardedAlarmNamePrefixes: ["acme-lz-health-"] },
        };
        const r = await evaluatePack(fromPlan(replicated), { preview: false, config, stackName: "log-archive", stackTags: {} });
        assert.deepStrictEqual(r.violations.filter((v) => v.level !== "advisory").map((v) => `${v.policy} ${v.name}: ${v.message}`), []);
    });

    it("takes the per-query scan limit and the results expiry from the stack's settings", () => {
        assert.strictEqual((byName(replicated, "log-query-workgroup").inputs.configuration as any).bytesScannedCutoffPerQuery, 1073741824);
        assert.deepStrictEqual((byName(replicated, "query-results-lifecycle").inputs.rules as any[])[0].expiration, { days: 7 });
    });
});

/** A key policy that delegates to IAM, so the decisions above depend on the role's own policy only. */
const ALLOW_ALL_KEY = { Version: "2012-10-17", Statement: [{ Sid: "Account", Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "kms:*", Resource: "*" }] };

describe("log-archive settings", () => {
    const org = parseOrg(referenceOrg(), "stacks/org.yaml");
    const parse = (settings: unknown) => parseStack("log-archive", "stacks/Pulumi.log-archive.yaml", { "lz:role": "log-archive", "lz:logArchive": JSON.stringify(settings) }, org);
    const problems = (settings: unknown): string[] => configProblems(() => parse(settings));
    it("defaults to no replica, protection on, a 10 GiB per-query limit and 30-day results", () => {
        const m = parse({});
        assert.ok(m.role === "log-archive");
        assert.deepStrictEqual({ ...m.settings }, { protect: true, query: { bytesScannedCutoffPerQuery: 10737418240, resultsExpiryDays: 30 } });
        assert.strictEqual(m.settings.replicaRegion, undefined);
    });
    it("rejects a per-query limit below Athena's 10 MB minimum", () => {
        assert.deepStrictEqual(problems({ query: { bytesScannedCutoffPerQuery: 1000 } }), ["stacks/Pulumi.log-archive.yaml: lz:logArchive.query.bytesScannedCutoffPerQuery: 1000 is below the minimum of 10485760"]);
    });
    it("rejects a results expiry of 0 days", () => {
        assert.deepStrictEqual(problems({ query: { resultsExpiryDays: 0 } }), ["stacks/Pulumi.log-archive.yaml: lz:logArchive.query.resultsExpiryDays: 0 is below the minimum of 1"]);
    });
    it("rejects an enabled region for which no ELB log writer is known, naming the org file", () => {
        const iso = referenceOrg();
        iso.homeRegion = "us-iso-east-1";
        iso.regions = ["us-iso-east-1"];
        const isoOrg = parseOrg(iso, "stacks/org.yaml");
        const found = configProblems(() => parseStack("log-archive", "stacks/Pulumi.log-archive.yaml", { "lz:role": "log-archive" }, isoOrg));
        assert.deepStrictEqual(found, [
            'stacks/org.yaml: regions: "us-iso-east-1" has no known Elastic Load Balancing log writer (neither a regional ELB account nor logdelivery.elasticloadbalancing); classify it in infra/config/elb-log-writers.ts from AWS\'s "Enable access logs" page, or disable the region',
        ]);
    });
    it("rejects a replica region outside the enabled regions, which the region guardrail would block", () => {
        assert.deepStrictEqual(problems({ replicaRegion: "ap-southeast-2" }), [
            'stacks/Pulumi.log-archive.yaml: lz:logArchive.replicaRegion: "ap-southeast-2" is not among the enabled regions (us-east-1, us-west-2, eu-west-1, eu-central-1) of stacks/org.yaml; add it to regions or pick one of them',
        ]);
    });
});

describe("log-archive stack: ELB access logs in every enabled region", function () {
    this.timeout(120_000);
    const ELB_ACCOUNTS: Record<string, string> = { "us-east-1": "127311923021", "us-west-2": "797873946194", "eu-west-1": "156460612806", "eu-central-1": "054676820928" };
    const elbLogical = (region: string) => (region === "us-east-1" ? "staging-elb" : `staging-elb-${region}`);

    it("stages ELB logs in a bucket of each enabled region, SSE-S3, versioned, closed, access-logged in its region, exported by region", async () => {
        const plan = await referenceStack("log-archive");
        const o = plan.outputs as Record<string, any>;
        assert.deepStrictEqual(o.elbLogBucketNames, Object.fromEntries(ENABLED.map((r) => [r, `acme-lz-staging-elb-222222222222-${r}`])));
        assert.strictEqual(o.elbLogBucketName, o.elbLogBucketNames["us-east-1"]);
        assert.deepStrictEqual(o.accessLogBucketNames, Object.fromEntries(ENABLED.map((r) => [r, `acme-lz-staging-access-logs-222222222222-${r}`])));
        for (const region of ENABLED) {
            const n = elbLogical(region);
            const where = region === "us-east-1" ? undefined : region;
            for (const part of ["bucket", "versioning", "encryption", "public-access", "ownership", "lifecycle", "policy", "logging", "replication"]) {
                assert.strictEqual(byName(plan, `${n}-${part}`).inputs.region ?? undefined, where, `${n}-${part}`);
            }
            assert.strictEqual(byName(plan, `${n}-bucket`).inputs.bucket, o.elbLogBucketNames[region]);
            assert.deepStrictEqual((byName(plan, `${n}-encryption`).inputs.rules as any[])[0].applyServerSideEncryptionByDefault, { sseAlgorithm: "AES256" });
            assert.deepStrictEqual(byName(plan, `${n}-versioning`).inputs.versioningConfiguration, { status: "Enabled" });
            assert.strictEqual(byName(plan, `${n}-public-access`).inputs.restrictPublicBuckets, true);
            assert.strictEqual(byName(plan, `${n}-logging`).inputs.targetBucket, o.accessLogBucketNames[region]);
            assert.ok(byName(plan, `${n}-bucket`).protect && byName(plan, `${n}-bucket`).retainOnDelete, n);
        }
    });

    it("replicates every region's ELB bucket into the home-region archive, re-encrypted under the archive key, through S3 of each region", async () => {
        const plan = await referenceStack("log-archive");
        const archiveArn = byName(plan, "archive-bucket").outputs.arn;
        const keyArn = byName(plan, "archive-key").outputs.arn as string;
        for (const region of ENABLED) {
            const n = elbLogical(region);
            const [rule] = byName(plan, `${n}-replication`).inputs.rules as any[];
            assert.deepStrictEqual(rule.destination, { bucket: archiveArn, encryptionConfiguration: { replicaKmsKeyId: keyArn }, metrics: { status: "Enabled" } });
            assert.deepStrictEqual(rule.deleteMarkerReplication, { status: "Disabled" });
            const perms = policyOf(byName(plan, `${n}-replication-permissions`));
            const encrypt = perms.Statement.find((x: any) => x.Sid === "EncryptReplicas");
            assert.deepStrictEqual(encrypt.Resource, [keyArn]);
            assert.deepStrictEqual(encrypt.Condition, { StringEquals: { "kms:ViaService": ["s3.us-east-1.amazonaws.com"] } });
        }
    });

    it("grants each region's bucket to that region's ELB account and to vended-log delivery of that region only", async () => {
        const plan = await referenceStack("log-archive");
        for (const region of ENABLED) {
            const doc = policyOf(byName(plan, `${elbLogical(region)}-policy`));
            const elb = doc.Statement.find((x: any) => x.Sid === "ElbAccountWritesAccessLogs");
            assert.deepStrictEqual(elb.Principal, { AWS: `arn:aws:iam::${ELB_ACCOUNTS[region]}:root` }, region);
            assert.deepStrictEqual(elb.Resource, ACCOUNT_IDS.map((id) => `arn:aws:s3:::acme-lz-staging-elb-222222222222-${region}/AWSLogs/${id}/*`));
            const nlb = doc.Statement.find((x: any) => x.Sid === "NlbLogDeliveryWrites");
            assert.deepStrictEqual(nlb.Condition.ArnLike, { "aws:SourceArn": `arn:aws:logs:${region}:*:*` });
            assert.deepStrictEqual([...nlb.Condition.StringEquals["aws:SourceAccount"]].sort(), ACCOUNT_IDS);
        }
    });

    it("grants the ELB log-delivery service principal in a region opened after August 2022, and no ELB account", async () => {
        const o = referenceOrg();
        o.regions = [...o.regions, "eu-central-2"];
        o.optInRegions = ["eu-central-2"]; // an opt-in region, acknowledged
        const [plan] = await planGenerated(o, { management: { "lz:role": "management" }, "log-archive": { "lz:role": "log-archive" } }, ["log-archive"]);
        const doc = policyOf(byName(plan, "staging-elb-eu-central-2-policy"));
        const s = doc.Statement.find((x: any) => x.Sid === "ElbLogDeliveryWritesAccessLogs");
        assert.deepStrictEqual(s.Principal, { Service: "logdelivery.elasticloadbalancing.amazonaws.com" });
        assert.ok(!doc.Statement.some((x: any) => x.Sid === "ElbAccountWritesAccessLogs"));
        assert.strictEqual(byName(plan, "staging-elb-eu-central-2-bucket").inputs.region, "eu-central-2");
        assert.strictEqual((plan.outputs as any).elbLogBucketNames["eu-central-2"], "acme-lz-staging-elb-222222222222-eu-central-2");
    });
});

describe("log-archive stack: names, tags and policy sizes", function () {
    this.timeout(180_000);

    it("names every IAM role under the organisation's prefix, so the role guardrail protects it", async () => {
        const plan = await referenceStack("log-archive");
        const roles = ofType(plan, "aws:iam/role:Role");
        assert.ok(roles.length >= 10, `${roles.length} roles`);
        for (const r of roles) assert.match(String(r.inputs.name), /^acme-lz-[\w+=,.@-]{1,56}$/, r.name);
        assert.deepStrictEqual(
            ["central-logs-logs-role", "central-logs-firehose-role", "staging-elb-replication-role", "staging-elb-eu-west-1-replication-role"].map((n) => byName(plan, n).inputs.name),
            ["acme-lz-central-logs-subscription", "acme-lz-central-logs-delivery", "acme-lz-staging-elb-us-east-1-replication", "acme-lz-staging-elb-eu-west-1-replication"],
        );
        assert.strictEqual(new Set(roles.map((r) => r.inputs.name)).size, roles.length, "role names are unique in the account");
    });

    it("tags every bucket lz:log-bucket with its kind", async () => {
        const plan = await referenceStack("log-archive");
        const kinds = Object.fromEntries(ofType(plan, "aws:s3/bucket:Bucket").map((b) => [b.name, (b.inputs.tags as Record<string, string> | undefined)?.["lz:log-bucket"]]));
        for (const [name, kind] of Object.entries(kinds)) {
            const expected = name === "archive-bucket" ? "archive" : name === "query-results-bucket" ? "query-results" : name.startsWith("staging-access-logs") ? "access-logs" : "staging";
            assert.strictEqual(kind, expected, name);
        }
    });

    it("tags the replica as an archive, so the pack requires its Object Lock too", async () => {
        const [plan] = await planGenerated(referenceOrg(), { management: { "lz:role": "management" }, "log-archive": { "lz:role": "log-archive", "lz:logArchive": { replicaRegion: "eu-west-1" } } }, ["log-archive"]);
        assert.deepStrictEqual(byName(plan, "archive-replica-bucket").inputs.tags, { "lz:log-bucket": "archive" });
        assert.deepStrictEqual(byName(plan, "staging-replica-access-logs-bucket").inputs.tags, { "lz:log-bucket": "access-logs" });
    });

    it("versions the query results bucket, a tagged log bucket, and expires old result versions after a day", async () => {
        const plan = await referenceStack("log-archive");
        assert.deepStrictEqual(byName(plan, "query-results-versioning").inputs.versioningConfiguration, { status: "Enabled" });
        assert.deepStrictEqual((byName(plan, "query-results-lifecycle").inputs.rules as any[])[0].noncurrentVersionExpiration, { noncurrentDays: 1 });
    });

    it("never lets a policy outgrow its AWS limit with 100 accounts; only the policies that name the organisation's accounts grow with them (ELB staging; flow-log and Config delivery, which AWS binds by account, not by organisation)", async () => {
        const o = referenceOrg();
        withMembers(o, Array.from({ length: 95 }, (_, i) => ({ name: `workload-${i}`, id: String(600000000000 + i), email: `w${i}@acme.example`, ou: "Workloads/Dev" })));
        const [big] = await planGenerated(o, { management: { "lz:role": "management" }, "log-archive": { "lz:role": "log-archive" } }, ["log-archive"]);
        const small = await referenceStack("log-archive");
        const LIMITS: Record<string, [string, number]> = {
            "aws:iam/role:Role": ["assumeRolePolicy", 2048],
            "aws:iam/rolePolicy:RolePolicy": ["policy", 10240],
            "aws:s3/bucketPolicy:BucketPolicy": ["policy", 20480],
            "aws:kms/key:Key": ["policy", 32768],
            "aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy": ["accessPolicy", 5120],
            "aws:sqs/queuePolicy:QueuePolicy": ["policy", 8192],
        };
        let checked = 0;
        for (const r of nonEmpty(big.resources.filter((x) => LIMITS[x.type]), "resources with a size limit")) {
            const [key, limit] = LIMITS[r.type];
            const size = String(r.inputs[key]).length;
            assert.ok(size <= limit, `${r.name}: ${size} > ${limit}`);
            const before = String(byName(small, r.name).inputs[key]).length;
            if (/^staging-elb(-[a-z0-9-]+)?-policy$|^staging-config-policy$|^archive-policy$|^archive-key$/.test(r.name)) assert.ok(size > before, r.name);
            else assert.strictEqual(size, before, `${r.name} grows with the number of accounts`);
            checked++;
        }
        assert.ok(checked > 40, `${checked} policies checked`);
    });

    it("keeps delivery errors forever when logGroupDays is 0 (never expire)", async () => {
        const o = referenceOrg();
        o.retention.logGroupDays = 0;
        const [plan] = await planGenerated(o, { management: { "lz:role": "management" }, "log-archive": { "lz:role": "log-archive" } }, ["log-archive"]);
        for (const g of ofType(plan, "aws:cloudwatch/logGroup:LogGroup")) assert.strictEqual(g.inputs.retentionInDays ?? undefined, undefined, g.name);
    });
});
