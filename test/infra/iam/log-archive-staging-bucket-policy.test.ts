import * as assert from "assert";
import { decide, ALLOW_ALL } from "../../support/iam";
import { stagingBucketPolicy, type StagingSource } from "../../../infra/iam/log-archive-staging-bucket-policy";

const ORG = "o-exampleorg1";
const ACCOUNT = "222222222222";
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/LandingZoneDeployment`;
const BREAK_GLASS = `arn:aws:iam::${ACCOUNT}:role/LandingZoneBreakGlass`;
const PRINCIPALS: Record<StagingSource, string> = { "access-logs": "logging.s3.amazonaws.com", elb: "logdelivery.elasticloadbalancing.amazonaws.com", config: "config.amazonaws.com" };
const bucketArn = (s: StagingSource) => `arn:aws:s3:::acme-lz-staging-${s}-${ACCOUNT}-us-east-1`;
const policy = (source: StagingSource) =>
    JSON.parse(JSON.stringify(stagingBucketPolicy({ source, bucketArn: bucketArn(source), organizationId: ORG, configurationRoleArns: [DEPLOY, BREAK_GLASS], servicePrincipal: PRINCIPALS[source], logArchiveAccountId: ACCOUNT })));
const TLS = { "aws:SecureTransport": "true" };
const svc = (source: StagingSource, key: string, context: Record<string, string>) =>
    decide({ principal: PRINCIPALS[source], action: "s3:PutObject", resource: `${bucketArn(source)}/${key}`, resourceAccount: ACCOUNT, context: { ...TLS, ...context }, resourcePolicy: policy(source) });

describe("staging bucket policies", () => {
    it("lets AWS Config of this organisation write under AWSLogs/ with bucket-owner-full-control", async () => {
        assert.strictEqual(await svc("config", "AWSLogs/444444444444/Config/us-east-1/x.json.gz", { "aws:SourceOrgID": ORG, "s3:x-amz-acl": "bucket-owner-full-control" }), "Allowed");
    });
    it("refuses AWS Config of another organisation", async () => {
        assert.strictEqual(await svc("config", "AWSLogs/999999999999/Config/x", { "aws:SourceOrgID": "o-otherorg99", "s3:x-amz-acl": "bucket-owner-full-control" }), "ImplicitlyDenied");
    });
    it("refuses AWS Config writing outside AWSLogs/", async () => {
        assert.strictEqual(await svc("config", "elsewhere/x", { "aws:SourceOrgID": ORG, "s3:x-amz-acl": "bucket-owner-full-control" }), "ImplicitlyDenied");
    });
    it("lets ELB log delivery of this organisation write", async () => {
        assert.strictEqual(await svc("elb", "AWSLogs/444444444444/elasticloadbalancing/us-east-1/x.log.gz", { "aws:SourceOrgID": ORG }), "Allowed");
    });
    it("lets S3 server access logging write for buckets of the log-archive account only", async () => {
        assert.strictEqual(await svc("access-logs", "acme-lz-archive/x", { "aws:SourceAccount": ACCOUNT }), "Allowed");
        assert.strictEqual(await svc("access-logs", "acme-lz-archive/x", { "aws:SourceAccount": "999999999999" }), "ImplicitlyDenied");
    });
    it("denies non-TLS delivery", async () => {
        const d = await decide({ principal: PRINCIPALS.elb, action: "s3:PutObject", resource: `${bucketArn("elb")}/AWSLogs/x`, resourceAccount: ACCOUNT, context: { "aws:SecureTransport": "false", "aws:SourceOrgID": ORG }, resourcePolicy: policy("elb") });
        assert.strictEqual(d, "ExplicitlyDenied");
    });
    it("denies PutBucketPolicy to an administrator and allows it to the deployment role", async () => {
        const ask = (p: string) => decide({ principal: p, action: "s3:PutBucketPolicy", resource: bucketArn("config"), resourceAccount: ACCOUNT, context: { ...TLS, "aws:PrincipalArn": p }, identityPolicies: [ALLOW_ALL], resourcePolicy: policy("config") });
        assert.strictEqual(await ask(`arn:aws:iam::${ACCOUNT}:role/Administrator`), "ExplicitlyDenied");
        assert.strictEqual(await ask(DEPLOY), "Allowed");
    });
});
