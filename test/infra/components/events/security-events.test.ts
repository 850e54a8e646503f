import * as assert from "assert";
import { busPolicy } from "../../../../infra/iam/bus-policy";
import { centralBusArn, centralBusName, logGroupPrefix } from "../../../../infra/naming";
import { alertingScope, routesOf } from "../../../../infra/accounts/security-events";
import * as names from "../../../../infra/components/events/names";
import { SELF_TEST_DETAIL_TYPE, SELF_TEST_SOURCE } from "../../../../infra/components/events/routing-table";
import { FINDINGS_FORWARDING_RULES } from "../../../../infra/components/events/findings-forwarding-rules";
import { documentedCisControls } from "../../../support/cis-severities";
import { SEVERITIES } from "../../../../infra/config/model";
import type { StackPlan } from "../../../../infra/engine/run";
import type { PlannedResource } from "../../../../infra/engine/monitor";
import { matches } from "../../../support/event-pattern";
import { ALLOW_ALL, decide } from "../../../support/iam";
import { BUS_ARN, HOME, ORG_ID, planSecurityEvents, REGIONS, SECURITY, securityModel } from "./harness";
import { byName, ofType, policyOf, referenceOrg, withMembers } from "../../../support/plan";
import { nonEmpty } from "../../../support/non-empty";

const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const model = securityModel();
const scope = alertingScope(model);
const ROUTES = routesOf(model);
const TOPIC = (s: string) => `arn:aws:sns:us-east-1:${SECURITY}:acme-lz-security-${s}`;
const SIEM = `arn:aws:sqs:us-east-1:${SECURITY}:acme-lz-security-siem`;
const SIEM_DLQ = `arn:aws:sqs:us-east-1:${SECURITY}:acme-lz-security-siem-dlq`;
const LOG_GROUP = `arn:aws:logs:us-east-1:${SECURITY}:log-group:/acme-lz/security-events`;

/** Routing rules on the central bus (the findings-forwarding rules live on default buses). */
/** Rules of the central bus: the routing table's (`<prefix>-route-*`), and the watches that count arrivals (`<prefix>-watch-*`). */
const busRules = (p: StackPlan) => ofType(p, RULE).filter((r) => r.inputs.eventBusName === centralBusName(model.org));
const routingRules = (p: StackPlan) => busRules(p).filter((r) => String(r.inputs.name).startsWith("acme-lz-route-"));
const targetsOf = (p: StackPlan, rule: PlannedResource) => ofType(p, TARGET).filter((t) => t.inputs.rule === rule.inputs.name && t.inputs.eventBusName === rule.inputs.eventBusName);
/** The rule ARNs whose targets include `arn`, read from the plan. */
function plannedSources(p: StackPlan, arn: string): string[] {
    return busRules(p)
        .filter((r) => targetsOf(p, r).some((t) => t.inputs.arn === arn))
        // The ARN the engine gave the planned rule, not one rebuilt with the code's own naming function.
        .map((r) => String(r.outputs.arn))
        .sort();
}

/** The body SNS delivers for a CloudWatch alarm action (CloudWatch User Guide, "Amazon SNS notifications for alarms"): no `source` key. */
const ALARM_NOTIFICATION = {
    AlarmName: "acme-lz-watch-high-account-silent",
    AlarmDescription: "Fewer heartbeats than accounts",
    AWSAccountId: "333333333333",
    AlarmConfigurationUpdatedTimestamp: "2026-12-01T10:00:00.000+0000",
    NewStateValue: "ALARM",
    NewStateReason: "Threshold Crossed: 3 out of the last 3 datapoints were less than the threshold (5.0).",
    StateChangeTime: "2026-12-03T09:00:00.000+0000",
    Region: "US East (N. Virginia)",
    AlarmArn: "arn:aws:cloudwatch:us-east-1:333333333333:alarm:acme-lz-watch-high-account-silent",
    OldStateValue: "OK",
    OKActions: ["arn:aws:sns:us-east-1:333333333333:acme-lz-security-high"],
    AlarmActions: ["arn:aws:sns:us-east-1:333333333333:acme-lz-security-high"],
    InsufficientDataActions: [],
    Trigger: { MetricName: "AccountHeartbeats", Namespace: "LandingZone/Health", StatisticType: "Statistic", Statistic: "SUM", Unit: null, Dimensions: [], Period: 3600, EvaluationPeriods: 3, ComparisonOperator: "LessThanThreshold", Threshold: 5, TreatMissingData: "breaching", EvaluateLowSampleCountPercentile: "" },
};

