import * as assert from "assert";
import { EventForwarding, resolveEventForwardingArgs, type EventForwardingArgs } from "../../../../infra/components/baseline/event-forwarding";
import { FORWARDING_RULES, type ForwardingRule } from "../../../../infra/components/baseline/forwarding-rules";
import { CENTRAL_BUS, MEMBER, planComponent, REGIONS } from "./harness";
import { byName, ofType, regionsOf } from "../../../support/plan";
import { decide, decideAs, outsiderAssumes } from "../../../support/iam";
import type { StackPlan } from "../../../../infra/engine/run";

const args: EventForwardingArgs = {
    regions: REGIONS,
    globalEventsRegion: "us-east-1",
    centralBusArn: CENTRAL_BUS,
    accountId: MEMBER,
    eventsPrincipal: "events.amazonaws.com",
    eventsArnPrefix: "arn:aws:events",
    namePrefix: "acme-lz",
    exemptRoleArns: ["arn:aws:iam::444444444444:role/LandingZoneDeployment", "arn:aws:iam::444444444444:role/LandingZoneBreakGlass"],
};
const ROLE = "arn:aws:iam::444444444444:role/acme-lz-event-forwarding";
const RULE = "arn:aws:events:eu-west-1:444444444444:rule/acme-lz-fwd-cloudtrail-changes";

