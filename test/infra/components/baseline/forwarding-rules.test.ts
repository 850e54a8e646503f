import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { FORWARDING_RULES, globalEventsRegion, landingZoneForwardingRules, NOT_ROOT_ACTIVITY, ruleRegions } from "../../../../infra/components/baseline/forwarding-rules";
import { matches } from "../../../support/event-pattern";
import { byName, ofType, referenceStack, REPO_ROOT } from "../../../support/plan";
import type { StackPlan } from "../../../../infra/engine/run";
import { nonEmpty } from "../../../support/non-empty";

interface Sample {
    readonly name: string;
    /** Ids of the rules that must forward the event; every other rule must not. */
    readonly forwardedBy: readonly string[];
    /**
     * The member stack whose rules judge it: the account the event arises in (the security and
     * log-archive accounts forward rows of their own).
     * @default member-workload-prod
     */
    readonly baseline?: string;
    readonly event: Record<string, unknown>;
}

const BASELINES = ["member-workload-prod", "member-security", "member-log-archive", "member-management"];

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "events", "member");
const SAMPLES: readonly Sample[] = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(FIXTURES, f), "utf8")) as Sample[]);

/**
 * Every event of the security events fixtures too (owned by those tests, read here only): the ones
 * members forward must be forwarded by one rule, the findings by none.
 */
const SECURITY_FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "events", "security");
const SECURITY_EVENTS: readonly { name: string; event: Record<string, unknown> }[] = fs
    .readdirSync(SECURITY_FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(SECURITY_FIXTURES, f), "utf8")) as { name: string; event: Record<string, unknown> }[]).map((s) => ({ name: `${f}: ${s.name}`, event: s.event })));

/** The same event as delivered in another region (CloudTrail records carry the region twice). */
function inRegion(event: Record<string, unknown>, region: string): Record<string, unknown> {
    const detail = event.detail as Record<string, unknown> | undefined;
    const moved = detail && typeof detail === "object" && "awsRegion" in detail ? { ...detail, awsRegion: region } : detail;
    return { ...event, region, detail: moved };
}

/** Keys a pattern would use to single out accounts. */
const ACCOUNT_KEYS = new Set(["account", "accountId", "recipientAccountId", "awsAccountId", "affectedAccount"]);

