import * as assert from "assert";
import { ALLOW_ALL, decide } from "../../support/iam";
import { siemQueuePolicy } from "../../../infra/iam/siem-queue-policy";

const SECURITY = "333333333333";
const QUEUE = `arn:aws:sqs:us-east-1:${SECURITY}:acme-lz-security-siem`;
const RULE = `arn:aws:events:us-east-1:${SECURITY}:rule/acme-lz-security-events/acme-lz-route-guardduty-high`;
const SELF_TEST_RULE = `arn:aws:events:us-east-1:${SECURITY}:rule/acme-lz-security-events/acme-lz-route-self-test`;
const CONSUMER = "arn:aws:iam::666666666666:role/siem-reader";
const EXEMPT = [`arn:aws:iam::${SECURITY}:role/LandingZoneDeployment`, `arn:aws:iam::${SECURITY}:role/LandingZoneBreakGlass`];
const ADMIN = `arn:aws:iam::${SECURITY}:role/Administrator`;
const policy = siemQueuePolicy({ queueArn: QUEUE, accountId: SECURITY, eventsPrincipal: "events.amazonaws.com", ruleArns: [RULE], consumerArns: [CONSUMER], exemptRoleArns: EXEMPT });
const ask = (principal: string, action: string, context: Record<string, string>, identityPolicies: unknown[] = []) =>
    decide({ principal, action, resource: QUEUE, resourceAccount: SECURITY, context: { "aws:SecureTransport": "true", ...context }, identityPolicies, resourcePolicy: policy });

describe("SIEM queue policy", () => {
    it("lets the routing rules that target the queue send", async () => {
        assert.strictEqual(await ask("events.amazonaws.com", "sqs:SendMessage", { "aws:SourceAccount": SECURITY, "aws:SourceArn": RULE }), "Allowed");
    });
    it("refuses a rule that does not target the queue (the self-test) and a rule of another account", async () => {
        assert.strictEqual(await ask("events.amazonaws.com", "sqs:SendMessage", { "aws:SourceAccount": SECURITY, "aws:SourceArn": SELF_TEST_RULE }), "ImplicitlyDenied");
        assert.strictEqual(await ask("events.amazonaws.com", "sqs:SendMessage", { "aws:SourceAccount": "999999999999", "aws:SourceArn": RULE.replace(SECURITY, "999999999999") }), "ImplicitlyDenied");
    });
    it("lets a named consumer in another account drain the queue, and nothing more", async () => {
        const context = { "aws:PrincipalArn": CONSUMER, "aws:PrincipalAccount": "666666666666" };
        for (const action of ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]) assert.strictEqual(await ask(CONSUMER, action, context, [ALLOW_ALL]), "Allowed", action);
        for (const action of ["sqs:PurgeQueue", "sqs:SetQueueAttributes"]) assert.strictEqual(await ask(CONSUMER, action, context, [ALLOW_ALL]), "ImplicitlyDenied", action);
        // Only EventBridge sends: a consumer's own message would be a forged SIEM event.
        assert.strictEqual(await ask(CONSUMER, "sqs:SendMessage", context, [ALLOW_ALL]), "ExplicitlyDenied");
    });
    it("denies any other account, whatever its IAM policies", async () => {
        const other = "arn:aws:iam::999999999999:role/x";
        assert.strictEqual(await ask(other, "sqs:ReceiveMessage", { "aws:PrincipalArn": other, "aws:PrincipalAccount": "999999999999" }, [ALLOW_ALL]), "ExplicitlyDenied");
    });
    it("denies reading without TLS, to the consumer too", async () => {
        const d = await decide({ principal: CONSUMER, action: "sqs:ReceiveMessage", resource: QUEUE, resourceAccount: SECURITY, context: { "aws:SecureTransport": "false", "aws:PrincipalArn": CONSUMER }, identityPolicies: [ALLOW_ALL], resourcePolicy: policy });
        assert.strictEqual(d, "ExplicitlyDenied");
    });
    it("has no consumer statement when no consumer is configured, and then lets nobody but the exempt roles drain it", async () => {
        const p = siemQueuePolicy({ queueArn: QUEUE, accountId: SECURITY, eventsPrincipal: "events.amazonaws.com", ruleArns: [RULE], consumerArns: [], exemptRoleArns: EXEMPT });
        assert.deepStrictEqual(p.Statement.map((s) => s.Sid), ["RoutingRulesSend", "DenySendButRouting", "DenyDrainButConsumers", "DenyInsecureTransport"]);
        const d = await decide({ principal: ADMIN, action: "sqs:ReceiveMessage", resource: QUEUE, resourceAccount: SECURITY, context: { "aws:SecureTransport": "true", "aws:PrincipalArn": ADMIN }, identityPolicies: [ALLOW_ALL], resourcePolicy: JSON.parse(JSON.stringify(p)) });
        assert.strictEqual(d, "ExplicitlyDenied");
    });
    it("denies an administrator of the security account sending (forged SIEM events, or one message keeping the dead-letter alarm in ALARM) or draining, whatever its IAM policies", async () => {
        const context = { "aws:PrincipalArn": ADMIN };
        for (const action of ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"]) {
            assert.strictEqual(await ask(ADMIN, action, context, [ALLOW_ALL]), "ExplicitlyDenied", action);
        }
    });
    it("lets a consumer role of the security account itself drain the queue", async () => {
        const soc = `arn:aws:iam::${SECURITY}:role/SecurityOperations`;
        const p = JSON.parse(JSON.stringify(siemQueuePolicy({ queueArn: QUEUE, accountId: SECURITY, eventsPrincipal: "events.amazonaws.com", ruleArns: [RULE], consumerArns: [soc], exemptRoleArns: EXEMPT })));
        const d = await decide({ principal: soc, action: "sqs:DeleteMessage", resource: QUEUE, resourceAccount: SECURITY, context: { "aws:SecureTransport": "true", "aws:PrincipalArn": soc }, identityPolicies: [ALLOW_ALL], resourcePolicy: p });
        assert.strictEqual(d, "Allowed");
    });
});