describe("EventForwarding", () => {
    let p: StackPlan;
    let trust: unknown;
    let permissions: unknown;
    before(async () => {
        p = await planComponent(() => new EventForwarding("forwarding", args));
        trust = JSON.parse(String(byName(p, "forwarding-role").inputs.assumeRolePolicy));
        permissions = JSON.parse(String(byName(p, "forwarding-role-policy").inputs.policy));
    });

    it("puts every rule on the default bus of each region its scope names", () => {
        for (const r of FORWARDING_RULES) {
            const rules = ofType(p, "aws:cloudwatch/eventRule:EventRule").filter((x) => x.inputs.name === `acme-lz-fwd-${r.id}`);
            const expected = r.scope === "global" ? ["us-east-1"] : [...REGIONS].sort();
            assert.deepStrictEqual(regionsOf(rules), expected, r.id);
            for (const x of rules) {
                assert.strictEqual(x.inputs.eventBusName, "default", r.id);
                // Replays never leave a default bus (`forwardedPattern`).
                assert.deepStrictEqual(JSON.parse(String(x.inputs.eventPattern)), { ...r.pattern, "replay-name": [{ exists: false }] }, r.id);
            }
        }
    });

    it("targets the central bus from every rule, through the forwarding role, in the rule's region", () => {
        const rules = ofType(p, "aws:cloudwatch/eventRule:EventRule");
        const targets = ofType(p, "aws:cloudwatch/eventTarget:EventTarget");
        assert.strictEqual(targets.length, rules.length);
        for (const t of targets) {
            assert.strictEqual(t.inputs.arn, CENTRAL_BUS, t.name);
            assert.strictEqual(t.inputs.roleArn, ROLE, t.name);
            const rule = byName(p, t.name.replace(/-target$/, ""));
            assert.strictEqual(t.inputs.rule, rule.inputs.name, t.name);
            assert.strictEqual(t.inputs.region, rule.inputs.region, t.name);
            assert.ok(t.dependencies.includes(byName(p, "forwarding-role-policy").urn), `${t.name} waits for the role's permissions`);
        }
    });

    it("runs sign-in, root and Health rules in the global-events region even when it is not enabled", async () => {
        const q = await planComponent(() => new EventForwarding("forwarding", { ...args, regions: ["eu-west-1", "eu-central-1"] }));
        const regions = (id: string) => regionsOf(ofType(q, "aws:cloudwatch/eventRule:EventRule").filter((x) => x.inputs.name === `acme-lz-fwd-${id}`));
        assert.deepStrictEqual(regions("console-sign-in"), ["eu-central-1", "eu-west-1", "us-east-1"]);
        assert.deepStrictEqual(regions("root-activity"), ["eu-central-1", "eu-west-1", "us-east-1"]);
        assert.deepStrictEqual(regions("health"), ["eu-central-1", "eu-west-1", "us-east-1"]);
        assert.deepStrictEqual(regions("iam-changes"), ["us-east-1"]);
        assert.deepStrictEqual(regions("cloudtrail-changes"), ["eu-central-1", "eu-west-1"]);
    });

    describe("dead-letter queues", () => {
        const QUEUE = "arn:aws:sqs:eu-west-1:444444444444:acme-lz-fwd-dead-letter";
        let policy: unknown;
        before(() => {
            policy = JSON.parse(String(byName(p, "forwarding-dlq-eu-west-1-policy").inputs.policy));
        });
        const send = (principal: string, context: Record<string, string>) =>
            decide({ principal, action: "sqs:SendMessage", resource: QUEUE, resourceAccount: MEMBER, resourcePolicy: policy, context });

        it("keeps one encrypted, protected queue per rule region, holding events for the 14-day maximum", () => {
            const queues = ofType(p, "aws:sqs/queue:Queue");
            assert.deepStrictEqual(regionsOf(queues), [...REGIONS].sort());
            for (const q of queues) {
                assert.strictEqual(q.inputs.sqsManagedSseEnabled, true);
                assert.strictEqual(q.inputs.messageRetentionSeconds, 14 * 86400);
                assert.strictEqual(q.protect, true);
                assert.strictEqual(q.retainOnDelete, true);
            }
        });

        it("sends what the central bus refuses to the dead-letter queue of the target's own region, after a day of retries", () => {
            for (const t of ofType(p, "aws:cloudwatch/eventTarget:EventTarget")) {
                assert.strictEqual((t.inputs.deadLetterConfig as any).arn, `arn:aws:sqs:${t.inputs.region}:444444444444:acme-lz-fwd-dead-letter`, t.name);
                assert.deepStrictEqual(t.inputs.retryPolicy, { maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 });
            }
        });

        it("lets EventBridge write to the queue for this region's forwarding rules", async () => {
            assert.strictEqual(await send("events.amazonaws.com", { "aws:SourceAccount": MEMBER, "aws:SourceArn": RULE, "aws:SecureTransport": "true" }), "Allowed");
        });

        it("refuses EventBridge acting for another rule, another region's rule or another account", async () => {
            const cases: Record<string, string>[] = [
                { "aws:SourceAccount": MEMBER, "aws:SourceArn": "arn:aws:events:eu-west-1:444444444444:rule/team-rule" },
                { "aws:SourceAccount": MEMBER, "aws:SourceArn": "arn:aws:events:us-west-2:444444444444:rule/acme-lz-fwd-cloudtrail-changes" },
                { "aws:SourceAccount": "999999999999", "aws:SourceArn": "arn:aws:events:eu-west-1:999999999999:rule/acme-lz-fwd-cloudtrail-changes" },
            ];
            for (const c of cases) assert.strictEqual(await send("events.amazonaws.com", { ...c, "aws:SecureTransport": "true" }), "ImplicitlyDenied", JSON.stringify(c));
        });

        it("denies the account's administrators a message in the queue (holding its alarm in ALARM), but not the deployment and break-glass roles", async () => {
            const tls = { "aws:SecureTransport": "true" };
            const admin = await decideAs({ principal: "arn:aws:iam::444444444444:role/Admin", action: "sqs:SendMessage", resource: QUEUE, resourceAccount: MEMBER, resourcePolicy: policy, context: tls });
            assert.strictEqual(admin, "ExplicitlyDenied");
            for (const role of args.exemptRoleArns) {
                const d = await decideAs({ principal: role, action: "sqs:SendMessage", resource: QUEUE, resourceAccount: MEMBER, resourcePolicy: policy, context: tls });
                assert.strictEqual(d, "Allowed", role);
            }
        });

        it("denies any use of the queue without TLS, even to EventBridge for a forwarding rule", async () => {
            assert.strictEqual(await send("events.amazonaws.com", { "aws:SourceAccount": MEMBER, "aws:SourceArn": RULE, "aws:SecureTransport": "false" }), "ExplicitlyDenied");
        });
    });

    describe("role trust", () => {
        const assume = (principal: string, context: Record<string, string>) =>
            decide({ principal, action: "sts:AssumeRole", resource: ROLE, resourceAccount: MEMBER, resourcePolicy: trust, context });

        it("lets EventBridge assume the role for this account's forwarding rules", async () => {
            assert.strictEqual(await assume("events.amazonaws.com", { "aws:SourceAccount": MEMBER, "aws:SourceArn": RULE }), "Allowed");
        });

        it("refuses EventBridge acting for another account", async () => {
            const other = "arn:aws:events:eu-west-1:999999999999:rule/acme-lz-fwd-cloudtrail-changes";
            assert.strictEqual(await assume("events.amazonaws.com", { "aws:SourceAccount": "999999999999", "aws:SourceArn": other }), "ImplicitlyDenied");
        });

        it("refuses EventBridge acting for a rule of this account that is not a forwarding rule", async () => {
            const other = "arn:aws:events:eu-west-1:444444444444:rule/team-rule";
            assert.strictEqual(await assume("events.amazonaws.com", { "aws:SourceAccount": MEMBER, "aws:SourceArn": other }), "ImplicitlyDenied");
        });

        it("refuses every other service principal, even with matching source conditions", async () => {
            for (const svc of ["lambda.amazonaws.com", "scheduler.amazonaws.com", "pipes.amazonaws.com"]) {
                assert.strictEqual(await assume(svc, { "aws:SourceAccount": MEMBER, "aws:SourceArn": RULE }), "ImplicitlyDenied", svc);
            }
        });

        it("refuses a principal of another account", async () => {
            assert.strictEqual(await outsiderAssumes(ROLE, MEMBER, trust), "ImplicitlyDenied");
        });
    });

    describe("role permissions", () => {
        // A bus policy that trusts the whole member account for everything: what is left is the role's own limit.
        const openBusPolicy = (resource: string) => ({
            Version: "2012-10-17",
            Statement: [{ Sid: "TrustMemberAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${MEMBER}:root` }, Action: "events:*", Resource: resource }],
        });
        const call = (action: string, resource: string, resourceAccount = "333333333333") =>
            decide({ principal: ROLE, action, resource, resourceAccount, identityPolicies: [permissions], resourcePolicy: openBusPolicy(resource) });

        it("allows PutEvents on the central bus", async () => {
            assert.strictEqual(await call("events:PutEvents", CENTRAL_BUS), "Allowed");
        });

        it("denies PutEvents on any other bus, including the account's own default bus", async () => {
            assert.strictEqual(await call("events:PutEvents", "arn:aws:events:us-east-1:333333333333:event-bus/default"), "ImplicitlyDenied");
            assert.strictEqual(await call("events:PutEvents", "arn:aws:events:eu-west-1:444444444444:event-bus/default", MEMBER), "ImplicitlyDenied");
            assert.strictEqual(await call("events:PutEvents", "arn:aws:events:us-west-2:333333333333:event-bus/acme-lz-security-events"), "ImplicitlyDenied");
        });

        it("denies every other action on the central bus and its rules", async () => {
            assert.strictEqual(await call("events:DescribeEventBus", CENTRAL_BUS), "ImplicitlyDenied");
            for (const action of ["events:PutRule", "events:PutTargets", "events:DeleteRule", "events:DisableRule"]) {
                assert.strictEqual(await call(action, "arn:aws:events:us-east-1:333333333333:rule/acme-lz-security-events/any"), "ImplicitlyDenied", action);
            }
        });
    });

    describe("validation", () => {
        const rule = (id: string, pattern: Record<string, unknown> = { source: ["aws.iam"] }): ForwardingRule => ({ id, description: id, scope: "enabled", pattern });

        it("reports every problem at once with the component name", () => {
            assert.throws(
                () =>
                    resolveEventForwardingArgs("forwarding", {
                        ...args,
                        regions: [],
                        centralBusArn: "arn:aws:sqs:us-east-1:333333333333:queue",
                        rules: [rule("a"), rule("a"), rule("Bad_Id"), rule("acct", { account: ["444444444444"], source: ["aws.iam"] })],
                    }),
                (e: Error) =>
                    e.message ===
                    [
                        "EventForwarding forwarding:",
                        "  regions: at least one region is required",
                        '  centralBusArn: "arn:aws:sqs:us-east-1:333333333333:queue" is not an event bus ARN',
                        '  rules: id "a" appears twice',
                        '  rules: id "Bad_Id" must be 1-24 characters of a-z, 0-9 and -',
                        '  rules: acct filters on "account"; forwarding patterns must not',
                    ].join("\n"),
            );
        });

        it("rejects a name prefix that would make rule names longer than EventBridge allows", () => {
            assert.throws(() => resolveEventForwardingArgs("forwarding", { ...args, namePrefix: "x".repeat(36) }), /namePrefix: "x{36}" must be 1-35 characters/);
        });

        it("uses the forwarding table and 14 days of dead-letter retention by default", () => {
            const r = resolveEventForwardingArgs("forwarding", args);
            assert.strictEqual(r.rules, FORWARDING_RULES);
            assert.strictEqual(r.deadLetterRetentionDays, 14);
        });

        it("rejects a dead-letter retention SQS cannot keep", () => {
            assert.throws(() => resolveEventForwardingArgs("forwarding", { ...args, deadLetterRetentionDays: 15 }), /deadLetterRetentionDays: 15 must be a whole number of days from 1 to 14 \(SQS limits\)/);
        });
    });
});
