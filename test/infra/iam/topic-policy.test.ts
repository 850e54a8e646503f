import * as assert from "assert";
import { ALLOW_ALL, decide } from "../../support/iam";
import { topicPolicy } from "../../../infra/iam/topic-policy";

const SECURITY = "333333333333";
const TOPIC = `arn:aws:sns:us-east-1:${SECURITY}:acme-lz-security-high`;
const RULE = `arn:aws:events:us-east-1:${SECURITY}:rule/acme-lz-security-events/acme-lz-route-guardduty-high`;
const OTHER_RULE = `arn:aws:events:us-east-1:${SECURITY}:rule/acme-lz-security-events/acme-lz-route-guardduty-low`;
const policy = topicPolicy({
    topicArn: TOPIC,
    accountId: SECURITY,
    eventsPrincipal: "events.amazonaws.com",
    cloudwatchPrincipal: "cloudwatch.amazonaws.com",
    ruleArns: [RULE],
    alarmArnPattern: `arn:aws:cloudwatch:us-east-1:${SECURITY}:alarm:acme-lz-*`,
    exemptRoleArns: [`arn:aws:iam::${SECURITY}:role/LandingZoneDeployment`, `arn:aws:iam::${SECURITY}:role/LandingZoneBreakGlass`],
});
const publish = (principal: string, context: Record<string, string>, action = "sns:Publish") =>
    decide({ principal, action, resource: TOPIC, resourceAccount: SECURITY, context: { "aws:SecureTransport": "true", ...context }, resourcePolicy: policy });

describe("severity topic policy", () => {
    it("denies an administrator of the security account publishing (a page with text of its choosing), whatever its IAM policies", async () => {
        const admin = `arn:aws:iam::${SECURITY}:role/Administrator`;
        const d = await decide({ principal: admin, action: "sns:Publish", resource: TOPIC, resourceAccount: SECURITY, context: { "aws:SecureTransport": "true", "aws:PrincipalArn": admin }, identityPolicies: [ALLOW_ALL], resourcePolicy: policy });
        assert.strictEqual(d, "ExplicitlyDenied");
    });
    it("lets the routing rules of this topic publish", async () => {
        assert.strictEqual(await publish("events.amazonaws.com", { "aws:SourceAccount": SECURITY, "aws:SourceArn": RULE }), "Allowed");
    });
    it("refuses another rule of the same bus (it targets another topic)", async () => {
        assert.strictEqual(await publish("events.amazonaws.com", { "aws:SourceAccount": SECURITY, "aws:SourceArn": OTHER_RULE }), "ImplicitlyDenied");
    });
    it("refuses a rule of another account, even one with the same name", async () => {
        const foreign = RULE.replace(SECURITY, "999999999999");
        assert.strictEqual(await publish("events.amazonaws.com", { "aws:SourceAccount": "999999999999", "aws:SourceArn": foreign }), "ImplicitlyDenied");
    });
    it("lets the landing zone's alarms of this account publish (CIS alarms, self-test)", async () => {
        for (const alarm of ["acme-lz-cis-root-account-usage", "acme-lz-security-selftest-missing"]) {
            assert.strictEqual(await publish("cloudwatch.amazonaws.com", { "aws:SourceAccount": SECURITY, "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:${SECURITY}:alarm:${alarm}` }), "Allowed", alarm);
        }
    });
    it("refuses an alarm of another account and an alarm outside the landing zone's names", async () => {
        assert.strictEqual(await publish("cloudwatch.amazonaws.com", { "aws:SourceAccount": "999999999999", "aws:SourceArn": "arn:aws:cloudwatch:us-east-1:999999999999:alarm:acme-lz-cis-x" }), "ImplicitlyDenied");
        assert.strictEqual(await publish("cloudwatch.amazonaws.com", { "aws:SourceAccount": SECURITY, "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:${SECURITY}:alarm:team-cpu-high` }), "ImplicitlyDenied");
    });
    it("refuses an alarm of this account in another region", async () => {
        assert.strictEqual(await publish("cloudwatch.amazonaws.com", { "aws:SourceAccount": SECURITY, "aws:SourceArn": `arn:aws:cloudwatch:eu-west-1:${SECURITY}:alarm:acme-lz-cis-x` }), "ImplicitlyDenied");
    });
    it("denies publishing without TLS, even to a principal of the account allowed by IAM", async () => {
        const d = await decide({
            principal: `arn:aws:iam::${SECURITY}:role/Ops`,
            action: "sns:Publish",
            resource: TOPIC,
            resourceAccount: SECURITY,
            context: { "aws:SecureTransport": "false", "aws:PrincipalArn": `arn:aws:iam::${SECURITY}:role/Ops` },
            identityPolicies: [ALLOW_ALL],
            resourcePolicy: policy,
        });
        assert.strictEqual(d, "ExplicitlyDenied");
    });
    it("grants services Publish only: they cannot subscribe or change the topic", async () => {
        for (const action of ["sns:Subscribe", "sns:SetTopicAttributes", "sns:DeleteTopic"]) {
            assert.strictEqual(await publish("events.amazonaws.com", { "aws:SourceAccount": SECURITY, "aws:SourceArn": RULE }, action), "ImplicitlyDenied", action);
        }
    });
    it("leaves the rule statement out when no rule targets the topic", () => {
        const p = topicPolicy({ topicArn: TOPIC, accountId: SECURITY, eventsPrincipal: "events.amazonaws.com", cloudwatchPrincipal: "cloudwatch.amazonaws.com", ruleArns: [], alarmArnPattern: "x", exemptRoleArns: [] });
        assert.deepStrictEqual(p.Statement.map((s) => s.Sid), ["LandingZoneAlarmsPublish", "DenyPublishButRoutingAndAlarms", "DenyInsecureTransport"]);
    });
});
