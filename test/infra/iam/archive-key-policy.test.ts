import * as assert from "assert";
import { decideAs, usesEncryptionContext } from "../../support/iam";
import { archiveKeyPolicy } from "../../../infra/iam/archive-key-policy";
import { ARCHIVE_KEY_ARN as KEY, ARCHIVE_KEY_POLICY_ARGS, BREAK_GLASS, DEPLOY, INVESTIGATOR, LOG_ARCHIVE as ARCHIVE_ACCOUNT, ORG, SECURITY, TRAIL } from "../../support/archive-policies";

const ADMIN = `arn:aws:iam::${ARCHIVE_ACCOUNT}:role/Administrator`;

const doc = archiveKeyPolicy(ARCHIVE_KEY_POLICY_ARGS);
/**
 * iam-simulate ignores kms:EncryptionContext:* keys, so the statements that use
 * them are checked structurally below and left out of the simulated document.
 */
const simulated = JSON.parse(JSON.stringify({ ...doc, Statement: doc.Statement.filter((s) => !usesEncryptionContext(s)) }));

const ask = (principal: string, action: string, context: Record<string, string>) => decideAs({ principal, action, resource: KEY, resourceAccount: ARCHIVE_ACCOUNT, context, resourcePolicy: simulated });

describe("archive key policy", () => {
    it("denies ScheduleKeyDeletion to an administrator of the log-archive account", async () => {
        assert.strictEqual(await ask(ADMIN, "kms:ScheduleKeyDeletion", {}), "ExplicitlyDenied");
    });
    it("denies DisableKey and PutKeyPolicy to the account root", async () => {
        for (const action of ["kms:DisableKey", "kms:PutKeyPolicy"]) assert.strictEqual(await ask(`arn:aws:iam::${ARCHIVE_ACCOUNT}:root`, action, {}), "ExplicitlyDenied", action);
    });
    it("lets the deployment and break-glass roles update the key policy", async () => {
        for (const p of [DEPLOY, BREAK_GLASS]) assert.strictEqual(await ask(p, "kms:PutKeyPolicy", {}), "Allowed", p);
    });
    it("lets IAM principals of the account use the key through their identity policies", async () => {
        assert.strictEqual(await ask(ADMIN, "kms:Decrypt", {}), "Allowed");
    });
    it("lets the security investigator decrypt but not encrypt", async () => {
        assert.strictEqual(await ask(INVESTIGATOR, "kms:Decrypt", { "kms:CallerAccount": SECURITY }), "Allowed");
        assert.strictEqual(await ask(INVESTIGATOR, "kms:GenerateDataKey", { "kms:CallerAccount": SECURITY }), "ImplicitlyDenied");
    });
    it("refuses decryption to other roles of the security account", async () => {
        assert.strictEqual(await ask(`arn:aws:iam::${SECURITY}:role/Developer`, "kms:Decrypt", { "kms:CallerAccount": SECURITY }), "ImplicitlyDenied");
    });
    it("lets CloudTrail describe the key for the organisation trail only", async () => {
        assert.strictEqual(await ask("cloudtrail.amazonaws.com", "kms:DescribeKey", { "aws:SourceArn": TRAIL }), "Allowed");
        assert.strictEqual(await ask("cloudtrail.amazonaws.com", "kms:DescribeKey", { "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:999999999999:trail/x" }), "ImplicitlyDenied");
    });
    it("lets flow-log delivery and Config of this organisation encrypt, and no other organisation", async () => {
        for (const p of ["delivery.logs.amazonaws.com", "config.amazonaws.com"]) {
            assert.strictEqual(await ask(p, "kms:GenerateDataKey", { "aws:SourceAccount": "444444444444" }), "Allowed", p);
            assert.strictEqual(await ask(p, "kms:GenerateDataKey", { "aws:SourceAccount": "999999999999" }), "ImplicitlyDenied", p);
        }
    });
    it("lets GuardDuty of the security account encrypt, and not of another account", async () => {
        assert.strictEqual(await ask("guardduty.amazonaws.com", "kms:GenerateDataKey", { "aws:SourceAccount": SECURITY, "aws:SourceArn": `arn:aws:guardduty:eu-west-1:${SECURITY}:detector/abc` }), "Allowed");
        assert.strictEqual(await ask("guardduty.amazonaws.com", "kms:GenerateDataKey", { "aws:SourceAccount": "999999999999", "aws:SourceArn": "arn:aws:guardduty:eu-west-1:999999999999:detector/abc" }), "ImplicitlyDenied");
    });
    it("binds CloudTrail's GenerateDataKey to the organisation trail by source ARN and encryption context", () => {
        const s = doc.Statement.find((x) => x.Sid === "CloudTrailEncryptsOrganizationTrail")!;
        assert.deepStrictEqual(s.Condition, { StringEquals: { "aws:SourceArn": TRAIL, "kms:EncryptionContext:aws:cloudtrail:arn": TRAIL } });
        assert.deepStrictEqual(s.Principal, { Service: "cloudtrail.amazonaws.com" });
    });
    it("binds CloudWatch Logs to log groups of the log-archive account in the home region", () => {
        const s = doc.Statement.find((x) => x.Sid === "LogsEncryptsOwnLogGroups")!;
        assert.deepStrictEqual(s.Condition, { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ARCHIVE_ACCOUNT}:log-group:*` } });
    });
});