function keysOf(value: unknown): string[] {
    if (Array.isArray(value)) return value.flatMap(keysOf);
    if (typeof value !== "object" || value === null) return [];
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

describe("forwarding rules (the table)", () => {
    it("has samples for every rule, and every sample names only rules of the table", () => {
        const own = landingZoneForwardingRules({ namePrefix: "acme-lz", breakGlassRoleName: "LandingZoneBreakGlass", accountKind: "security" });
        const archive = landingZoneForwardingRules({
            namePrefix: "acme-lz",
            breakGlassRoleName: "LandingZoneBreakGlass",
            accountKind: "log-archive",
            quiet: { signInRegions: ["us-east-2", "eu-north-1", "ap-southeast-2"] },
            archive: { bucketName: "acme-lz-archive-222222222222-us-east-1", servicePrincipalSuffix: ".amazonaws.com", serviceOnlyPrefixes: ["AWSLogs/o-exampleorg1/"], canaryKeyPrefix: "cloudwatch-logs-canary/" },
        });
        const table = [...FORWARDING_RULES, ...own, ...archive.filter((r) => !own.some((o) => o.id === r.id))];
        const ids = new Set(table.map((r) => r.id));
        for (const s of SAMPLES) for (const id of s.forwardedBy) assert.ok(ids.has(id), `${s.name}: unknown rule ${id}`);
        for (const r of table) assert.ok(SAMPLES.some((s) => s.forwardedBy.includes(r.id)), `${r.id} has no sample it must forward`);
        assert.ok(SAMPLES.filter((s) => s.forwardedBy.length === 0).length >= 10, "enough samples that must not be forwarded");
    });

    it("keeps every sample a complete EventBridge envelope, its CloudTrail record in the envelope's account and region", () => {
        const envelope = ["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"];
        for (const s of SAMPLES) {
            // A replayed event carries `replay-name` besides the envelope.
            assert.deepStrictEqual(Object.keys(s.event).filter((k) => k !== "replay-name").sort(), [...envelope].sort(), s.name);
            assert.match(String(s.event.account), /^\d{12}$/, s.name);
            const detail = s.event.detail as Record<string, any>;
            if (String(s.event["detail-type"]).endsWith("via CloudTrail")) {
                assert.strictEqual(detail.awsRegion, s.event.region, s.name);
                assert.strictEqual(detail.recipientAccountId, s.event.account, s.name);
                assert.strictEqual(`aws.${String(detail.eventSource).split(".")[0]}`, s.event.source, s.name);
            }
        }
    });

    it("never filters on the account, at any depth", () => {
        for (const r of FORWARDING_RULES) {
            const found = keysOf(r.pattern).filter((k) => ACCOUNT_KEYS.has(k));
            assert.deepStrictEqual(found, [], r.id);
        }
    });

    it("makes the API-change rows the exact complement of root-activity, so a CloudTrail call is forwarded by one of them, never both", () => {
        const root = FORWARDING_RULES.find((r) => r.id === "root-activity")!;
        const iam = FORWARDING_RULES.find((r) => r.id === "iam-changes")!;
        const identities: Record<string, unknown>[] = [{ type: "Root" }, { type: "IAMUser" }, { type: "AssumedRole" }, {}];
        const call = (identity: Record<string, unknown>, invokedBy: string | undefined, eventType: string) => ({
            source: "aws.iam",
            "detail-type": "AWS API Call via CloudTrail",
            detail: { eventSource: "iam.amazonaws.com", eventName: "CreateRole", readOnly: false, eventType, userIdentity: invokedBy ? { ...identity, invokedBy } : identity },
        });
        for (const identity of identities) {
            for (const invokedBy of [undefined, "cloudformation.amazonaws.com"]) {
                for (const eventType of ["AwsApiCall", "AwsServiceEvent"]) {
                    const e = call(identity, invokedBy, eventType);
                    const hits = [root, iam].filter((r) => matches(r.pattern, e)).map((r) => r.id);
                    assert.strictEqual(hits.length, 1, `${JSON.stringify(e.detail.userIdentity)} ${eventType}: ${JSON.stringify(hits)}`);
                }
            }
        }
        assert.strictEqual(NOT_ROOT_ACTIVITY.length, 4);
    });

    it("keeps every pattern within EventBridge's default pattern size (2048 characters), the landing zone's own rows with the longest prefix and role name included", () => {
        const longest = landingZoneForwardingRules({
            namePrefix: "a".repeat(16),
            breakGlassRoleName: "B".repeat(64),
            accountKind: "log-archive",
            quiet: { signInRegions: ["us-east-2", "eu-north-1", "ap-southeast-2"] },
            archive: { bucketName: "b".repeat(63), servicePrincipalSuffix: ".amazonaws.com.cn", serviceOnlyPrefixes: ["AWSLogs/o-0123456789abcdefghijklmnopqrstuv/", "AWSLogs/111111111111/CloudTrail", "vpc-flow-logs/", "guardduty/"] },
        });
        const security = landingZoneForwardingRules({ namePrefix: "a".repeat(16), breakGlassRoleName: "B".repeat(64), accountKind: "security" });
        for (const r of [...FORWARDING_RULES, ...longest, ...security]) assert.ok(JSON.stringify(r.pattern).length <= 2048, `${r.id}: ${JSON.stringify(r.pattern).length} characters`);
    });

    it("delivers global-service events in the partition's global-events region", () => {
        assert.strictEqual(globalEventsRegion("aws"), "us-east-1");
        assert.strictEqual(globalEventsRegion("aws-us-gov"), "us-gov-west-1");
        assert.strictEqual(globalEventsRegion("aws-cn"), "cn-north-1");
    });

    it("places rules by scope, adding the global-events region only when it is not enabled", () => {
        assert.deepStrictEqual(ruleRegions("global", ["eu-west-1", "us-east-1"], "us-east-1"), ["us-east-1"]);
        assert.deepStrictEqual(ruleRegions("enabled", ["eu-west-1"], "us-east-1"), ["eu-west-1"]);
        assert.deepStrictEqual(ruleRegions("enabled+global", ["eu-west-1"], "us-east-1"), ["eu-west-1", "us-east-1"]);
        assert.deepStrictEqual(ruleRegions("enabled+global", ["eu-west-1", "us-east-1"], "us-east-1"), ["eu-west-1", "us-east-1"]);
    });
});

/** The planned forwarding rules of a member stack that carry a pattern (the heartbeat is a schedule, the log canary is not forwarding). */
function forwardingRules(q: StackPlan) {
    return ofType(q, "aws:cloudwatch/eventRule:EventRule").filter((r) => String(r.inputs.name).startsWith("acme-lz-fwd-") && r.inputs.eventPattern !== undefined);
}

describe("forwarding rules as planned in member-workload-prod", () => {
    let p: StackPlan;
    /** Planned pattern of each rule id, per member stack (the same in every region, checked below). */
    const byStack = new Map<string, Map<string, unknown>>();
    let planned = new Map<string, unknown>();
    before(async function () {
        for (const stack of BASELINES) {
            const rules = new Map<string, unknown>();
            for (const r of forwardingRules(await referenceStack(stack))) {
                const id = String(r.inputs.name).replace(/^acme-lz-fwd-/, "");
                const pattern = JSON.parse(String(r.inputs.eventPattern));
                if (rules.has(id)) assert.deepStrictEqual(pattern, rules.get(id), `${stack}: ${id} differs between regions`);
                rules.set(id, pattern);
            }
            byStack.set(stack, rules);
        }
        p = await referenceStack("member-workload-prod");
        planned = byStack.get("member-workload-prod")!;
    });

    it("plans every rule of the table and the landing zone's own rows, and only those", () => {
        const own = landingZoneForwardingRules({ namePrefix: "acme-lz", breakGlassRoleName: "LandingZoneBreakGlass", accountKind: "member" });
        assert.deepStrictEqual([...planned.keys()].sort(), [...FORWARDING_RULES, ...own].map((r) => r.id).sort());
    });

    it("adds the security-tooling and function-tampering rows in the security account and the archive-writer, log-canary and quiet-sign-in rows in the log-archive account (the reference organisation's one quiet account) only", () => {
        const extra = (stack: string) => [...byStack.get(stack)!.keys()].filter((id) => !planned.has(id)).sort();
        assert.deepStrictEqual(extra("member-security"), ["function-tampering", "tooling-tampering"]);
        assert.deepStrictEqual(extra("member-log-archive"), ["archive-writer", "log-canary", "quiet-sign-in"]);
        assert.deepStrictEqual(extra("member-management"), []);
    });

    it("sends a heartbeat from every account's home region to the central bus every hour, through the forwarding role, dead letters kept", async () => {
        for (const stack of BASELINES) {
            const q = await referenceStack(stack);
            const rules = ofType(q, "aws:cloudwatch/eventRule:EventRule").filter((r) => r.inputs.name === "acme-lz-fwd-heartbeat");
            assert.deepStrictEqual(rules.map((r) => [r.inputs.region, r.inputs.scheduleExpression, r.inputs.eventPattern]), [["us-east-1", "rate(60 minutes)", undefined]], stack);
            const [target] = ofType(q, "aws:cloudwatch/eventTarget:EventTarget").filter((t) => t.inputs.rule === "acme-lz-fwd-heartbeat");
            assert.strictEqual(target.inputs.arn, "arn:aws:events:us-east-1:333333333333:event-bus/acme-lz-security-events", stack);
            assert.strictEqual(target.inputs.roleArn, byName(q, "forwarding-role").outputs.arn, stack);
            assert.strictEqual((target.inputs.deadLetterConfig as any).arn, byName(q, "forwarding-dlq-us-east-1").outputs.arn, stack);
        }
    });

    it("runs the archive-writer rule in the home region only, and the break-glass rule with every management event", async () => {
        const rules = ofType(await referenceStack("member-log-archive"), "aws:cloudwatch/eventRule:EventRule");
        assert.deepStrictEqual(rules.filter((r) => r.inputs.name === "acme-lz-fwd-archive-writer").map((r) => r.inputs.region), ["us-east-1"]);
        const breakGlass = rules.filter((r) => r.inputs.name === "acme-lz-fwd-break-glass-assumed");
        assert.ok(breakGlass.length >= 4);
        for (const r of breakGlass) assert.strictEqual(r.inputs.state, "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
        for (const r of nonEmpty(rules.filter((x) => x.inputs.name !== "acme-lz-fwd-break-glass-assumed"), "forwarding rules")) assert.strictEqual(r.inputs.state, undefined, String(r.inputs.name));
        assert.deepStrictEqual(rules.filter((r) => r.inputs.name === "acme-lz-fwd-log-canary").map((r) => r.inputs.region), ["us-east-1"]);
    });

    for (const s of SAMPLES) {
        const stack = s.baseline ?? "member-workload-prod";
        const title = s.forwardedBy.length === 0 ? `does not forward "${s.name}" (${stack})` : `forwards "${s.name}" by ${s.forwardedBy.join(" and ")} only (${stack})`;
        it(title, () => {
            const rules = byStack.get(stack);
            assert.ok(rules, `no member stack ${stack}`);
            const hits = [...rules.entries()].filter(([, pattern]) => matches(pattern, s.event)).map(([id]) => id);
            assert.deepStrictEqual(hits.sort(), [...s.forwardedBy].sort());
        });
    }

    it("forwards no sample event, member or security fixture, by more than one rule of the region it is delivered in", () => {
        const regions = new Map<string, Map<string, unknown>>();
        for (const r of forwardingRules(p)) {
            const region = String(r.inputs.region);
            if (!regions.has(region)) regions.set(region, new Map());
            regions.get(region)!.set(String(r.inputs.name).replace(/^acme-lz-fwd-/, ""), JSON.parse(String(r.inputs.eventPattern)));
        }
        assert.ok(regions.size >= 4);
        const events = [...SAMPLES.map((s) => ({ name: s.name, event: s.event })), ...SECURITY_EVENTS];
        assert.ok(SECURITY_EVENTS.length > 0);
        const twice: string[] = [];
        for (const { name, event } of events) {
            for (const [region, rules] of regions) {
                const hits = [...rules].filter(([, pattern]) => matches(pattern, inRegion(event, region))).map(([id]) => id);
                if (hits.length > 1) twice.push(`${name} in ${region}: ${hits.join(" and ")}`);
            }
        }
        assert.deepStrictEqual(twice, []);
    });

    it("forwards AWS's own events only: the same event put on the default bus by an administrator, under a custom source, matches no planned rule", () => {
        // The central bus refuses other sources, so a forwarded custom event would land in the dead-letter
        // queue and hold its alarm in ALARM: a way to keep real forwarding failures from ever paging.
        const patterns = forwardingRules(p).map((r) => ({ id: String(r.inputs.name), pattern: JSON.parse(String(r.inputs.eventPattern)) }));
        const forwarded = SAMPLES.filter((s) => s.forwardedBy.length > 0);
        assert.ok(forwarded.length > 20 && patterns.length > 20);
        const forged: string[] = [];
        for (const s of forwarded) {
            for (const source of ["acme.forged", "custom.aws", "aws"]) {
                const hits = patterns.filter((x) => matches(x.pattern, { ...s.event, source })).map((x) => x.id);
                if (hits.length > 0) forged.push(`${s.name} as ${source}: ${[...new Set(hits)].join(", ")}`);
            }
        }
        assert.deepStrictEqual(forged, []);
    });

    it("forwards an IAM change a service makes with the root identity (invokedBy) by iam-changes only: it is not root activity", () => {
        const base = SAMPLES.find((s) => s.name.startsWith("root user creates an access key through IAM"));
        assert.ok(base);
        const detail = base.event.detail as Record<string, any>;
        const event = {
            ...base.event,
            detail: { ...detail, eventName: "CreateRole", userIdentity: { type: "Root", principalId: base.event.account, accountId: base.event.account, invokedBy: "cloudformation.amazonaws.com" } },
        };
        const hits = [...planned.entries()].filter(([, pattern]) => matches(pattern, event)).map(([id]) => id);
        assert.deepStrictEqual(hits, ["iam-changes"]);
    });

    it("forwards the same event from any account: matching ignores the account field", () => {
        for (const s of nonEmpty(SAMPLES.filter((x) => x.forwardedBy.length > 0), "forwarded samples")) {
            const elsewhere = { ...s.event, account: "999999999999" };
            const rules = byStack.get(s.baseline ?? "member-workload-prod")!;
            for (const id of s.forwardedBy) assert.strictEqual(matches(rules.get(id), elsewhere), true, `${s.name} from another account`);
        }
    });

    it("forwards a quiet account's sign-ins in every enabled region, the global-events region and the three regions the console proxy records IAM users' sign-ins in", async () => {
        const regions = async (stack: string) =>
            ofType(await referenceStack(stack), "aws:cloudwatch/eventRule:EventRule")
                .filter((r) => r.inputs.name === "acme-lz-fwd-quiet-sign-in")
                .map((r) => String(r.inputs.region))
                .sort();
        assert.deepStrictEqual(await regions("member-log-archive"), ["ap-southeast-2", "eu-central-1", "eu-north-1", "eu-west-1", "us-east-1", "us-east-2", "us-west-2"]);
        assert.deepStrictEqual(await regions("member-workload-prod"), []);
        const queues = ofType(await referenceStack("member-log-archive"), "aws:sqs/queue:Queue").map((q) => String(q.inputs.region)).sort();
        assert.ok(["us-east-2", "eu-north-1", "ap-southeast-2"].every((r) => queues.includes(r)), "each of those regions keeps what it cannot deliver");
    });

    it("runs the sign-in rule in us-east-1, where global sign-in events arrive", () => {
        const regions = ofType(p, "aws:cloudwatch/eventRule:EventRule")
            .filter((r) => r.inputs.name === "acme-lz-fwd-console-sign-in")
            .map((r) => r.inputs.region);
        assert.ok(regions.includes("us-east-1"));
    });
});
