import * as assert from "assert";
import { resolveSecurityEventBusArgs, type SecurityEventBusArgs } from "../../../../infra/components/events/security-event-bus";
import { resolveAlertTopicsArgs, type AlertTopicsArgs } from "../../../../infra/components/events/alert-topics";
import { resolveSiemQueueArgs, type SiemQueueArgs } from "../../../../infra/components/events/siem-queue";
import { resolveSecurityEventLogArgs, type SecurityEventLogArgs } from "../../../../infra/components/events/security-event-log";
import { resolveSecurityEventRoutingArgs, type SecurityEventRoutingArgs } from "../../../../infra/components/events/security-event-routing";
import { resolveFindingsForwardingArgs, type FindingsForwardingArgs } from "../../../../infra/components/events/findings-forwarding";
import { resolveAlertSelfTestArgs, type AlertSelfTestArgs } from "../../../../infra/components/events/alert-self-test";
import { resolveSlackAlertsArgs, type SlackAlertsArgs } from "../../../../infra/components/events/slack-alerts";
import type { PolicyDocument } from "../../../../infra/iam/types";
import { BUS_ARN } from "./harness";
import { errorMessage as message } from "../../../support/errors";

const DOC: PolicyDocument = { Version: "2012-10-17", Statement: [] };

describe("events components: argument defaults and validation", () => {
    describe("SecurityEventBus", () => {
        const args: SecurityEventBusArgs = { busName: "acme-lz-security-events", busPolicy: DOC, keyPolicy: DOC, keyAlias: "alias/acme-lz-security-events", archiveName: "acme-lz-security-events-archive" };
        it("keeps the archive for 365 days by default", () => assert.strictEqual(resolveSecurityEventBusArgs("b", args).archiveRetentionDays, 365));
        it("reports every bad argument at once", () => {
            assert.strictEqual(
                message(() => resolveSecurityEventBusArgs("b", { ...args, busName: "bad name", archiveName: "x".repeat(49), keyAlias: "alias/aws/sns", archiveRetentionDays: 0 })),
                [
                    "SecurityEventBus b:",
                    '  busName: "bad name" must be 1-256 characters of letters, digits and . - _',
                    `  archiveName: "${"x".repeat(49)}" must be 1-48 characters of letters, digits and . - _`,
                    '  keyAlias: "alias/aws/sns" must be alias/<name> and not under alias/aws/',
                    "  archiveRetentionDays: 0 must be a whole number of days, at least 1",
                ].join("\n"),
            );
        });
    });

    describe("AlertTopics", () => {
        const args: AlertTopicsArgs = { topicNames: { high: "x-high", medium: "x-medium", low: "x-low" }, topicPolicies: { high: DOC, medium: DOC, low: DOC }, keyArn: "k" };
        it("subscribes nobody and filters nothing by default", () => {
            const r = resolveAlertTopicsArgs("t", args);
            assert.deepStrictEqual(r.emails, {});
            assert.strictEqual(r.selfTestSource, undefined);
        });
        it("refuses a topic name without its severity and a malformed or repeated e-mail", () => {
            assert.strictEqual(
                message(() => resolveAlertTopicsArgs("t", { ...args, topicNames: { high: "x-urgent", medium: "x-medium", low: "x-low" }, emails: { low: ["a@b.example", "a@b.example", "nope"] } })),
                [
                    "AlertTopics t:",
                    '  topicNames.high: "x-urgent" must contain "high" (severity topics carry their severity in their name, so a subscriber sees from the name how urgent an alert is)',
                    '  emails.low[2]: "nope" is not an e-mail address',
                    "  emails.low: lists an address twice",
                ].join("\n"),
            );
        });
    });

    describe("SiemQueue", () => {
        const args: SiemQueueArgs = { queueName: "q", deadLetterQueueName: "q-dlq", keyArn: "k", queuePolicy: DOC, deadLetterQueuePolicy: DOC, alarmTopicArn: "t", deadLetterAlarmName: "a" };
        it("keeps messages 14 days and moves them to the dead-letter queue after 5 receives by default", () => {
            const r = resolveSiemQueueArgs("s", args);
            assert.strictEqual(r.retentionDays, 14);
            assert.strictEqual(r.maxReceiveCount, 5);
        });
        it("refuses retention and receive counts SQS does not accept", () => {
            assert.strictEqual(
                message(() => resolveSiemQueueArgs("s", { ...args, retentionDays: 15, maxReceiveCount: 0 })),
                "SiemQueue s:\n  retentionDays: 15 must be a whole number of days from 1 to 14 (SQS limits)\n  maxReceiveCount: 0 must be a whole number from 1 to 1000",
            );
        });
    });

    describe("SecurityEventLog", () => {
        const args: SecurityEventLogArgs = { logGroupName: "/acme-lz/security-events", keyArn: "k", retentionDays: 365, resourcePolicy: DOC, resourcePolicyName: "p" };
        it("accepts 0 (never expire)", () => assert.strictEqual(resolveSecurityEventLogArgs("l", { ...args, retentionDays: 0 }).retentionDays, 0));
        it("refuses a retention CloudWatch Logs does not offer", () => {
            assert.match(message(() => resolveSecurityEventLogArgs("l", { ...args, retentionDays: 100 })), /^SecurityEventLog l:\n {2}retentionDays: 100 is not a CloudWatch Logs retention value; use one of 0, 1, 3, /);
        });
    });

    describe("SecurityEventRouting", () => {
        const base: SecurityEventRoutingArgs = {
            busName: "bus",
            routes: [{ id: "all-events", description: "", pattern: { source: [{ prefix: "" }] }, targets: { log: true } }],
            ruleName: (id) => `acme-lz-route-${id}`,
            topicArns: { high: "h", medium: "m", low: "l" },
            siemQueueArn: "q",
            logGroupArn: "g",
            deadLetterQueueArn: "d",
            customActions: [],
        };
        it("refuses duplicate ids, rows without a target, names too long, custom actions Security Hub refuses and a missing catch-all", () => {
            const row = { id: "x", description: "", pattern: { source: ["a"] }, targets: {} };
            assert.strictEqual(
                message(() =>
                    resolveSecurityEventRoutingArgs("r", {
                        ...base,
                        routes: [row, row, { ...row, id: "y".repeat(25), targets: { siem: true } }],
                        customActions: [{ identifier: "Send-To", name: "A name of twenty chr", description: "" }],
                    }),
                ),
                [
                    "SecurityEventRouting r:",
                    "  routes: x has no target",
                    '  routes: id "x" appears twice',
                    "  routes: x has no target",
                    `  routes: id "${"y".repeat(25)}" must be 1-24 characters of a-z, 0-9 and -`,
                    "  routes: exactly one row must target the log group (the catch-all), so every event is logged once",
                    '  customActions: identifier "Send-To" must be 1-20 letters or digits',
                    '  customActions: name "A name of twenty chr" must be 1-19 characters',
                ].join("\n"),
            );
        });
    });

    describe("FindingsForwarding", () => {
        const args: FindingsForwardingArgs = {
            regions: ["us-east-1", "eu-west-1"],
            homeRegion: "us-east-1",
            centralBusArn: BUS_ARN,
            roleName: "r",
            trustPolicy: DOC,
            permissionsPolicy: DOC,
            ruleName: (id) => id,
            deadLetterQueueName: "d",
            deadLetterQueuePolicy: () => DOC,
        };
        it("forwards the findings of GuardDuty, Inspector, Macie, Access Analyzer and Security Hub by default", () => {
            // The services' EventBridge sources (each service's user guide, "EventBridge" / "CloudWatch Events").
            const sources = resolveFindingsForwardingArgs("f", args).rules.flatMap((r) => r.pattern.source as string[]);
            assert.deepStrictEqual(sources.sort(), ["aws.access-analyzer", "aws.guardduty", "aws.inspector2", "aws.macie", "aws.securityhub"]);
        });
        it("refuses a home region outside the regions, a bus ARN that is not one, and patterns on account", () => {
            assert.strictEqual(
                message(() =>
                    resolveFindingsForwardingArgs("f", { ...args, homeRegion: "eu-central-1", centralBusArn: "arn:aws:sns:us-east-1:333333333333:x", rules: [{ id: "g", description: "", scope: "enabled", pattern: { account: ["1"] } }] }),
                ),
                [
                    "FindingsForwarding f:",
                    "  homeRegion: eu-central-1 is not one of the regions us-east-1, eu-west-1",
                    '  centralBusArn: "arn:aws:sns:us-east-1:333333333333:x" is not an event bus ARN',
                    '  rules: g filters on "account"; forwarding patterns must not',
                ].join("\n"),
            );
        });
    });

    describe("AlertSelfTest", () => {
        const path = { id: "high", destination: "the high topic", metric: { namespace: "AWS/SNS", metricName: "NumberOfMessagesPublished", dimensions: { TopicName: "t" } }, missingAlarmName: "m", notify: ["t"] };
        const args: AlertSelfTestArgs = { name: "acme-lz-security-selftest", busArn: BUS_ARN, busName: "b", source: "lz.selftest", detailType: "d", trustPolicy: DOC, permissionsPolicy: DOC, paths: [path] };
        it("runs hourly and alarms after three missed hours by default", () => {
            const r = resolveAlertSelfTestArgs("s", args);
            assert.strictEqual(r.intervalMinutes, 60);
            assert.strictEqual(r.missedIntervals, 3);
        });
        it("refuses a look-back longer than a CloudWatch alarm allows and an aws. source PutEvents rejects", () => {
            assert.strictEqual(
                message(() => resolveAlertSelfTestArgs("s", { ...args, intervalMinutes: 720, missedIntervals: 3, source: "aws.selftest" })),
                [
                    "AlertSelfTest s:",
                    "  intervalMinutes × missedIntervals: 720 × 3 = 2160 minutes exceeds one day, the longest a CloudWatch alarm can look back; lower one of them",
                    '  source: "aws.selftest" starts with "aws.", which PutEvents refuses; use a source of your own',
                ].join("\n"),
            );
        });
        it("refuses no path, a path named twice, an id a schedule name cannot carry and a subscriber count below one", () => {
            assert.strictEqual(message(() => resolveAlertSelfTestArgs("s", { ...args, paths: [] })), ["AlertSelfTest s:", "  paths: at least one path is required"].join("\n"));
            assert.strictEqual(
                message(() =>
                    resolveAlertSelfTestArgs("s", {
                        ...args,
                        paths: [path, path, { ...path, id: "High-Topic", subscribers: { count: 0, topicName: "t", ruleName: "r", alarmName: "u", notify: [] } }],
                    }),
                ),
                [
                    "AlertSelfTest s:",
                    '  paths: ["high","high","High-Topic"] names a path twice',
                    '  paths: id "High-Topic" must be 1-9 characters of a-z and 0-9',
                    "  paths: High-Topic: subscribers.count 0 must be a whole number, at least 1",
                ].join("\n"),
            );
        });
    });

    describe("SlackAlerts", () => {
        const args: SlackAlertsArgs = { workspaceId: "T0123ABCDE", channels: { high: "C0HIGH0001" }, topicArns: { high: "h", medium: "m", low: "l" }, roleName: "r", trustPolicy: DOC, permissionsPolicy: DOC, guardrailPolicyArns: ["g"], region: "us-west-2" };
        it("refuses no channel, malformed ids and a channel without a guardrail", () => {
            assert.strictEqual(
                message(() => resolveSlackAlertsArgs("s", { ...args, workspaceId: "team", channels: {}, guardrailPolicyArns: [] })),
                [
                    "SlackAlerts s:",
                    '  workspaceId: "team" is not a Slack workspace id like T0123ABCD',
                    "  channels: name at least one channel (high, medium or low)",
                    "  guardrailPolicyArns: without a guardrail Chatbot applies AdministratorAccess to the channel; name a read-only policy",
                ].join("\n"),
            );
        });
    });
});
