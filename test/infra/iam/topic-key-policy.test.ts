/**
 * The key of the topics, SIEM queues and log group. iam-simulate ignores `kms:EncryptionContext:*`
 *, so a decision here is: iam-simulate on the statements without an encryption
 * context (failing on any ignored key), OR the small evaluator of `test/support/policy-evaluator.ts`
 * (itself checked against iam-simulate) on the statements bound to one (`decideKeyPolicy`). No
 * statement of this policy denies, so the two halves never conflict.
 */
import * as assert from "assert";
import { decideKeyPolicy, usesEncryptionContext } from "../../support/iam";
import { topicKeyPolicy } from "../../../infra/iam/topic-key-policy";

const SECURITY = "333333333333";
const KEY = `arn:aws:kms:us-east-1:${SECURITY}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const TOPICS = ["high", "medium", "low"].map((s) => `arn:aws:sns:us-east-1:${SECURITY}:acme-lz-security-${s}`);
const QUEUES = [`arn:aws:sqs:us-east-1:${SECURITY}:acme-lz-security-siem`, `arn:aws:sqs:us-east-1:${SECURITY}:acme-lz-security-siem-dlq`];
const LOG_GROUP = `arn:aws:logs:us-east-1:${SECURITY}:log-group:/acme-lz/security-events`;
const CONSUMER = "arn:aws:iam::666666666666:role/siem-reader";
const doc = topicKeyPolicy({
    accountRootArn: `arn:aws:iam::${SECURITY}:root`,
    accountId: SECURITY,
    principals: { events: "events.amazonaws.com", cloudwatch: "cloudwatch.amazonaws.com", logs: "logs.us-east-1.amazonaws.com" },
    topicArns: TOPICS,
    queueArns: QUEUES,
    logGroupArn: LOG_GROUP,
    siemConsumerArns: [CONSUMER],
    sqsViaService: "sqs.us-east-1.amazonaws.com",
});

const ask = (principal: string, action: string, context: Record<string, string>, identity = false) =>
    decideKeyPolicy(doc, { principal, action, resource: KEY, resourceAccount: SECURITY, context, identityPolicies: identity ? undefined : [] });
const sns = (topic: string) => ({ "kms:EncryptionContext:aws:sns:topicArn": topic });
const sqs = (queue: string) => ({ "kms:EncryptionContext:aws:sqs:arn": queue });

describe("alerting key policy", () => {
    it("lets EventBridge encrypt for each severity topic and each SIEM queue", async () => {
        for (const t of TOPICS) assert.strictEqual(await ask("events.amazonaws.com", "kms:GenerateDataKey", sns(t)), "Allowed", t);
        for (const q of QUEUES) assert.strictEqual(await ask("events.amazonaws.com", "kms:Decrypt", sqs(q)), "Allowed", q);
    });
    it("refuses EventBridge for a topic or queue of another account or another name", async () => {
        assert.strictEqual(await ask("events.amazonaws.com", "kms:GenerateDataKey", sns("arn:aws:sns:us-east-1:999999999999:acme-lz-security-high")), "ImplicitlyDenied");
        assert.strictEqual(await ask("events.amazonaws.com", "kms:GenerateDataKey", sns(`arn:aws:sns:us-east-1:${SECURITY}:team-topic`)), "ImplicitlyDenied");
        assert.strictEqual(await ask("events.amazonaws.com", "kms:Decrypt", sqs(`arn:aws:sqs:us-east-1:${SECURITY}:team-queue`)), "ImplicitlyDenied");
        assert.strictEqual(await ask("events.amazonaws.com", "kms:Decrypt", {}), "ImplicitlyDenied");
    });
    it("lets alarms of this account encrypt for the severity topics, and no alarm of another account", async () => {
        assert.strictEqual(await ask("cloudwatch.amazonaws.com", "kms:GenerateDataKey", { "aws:SourceAccount": SECURITY, ...sns(TOPICS[0]) }), "Allowed");
        assert.strictEqual(await ask("cloudwatch.amazonaws.com", "kms:GenerateDataKey", { "aws:SourceAccount": "999999999999", ...sns(TOPICS[0]) }), "ImplicitlyDenied");
    });
    it("gives services only the publishing actions, never administration", async () => {
        for (const action of ["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "kms:CreateGrant", "kms:Encrypt"]) {
            assert.strictEqual(await ask("events.amazonaws.com", action, sns(TOPICS[0])), "ImplicitlyDenied", action);
        }
    });
    it("lets CloudWatch Logs use the key for the security-events log group only", async () => {
        assert.strictEqual(await ask("logs.us-east-1.amazonaws.com", "kms:GenerateDataKey", { "kms:EncryptionContext:aws:logs:arn": LOG_GROUP }), "Allowed");
        assert.strictEqual(await ask("logs.us-east-1.amazonaws.com", "kms:GenerateDataKey", { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${SECURITY}:log-group:/app/x` }), "ImplicitlyDenied");
    });
    it("lets a configured SIEM consumer of another account decrypt through SQS only", async () => {
        assert.strictEqual(await ask(CONSUMER, "kms:Decrypt", { "kms:ViaService": "sqs.us-east-1.amazonaws.com", "kms:CallerAccount": "666666666666" }, true), "Allowed");
        assert.strictEqual(await ask(CONSUMER, "kms:Decrypt", { "kms:ViaService": "s3.us-east-1.amazonaws.com", "kms:CallerAccount": "666666666666" }, true), "ImplicitlyDenied");
        assert.strictEqual(await ask(CONSUMER, "kms:GenerateDataKey", { "kms:ViaService": "sqs.us-east-1.amazonaws.com", "kms:CallerAccount": "666666666666" }, true), "ImplicitlyDenied");
    });
    it("keeps administration with the account, through its IAM policies", async () => {
        assert.strictEqual(await ask(`arn:aws:iam::${SECURITY}:role/LandingZoneDeployment`, "kms:PutKeyPolicy", {}, true), "Allowed");
        assert.strictEqual(await ask("arn:aws:iam::999999999999:role/x", "kms:Decrypt", {}, true), "ImplicitlyDenied");
    });
    it("binds EventBridge by encryption context, not by aws:SourceArn (unsupported for EventBridge to encrypted topics)", () => {
        const events = doc.Statement.filter((s) => JSON.stringify(s.Principal).includes("events.amazonaws.com"));
        assert.strictEqual(events.length, 2);
        for (const s of events) {
            assert.ok(usesEncryptionContext(s), s.Sid);
            assert.ok(!JSON.stringify(s.Condition).includes("aws:Source"), s.Sid);
        }
    });
});
