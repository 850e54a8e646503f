import * as assert from "assert";
import { decide, decideAs, ALLOW_ALL } from "../../support/iam";
import { firehoseDeliveryPolicy, logDestinationPolicy, logsToFirehoseTrustPolicy } from "../../../infra/iam/log-archive-destinations";
import { REGIONS } from "../../../infra/config/regions";
import { policyJson } from "../../../infra/iam/types";

const DEST = "arn:aws:logs:eu-west-1:222222222222:destination:acme-lz-central-logs";
const policy = JSON.parse(JSON.stringify(logDestinationPolicy({ destinationArn: DEST, organizationId: "o-exampleorg1" })));
const ask = (principal: string, org: string) =>
    decide({ principal, action: "logs:PutSubscriptionFilter", resource: DEST, resourceAccount: "222222222222", context: { "aws:PrincipalOrgID": org }, identityPolicies: [ALLOW_ALL], resourcePolicy: policy });

describe("central log destination policy", () => {
    it("lets an account of the organisation subscribe its log groups", async () => {
        assert.strictEqual(await ask("arn:aws:iam::444444444444:role/LandingZoneDeployment", "o-exampleorg1"), "Allowed");
    });
    it("refuses an account of another organisation", async () => {
        assert.strictEqual(await ask("arn:aws:iam::999999999999:role/Admin", "o-otherorg99"), "ImplicitlyDenied");
    });
});

const REGIONS_4 = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];
const ROLE = "arn:aws:iam::222222222222:role/acme-lz-central-logs-subscription";
const trust = (regions: readonly string[] = REGIONS_4) =>
    JSON.parse(JSON.stringify(logsToFirehoseTrustPolicy({ logsPrincipal: "logs.amazonaws.com", logsArnPrefix: "arn:aws:logs", regions })));
const assume = (context: Record<string, string>) =>
    decide({ principal: "logs.amazonaws.com", action: "sts:AssumeRole", resource: ROLE, resourceAccount: "222222222222", context, resourcePolicy: trust() });

describe("CloudWatch Logs → Firehose role trust", () => {
    it("lets CloudWatch Logs assume the role for any sending account in an enabled region", async () => {
        for (const account of ["444444444444", "222222222222", "123456789012"]) {
            assert.strictEqual(await assume({ "aws:SourceArn": `arn:aws:logs:eu-west-1:${account}:*` }), "Allowed", account);
        }
    });
    it("conditions only on the key CloudWatch Logs documents for it (aws:SourceArn), with no IfExists condition a caller outside any organisation would pass", () => {
        const keys = trust().Statement.flatMap((s: any) => Object.entries(s.Condition ?? {}).flatMap(([op, kv]) => Object.keys(kv as object).map((k) => `${op} ${k}`)));
        assert.deepStrictEqual(keys, ["ArnLike aws:SourceArn"]);
    });
    it("leaves the organisation check to the destination's access policy: a sender of another organisation cannot subscribe", async () => {
        const destination = "arn:aws:logs:us-east-1:222222222222:destination:acme-lz-central-logs";
        const policy = JSON.parse(JSON.stringify(logDestinationPolicy({ destinationArn: destination, organizationId: "o-exampleorg1" })));
        const subscribe = (principal: string, org: string) =>
            decideAs({ principal, action: "logs:PutSubscriptionFilter", resource: destination, resourceAccount: "222222222222", context: { "aws:PrincipalOrgID": org }, resourcePolicy: policy });
        assert.strictEqual(await subscribe("arn:aws:iam::444444444444:role/Administrator", "o-exampleorg1"), "Allowed");
        assert.strictEqual(await subscribe("arn:aws:iam::999999999999:role/Administrator", "o-otherorg99"), "ImplicitlyDenied");
    });
    it("refuses a source in a region that is not enabled, and a request without a source", async () => {
        assert.strictEqual(await assume({ "aws:SourceArn": "arn:aws:logs:ap-south-1:444444444444:*" }), "ImplicitlyDenied");
        assert.strictEqual(await assume({}), "ImplicitlyDenied");
    });
    it("does not grow with the number of accounts and fits IAM's 2,048-character trust limit with every commercial region", () => {
        const all = Object.entries(REGIONS).filter(([, r]) => r.partition === "aws").map(([n]) => n);
        const size = policyJson(logsToFirehoseTrustPolicy({ logsPrincipal: "logs.amazonaws.com", logsArnPrefix: "arn:aws:logs", regions: all })).length;
        assert.ok(size <= 2048, `${size} characters for ${all.length} regions`);
    });
});

describe("Firehose delivery role permissions", () => {
    const BUCKET = "arn:aws:s3:::acme-lz-archive-222222222222-us-east-1";
    const KEY = "arn:aws:kms:us-east-1:222222222222:key/k";
    const STREAMS = REGIONS_4.map((r) => `arn:aws:logs:${r}:222222222222:log-group:/acme-lz/central-logs/delivery-errors:log-stream:S3Delivery`);
    const perms = JSON.parse(JSON.stringify(firehoseDeliveryPolicy({ bucketArn: BUCKET, keyArn: KEY, prefix: "cloudwatch-logs", errorLogStreamArns: STREAMS })));
    const FIREHOSE_ROLE = "arn:aws:iam::222222222222:role/acme-lz-central-logs-delivery";
    const ask = (action: string, resource: string) =>
        decide({ principal: FIREHOSE_ROLE, action, resource, resourceAccount: "222222222222", context: { "aws:PrincipalArn": FIREHOSE_ROLE }, identityPolicies: [perms] });
    it("writes the central logs and their errors under the CloudWatch Logs prefixes only", async () => {
        assert.strictEqual(await ask("s3:PutObject", `${BUCKET}/cloudwatch-logs/account=444444444444/region=eu-west-1/2026/11/22/x.gz`), "Allowed");
        assert.strictEqual(await ask("s3:PutObject", `${BUCKET}/cloudwatch-logs-errors/region=eu-west-1/processing-failed/2026/11/22/x`), "Allowed");
        assert.strictEqual(await ask("s3:PutObject", `${BUCKET}/AWSLogs/o-exampleorg1/x`), "ImplicitlyDenied");
    });
    it("reports delivery errors to the error stream of each region, and to no other log stream", async () => {
        for (const s of STREAMS) assert.strictEqual(await ask("logs:PutLogEvents", s), "Allowed", s);
        assert.strictEqual(await ask("logs:PutLogEvents", "arn:aws:logs:us-east-1:222222222222:log-group:/acme-lz/other:log-stream:S3Delivery"), "ImplicitlyDenied");
    });
});
