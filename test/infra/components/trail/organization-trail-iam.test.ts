import * as assert from "assert";
import { decide, ALLOW_ALL } from "../../../support/iam";
import { evaluate } from "../../../support/policy-evaluator";
import { trailLogsTrustPolicy } from "../../../../infra/iam/trail-logs-trust";
import { trailLogsDeliveryPolicy } from "../../../../infra/iam/trail-logs-delivery";
import { trailLogGroupKeyPolicy } from "../../../../infra/iam/trail-log-group-key";

const SECURITY = "333333333333";
const TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-lz-org-trail";
const ROLE = `arn:aws:iam::${SECURITY}:role/org-trail-logs-role`;
const LOG_GROUP = `arn:aws:logs:us-east-1:${SECURITY}:log-group:/acme-lz/cloudtrail/organization`;
const trust = JSON.parse(JSON.stringify(trailLogsTrustPolicy({ cloudTrailPrincipal: "cloudtrail.amazonaws.com", trailArn: TRAIL })));
const delivery = JSON.parse(JSON.stringify(trailLogsDeliveryPolicy({ logGroupArn: LOG_GROUP })));

describe("organisation trail CloudWatch Logs role", () => {
    it("lets CloudTrail assume it for the organisation trail (owned by the management account)", async () => {
        const d = await decide({ principal: "cloudtrail.amazonaws.com", action: "sts:AssumeRole", resource: ROLE, resourceAccount: SECURITY, resourcePolicy: trust, context: { "aws:SourceArn": TRAIL } });
        assert.strictEqual(d, "Allowed");
    });

    it("refuses CloudTrail acting for another trail, even one of this account", async () => {
        for (const other of ["arn:aws:cloudtrail:us-east-1:333333333333:trail/acme-lz-org-trail", "arn:aws:cloudtrail:us-east-1:999999999999:trail/copy"]) {
            const d = await decide({ principal: "cloudtrail.amazonaws.com", action: "sts:AssumeRole", resource: ROLE, resourceAccount: SECURITY, resourcePolicy: trust, context: { "aws:SourceArn": other } });
            assert.strictEqual(d, "ImplicitlyDenied", other);
        }
    });

    it("refuses other services and principals of this account", async () => {
        const svc = await decide({ principal: "lambda.amazonaws.com", action: "sts:AssumeRole", resource: ROLE, resourceAccount: SECURITY, resourcePolicy: trust, context: { "aws:SourceArn": TRAIL } });
        assert.strictEqual(svc, "ImplicitlyDenied");
    });

    it("lets the role create streams and put events in the trail's log group", async () => {
        for (const action of ["logs:CreateLogStream", "logs:PutLogEvents"]) {
            const d = await decide({ principal: ROLE, action, resource: `${LOG_GROUP}:log-stream:o-exampleorg1_444444444444_CloudTrail_us-east-1`, resourceAccount: SECURITY, identityPolicies: [delivery] });
            assert.strictEqual(d, "Allowed", action);
        }
    });

    it("denies writing to any other log group and deleting the trail's", async () => {
        const other = await decide({ principal: ROLE, action: "logs:PutLogEvents", resource: `arn:aws:logs:us-east-1:${SECURITY}:log-group:/app/prod:log-stream:x`, resourceAccount: SECURITY, identityPolicies: [delivery] });
        assert.strictEqual(other, "ImplicitlyDenied");
        const del = await decide({ principal: ROLE, action: "logs:DeleteLogGroup", resource: LOG_GROUP, resourceAccount: SECURITY, identityPolicies: [delivery] });
        assert.strictEqual(del, "ImplicitlyDenied");
    });
});

describe("organisation trail log-group key policy", () => {
    const key = trailLogGroupKeyPolicy({ accountRootArn: `arn:aws:iam::${SECURITY}:root`, logsPrincipal: "logs.us-east-1.amazonaws.com", logGroupArn: LOG_GROUP });
    const KEY = `arn:aws:kms:us-east-1:${SECURITY}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`;

    it("lets an administrator of the account manage the key through IAM", async () => {
        const d = await decide({ principal: `arn:aws:iam::${SECURITY}:role/LandingZoneDeployment`, action: "kms:PutKeyPolicy", resource: KEY, resourceAccount: SECURITY, resourcePolicy: key, identityPolicies: [ALLOW_ALL] });
        assert.strictEqual(d, "Allowed");
    });

    it("denies principals of other accounts", async () => {
        const d = await decide({ principal: "arn:aws:iam::999999999999:role/Admin", action: "kms:Decrypt", resource: KEY, resourceAccount: SECURITY, resourcePolicy: key, identityPolicies: [ALLOW_ALL] });
        assert.strictEqual(d, "ImplicitlyDenied");
    });

    // iam-simulate ignores kms:EncryptionContext:* keys, so the Logs grant is checked
    // as data: the one statement naming the service binds it to the trail's log group ARN exactly.
    it("grants CloudWatch Logs key use only for the trail's log group, by exact encryption-context ARN", () => {
        const logs = key.Statement.filter((s) => s.Principal !== "*" && s.Principal?.Service !== undefined);
        assert.strictEqual(logs.length, 1);
        assert.deepStrictEqual(logs[0].Principal, { Service: "logs.us-east-1.amazonaws.com" });
        assert.deepStrictEqual(logs[0].Condition, { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": LOG_GROUP } });
        assert.ok(!JSON.stringify(logs[0].Action).includes("kms:*"));
        assert.ok(!JSON.stringify(logs[0].Action).includes("CreateGrant"));
    });

    // The same statement decided by the encryption-context evaluator (test/support/policy-evaluator.ts).
    const logsUse = (action: string, logGroupArn: string | undefined, principal = "logs.us-east-1.amazonaws.com") =>
        evaluate(key, { principal, action, resource: KEY, context: logGroupArn === undefined ? {} : { "kms:EncryptionContext:aws:logs:arn": logGroupArn } });

    it("decides: CloudWatch Logs may encrypt and decrypt for the trail's log group", () => {
        for (const action of ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom"]) assert.strictEqual(logsUse(action, LOG_GROUP), "Allowed", action);
    });

    it("decides: not for another log group of this account, of another account, or without a context", () => {
        assert.strictEqual(logsUse("kms:Encrypt", `arn:aws:logs:us-east-1:${SECURITY}:log-group:/app/prod`), "ImplicitlyDenied");
        assert.strictEqual(logsUse("kms:Encrypt", `arn:aws:logs:us-east-1:999999999999:log-group:/acme-lz/cloudtrail/organization`), "ImplicitlyDenied");
        assert.strictEqual(logsUse("kms:Encrypt", undefined), "ImplicitlyDenied");
    });

    it("decides: not for CloudWatch Logs of another region, nor for another service with the right context", () => {
        assert.strictEqual(logsUse("kms:Encrypt", LOG_GROUP, "logs.eu-west-1.amazonaws.com"), "ImplicitlyDenied");
        assert.strictEqual(logsUse("kms:Decrypt", LOG_GROUP, "lambda.amazonaws.com"), "ImplicitlyDenied");
    });
});
