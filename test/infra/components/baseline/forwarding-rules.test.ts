import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { FORWARDING_RULES, globalEventsRegion, landingZoneForwardingRules, NOT_ROOT_ACTIVITY, ruleRegions } from "../../../../infra/components/baseline/forwarding-rules";
import { matches } from "../../../support/event-pattern";
import { ofType, referenceStack, REPO_ROOT } from "../../../support/plan";
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
            archive: { bucketName: "acme-lz-archive-222222222222-us-east-1", servicePrincipalSuffix: ".amazonaws.com", serviceOnlyPrefixes: ["AWSLogs/o-exampleorg1/"] },
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

describe("forwarding rules as planned in member-workload-prod", () => {
    let p: StackPlan;
    /** Planned pattern of each rule id, per member stack (the same in every region, checked below). */
    const byStack = new Map<string, Map<string, unknown>>();
    let planned = new Map<string, unknown>();
    before(async function () {
        for (const stack of BASELINES) {
            const rules = new Map<string, unknown>();
            for (const r of ofType(await referenceStack(stack), "aws:cloudwatch/eventRule:EventRule")) {
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

    it("adds the security-tooling row in the security account and the archive-writer row in the log-archive account only", () => {
        const extra = (stack: string) => [...byStack.get(stack)!.keys()].filter((id) => !planned.has(id)).sort();
        assert.deepStrictEqual(extra("member-security"), ["tooling-tampering"]);
        assert.deepStrictEqual(extra("member-log-archive"), ["archive-writer"]);
        assert.deepStrictEqual(extra("member-management"), []);
    });

    it("runs the archive-writer rule in the home region only, and the break-glass rule with every management event", async () => {
        const rules = ofType(await referenceStack("member-log-archive"), "aws:cloudwatch/eventRule:EventRule");
        assert.deepStrictEqual(rules.filter((r) => r.inputs.name === "acme-lz-fwd-archive-writer").map((r) => r.inputs.region), ["us-east-1"]);
        const breakGlass = rules.filter((r) => r.inputs.name === "acme-lz-fwd-break-glass-assumed");
        assert.ok(breakGlass.length >= 4);
        for (const r of breakGlass) assert.strictEqual(r.inputs.state, "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
        for (const r of nonEmpty(rules.filter((x) => x.inputs.name !== "acme-lz-fwd-break-glass-assumed"), "forwarding rules")) assert.strictEqual(r.inputs.state, undefined, String(r.inputs.name));
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
        for (const r of ofType(p, "aws:cloudwatch/eventRule:EventRule")) {
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

    it("runs the sign-in rule in us-east-1, where global sign-in events arrive", () => {
        const regions = ofType(p, "aws:cloudwatch/eventRule:EventRule")
            .filter((r) => r.inputs.name === "acme-lz-fwd-console-sign-in")
            .map((r) => r.inputs.region);
        assert.ok(regions.includes("us-east-1"));
    });
});
