/**
 * Watch the watchers, on the reference organisation's planned graph: every hop of the log and alert
 * pipelines is found in the plan, its health signal is found by what it measures (the hop's own
 * planned names and ARNs, not names the code rebuilds), and the signal is followed to a topic — through
 * the alarm's own actions, or as the alarm's state-change event through the planned forwarding rules
 * of its account and region, the central bus's planned rules and their targets. Events are decided by
 * the EventBridge pattern evaluator, Firehose keys by the stream's own JQ query in a real jq. Every
 * signal is an AWS metric (nobody can write `AWS/` metrics): an arrival is counted as the matches of a
 * planned rule of the central bus.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { StackPlan } from "../../../infra/engine/run";
import type { PlannedResource } from "../../../infra/engine/monitor";
import { matches } from "../../support/event-pattern";
import { logsRecord, recordPrefix } from "../../support/firehose";
import { planReference, REPO_ROOT } from "../../support/plan";

const kind = (r: PlannedResource) => r.type.split(":").pop();
const ofKind = (p: StackPlan, k: string) => p.resources.filter((r) => kind(r) === k);
const arnOf = (r: PlannedResource) => String(r.outputs.arn);
/** Account and region of an ARN (`arn:partition:service:region:account:…`). */
const arnParts = (arn: string) => ({ region: arn.split(":")[3], account: arn.split(":")[4] });
const fixture = (f: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test", "fixtures", f), "utf8"));
const nonEmpty = <T>(xs: readonly T[], what: string): readonly T[] => {
    assert.ok(xs.length > 0, `no ${what} in the plan`);
    return xs;
};

/** The topics, SIEM queue and log group of the security stack, by ARN. */
interface Destination {
    readonly kind: "topic" | "queue" | "log group";
    readonly name: string;
}

class PlannedOrg {
    constructor(readonly plans: readonly StackPlan[]) {}

    stack(name: string): StackPlan {
        const p = this.plans.find((x) => x.stack === name);
        if (!p) throw new Error(`no stack ${name}`);
        return p;
    }

    get security(): StackPlan {
        return this.stack("security");
    }

    get members(): StackPlan[] {
        return this.plans.filter((p) => p.stack.startsWith("member-"));
    }

    get centralBus(): PlannedResource {
        const [bus] = ofKind(this.security, "EventBus");
        return bus;
    }

    /** The member stack of an account: the one whose forwarding role lives in it. */
    memberOf(account: string): StackPlan {
        const found = this.members.filter((p) => ofKind(p, "EventTarget").some((t) => String(t.inputs.roleArn).includes(`::${account}:role/`)));
        assert.strictEqual(found.length, 1, `member stacks of ${account}: ${found.map((p) => p.stack)}`);
        return found[0];
    }

    destination(arn: string): Destination {
        const r = this.security.resources.find((x) => x.outputs.arn === arn);
        if (!r) throw new Error(`${arn} is no resource of the security stack`);
        const k = kind(r);
        if (k === "Topic") return { kind: "topic", name: String(r.inputs.name) };
        if (k === "Queue") return { kind: "queue", name: String(r.inputs.name) };
        if (k === "LogGroup") return { kind: "log group", name: String(r.inputs.name) };
        throw new Error(`${arn} is a ${k}`);
    }

    /** Where the central bus's planned rules deliver an event, by their planned targets. */
    central(event: unknown): Destination[] {
        const bus = String(this.centralBus.inputs.name);
        const rules = ofKind(this.security, "EventRule").filter((r) => r.inputs.eventBusName === bus && matches(JSON.parse(String(r.inputs.eventPattern)), event));
        return rules.flatMap((rule) =>
            ofKind(this.security, "EventTarget")
                .filter((t) => t.inputs.rule === rule.inputs.name && t.inputs.eventBusName === bus)
                .map((t) => this.destination(String(t.inputs.arn))),
        );
    }

    /** Planned rules of the event's account and region that put it on the central bus. */
    forwarders(event: { account: string; region: string }): PlannedResource[] {
        const m = this.memberOf(event.account);
        const busArn = arnOf(this.centralBus);
        return ofKind(m, "EventRule").filter(
            (rule) =>
                rule.inputs.eventPattern !== undefined &&
                (rule.inputs.region ?? "us-east-1") === event.region &&
                matches(JSON.parse(String(rule.inputs.eventPattern)), event) &&
                ofKind(m, "EventTarget").some((t) => t.inputs.rule === rule.inputs.name && t.inputs.region === rule.inputs.region && t.inputs.arn === busArn),
        );
    }

    /** Topics an event raised in a member account reaches: forwarded once, then routed. */
    topicsOfForwarded(event: { account: string; region: string }): string[] {
        const by = this.forwarders(event);
        assert.strictEqual(by.length, 1, `forwarded by ${by.map((r) => r.inputs.name)}`);
        return this.central(event)
            .filter((d) => d.kind === "topic")
            .map((d) => d.name);
    }

    /**
     * The topics an alarm pages: its own actions, or — an alarm without actions — its state change
     * forwarded from its account and region and routed on the central bus.
     */
    pages(alarm: PlannedResource): string[] {
        const actions = (alarm.inputs.alarmActions ?? []) as string[];
        if (actions.length > 0) return actions.map((a) => this.destination(a).name);
        return this.topicsOfForwarded(alarmStateChange(alarm));
    }

    alarmsOn(plan: StackPlan, namespace: string, metric: string, dims: Record<string, string>, region?: string): PlannedResource[] {
        return ofKind(plan, "MetricAlarm").filter(
            (a) =>
                a.inputs.namespace === namespace &&
                a.inputs.metricName === metric &&
                Object.entries(dims).every(([k, v]) => (a.inputs.dimensions as Record<string, string> | undefined)?.[k] === v) &&
                (region === undefined || arnParts(arnOf(a)).region === region),
        );
    }
}

/** The state-change event CloudWatch puts on the account's default bus, from a real one (fixture). */
function alarmStateChange(alarm: PlannedResource): { account: string; region: string } & Record<string, unknown> {
    const [template] = fixture("events/member/health.json");
    const { account, region } = arnParts(arnOf(alarm));
    const e = structuredClone(template.event);
    e.account = account;
    e.region = region;
    e.resources = [arnOf(alarm)];
    e.detail.alarmName = alarm.inputs.name;
    e.detail.state.value = "ALARM";
    return e;
}

/** The rules of the central bus that match an event, and the alarms on their matches (`AWS/Events MatchedEvents`). */
function countedBy(org: PlannedOrg, event: unknown): PlannedResource[] {
    const bus = String(org.centralBus.inputs.name);
    const rules = ofKind(org.security, "EventRule").filter((r) => r.inputs.eventBusName === bus && matches(JSON.parse(String(r.inputs.eventPattern)), event));
    return rules.flatMap((r) => org.alarmsOn(org.security, "AWS/Events", "MatchedEvents", { EventBusName: bus, RuleName: String(r.inputs.name) }));
}

describe("pipeline health: every hop of the reference org's plan reports its own failure to a topic", function () {
    this.timeout(600_000);
    let org: PlannedOrg;
    before(async () => {
        org = new PlannedOrg(await planReference());
    });

    it("the organisation trail → its log group: an alarm on the group's incoming events (silence is the failure), forwarded to high", () => {
        const trails = nonEmpty(org.security.resources.filter((r) => kind(r) === "Trail" && r.inputs.isOrganizationTrail === true), "organisation trail");
        for (const trail of trails) {
            const group = ofKind(org.security, "LogGroup").find((g) => String(trail.inputs.cloudWatchLogsGroupArn).startsWith(arnOf(g).replace(/:\*$/, "")));
            assert.ok(group, "the trail's log group is planned");
            const watches = org.alarmsOn(org.security, "AWS/Logs", "IncomingLogEvents", { LogGroupName: String(group.inputs.name) });
            assert.strictEqual(watches.length, 1, "one silence alarm");
            assert.strictEqual(watches[0].inputs.treatMissingData, "breaching");
            assert.strictEqual(watches[0].inputs.comparisonOperator, "LessThanThreshold");
            assert.deepStrictEqual(org.pages(watches[0]), ["acme-lz-security-high"]);
        }
    });

    it("each staging bucket → the archive (and the archive → its replica): a failed-replication alarm per rule, in the source's region, forwarded to high", () => {
        const la = org.stack("log-archive");
        const configs = nonEmpty(ofKind(la, "BucketReplicationConfig"), "replication configuration");
        assert.ok(configs.some((c) => String(c.inputs.bucket).includes("-staging-elb-")) && configs.some((c) => String(c.inputs.bucket).includes("-staging-config-")));
        for (const c of configs) {
            const region = arnParts(arnOf(c)).region;
            for (const rule of c.inputs.rules as { id: string; destination: { bucket: string; metrics?: { status: string } } }[]) {
                assert.strictEqual(rule.destination.metrics?.status, "Enabled", `${c.inputs.bucket}/${rule.id}: S3 publishes no replication metric without it`);
                const dims = { SourceBucket: String(c.inputs.bucket), DestinationBucket: rule.destination.bucket.replace(/^arn:[^:]+:s3:::/, ""), RuleId: rule.id };
                const alarms = org.alarmsOn(la, "AWS/S3", "OperationsFailedReplication", dims, region);
                assert.strictEqual(alarms.length, 1, `${JSON.stringify(dims)} in ${region}`);
                assert.deepStrictEqual(org.pages(alarms[0]), ["acme-lz-security-high"], `${c.inputs.bucket}/${rule.id}`);
            }
        }
    });

    it("each central-logs Firehose stream → the archive: stale delivery forwarded to high, failing delivery to medium, in the stream's region", () => {
        const la = org.stack("log-archive");
        const streams = nonEmpty(ofKind(la, "FirehoseDeliveryStream"), "delivery stream");
        assert.strictEqual(streams.length, 4, "one per enabled region of stacks/org.yaml");
        for (const s of streams) {
            const region = arnParts(arnOf(s)).region;
            const dims = { DeliveryStreamName: String(s.inputs.name) };
            const stale = org.alarmsOn(la, "AWS/Firehose", "DeliveryToS3.DataFreshness", dims, region);
            const failing = org.alarmsOn(la, "AWS/Firehose", "DeliveryToS3.Success", dims, region);
            assert.strictEqual(stale.length, 1, `${s.inputs.name} stale`);
            assert.strictEqual(failing.length, 1, `${s.inputs.name} failing`);
            assert.deepStrictEqual(org.pages(stale[0]), ["acme-lz-security-high"]);
            assert.deepStrictEqual(org.pages(failing[0]), ["acme-lz-security-medium"]);
        }
    });

    it("every forwarding target's dead-letter queue, in every account and region (findings forwarding included): an alarm forwarded to high", () => {
        const stacks = [...org.members, org.security];
        let queues = 0;
        for (const p of stacks) {
            const dlqs = new Set(ofKind(p, "EventTarget").flatMap((t) => (t.inputs.arn === arnOf(org.centralBus) ? [String((t.inputs.deadLetterConfig as { arn: string }).arn)] : [])));
            for (const arn of dlqs) {
                queues++;
                const { region, account } = arnParts(arn);
                const alarms = org.alarmsOn(p, "AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: arn.split(":")[5] }, region);
                assert.strictEqual(alarms.length, 1, `${p.stack}: ${arn}`);
                assert.strictEqual(arnParts(arnOf(alarms[0])).account, account);
                assert.deepStrictEqual(org.pages(alarms[0]), ["acme-lz-security-high"], arn);
            }
        }
        assert.strictEqual(queues, 5 * 4 + 4 + 3, "five accounts and the findings forwarding, four regions each, and the quiet log-archive account's three console sign-in regions");
    });

    it("the central bus → its targets: every routing rule's failed invocations and the dead-letter queue page high directly", () => {
        const bus = String(org.centralBus.inputs.name);
        // The routing table's rules; the watch rules (`<prefix>-watch-*`) only count arrivals, and their own silence pages.
        const rules = nonEmpty(ofKind(org.security, "EventRule").filter((r) => r.inputs.eventBusName === bus && String(r.inputs.name).startsWith("acme-lz-route-")), "routing rule");
        for (const rule of rules) {
            const alarms = org.alarmsOn(org.security, "AWS/Events", "FailedInvocations", { EventBusName: bus, RuleName: String(rule.inputs.name) });
            assert.strictEqual(alarms.length, 1, String(rule.inputs.name));
            assert.deepStrictEqual(org.pages(alarms[0]), ["acme-lz-security-high"]);
        }
        const dlqs = new Set(ofKind(org.security, "EventTarget").filter((t) => t.inputs.eventBusName === bus && t.inputs.deadLetterConfig !== undefined).map((t) => String((t.inputs.deadLetterConfig as { arn: string }).arn)));
        assert.strictEqual(dlqs.size, 1);
        for (const arn of dlqs) {
            const alarms = org.alarmsOn(org.security, "AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: arn.split(":")[5] });
            assert.strictEqual(alarms.length, 1);
            assert.deepStrictEqual(org.pages(alarms[0]), ["acme-lz-security-high"]);
        }
    });

    it("member forwarding → the central bus: every account's heartbeat reaches the log group, is counted there, and its absence pages high", () => {
        const heartbeats = org.members.flatMap((m) =>
            ofKind(m, "EventRule")
                .filter((r) => r.inputs.scheduleExpression !== undefined)
                .filter((r) => ofKind(m, "EventTarget").some((t) => t.inputs.rule === r.inputs.name && t.inputs.arn === arnOf(org.centralBus))),
        );
        assert.strictEqual(heartbeats.length, org.members.length, "one heartbeat per account, in its home region");
        const log = ofKind(org.security, "LogGroup").find((g) => g.inputs.name === "/acme-lz/security-events")!;
        const [template] = fixture("events/security/health.json").filter((s: { name: string }) => s.name.includes("heartbeat"));
        const counted = new Set<PlannedResource>();
        for (const rule of heartbeats) {
            const { account, region } = arnParts(arnOf(rule));
            const event = { ...template.event, account, region, resources: [arnOf(rule)] };
            assert.strictEqual(org.forwarders(event).length, 0, "a scheduled event matches no forwarding pattern");
            assert.ok(org.central(event).every((d) => d.kind === "log group" && d.name === log.inputs.name), "logged, no topic");
            const alarms = countedBy(org, event);
            assert.strictEqual(alarms.length, 1, `${account}'s heartbeat is counted`);
            counted.add(alarms[0]);
        }
        assert.strictEqual(counted.size, 1, "one alarm for the organisation");
        const [alarm] = counted;
        assert.strictEqual(alarm.inputs.threshold, org.members.length, "it expects every account's heartbeat");
        assert.strictEqual(alarm.inputs.comparisonOperator, "LessThanThreshold");
        assert.strictEqual(alarm.inputs.treatMissingData, "breaching");
        assert.deepStrictEqual(org.pages(alarm), ["acme-lz-security-high"]);
    });

    it("the self-test: each schedule's event reaches its path (each topic, the SIEM queue, the log group), and each path has a missing alarm on its own delivery metric", () => {
        // The self-test's schedules are those that put events on the central bus (others run functions).
        const target = (s: PlannedResource) => s.inputs.target as { arn: string; input: string; eventbridgeParameters: { source: string; detailType: string } };
        const schedules = nonEmpty(ofKind(org.security, "Schedule").filter((s) => target(s).arn === arnOf(org.centralBus)), "self-test schedule");
        const reached = new Map<string, Destination>();
        for (const s of schedules) {
            const t = target(s);
            const { account, region } = arnParts(t.arn);
            const event = { version: "0", id: "1", source: t.eventbridgeParameters.source, "detail-type": t.eventbridgeParameters.detailType, account, region, time: "2026-12-03T10:00:00Z", resources: [], detail: JSON.parse(t.input) };
            const beyondLog = org.central(event).filter((d) => d.name !== "/acme-lz/security-events");
            assert.ok(beyondLog.length <= 1, `${s.inputs.name}: ${JSON.stringify(beyondLog)}`);
            const path = beyondLog[0] ?? { kind: "log group" as const, name: "/acme-lz/security-events" };
            reached.set(String(s.inputs.name), path);
            const metric =
                path.kind === "topic"
                    ? org.alarmsOn(org.security, "AWS/SNS", "NumberOfMessagesPublished", { TopicName: path.name })
                    : path.kind === "queue"
                      ? org.alarmsOn(org.security, "AWS/SQS", "NumberOfMessagesSent", { QueueName: path.name })
                      : org.alarmsOn(org.security, "AWS/Logs", "IncomingLogEvents", { LogGroupName: path.name });
            assert.strictEqual(metric.length, 1, `${s.inputs.name}: missing alarm on ${path.name}`);
            assert.strictEqual(metric[0].inputs.treatMissingData, "breaching");
            const pages = org.pages(metric[0]);
            assert.ok(pages.includes("acme-lz-security-high"), `${s.inputs.name} pages ${pages}`);
            if (path.name === "acme-lz-security-high") assert.ok(pages.includes("acme-lz-security-medium"), "the high path's alarm does not depend on the high topic alone");
        }
        assert.deepStrictEqual(
            [...reached.values()].map((d) => d.name).sort(),
            ["/acme-lz/security-events", "acme-lz-security-high", "acme-lz-security-low", "acme-lz-security-medium", "acme-lz-security-siem"],
        );
    });

    it("AWS Config delivery in every account and region: a real failure event is forwarded once and pages medium", () => {
        const samples = fixture("events/member/health.json").filter((s: { name: string }) => /Config (snapshot|history) delivery failure/.test(s.name));
        assert.strictEqual(samples.length, 2);
        let checked = 0;
        for (const m of org.members) {
            const account = arnParts(String(ofKind(m, "EventTarget")[0].inputs.roleArn)).account;
            for (const region of ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"]) {
                for (const s of samples) {
                    assert.deepStrictEqual(org.topicsOfForwarded({ ...s.event, account, region }), ["acme-lz-security-medium"], `${m.stack} ${region}`);
                    checked++;
                }
            }
        }
        assert.strictEqual(checked, 5 * 4 * 2);
    });

    it("the log canary: its record travels the canary account's subscription, the destination and Firehose into the archive's canary prefix, the arrival is forwarded and counted, its absence pages high", async () => {
        const canaries = org.members.filter((m) => ofKind(m, "EventRule").some((r) => r.inputs.scheduleExpression !== undefined && ofKind(m, "EventTarget").some((t) => t.inputs.rule === r.inputs.name && String(t.inputs.arn).includes(":log-group:"))));
        assert.deepStrictEqual(canaries.map((m) => m.stack), ["member-workload-prod"]);
        const m = canaries[0];
        const target = ofKind(m, "EventTarget").find((t) => String(t.inputs.arn).includes(":log-group:"))!;
        const group = ofKind(m, "LogGroup").find((g) => arnOf(g).replace(/:\*$/, "") === logGroupArn(target.inputs.arn))!;
        const { account, region } = arnParts(String(target.inputs.arn));
        // The account's subscription policy in the group's region does not leave the canary out.
        const [policy] = ofKind(m, "LogAccountPolicy").filter((p) => (p.inputs.region ?? "us-east-1") === region);
        const excluded = JSON.parse(String(policy.inputs.selectionCriteria).replace(/^LogGroupName NOT IN /, "")) as string[];
        assert.ok(!excluded.includes(String(group.inputs.name)));
        // Its destination, and the destination's Firehose stream, in the log-archive account.
        const la = org.stack("log-archive");
        const destination = ofKind(la, "LogDestination").find((d) => arnOf(d) === JSON.parse(String(policy.inputs.policyDocument)).DestinationArn)!;
        const stream = ofKind(la, "FirehoseDeliveryStream").find((s) => arnOf(s) === destination.inputs.targetArn)!;
        const s3 = stream.inputs.extendedS3Configuration as { bucketArn: string; prefix: string };
        const key = await recordPrefix(stream.inputs.extendedS3Configuration as never, logsRecord(account, String(group.inputs.name), "{}"), new Date("2026-12-03T10:00:00Z"));
        const ordinary = await recordPrefix(stream.inputs.extendedS3Configuration as never, logsRecord(account, "/aws/lambda/orders", "{}"), new Date("2026-12-03T10:00:00Z"));
        // The archive sends its object events to EventBridge.
        const bucket = s3.bucketArn.replace(/^arn:[^:]+:s3:::/, "");
        assert.ok(ofKind(la, "BucketNotification").some((n) => n.inputs.bucket === bucket && n.inputs.eventbridge === true));
        const [template] = fixture("events/member/health.json").filter((s: { name: string }) => s.name.startsWith("The log canary"));
        const laAccount = arnParts(arnOf(stream)).account;
        const created = (k: string) => ({ ...template.event, account: laAccount, region: arnParts(arnOf(stream)).region, detail: { ...template.event.detail, bucket: { name: bucket }, object: { ...template.event.detail.object, key: `${k}${"acme-lz-central-logs-1.gz"}` } } });
        assert.strictEqual(org.forwarders(created(ordinary)).length, 0, "ordinary central logs are not forwarded");
        assert.strictEqual(org.forwarders(created(key)).length, 1, `the canary's object ${key} is forwarded`);
        assert.ok(org.central(created(key)).every((d) => d.kind === "log group" && d.name === "/acme-lz/security-events"), "logged, no topic");
        const alarms = countedBy(org, created(key));
        assert.strictEqual(alarms.length, 1, "the arrival is counted");
        assert.strictEqual(alarms[0].inputs.treatMissingData, "breaching");
        assert.strictEqual(countedBy(org, created(ordinary)).length, 0);
        assert.deepStrictEqual(org.pages(alarms[0]), ["acme-lz-security-high"]);
    });

    it("every health and watch alarm of the plan is one of the signals above: none is planned that reaches no topic", () => {
        const all = org.plans.flatMap((p) => ofKind(p, "MetricAlarm").filter((a) => /^acme-lz-(health|watch)-/.test(String(a.inputs.name))));
        assert.ok(all.length > 100);
        for (const a of all) {
            const pages = org.pages(a);
            assert.ok(pages.length >= 1, `${a.inputs.name} reaches no topic`);
            const severity = String(a.inputs.name).split("-")[3];
            assert.ok(pages.includes(`acme-lz-security-${severity}`), `${a.inputs.name} pages ${pages}`);
        }
    });
});

/** A log group's ARN as an EventBridge target names it (no `:*`). */
function logGroupArn(arn: unknown): string {
    return String(arn).replace(/:\*$/, "");
}
