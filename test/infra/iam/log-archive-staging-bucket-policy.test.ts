import * as assert from "assert";
import { decide, ALLOW_ALL } from "../../support/iam";
import { stagingBucketPolicy, BUCKET_POLICY_MAX_CHARS, type StagingSource } from "../../../infra/iam/log-archive-staging-bucket-policy";
import { elbLogWriter, ELB_ACCOUNT_IDS, ELB_SERVICE_PRINCIPAL_REGIONS } from "../../../infra/config/elb-log-writers";
import { REGIONS } from "../../../infra/config/regions";
import { policyJson } from "../../../infra/iam/types";

const ORG = "o-exampleorg1";
const ACCOUNT = "222222222222";
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/LandingZoneDeployment`;
const BREAK_GLASS = `arn:aws:iam::${ACCOUNT}:role/LandingZoneBreakGlass`;
const PRINCIPALS: Record<StagingSource, string> = { "access-logs": "logging.s3.amazonaws.com", elb: "logdelivery.elasticloadbalancing.amazonaws.com", config: "config.amazonaws.com" };
const bucketArn = (s: StagingSource) => `arn:aws:s3:::acme-lz-staging-${s}-${ACCOUNT}-us-east-1`;
const ORG_ACCOUNTS = ["111111111111", ACCOUNT, "333333333333", "444444444444", "555555555555"];
const elbFor = (region: string, accountIds: readonly string[] = ORG_ACCOUNTS) => ({
    writer: elbLogWriter("aws", region, "amazonaws.com")!,
    accountIds,
    vendedLogsPrincipal: "delivery.logs.amazonaws.com",
    logsArnPrefix: `arn:aws:logs:${region}`,
});
const policy = (source: StagingSource, region = "us-east-1") =>
    JSON.parse(
        JSON.stringify(
            stagingBucketPolicy({
                source,
                bucketArn: bucketArn(source),
                organizationId: ORG,
                configurationRoleArns: [DEPLOY, BREAK_GLASS],
                servicePrincipal: PRINCIPALS[source],
                logArchiveAccountId: ACCOUNT,
                accountIds: ORG_ACCOUNTS,
                loggedBucketPrefix: "acme-lz-",
                s3ArnPrefix: "arn:aws:s3:::",
                elb: source === "elb" ? elbFor(region) : undefined,
            }),
        ),
    );
const TLS = { "aws:SecureTransport": "true" };
const svc = (source: StagingSource, key: string, context: Record<string, string>) =>
    decide({ principal: PRINCIPALS[source], action: "s3:PutObject", resource: `${bucketArn(source)}/${key}`, resourceAccount: ACCOUNT, context: { ...TLS, ...context }, resourcePolicy: policy(source) });

describe("staging bucket policies", () => {
    it("lets AWS Config of this organisation write under AWSLogs/ with bucket-owner-full-control", async () => {
        assert.strictEqual(await svc("config", "AWSLogs/444444444444/Config/us-east-1/x.json.gz", { "aws:SourceAccount": "444444444444", "s3:x-amz-acl": "bucket-owner-full-control" }), "Allowed");
    });
    it("refuses AWS Config of an account outside the organisation", async () => {
        assert.strictEqual(await svc("config", "AWSLogs/999999999999/Config/x", { "aws:SourceAccount": "999999999999", "s3:x-amz-acl": "bucket-owner-full-control" }), "ImplicitlyDenied");
    });
    it("refuses AWS Config writing outside AWSLogs/", async () => {
        assert.strictEqual(await svc("config", "elsewhere/x", { "aws:SourceAccount": "444444444444", "s3:x-amz-acl": "bucket-owner-full-control" }), "ImplicitlyDenied");
    });
    it("refuses to build an ELB staging policy without the region's writers", () => {
        assert.throws(
            () => stagingBucketPolicy({ source: "elb", bucketArn: bucketArn("elb"), organizationId: ORG, configurationRoleArns: [DEPLOY], servicePrincipal: PRINCIPALS.elb, logArchiveAccountId: ACCOUNT, accountIds: ORG_ACCOUNTS, loggedBucketPrefix: "acme-lz-", s3ArnPrefix: "arn:aws:s3:::" }),
            /^Error: elb: the ELB staging policy needs the region's writers$/,
        );
    });
    it("lets S3 server access logging write for the landing zone's buckets of the log-archive account only, under their own names", async () => {
        const from = (bucket: string, account = ACCOUNT) => ({ "aws:SourceAccount": account, "aws:SourceArn": `arn:aws:s3:::${bucket}` });
        assert.strictEqual(await svc("access-logs", "acme-lz-archive-222222222222-us-east-1/2026-12-01-10-00-00-A", from("acme-lz-archive-222222222222-us-east-1")), "Allowed");
        assert.strictEqual(await svc("access-logs", "acme-lz-archive-222222222222-us-east-1/x", from("acme-lz-archive-222222222222-us-east-1", "999999999999")), "ImplicitlyDenied");
        // A bucket of an administrator's making, whatever target prefix it names (its objects would replicate into the archive).
        assert.strictEqual(await svc("access-logs", "AWSLogs/o-exampleorg1/444444444444/CloudTrail/us-east-1/2026/12/01/x.json.gz", from("my-bucket")), "ImplicitlyDenied");
        assert.strictEqual(await svc("access-logs", "acme-lz-archive-222222222222-us-east-1/x", from("my-bucket")), "ImplicitlyDenied");
    });
    it("denies non-TLS delivery", async () => {
        const elbAccount = "arn:aws:iam::127311923021:root";
        const d = await decide({ principal: elbAccount, action: "s3:PutObject", resource: `${bucketArn("elb")}/AWSLogs/444444444444/x`, resourceAccount: ACCOUNT, context: { "aws:SecureTransport": "false" }, identityPolicies: [ALLOW_ALL], resourcePolicy: policy("elb") });
        assert.strictEqual(d, "ExplicitlyDenied");
    });
    it("denies PutBucketPolicy to an administrator and allows it to the deployment role", async () => {
        const ask = (p: string) => decide({ principal: p, action: "s3:PutBucketPolicy", resource: bucketArn("config"), resourceAccount: ACCOUNT, context: { ...TLS, "aws:PrincipalArn": p }, identityPolicies: [ALLOW_ALL], resourcePolicy: policy("config") });
        assert.strictEqual(await ask(`arn:aws:iam::${ACCOUNT}:role/Administrator`), "ExplicitlyDenied");
        assert.strictEqual(await ask(DEPLOY), "Allowed");
    });
    it("denies an administrator every configuration change the archive's policy denies, notifications and logging included", async () => {
        for (const action of ["s3:PutBucketNotification", "s3:PutBucketLogging", "s3:PutBucketPublicAccessBlock", "s3:PutBucketOwnershipControls", "s3:PutReplicationConfiguration"]) {
            const admin = `arn:aws:iam::${ACCOUNT}:role/Administrator`;
            const d = await decide({ principal: admin, action, resource: bucketArn("access-logs"), resourceAccount: ACCOUNT, context: { ...TLS, "aws:PrincipalArn": admin }, identityPolicies: [ALLOW_ALL], resourcePolicy: policy("access-logs") });
            assert.strictEqual(d, "ExplicitlyDenied", action);
        }
    });
});

/** A load-balancer log key of `account` in `region`, as ELB names it. */
const elbKey = (account: string, region: string) => `AWSLogs/${account}/elasticloadbalancing/${region}/2026/11/22/${account}_elasticloadbalancing_${region}_app.web.5f1c2a9b8d7e6f10_20261122T1015Z_198.51.100.23_a1b2c3.log.gz`;

describe("ELB staging bucket policy, by kind of writer", () => {
    /** A request of an IAM principal of another account (ELB's): the bucket policy grants, the caller's own policy allows. */
    const asAccount = (principal: string, region: string, key: string) =>
        decide({ principal, action: "s3:PutObject", resource: `${bucketArn("elb")}/${key}`, resourceAccount: ACCOUNT, context: { ...TLS }, identityPolicies: [ALLOW_ALL], resourcePolicy: policy("elb", region) });
    const asService = (principal: string, region: string, action: string, resource: string, context: Record<string, string>) =>
        decide({ principal, action, resource, resourceAccount: ACCOUNT, context: { ...TLS, ...context }, resourcePolicy: policy("elb", region) });

    it("lets the regional ELB account of a region available before August 2022 write the organisation's accounts' logs", async () => {
        for (const [region, elb] of [["us-east-1", "127311923021"], ["eu-central-1", "054676820928"]]) {
            assert.strictEqual(await asAccount(`arn:aws:iam::${elb}:root`, region, elbKey("444444444444", region)), "Allowed", region);
        }
    });
    it("refuses the regional ELB account the logs of a load balancer of a foreign account", async () => {
        assert.strictEqual(await asAccount("arn:aws:iam::127311923021:root", "us-east-1", elbKey("999999999999", "us-east-1")), "ImplicitlyDenied");
    });
    it("denies another region's ELB account and any other account outright (append-only: only the region's writer puts objects)", async () => {
        assert.strictEqual(await asAccount("arn:aws:iam::797873946194:root", "us-east-1", elbKey("444444444444", "us-east-1")), "ExplicitlyDenied");
        assert.strictEqual(await asAccount("arn:aws:iam::999999999999:root", "us-east-1", elbKey("444444444444", "us-east-1")), "ExplicitlyDenied");
        assert.strictEqual(await asAccount(`arn:aws:iam::${ACCOUNT}:role/Administrator`, "us-east-1", elbKey("444444444444", "us-east-1")), "ExplicitlyDenied");
    });
    it("names the ELB account, not the service principal, in a region available before August 2022", () => {
        const s = policy("elb", "us-east-1").Statement.find((x: { Sid: string }) => x.Sid === "ElbAccountWritesAccessLogs");
        assert.deepStrictEqual(s.Principal, { AWS: "arn:aws:iam::127311923021:root" });
        assert.ok(!JSON.stringify(policy("elb", "us-east-1")).includes("logdelivery.elasticloadbalancing"));
    });
    it("lets the ELB log-delivery service principal write the organisation's accounts' logs in a newer region, and no foreign account's", async () => {
        const bucket = bucketArn("elb");
        const svcName = "logdelivery.elasticloadbalancing.amazonaws.com";
        assert.strictEqual(await asService(svcName, "eu-central-2", "s3:PutObject", `${bucket}/${elbKey("555555555555", "eu-central-2")}`, {}), "Allowed");
        assert.strictEqual(await asService(svcName, "eu-central-2", "s3:PutObject", `${bucket}/${elbKey("999999999999", "eu-central-2")}`, {}), "ImplicitlyDenied");
        assert.strictEqual(await asAccount("arn:aws:iam::054676820928:root", "eu-central-2", elbKey("555555555555", "eu-central-2")), "ExplicitlyDenied");
    });
    it("lets Network Load Balancer log delivery of the organisation's accounts in the bucket's region write with bucket-owner-full-control", async () => {
        const bucket = bucketArn("elb");
        const nlb = (context: Record<string, string>, action = "s3:PutObject", resource = `${bucket}/AWSLogs/444444444444/elasticloadbalancing/us-east-1/2026/11/22/x_net.nlb.1_x.log.gz`) =>
            asService("delivery.logs.amazonaws.com", "us-east-1", action, resource, context);
        const own = { "aws:SourceAccount": "444444444444", "aws:SourceArn": "arn:aws:logs:us-east-1:444444444444:*" };
        assert.strictEqual(await nlb({ ...own, "s3:x-amz-acl": "bucket-owner-full-control" }), "Allowed");
        assert.strictEqual(await nlb(own, "s3:GetBucketAcl", bucket), "Allowed");
        assert.strictEqual(await nlb(own, "s3:ListBucket", bucket), "Allowed");
        assert.strictEqual(await nlb({ ...own, "s3:x-amz-acl": "private" }), "ImplicitlyDenied");
    });
    it("refuses Network Load Balancer log delivery for a foreign account or from another region", async () => {
        const bucket = bucketArn("elb");
        const key = `${bucket}/AWSLogs/999999999999/elasticloadbalancing/us-east-1/x.log.gz`;
        const acl = { "s3:x-amz-acl": "bucket-owner-full-control" };
        assert.strictEqual(await asService("delivery.logs.amazonaws.com", "us-east-1", "s3:PutObject", key, { ...acl, "aws:SourceAccount": "999999999999", "aws:SourceArn": "arn:aws:logs:us-east-1:999999999999:*" }), "ImplicitlyDenied");
        assert.strictEqual(await asService("delivery.logs.amazonaws.com", "us-east-1", "s3:GetBucketAcl", bucket, { "aws:SourceAccount": "999999999999", "aws:SourceArn": "arn:aws:logs:us-east-1:999999999999:*" }), "ImplicitlyDenied");
        assert.strictEqual(await asService("delivery.logs.amazonaws.com", "us-east-1", "s3:PutObject", key, { ...acl, "aws:SourceAccount": "444444444444", "aws:SourceArn": "arn:aws:logs:eu-west-1:444444444444:*" }), "ImplicitlyDenied");
    });
    it("stays within S3's 20 KB bucket-policy limit for a 100-account organisation, and refuses one that would not", () => {
        const hundred = Array.from({ length: 100 }, (_, i) => String(100000000000 + i));
        const doc = stagingBucketPolicy({ source: "elb", bucketArn: "arn:aws:s3:::acme-lz-staging-elb-222222222222-ap-southeast-2", organizationId: ORG, configurationRoleArns: [DEPLOY, BREAK_GLASS], servicePrincipal: PRINCIPALS.elb, logArchiveAccountId: ACCOUNT, accountIds: ORG_ACCOUNTS, loggedBucketPrefix: "acme-lz-", s3ArnPrefix: "arn:aws:s3:::", elb: elbFor("ap-southeast-2", hundred) });
        // A quarter of the limit left for the organisation to grow (about 45 more accounts).
        assert.ok(policyJson(doc).length < BUCKET_POLICY_MAX_CHARS * 0.75, `${policyJson(doc).length} characters`);
        const huge = Array.from({ length: 400 }, (_, i) => String(100000000000 + i));
        assert.throws(
            () => stagingBucketPolicy({ source: "elb", bucketArn: bucketArn("elb"), organizationId: ORG, configurationRoleArns: [DEPLOY], servicePrincipal: PRINCIPALS.elb, logArchiveAccountId: ACCOUNT, accountIds: ORG_ACCOUNTS, loggedBucketPrefix: "acme-lz-", s3ArnPrefix: "arn:aws:s3:::", elb: elbFor("us-east-1", huge) }),
            /^Error: elb.accountIds: the ELB staging policy for 400 accounts is \d+ characters, over S3's 20480-character bucket-policy limit$/,
        );
    });
});

describe("ELB log writers by region", () => {
    it("classifies every commercial, China and GovCloud region the landing zone knows: an ELB account or the service principal, never both", () => {
        for (const [region, info] of Object.entries(REGIONS).filter(([, r]) => ["aws", "aws-cn", "aws-us-gov"].includes(r.partition))) {
            const inTable = ELB_ACCOUNT_IDS[region] !== undefined;
            const newer = ELB_SERVICE_PRINCIPAL_REGIONS.includes(region);
            assert.ok(inTable !== newer, `${region} (${info.partition}) must be in exactly one list`);
        }
    });
    it("uses the partition in the ELB account's ARN and the partition's suffix in the service principal", () => {
        assert.deepStrictEqual(elbLogWriter("aws-cn", "cn-north-1", "amazonaws.com.cn"), { kind: "account", accountId: "638102146993", principalArn: "arn:aws-cn:iam::638102146993:root" });
        assert.deepStrictEqual(elbLogWriter("aws-us-gov", "us-gov-west-1", "amazonaws.com"), { kind: "account", accountId: "048591011584", principalArn: "arn:aws-us-gov:iam::048591011584:root" });
        assert.deepStrictEqual(elbLogWriter("aws", "il-central-1", "amazonaws.com"), { kind: "service", service: "logdelivery.elasticloadbalancing.amazonaws.com" });
    });
    it("knows no writer for a region AWS documents neither for (an ISO partition)", () => {
        assert.strictEqual(elbLogWriter("aws-iso", "us-iso-east-1", "amazonaws.com"), undefined);
    });
});
