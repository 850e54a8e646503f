/**
 * Related-resource rules on small programs run under the mock engine: the links the rules follow
 * (`flowLog.vpcId` → VPC, `bucketLogging.bucket` → bucket, ...) come from the dependencies and
 * property dependencies the Pulumi SDK itself records, in update and in preview mode.
 */
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { runStack } from "../../infra/engine/run";
import { evaluatePack } from "../../policy-pack/harness/evaluate";
import { fromPlan, of } from "./support";

async function violations(program: () => void, preview: boolean, stackTags?: Record<string, string>) {
    const plan = await runStack({ project: "lz", stack: "pack-test", preview, config: {}, program });
    return { ...(await evaluatePack(fromPlan(plan), { preview, stackTags })), diagnostics: plan.diagnostics };
}

for (const preview of [false, true]) {
    const mode = preview ? "preview" : "update";
    describe(`related-resource rules on mock-engine programs (${mode})`, () => {
        it("accepts a VPC whose flow log takes vpcId from vpc.id, and flags a VPC without one", async () => {
            const r = await violations(() => {
                const vpc = new aws.ec2.Vpc("logged", { cidrBlock: "10.0.0.0/16" });
                new aws.ec2.FlowLog("logged-flow", { vpcId: vpc.id, trafficType: "ALL", logDestinationType: "s3", logDestination: "arn:aws:s3:::org-archive" });
                new aws.ec2.Vpc("dark", { cidrBlock: "10.1.0.0/16" });
            }, preview);
            assert.deepStrictEqual(of(r, "lz-vpc-flow-logs").map((v) => [v.name, v.level]), [["dark", "mandatory"]]);
        });

        it("links BucketLogging (v7 and V2 tokens) to its bucket through bucket.id and exempts the target bucket", async () => {
            const r = await violations(() => {
                const logs = new aws.s3.Bucket("access-logs", {});
                const app = new aws.s3.Bucket("app", {});
                new aws.s3.BucketLogging("app-logging", { bucket: app.id, targetBucket: logs.id, targetPrefix: "app/" });
                const old = new aws.s3.BucketV2("legacy", {});
                new aws.s3.BucketLoggingV2("legacy-logging", { bucket: old.id, targetBucket: logs.id, targetPrefix: "legacy/" });
                new aws.s3.Bucket("unlogged", {});
            }, preview);
            assert.deepStrictEqual(of(r, "lz-s3-access-logging").map((v) => v.name), ["unlogged"]);
            // The v6 tokens are deprecated: the SDK says so, and the plan keeps the warnings.
            assert.deepStrictEqual(r.diagnostics.map((d) => d.message.split(":")[0]), ["BucketV2 is deprecated", "BucketLoggingV2 is deprecated"]);
        });

        it("requires versioning on a bucket a trail in the same stack delivers to, via BucketVersioning", async () => {
            const r = await violations(() => {
                const good = new aws.s3.Bucket("trail-bucket", {});
                new aws.s3.BucketVersioning("trail-bucket-versioning", { bucket: good.id, versioningConfiguration: { status: "Enabled" } });
                const bad = new aws.s3.Bucket("other-trail-bucket", {});
                new aws.cloudtrail.Trail("t1", { s3BucketName: good.bucket, isMultiRegionTrail: true, enableLogFileValidation: true });
                new aws.cloudtrail.Trail("t2", { s3BucketName: bad.bucket, isMultiRegionTrail: true, enableLogFileValidation: true });
            }, preview);
            assert.deepStrictEqual(of(r, "lz-s3-log-bucket-versioning").map((v) => v.name), ["other-trail-bucket"]);
        });

        it("requires rotation on a KMS key a log group uses through kmsKeyId: key.arn", async () => {
            const r = await violations(() => {
                const key = new aws.kms.Key("logs-key", { enableKeyRotation: false });
                new aws.cloudwatch.LogGroup("encrypted", { kmsKeyId: key.arn, retentionInDays: 365 });
                new aws.kms.Key("unrelated", { enableKeyRotation: false });
            }, preview);
            assert.deepStrictEqual(of(r, "lz-kms-log-key-rotation").map((v) => v.name), ["logs-key"]);
        });

        it("links a WAFv2 logging configuration to its web ACL through resourceArn: acl.arn", async () => {
            const r = await violations(() => {
                const rules = { defaultAction: { allow: {} }, scope: "REGIONAL", visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "m", sampledRequestsEnabled: true } };
                const acl = new aws.wafv2.WebAcl("logged-acl", rules);
                new aws.wafv2.WebAclLoggingConfiguration("logged-acl-logging", { resourceArn: acl.arn, logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-x"] });
                new aws.wafv2.WebAcl("silent-acl", rules);
            }, preview);
            assert.deepStrictEqual(of(r, "lz-waf-v2-logging").map((v) => v.name), ["silent-acl"]);
        });

        it("links Route 53 query logs (zoneId: zone.id), Redshift logging (clusterIdentifier: cluster.id) and firewall logging (firewallArn: fw.arn)", async () => {
            const r = await violations(() => {
                const zone = new aws.route53.Zone("public", { name: "example.com" });
                // zone.id is the zone id; the mock engine does not compute the separate zoneId output.
                new aws.route53.QueryLog("public-queries", { zoneId: zone.id, cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/example.com" });
                new aws.route53.Zone("unlogged-zone", { name: "example.org" });
                const dw = new aws.redshift.Cluster("dw", { clusterIdentifier: "dw", nodeType: "ra3.xlplus", masterUsername: "admin", manageMasterPassword: true });
                new aws.redshift.Logging("dw-logging", { clusterIdentifier: dw.id, logDestinationType: "cloudwatch", logExports: ["connectionlog", "userlog", "useractivitylog"] });
                new aws.redshift.Cluster("dw2", { clusterIdentifier: "dw2", nodeType: "ra3.xlplus", masterUsername: "admin", manageMasterPassword: true });
                const fw = new aws.networkfirewall.Firewall("fw", { firewallPolicyArn: "arn:aws:network-firewall:us-east-1:123456789012:firewall-policy/p", vpcId: "vpc-1", subnetMappings: [{ subnetId: "subnet-1" }] });
                new aws.networkfirewall.LoggingConfiguration("fw-logging", {
                    firewallArn: fw.arn,
                    loggingConfiguration: {
                        logDestinationConfigs: ["ALERT", "FLOW"].map((logType) => ({ logType, logDestinationType: "S3", logDestination: { bucketName: "org-archive" } })),
                    },
                });
            }, preview);
            assert.deepStrictEqual(of(r, "lz-route53-query-logging").map((v) => v.name), ["unlogged-zone"]);
            assert.deepStrictEqual(of(r, "lz-redshift-audit-logging").map((v) => v.name), ["dw2"]);
            assert.deepStrictEqual(of(r, "lz-networkfirewall-logging"), []);
        });

        it("accepts a Lambda function whose log group name is built from fn.name, flags one without", async () => {
            const r = await violations(() => {
                const fn = new aws.lambda.Function("handled", { role: "arn:aws:iam::123456789012:role/r", runtime: "nodejs20.x", handler: "index.handler", code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler=async()=>{}") }) });
                new aws.cloudwatch.LogGroup("handled-logs", { name: pulumi.interpolate`/aws/lambda/${fn.name}`, retentionInDays: 365 });
                new aws.lambda.Function("orphan", { role: "arn:aws:iam::123456789012:role/r", runtime: "nodejs20.x", handler: "index.handler", code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler=async()=>{}") }) });
            }, preview);
            assert.deepStrictEqual(of(r, "lz-lambda-log-retention").map((v) => v.name), ["orphan"]);
        });

        it("finds an account baseline complete when recorder, status and channel are wired together", async () => {
            const r = await violations(() => {
                const rec = new aws.cfg.Recorder("rec", { name: "default", roleArn: "arn:aws:iam::123456789012:role/config", recordingGroup: { allSupported: true } });
                const ch = new aws.cfg.DeliveryChannel("ch", { s3BucketName: "staging-config" }, { dependsOn: [rec] });
                new aws.cfg.RecorderStatus("rec-status", { name: rec.name, isEnabled: true }, { dependsOn: [ch] });
                new aws.cloudwatch.LogAccountPolicy("subscription", { policyName: "central", policyType: "SUBSCRIPTION_FILTER_POLICY", policyDocument: JSON.stringify({ DestinationArn: "arn:aws:logs:us-east-1:222222222222:destination:central" }) });
            }, preview, { "lz:baseline": "account" });
            assert.deepStrictEqual(of(r, "lz-baseline-config-recorder"), []);
            assert.deepStrictEqual(of(r, "lz-baseline-log-subscription"), []);
        });
    });
}