describe("buildSecurityEvents (security account alerting)", () => {
    let p: StackPlan;
    before(async () => {
        p = await planSecurityEvents(model);
    });

    describe("central bus", () => {
        it("exports the bus name and ARN member stacks derive from naming.ts", () => {
            assert.strictEqual(p.outputs.centralBusName, centralBusName(model.org));
            assert.strictEqual(p.outputs.centralBusArn, centralBusArn(model.org));
            assert.strictEqual(p.outputs.centralBusArn, BUS_ARN);
        });
        it("exports the contract outputs: topics by severity and the SIEM queue", () => {
            assert.deepStrictEqual(p.outputs.severityTopicArns, { high: TOPIC("high"), medium: TOPIC("medium"), low: TOPIC("low") });
            assert.strictEqual(p.outputs.siemQueueArn, SIEM);
        });
        it("puts the bus, its routing, topics, queues and log group in the home region with the account's provider", () => {
            const provider = p.resources.find((r) => r.type === "pulumi:providers:aws")!;
            for (const r of p.resources.filter((x) => x.type.startsWith("aws:") && x.type !== "aws:iam/role:Role" && x.type !== "aws:iam/rolePolicy:RolePolicy")) {
                const region = r.inputs.region ?? HOME;
                const isForwarding = r.name.startsWith("security-findings-forwarding-");
                const isSlack = r.type.startsWith("aws:chatbot/");
                if (!isForwarding && !isSlack) assert.strictEqual(region, HOME, r.name);
                assert.strictEqual(r.provider, provider.urn, r.name);
            }
        });
        it("admits PutEvents from the landing zone's forwarding rules of the organisation, the self-test's role, the integrity validation's role and the playbooks' roles only", () => {
            const expected = busPolicy({
                busArn: BUS_ARN,
                organizationId: ORG_ID,
                forwardingRuleArnPatterns: ["arn:aws:events:*:*:rule/acme-lz-fwd-*", "arn:aws:events:*:333333333333:rule/acme-lz-findings-*"],
                selfTest: { source: "lz.selftest", roleArn: "arn:aws:iam::333333333333:role/acme-lz-security-selftest" },
                publishers: [
                    { name: "Integrity", source: "lz.integrity", roleArns: ["arn:aws:iam::333333333333:role/acme-lz-log-integrity"] },
                    {
                        name: "Response",
                        source: "lz.response",
                        roleArns: ["public-bucket", "exposed-key", "compromised-instance"].map((id) => `arn:aws:iam::333333333333:role/acme-lz-playbook-${id}`),
                    },
                ],
            });
            assert.deepStrictEqual(policyOf(byName(p, "security-events-bus-policy")), JSON.parse(JSON.stringify(expected)));
            // The role named there is the one the planned schedule runs as.
            assert.strictEqual(byName(p, "security-self-test-role").inputs.name, "acme-lz-security-selftest");
        });
        it("archives every event for the configured retention, protected and kept on delete", async () => {
            const archive = byName(p, "security-events-archive");
            assert.strictEqual(archive.inputs.retentionDays, 365);
            assert.strictEqual(archive.inputs.eventPattern, undefined);
            assert.strictEqual(archive.protect, true);
            assert.strictEqual(archive.retainOnDelete, true);
            const q = await planSecurityEvents(securityModel(referenceOrg(), { orgRules: true, events: { archiveRetentionDays: 90 } }));
            assert.strictEqual(byName(q, "security-events-archive").inputs.retentionDays, 90);
        });
        it("keeps a rotated customer managed key, protected, for topics, queues and log group", () => {
            const key = byName(p, "security-events-key");
            assert.strictEqual(key.inputs.enableKeyRotation, true);
            assert.strictEqual(key.inputs.deletionWindowInDays, 30);
            assert.strictEqual(key.protect, true);
            assert.strictEqual(byName(p, "security-events-key-alias").inputs.name, "alias/acme-lz-security-events");
            const keyArn = p.outputs.securityEventsKeyArn;
            for (const s of SEVERITIES) assert.strictEqual(byName(p, `security-alerts-${s}`).inputs.kmsMasterKeyId, keyArn, s);
            assert.strictEqual(byName(p, "security-siem-queue").inputs.kmsMasterKeyId, keyArn);
            assert.strictEqual(byName(p, "security-siem-dlq").inputs.kmsMasterKeyId, keyArn);
            assert.strictEqual(byName(p, "security-event-log-group").inputs.kmsKeyId, keyArn);
        });
        it("reads the organisation id from the management stack when the org file says create", async () => {
            const org = referenceOrg();
            org.organization.id = "create";
            const q = await planSecurityEvents(securityModel(org), {}, { stackOutputs: (name) => (name === "acme/lz/management" ? { organizationId: "o-created0001" } : undefined) });
            assert.deepStrictEqual(policyOf(byName(q, "security-events-bus-policy")).Statement[0].Condition.StringEquals, { "aws:PrincipalOrgID": "o-created0001" });
        });
    });

    describe("routing", () => {
        it("plans one rule per row of the table on the central bus, with the table's pattern", () => {
            const rules = routingRules(p);
            assert.strictEqual(rules.length, ROUTES.length);
            for (const r of ROUTES) {
                const rule = rules.find((x) => x.inputs.name === names.routeRuleName(scope, r.id));
                assert.ok(rule, r.id);
                assert.deepStrictEqual(JSON.parse(String(rule.inputs.eventPattern)), r.pattern, r.id);
            }
        });
        it("targets exactly the row's topic, SIEM queue and log group", () => {
            for (const r of ROUTES) {
                const rule = byName(p, `security-routing-${r.id}`);
                const expected = [
                    ...(r.targets.topic ? [TOPIC(r.targets.topic)] : []),
                    ...(r.targets.siem ? [SIEM] : []),
                    ...(r.targets.log ? [LOG_GROUP] : []),
                ].sort();
                assert.deepStrictEqual(targetsOf(p, rule).map((t) => String(t.inputs.arn)).sort(), expected, r.id);
            }
        });
        it("retries every target for a day, then keeps the event in the dead-letter queue, with no role", () => {
            const targets = ofType(p, TARGET).filter((x) => x.name.startsWith("security-routing-"));
            assert.strictEqual(targets.length, routingRules(p).reduce((n, r) => n + targetsOf(p, r).length, 0), "every routing target is checked");
            assert.ok(targets.length >= ROUTES.length);
            for (const t of targets) {
                assert.deepStrictEqual(t.inputs.deadLetterConfig, { arn: SIEM_DLQ }, t.name);
                assert.deepStrictEqual(t.inputs.retryPolicy, { maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 }, t.name);
                assert.strictEqual(t.inputs.roleArn, undefined, `${t.name}: resource-policy targets take no role`);
            }
        });
        it("creates targets only after the topic, queue and log policies that admit them", () => {
            const policies = [...SEVERITIES.map((s) => `security-alerts-${s}-policy`), "security-siem-queue-policy", "security-siem-dlq-policy", "security-event-log-policy"].map((n) => byName(p, n).urn);
            const targets = ofType(p, TARGET).filter((x) => x.name.startsWith("security-routing-"));
            assert.ok(targets.length >= ROUTES.length, "every routing target is checked");
            for (const t of targets) {
                for (const urn of policies) assert.ok(t.dependencies.includes(urn), `${t.name} waits for ${urn}`);
            }
        });
        it("admits exactly the planned rules that target each topic, queue and log group in their policies", () => {
            for (const s of SEVERITIES) {
                const doc = policyOf(byName(p, `security-alerts-${s}-policy`));
                assert.deepStrictEqual([...doc.Statement[0].Condition.ArnEquals["aws:SourceArn"]].sort(), plannedSources(p, TOPIC(s)), s);
            }
            assert.deepStrictEqual([...policyOf(byName(p, "security-siem-queue-policy")).Statement[0].Condition.ArnEquals["aws:SourceArn"]].sort(), plannedSources(p, SIEM));
            const log = policyOf(byName(p, "security-event-log-policy"), "policyDocument");
            assert.deepStrictEqual([...log.Statement[1].Condition.ArnEquals["aws:SourceArn"]].sort(), plannedSources(p, LOG_GROUP));
            // Every routing rule may leave undeliverable events in the dead-letter queue.
            assert.strictEqual(policyOf(byName(p, "security-siem-dlq-policy")).Statement[0].Condition.ArnEquals["aws:SourceArn"].length, ROUTES.length);
        });
        it("gives planned rules the ARNs the policies name", () => {
            for (const r of ROUTES) assert.strictEqual(byName(p, `security-routing-${r.id}`).outputs.arn, names.routeRuleArn(scope, r.id), r.id);
        });
        it("creates the Security Hub custom actions in the home region, with the ARNs the table matches", () => {
            assert.deepStrictEqual(p.outputs.customActionArns, {
                SendToSIEM: `arn:aws:securityhub:us-east-1:${SECURITY}:action/custom/SendToSIEM`,
                Escalate: `arn:aws:securityhub:us-east-1:${SECURITY}:action/custom/Escalate`,
            });
            const siemRow = ROUTES.find((r) => r.id === "custom-action-siem")!;
            assert.deepStrictEqual(siemRow.pattern.resources, [`arn:aws:securityhub:us-east-1:${SECURITY}:action/custom/SendToSIEM`]);
            for (const a of ofType(p, "aws:securityhub/actionTarget:ActionTarget")) assert.ok(String(a.inputs.name).length < 20, String(a.inputs.name));
        });
    });

    describe("targets", () => {
        it("names the topics by severity and subscribes the org's e-mails, filtering out the self-test", () => {
            for (const s of SEVERITIES) assert.strictEqual(byName(p, `security-alerts-${s}`).inputs.name, `acme-lz-security-${s}`);
            const subs = ofType(p, "aws:sns/topicSubscription:TopicSubscription");
            assert.deepStrictEqual(subs.map((x) => [x.inputs.topic, x.inputs.endpoint]).sort(), [
                [TOPIC("high"), "secops-oncall@acme.example"],
                [TOPIC("low"), "secops-digest@acme.example"],
                [TOPIC("medium"), "secops@acme.example"],
            ]);
            for (const x of subs) {
                assert.strictEqual(x.inputs.protocol, "email");
                assert.strictEqual(x.inputs.filterPolicyScope, "MessageBody");
                const filter = JSON.parse(String(x.inputs.filterPolicy));
                assert.ok(!matches(filter, { source: SELF_TEST_SOURCE }), "the self-test is filtered out");
                assert.ok(matches(filter, { source: "aws.guardduty" }), "findings pass");
                assert.ok(matches(filter, ALARM_NOTIFICATION), "a CloudWatch alarm's notification (no source key) passes");
            }
        });
        it("keeps the SIEM queue and its dead-letter queue encrypted, protected, for the configured retention", () => {
            const queue = byName(p, "security-siem-queue");
            const dlq = byName(p, "security-siem-dlq");
            assert.deepStrictEqual(JSON.parse(String(queue.inputs.redrivePolicy)), { deadLetterTargetArn: SIEM_DLQ, maxReceiveCount: 5 });
            for (const q of [queue, dlq]) {
                assert.strictEqual(q.inputs.messageRetentionSeconds, 14 * 86400, q.name);
                assert.strictEqual(q.protect, true, q.name);
            }
            const alarm = byName(p, "security-siem-dlq-alarm");
            assert.deepStrictEqual(alarm.inputs.dimensions, { QueueName: "acme-lz-security-siem-dlq" });
            assert.deepStrictEqual(alarm.inputs.alarmActions, [TOPIC("high")]);
        });
        it("logs every event into an encrypted log group under the landing zone's prefix, kept for the organisation's retention", () => {
            const group = byName(p, "security-event-log-group");
            assert.ok(String(group.inputs.name).startsWith(logGroupPrefix(model.org)));
            assert.strictEqual(group.inputs.retentionInDays, model.org.retention.logGroupDays);
            assert.strictEqual(group.protect, true);
        });
        it("counts every account's heartbeats and the canary's arrivals as matches of rules of their own, which deliver into the log group for the saved query", async () => {
            const watches = busRules(p).filter((r) => !String(r.inputs.name).startsWith("acme-lz-route-"));
            assert.deepStrictEqual(watches.map((r) => r.inputs.name).sort(), ["acme-lz-watch-heartbeats", "acme-lz-watch-log-canary"]);
            const doc = policyOf(byName(p, "security-event-log-policy"), "policyDocument");
            for (const rule of watches) {
                const alarms = ofType(p, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.inputs.metricName === "MatchedEvents" && (a.inputs.dimensions as any).RuleName === rule.inputs.name);
                assert.strictEqual(alarms.length, 1, String(rule.inputs.name));
                assert.strictEqual(alarms[0].inputs.namespace, "AWS/Events", "a metric no administrator can write");
                assert.strictEqual(alarms[0].inputs.treatMissingData, "breaching");
                assert.deepStrictEqual(alarms[0].inputs.alarmActions, [TOPIC("high")]);
                const targets = targetsOf(p, rule);
                assert.deepStrictEqual(targets.map((t) => t.inputs.arn), [LOG_GROUP]);
                const put = await decide({ principal: "events.amazonaws.com", action: "logs:PutLogEvents", resource: `${LOG_GROUP}:log-stream:x`, resourceAccount: SECURITY, context: { "aws:SourceArn": String(rule.outputs.arn) }, resourcePolicy: doc });
                assert.strictEqual(put, "Allowed", `${rule.inputs.name} may deliver into the log group`);
            }
        });
        it("lets only the catch-all routing rule and the watches write into the log group", async () => {
            const doc = policyOf(byName(p, "security-event-log-policy"), "policyDocument");
            const put = (sourceArn: string) =>
                decide({ principal: "events.amazonaws.com", action: "logs:PutLogEvents", resource: `${LOG_GROUP}:log-stream:x`, resourceAccount: SECURITY, context: { "aws:SourceArn": sourceArn }, resourcePolicy: doc });
            assert.strictEqual(await put(names.routeRuleArn(scope, "all-events")), "Allowed");
            assert.strictEqual(await put(names.routeRuleArn(scope, "guardduty-high")), "ImplicitlyDenied");
            assert.strictEqual(await put(`arn:aws:events:us-east-1:999999999999:rule/x`), "ImplicitlyDenied");
            const other = await decide({ principal: "events.amazonaws.com", action: "logs:CreateLogStream", resource: `arn:aws:logs:us-east-1:${SECURITY}:log-group:/app/x:log-stream:y`, resourceAccount: SECURITY, resourcePolicy: doc });
            assert.strictEqual(other, "ImplicitlyDenied", "streams of other log groups");
        });
    });

    describe("findings forwarding from the security account's default buses", () => {
        it("runs each row in its regions: Security Hub in the home region only, the others everywhere", () => {
            // Where each source's findings reach the delegated administrator: in the region they arise, Security Hub's aggregated in the home region.
            const where: Record<string, "home" | "enabled"> = { guardduty: "enabled", inspector: "enabled", macie: "enabled", "access-analyzer": "enabled", "security-hub": "home" };
            assert.deepStrictEqual(FINDINGS_FORWARDING_RULES.map((r) => r.id).sort(), Object.keys(where).sort());
            for (const r of FINDINGS_FORWARDING_RULES) {
                const rules = ofType(p, RULE).filter((x) => x.inputs.name === names.findingsForwardingRuleName(scope, r.id));
                const expected = where[r.id] === "home" ? [HOME] : [...REGIONS].sort();
                assert.deepStrictEqual(rules.map((x) => String(x.inputs.region)).sort(), expected, r.id);
                for (const x of rules) {
                    assert.strictEqual(x.inputs.eventBusName, "default");
                    // Replays never leave a default bus (`forwardedPattern`).
                    assert.deepStrictEqual(JSON.parse(String(x.inputs.eventPattern)), { ...r.pattern, "replay-name": [{ exists: false }] });
                }
            }
        });
        it("targets the central bus through the forwarding role, with a dead-letter queue in the rule's region", () => {
            const role = byName(p, "security-findings-forwarding-role");
            for (const t of ofType(p, TARGET).filter((x) => x.name.startsWith("security-findings-forwarding-"))) {
                assert.strictEqual(t.inputs.arn, BUS_ARN, t.name);
                assert.strictEqual(t.inputs.roleArn, `arn:aws:iam::${SECURITY}:role/${role.inputs.name}`, t.name);
                assert.strictEqual((t.inputs.deadLetterConfig as any).arn, `arn:aws:sqs:${t.inputs.region}:${SECURITY}:acme-lz-findings-dead-letter`, t.name);
            }
        });
        it("lets only EventBridge, for this account's findings rules, assume the role, which may only put events on the central bus", async () => {
            const trust = policyOf(byName(p, "security-findings-forwarding-role"), "assumeRolePolicy");
            const permissions = policyOf(byName(p, "security-findings-forwarding-role-policy"));
            const role = `arn:aws:iam::${SECURITY}:role/acme-lz-findings-forwarding`;
            const assume = (account: string, sourceArn: string) =>
                decide({ principal: "events.amazonaws.com", action: "sts:AssumeRole", resource: role, resourceAccount: SECURITY, context: { "aws:SourceAccount": account, "aws:SourceArn": sourceArn }, resourcePolicy: trust });
            assert.strictEqual(await assume(SECURITY, `arn:aws:events:eu-west-1:${SECURITY}:rule/acme-lz-findings-guardduty`), "Allowed");
            assert.strictEqual(await assume(SECURITY, `arn:aws:events:eu-west-1:${SECURITY}:rule/team-rule`), "ImplicitlyDenied");
            assert.strictEqual(await assume(SECURITY, `arn:aws:events:eu-west-1:${SECURITY}:rule/acme-lz-fwd-health`), "ImplicitlyDenied", "the member baseline's rules use their own role");
            assert.strictEqual(await assume("999999999999", "arn:aws:events:eu-west-1:999999999999:rule/acme-lz-findings-guardduty"), "ImplicitlyDenied");
            const put = (resource: string) => decide({ principal: role, action: "events:PutEvents", resource, resourceAccount: SECURITY, context: { "aws:PrincipalArn": role }, identityPolicies: [permissions] });
            assert.strictEqual(await put(BUS_ARN), "Allowed");
            assert.strictEqual(await put(`arn:aws:events:us-east-1:${SECURITY}:event-bus/default`), "ImplicitlyDenied");
        });
        it("names nothing the member baseline of the security account also creates", () => {
            for (const r of ofType(p, RULE)) assert.ok(!String(r.inputs.name).startsWith("acme-lz-fwd-"), String(r.inputs.name));
            for (const r of ofType(p, "aws:iam/role:Role")) assert.notStrictEqual(r.inputs.name, "acme-lz-event-forwarding");
            for (const q of ofType(p, "aws:sqs/queue:Queue")) assert.notStrictEqual(q.inputs.name, "acme-lz-fwd-dead-letter");
        });
    });

    describe("alert self-test", () => {
        const PATHS = ["high", "medium", "low", "siem", "log"];
        const scheduleOf = (q: StackPlan, path: string) => byName(q, `security-self-test-${path}`);
        /** The event EventBridge Scheduler puts on the bus for a schedule. */
        const eventOf = (schedule: PlannedResource) => {
            const target = schedule.inputs.target as any;
            return { version: "0", source: target.eventbridgeParameters.source, "detail-type": target.eventbridgeParameters.detailType, account: SECURITY, region: HOME, resources: [], detail: JSON.parse(target.input) };
        };
        /** Where the planned rules of the central bus deliver an event: their targets' ARNs. */
        const deliveredTo = (event: Record<string, unknown>) =>
            routingRules(p)
                .filter((r) => matches(JSON.parse(String(r.inputs.eventPattern)), event))
                .flatMap((r) => targetsOf(p, r).map((t) => String(t.inputs.arn)))
                .sort();

        it("puts one event per path on the central bus every hour, which the planned rules deliver down that path alone (and, like every event, into the log group)", () => {
            const expected: Record<string, string[]> = { high: [TOPIC("high")], medium: [TOPIC("medium")], low: [TOPIC("low")], siem: [SIEM], log: [] };
            for (const path of PATHS) {
                const schedule = scheduleOf(p, path);
                assert.strictEqual(schedule.inputs.scheduleExpression, "rate(60 minutes)");
                assert.strictEqual((schedule.inputs.target as any).arn, BUS_ARN);
                const event = eventOf(schedule);
                assert.strictEqual(event.source, SELF_TEST_SOURCE);
                assert.strictEqual(event["detail-type"], SELF_TEST_DETAIL_TYPE);
                assert.deepStrictEqual(deliveredTo(event), [...expected[path], LOG_GROUP].sort(), path);
            }
            assert.strictEqual(ofType(p, "aws:scheduler/schedule:Schedule").length, PATHS.length);
        });

        it("alarms when a path's own delivery metric stays below one for three hourly intervals, missing data counting as missing", () => {
            const topicName = (sev: string) => String(ofType(p, "aws:sns/topic:Topic").find((t) => t.outputs.arn === TOPIC(sev))!.inputs.name);
            const destinations: Record<string, [string, string, Record<string, string>]> = {
                high: ["AWS/SNS", "NumberOfMessagesPublished", { TopicName: topicName("high") }],
                medium: ["AWS/SNS", "NumberOfMessagesPublished", { TopicName: topicName("medium") }],
                low: ["AWS/SNS", "NumberOfMessagesPublished", { TopicName: topicName("low") }],
                siem: ["AWS/SQS", "NumberOfMessagesSent", { QueueName: String(ofType(p, "aws:sqs/queue:Queue").find((q) => q.outputs.arn === SIEM)!.inputs.name) }],
                log: ["AWS/Logs", "IncomingLogEvents", { LogGroupName: "/acme-lz/security-events" }],
            };
            for (const path of PATHS) {
                const alarm = byName(p, `security-self-test-${path}-missing`);
                assert.strictEqual(alarm.inputs.name, `acme-lz-watch-high-self-test-missing-${path}`);
                assert.deepStrictEqual([alarm.inputs.namespace, alarm.inputs.metricName, alarm.inputs.dimensions], destinations[path], path);
                assert.strictEqual(alarm.inputs.treatMissingData, "breaching");
                assert.strictEqual(alarm.inputs.comparisonOperator, "LessThanThreshold");
                assert.strictEqual(alarm.inputs.threshold, 1);
                assert.strictEqual(alarm.inputs.period, 3600);
                assert.strictEqual(alarm.inputs.evaluationPeriods, 3);
                // The alarm on the high topic cannot count on that topic alone.
                assert.deepStrictEqual(alarm.inputs.alarmActions, path === "high" ? [TOPIC("high"), TOPIC("medium")] : [TOPIC("high")], path);
            }
        });

        it("alarms when fewer self-test copies were filtered out for a topic's e-mail subscribers than there are subscribers, for three intervals", () => {
            const emails = referenceOrg().alerts.emails as Record<string, string[]>;
            for (const sev of SEVERITIES) {
                assert.ok(emails[sev].length > 0, sev);
                const alarm = byName(p, `security-self-test-${sev}-unsubscribed`);
                const queries = alarm.inputs.metricQueries as any[];
                const metric = (id: string) => queries.find((q) => q.id === id).metric;
                const rule = routingRules(p).find((r) => r.inputs.name === metric("tests").dimensions.RuleName)!;
                // The counted rule is the one that delivers this path's self-test to this topic.
                assert.deepStrictEqual(targetsOf(p, rule).map((t) => t.inputs.arn), [TOPIC(sev)], sev);
                assert.strictEqual(metric("filtered").metricName, "NumberOfNotificationsFilteredOut-MessageBody");
                const expression = queries.find((q) => q.returnData).expression as string;
                const shortfall = (tests: number | undefined, filtered: number | undefined) => metricMath(expression, { tests, filtered });
                // Every subscriber filtered the hour's self-test: no shortfall; one subscription gone: a shortfall; no self-test at all is the missing alarm's.
                assert.strictEqual(shortfall(1, emails[sev].length) > Number(alarm.inputs.threshold), false, sev);
                assert.strictEqual(shortfall(1, emails[sev].length - 1) > Number(alarm.inputs.threshold), true, sev);
                assert.strictEqual(shortfall(1, undefined) > Number(alarm.inputs.threshold), true, sev);
                assert.strictEqual(shortfall(undefined, undefined) > Number(alarm.inputs.threshold), false, sev);
                assert.strictEqual(alarm.inputs.evaluationPeriods, 3);
                assert.ok((alarm.inputs.alarmActions as string[]).includes(TOPIC("high")), sev);
            }
        });

        it("lets only Scheduler, for the self-test's schedule group, assume its role, which may only put events on the central bus", async () => {
            const trust = policyOf(byName(p, "security-self-test-role"), "assumeRolePolicy");
            const role = `arn:aws:iam::${SECURITY}:role/acme-lz-security-selftest`;
            const assume = (account: string, group: string) =>
                decide({ principal: "scheduler.amazonaws.com", action: "sts:AssumeRole", resource: role, resourceAccount: SECURITY, context: { "aws:SourceAccount": account, "aws:SourceArn": `arn:aws:scheduler:us-east-1:${account}:schedule-group/${group}` }, resourcePolicy: trust });
            assert.strictEqual(await assume(SECURITY, "acme-lz-security-selftest"), "Allowed");
            assert.strictEqual(await assume(SECURITY, "default"), "ImplicitlyDenied");
            assert.strictEqual(await assume("999999999999", "acme-lz-security-selftest"), "ImplicitlyDenied");
            assert.strictEqual(byName(p, "security-self-test-group").inputs.name, "acme-lz-security-selftest");
            const permissions = policyOf(byName(p, "security-self-test-role-policy"));
            const put = (resource: string) => decide({ principal: role, action: "events:PutEvents", resource, resourceAccount: SECURITY, context: { "aws:PrincipalArn": role }, identityPolicies: [permissions] });
            assert.strictEqual(await put(BUS_ARN), "Allowed");
            assert.strictEqual(await put(`arn:aws:events:us-east-1:${SECURITY}:event-bus/default`), "ImplicitlyDenied");
        });

        it("follows the configured interval, and can be switched off", async () => {
            const q = await planSecurityEvents(securityModel(referenceOrg(), { orgRules: true, events: { selfTest: { intervalMinutes: 30, missedIntervals: 4 } } }));
            for (const path of PATHS) {
                assert.strictEqual(scheduleOf(q, path).inputs.scheduleExpression, "rate(30 minutes)");
                assert.strictEqual(byName(q, `security-self-test-${path}-missing`).inputs.period, 1800);
                assert.strictEqual(byName(q, `security-self-test-${path}-missing`).inputs.evaluationPeriods, 4);
            }
            const off = await planSecurityEvents(securityModel(referenceOrg(), { orgRules: true, events: { selfTest: { enabled: false } } }));
            assert.deepStrictEqual(ofType(off, "aws:scheduler/schedule:Schedule"), []);
            assert.strictEqual(off.outputs.selfTestAlarmArns, undefined);
            for (const x of ofType(off, "aws:sns/topicSubscription:TopicSubscription")) assert.strictEqual(x.inputs.filterPolicy, undefined);
        });
    });

    describe("routing failures", () => {
        it("alarms on the high topic for every routing rule that fails to deliver and to dead-letter an event", () => {
            const rules = routingRules(p);
            assert.ok(rules.length === ROUTES.length && rules.length > 0);
            const alarms = ofType(p, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.inputs.metricName === "FailedInvocations");
            for (const rule of rules) {
                const alarm = alarms.filter((a) => (a.inputs.dimensions as any).RuleName === rule.inputs.name && (a.inputs.dimensions as any).EventBusName === rule.inputs.eventBusName);
                assert.strictEqual(alarm.length, 1, String(rule.inputs.name));
                assert.strictEqual(alarm[0].inputs.namespace, "AWS/Events");
                assert.deepStrictEqual(alarm[0].inputs.alarmActions, [TOPIC("high")]);
                assert.strictEqual(alarm[0].inputs.treatMissingData, "notBreaching", "EventBridge publishes the metric only when it is not zero");
            }
        });
    });

    describe("Slack", () => {
        it("creates nothing for Slack when the org file names no workspace", () => {
            assert.deepStrictEqual(ofType(p, "aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration"), []);
            assert.strictEqual(p.outputs.slackConfigurationArns, undefined);
        });
        it("creates one channel configuration per Slack channel, with the severities mapped to it, a read-only guardrail and a notifications-only role", async () => {
            const org = referenceOrg();
            org.alerts.slack = { workspaceId: "T0123ABCDE", channels: { high: "C0HIGH0001", medium: "C0TEAM0001", low: "C0TEAM0001" } };
            const q = await planSecurityEvents(securityModel(org));
            const configs = ofType(q, "aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration");
            assert.deepStrictEqual(configs.map((c) => [c.inputs.slackChannelId, c.inputs.snsTopicArns]).sort(), [
                ["C0HIGH0001", [TOPIC("high")]],
                ["C0TEAM0001", [TOPIC("medium"), TOPIC("low")]],
            ]);
            for (const c of configs) {
                assert.strictEqual(c.inputs.slackTeamId, "T0123ABCDE");
                assert.deepStrictEqual(c.inputs.guardrailPolicyArns, ["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
                assert.strictEqual(c.inputs.region, "us-west-2");
                assert.strictEqual(c.inputs.iamRoleArn, `arn:aws:iam::${SECURITY}:role/acme-lz-security-chatbot`);
            }
            const trust = policyOf(byName(q, "security-slack-role"), "assumeRolePolicy");
            assert.deepStrictEqual(trust.Statement.map((s: any) => s.Principal), [{ Service: "chatbot.amazonaws.com" }]);
            const permissions = policyOf(byName(q, "security-slack-role-policy"));
            const role = `arn:aws:iam::${SECURITY}:role/acme-lz-security-chatbot`;
            const can = (action: string, resource = "*") => decide({ principal: role, action, resource, resourceAccount: SECURITY, context: { "aws:PrincipalArn": role }, identityPolicies: [permissions] });
            assert.strictEqual(await can("cloudwatch:DescribeAlarms"), "Allowed");
            assert.strictEqual(await can("cloudwatch:PutMetricAlarm", `arn:aws:cloudwatch:us-east-1:${SECURITY}:alarm:x`), "ImplicitlyDenied");
            assert.strictEqual(await can("sns:Publish", TOPIC("high")), "ImplicitlyDenied");
            assert.strictEqual(q.outputs.slackConfigurationArns !== undefined, true);
        });
    });

    describe("dashboard", () => {
        it("shows findings by severity from the routing rules, the CIS and self-test alarms, bus throughput and the SIEM queues", () => {
            const body = JSON.parse(String(byName(p, "security-dashboard-dashboard").inputs.dashboardBody));
            const alarms = body.widgets.find((w: any) => w.type === "alarm").properties.alarms as string[];
            const documented = documentedCisControls();
            assert.strictEqual(documented.length, 15);
            for (const c of documented) assert.ok(alarms.includes(`arn:aws:cloudwatch:us-east-1:${SECURITY}:alarm:acme-lz-cis-${c.id}`), c.id);
            for (const a of ["acme-lz-watch-high-self-test-missing-high", "acme-lz-watch-high-self-test-missing-log", "acme-lz-watch-high-unsubscribed-low", "acme-lz-watch-high-siem-dead-letters", "acme-lz-watch-high-account-silent", "acme-lz-watch-high-log-canary-missing"]) {
                assert.ok(alarms.includes(`arn:aws:cloudwatch:us-east-1:${SECURITY}:alarm:${a}`), a);
            }
            const severities = body.widgets.find((w: any) => String(w.properties.title).startsWith("Findings by severity")).properties.metrics as any[];
            const ruleNames = severities.filter((m) => typeof m[0] === "string").map((m) => m[5]);
            for (const r of nonEmpty(ROUTES.filter((x) => x.targets.topic), "routes to a topic")) assert.ok(ruleNames.includes(names.routeRuleName(scope, r.id)), r.id);
            assert.deepStrictEqual(severities.filter((m) => typeof m[0] !== "string").map((m) => m[0].label), ["high", "medium", "low"]);
            const text = JSON.stringify(body);
            for (const q of ["acme-lz-security-siem", "acme-lz-security-siem-dlq", "acme-lz-findings-dead-letter"]) assert.ok(text.includes(`"${q}"`), q);
        });
        it("shows CIS alarms under the prefix the trail uses", async () => {
            const q = await planSecurityEvents(model, { cisAlarmNamePrefix: "acme-lz-trail" });
            const body = JSON.parse(String(byName(q, "security-dashboard-dashboard").inputs.dashboardBody));
            const alarms = body.widgets.find((w: any) => w.type === "alarm").properties.alarms as string[];
            assert.ok(alarms.includes(`arn:aws:cloudwatch:us-east-1:${SECURITY}:alarm:acme-lz-trail-root-account-usage`));
        });
    });

    describe("size", () => {
        const count = (q: StackPlan) => q.resources.length;
        it("grows with regions only, by the same number per region", async () => {
            const plan = (regions: string[]) => {
                const org = referenceOrg();
                org.regions = regions;
                return planSecurityEvents(securityModel(org));
            };
            // One plan at a time: the offline engine runs one stack per process at once.
            const one = await plan(["us-east-1"]);
            const two = await plan(["us-east-1", "us-west-2"]);
            const three = await plan(["us-east-1", "us-west-2", "eu-west-1"]);
            const perRegion = count(two) - count(one);
            assert.strictEqual(count(three) - count(two), perRegion);
            assert.strictEqual(count(p) - count(three), perRegion);
            // GuardDuty, Inspector, Macie and Access Analyzer findings arise in every region: a rule and a target each, and the region's dead-letter queue, its policy and its alarm.
            assert.strictEqual(perRegion, 2 * 4 + 3);
        });
        it("does not grow with accounts", async () => {
            const org = referenceOrg();
            withMembers(org, Array.from({ length: 30 }, (_, i) => ({ name: `workload-${i}`, id: String(700000000000 + i), email: `w${i}@acme.example`, ou: "Workloads/Prod" })));
            assert.strictEqual(count(await planSecurityEvents(securityModel(org))), count(p));
        });
    });

    it("plans in preview mode too", async () => {
        const q = await planSecurityEvents(model, {}, { preview: true });
        assert.strictEqual(q.resources.length, p.resources.length);
    });
});

/**
 * Evaluates a CloudWatch metric math expression of numbers, metric ids, `+ - * /`, parentheses and
 * `FILL(id, n)` (the value, or n where the metric has no datapoint); a metric without a value used
 * outside FILL makes the result missing (NaN), as in CloudWatch.
 */
function metricMath(expression: string, values: Record<string, number | undefined>): number {
    const tokens = expression.match(/FILL|[A-Za-z_][A-Za-z0-9_]*|\d+(\.\d+)?|[-+*/(),]/g) ?? [];
    let i = 0;
    const peek = () => tokens[i];
    const next = () => tokens[i++];
    const primary = (): number => {
        const t = next();
        if (t === "(") {
            const v = sum();
            if (next() !== ")") throw new Error(`metric math: ) expected in ${expression}`);
            return v;
        }
        if (t === "FILL") {
            if (next() !== "(") throw new Error("metric math: FILL( expected");
            const id = next();
            if (next() !== ",") throw new Error("metric math: , expected");
            const fill = Number(next());
            if (next() !== ")") throw new Error("metric math: ) expected");
            return values[id] ?? fill;
        }
        if (/^\d/.test(t)) return Number(t);
        if (!(t in values)) throw new Error(`metric math: unknown id ${t}`);
        return values[t] ?? NaN;
    };
    const product = (): number => {
        let v = primary();
        while (peek() === "*" || peek() === "/") v = next() === "*" ? v * primary() : v / primary();
        return v;
    };
    const sum = (): number => {
        let v = product();
        while (peek() === "+" || peek() === "-") v = next() === "+" ? v + product() : v - product();
        return v;
    };
    const v = sum();
    if (i !== tokens.length) throw new Error(`metric math: unexpected ${peek()} in ${expression}`);
    return v;
}
