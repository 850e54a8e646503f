import * as assert from "assert";
import { decide, ALLOW_ALL } from "../../support/iam";
import { notificationQueuePolicy } from "../../../infra/iam/log-archive-notification-queue";

const QUEUE = "arn:aws:sqs:us-east-1:222222222222:archive-objects";
const RULE = "arn:aws:events:us-east-1:222222222222:rule/archive-objects-rule";
const policy = JSON.parse(JSON.stringify(notificationQueuePolicy({ queueArn: QUEUE, ruleArn: RULE, eventsPrincipal: "events.amazonaws.com", securityAccountRootArn: "arn:aws:iam::333333333333:root" })));
const TLS = { "aws:SecureTransport": "true" };

describe("archive notification queue policy", () => {
    it("lets EventBridge send from the archive's new-object rule only", async () => {
        const send = (src: string) => decide({ principal: "events.amazonaws.com", action: "sqs:SendMessage", resource: QUEUE, resourceAccount: "222222222222", context: { ...TLS, "aws:SourceArn": src }, resourcePolicy: policy });
        assert.strictEqual(await send(RULE), "Allowed");
        assert.strictEqual(await send("arn:aws:events:us-east-1:999999999999:rule/other"), "ImplicitlyDenied");
    });
    it("lets a security-account role receive messages and refuses other accounts", async () => {
        const recv = (p: string) => decide({ principal: p, action: "sqs:ReceiveMessage", resource: QUEUE, resourceAccount: "222222222222", context: TLS, identityPolicies: [ALLOW_ALL], resourcePolicy: policy });
        assert.strictEqual(await recv("arn:aws:iam::333333333333:role/Siem"), "Allowed");
        assert.strictEqual(await recv("arn:aws:iam::444444444444:role/Admin"), "ImplicitlyDenied");
    });
});
