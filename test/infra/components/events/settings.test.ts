import * as assert from "assert";
import { checkSecurityEventsSettings } from "../../../../infra/accounts/security-events";
import { securityModel } from "./harness";
import { referenceOrg } from "../../../support/plan";
import { errorMessage as message } from "../../../support/errors";

describe("lz:security.events settings", () => {
    it("defaults every key", () => {
        assert.deepStrictEqual(securityModel().settings.events, {
            archiveRetentionDays: 365,
            selfTest: { enabled: true, intervalMinutes: 60, missedIntervals: 3 },
            siem: { consumerArns: [], retentionDays: 14, maxReceiveCount: 5 },
            chatbotRegion: "us-west-2",
        });
    });
    it("reports every bad value with its key", () => {
        const text = message(() =>
            securityModel(referenceOrg(), {
                orgRules: true,
                events: { archiveRetentionDays: 0, selfTest: { intervalMinutes: 1 }, siem: { retentionDays: 30, consumerArns: ["arn:aws:iam::1:user/x"] }, chatbotRegion: "eu-central-1" },
            }),
        );
        for (const key of ["events.archiveRetentionDays", "events.selfTest.intervalMinutes", "events.siem.retentionDays", "events.siem.consumerArns[0]", "events.chatbotRegion"]) {
            assert.ok(text.includes(key), `${key} in:\n${text}`);
        }
    });
    it("refuses a self-test look-back longer than an alarm allows, naming the stack file and key", () => {
        const model = securityModel(referenceOrg(), { orgRules: true, events: { selfTest: { intervalMinutes: 600, missedIntervals: 3 } } });
        assert.strictEqual(
            message(() => checkSecurityEventsSettings(model)),
            "invalid landing-zone configuration (1 problem):\n  - stacks/Pulumi.security.yaml: lz:security.events.selfTest: intervalMinutes × missedIntervals is 600 × 3 = 1800 minutes, more than one day, the longest a CloudWatch alarm can look back; lower one of them",
        );
        checkSecurityEventsSettings(securityModel(referenceOrg(), { orgRules: true, events: { selfTest: { enabled: false, intervalMinutes: 600, missedIntervals: 3 } } }));
    });
});
