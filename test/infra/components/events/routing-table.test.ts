import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../../support/plan";
import { FORWARDING_RULES } from "../../../../infra/components/baseline/forwarding-rules";
import { FINDINGS_FORWARDING_RULES } from "../../../../infra/components/events/findings-forwarding-rules";
import { CUSTOM_ACTIONS, routesBySeverity, securityRoutes, SELF_TEST_SOURCE, type SecurityRoute } from "../../../../infra/components/events/routing-table";
import { SEVERITIES, type Severity } from "../../../../infra/config/model";
import { matches } from "../../../support/event-pattern";
import { MEMBER_SAMPLES, memberTable, referenceRoutes, SECURITY_SAMPLES } from "./samples";
import { nonEmpty } from "../../../support/non-empty";

const ROUTES = referenceRoutes();
const CATCH_ALL = ROUTES.filter((r) => r.targets.log);

/** Where the table sends an event: matching rows (catch-all left out), topics, SIEM, log group. */
function deliveries(event: unknown, routes: readonly SecurityRoute[] = ROUTES) {
    const matched = routes.filter((r) => matches(r.pattern, event));
    return {
        routedBy: matched.filter((r) => !r.targets.log).map((r) => r.id).sort(),
        topics: matched.flatMap((r) => (r.targets.topic ? [r.targets.topic] : [])),
        siem: matched.some((r) => r.targets.siem),
        log: matched.some((r) => r.targets.log),
    };
}

describe("security routing table", () => {
    it("has a sample for every row, and every sample names only rows of the table", () => {
        const ids = new Set(ROUTES.map((r) => r.id));
        for (const s of SECURITY_SAMPLES) for (const id of s.routedBy) assert.ok(ids.has(id), `${s.name}: unknown row ${id}`);
        for (const r of nonEmpty(ROUTES.filter((x) => !x.targets.log), "routes that do not only log")) assert.ok(SECURITY_SAMPLES.some((s) => s.routedBy.includes(r.id)), `${r.id} routes no sample`);
    });

    it("sends every sample to exactly the expected rows, severity topic, SIEM queue and log group", () => {
        for (const s of nonEmpty(SECURITY_SAMPLES.filter((x) => x.via === "scheduler" || x.forwardedBy.length > 0), "samples that reach the bus")) {
            const d = deliveries(s.event);
            assert.deepStrictEqual(d.routedBy, [...s.routedBy].sort(), `${s.name}: rows`);
            assert.deepStrictEqual(d.topics, s.topic ? [s.topic] : [], `${s.name}: topics`);
            assert.strictEqual(d.siem, s.siem, `${s.name}: SIEM queue`);
            assert.strictEqual(d.log, true, `${s.name}: log group`);
        }
    });

    it("notifies exactly one severity topic for any event a member forwards, except the log canary's arrivals, which are only counted", () => {
        // The canary's arrivals go to the log group, where the arrival watch counts them: its absence pages, each arrival must not.
        const countedOnly = ["log-canary"];
        const forwarded = nonEmpty(MEMBER_SAMPLES.filter((x) => x.forwardedBy.length > 0), "forwarded member samples");
        assert.ok(forwarded.some((s) => s.forwardedBy.every((id) => countedOnly.includes(id))), "no canary sample");
        for (const s of forwarded) {
            const expected = s.forwardedBy.every((id) => countedOnly.includes(id)) ? 0 : 1;
            assert.strictEqual(deliveries(s.event).topics.length, expected, `${s.name}: ${JSON.stringify(deliveries(s.event).topics)}`);
            assert.ok(deliveries(s.event).log, `${s.name}: log group`);
        }
    });

    it("gives every finding sample one severity topic, except what only the SIEM custom action or a closed state asks for", () => {
        const findings = SECURITY_SAMPLES.filter((s) => s.via === "security-default-bus" && s.forwardedBy.length > 0 && s.routedBy.length > 0);
        for (const s of findings) {
            const d = deliveries(s.event);
            assert.strictEqual(d.topics.length, s.routedBy.includes("custom-action-siem") ? 0 : 1, s.name);
        }
    });

    it("logs every event on the bus with one catch-all row, whatever its source", () => {
        assert.strictEqual(CATCH_ALL.length, 1);
        for (const e of [...SECURITY_SAMPLES.map((s) => s.event), ...MEMBER_SAMPLES.map((s) => s.event), { source: "anything", "detail-type": "x", detail: {} }]) {
            assert.ok(matches(CATCH_ALL[0].pattern, e));
        }
    });

    it("routes critical GuardDuty findings (9.0 and above) and CRITICAL labels to the high topic", () => {
        const gd = (severity: number) => deliveries({ source: "aws.guardduty", "detail-type": "GuardDuty Finding", detail: { severity } }).topics;
        assert.deepStrictEqual(gd(9), ["high"]);
        assert.deepStrictEqual(gd(10), ["high"]);
        assert.deepStrictEqual(gd(6.9), ["medium"]);
        assert.deepStrictEqual(gd(0.5), ["low"]);
    });

    it("sends each self-test path's event down that path alone, and every one into the log group", () => {
        const selfTest = (path: string, account = "333333333333") => deliveries({ source: SELF_TEST_SOURCE, "detail-type": "Landing zone alert self-test", account, detail: { path } });
        assert.deepStrictEqual(selfTest("high"), { routedBy: ["self-test-high"], topics: ["high"], siem: false, log: true });
        assert.deepStrictEqual(selfTest("medium"), { routedBy: ["self-test-medium"], topics: ["medium"], siem: false, log: true });
        assert.deepStrictEqual(selfTest("low"), { routedBy: ["self-test-low"], topics: ["low"], siem: false, log: true });
        assert.deepStrictEqual(selfTest("siem"), { routedBy: ["self-test-siem"], topics: [], siem: true, log: true });
        assert.deepStrictEqual(selfTest("log"), { routedBy: [], topics: [], siem: false, log: true });
        // The bus refuses the source from anyone but the self-test's role; the rows check the account as well.
        for (const path of ["high", "siem"]) assert.deepStrictEqual(selfTest(path, "444444444444").routedBy, [], path);
    });

    it("routes a health alarm by the severity its name carries, going into ALARM or back to OK, from any account", () => {
        const alarm = (name: string, value: string, account = "555555555555") => deliveries({ source: "aws.cloudwatch", "detail-type": "CloudWatch Alarm State Change", account, region: "eu-west-1", detail: { alarmName: name, state: { value } } });
        assert.deepStrictEqual(alarm("acme-lz-health-high-forwarding-dead-letters", "ALARM").topics, ["high"]);
        assert.deepStrictEqual(alarm("acme-lz-health-medium-firehose-failing", "OK", "222222222222").topics, ["medium"]);
        // No forwarded signal is low: no row for them (docs/operations.md chooses each signal's severity).
        assert.deepStrictEqual(alarm("acme-lz-health-low-something", "ALARM").routedBy, []);
        assert.deepStrictEqual(alarm("acme-lz-health-high-trail-silent", "INSUFFICIENT_DATA").routedBy, []);
        // The direct watches of the security account notify their topics themselves: routing them again would page twice.
        assert.deepStrictEqual(alarm("acme-lz-watch-high-account-silent", "ALARM", "333333333333").routedBy, []);
        assert.deepStrictEqual(alarm("acme-lz-cis-root-account-usage", "ALARM", "333333333333").routedBy, []);
    });

    it("has a row notifying each severity topic", () => {
        const by = routesBySeverity(ROUTES);
        for (const s of SEVERITIES) assert.ok(by[s].length > 0, s);
    });

    it("keeps every sample a complete EventBridge envelope", () => {
        const envelope = ["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"].sort();
        for (const s of SECURITY_SAMPLES) {
            assert.deepStrictEqual(Object.keys(s.event).sort(), envelope, s.name);
            assert.match(String(s.event.account), /^\d{12}$/, s.name);
            const expected: (Severity | null)[] = [...SEVERITIES, null];
            assert.ok(expected.includes(s.topic), s.name);
        }
    });

    describe("how samples reach the bus", () => {
        it("matches the member forwarding table for every member-forwarded sample", () => {
            for (const s of nonEmpty(SECURITY_SAMPLES.filter((x) => x.via === "member"), "member-forwarded samples")) {
                const ids = memberTable(s.baseline).filter((r) => matches(r.pattern, s.event)).map((r) => r.id).sort();
                assert.deepStrictEqual(ids, [...s.forwardedBy].sort(), s.name);
            }
        });

        it("matches the security account's findings forwarding for every finding sample, and nothing else forwards findings", () => {
            for (const s of nonEmpty(SECURITY_SAMPLES.filter((x) => x.via === "security-default-bus"), "finding samples")) {
                const ids = FINDINGS_FORWARDING_RULES.filter((r) => matches(r.pattern, s.event)).map((r) => r.id).sort();
                assert.deepStrictEqual(ids, [...s.forwardedBy].sort(), s.name);
                for (const b of ["member-workload-prod", "member-security", "member-log-archive"]) {
                    assert.deepStrictEqual(memberTable(b).filter((r) => matches(r.pattern, s.event)).map((r) => r.id), [], `${s.name}: members (${b}) must not forward findings too`);
                }
            }
        });

        it("forwards none of the events members forward from the security account's findings rules (no event arrives twice by both paths)", () => {
            for (const s of [...MEMBER_SAMPLES.filter((x) => x.forwardedBy.length > 0), ...SECURITY_SAMPLES.filter((x) => x.via === "member")]) {
                assert.deepStrictEqual(FINDINGS_FORWARDING_RULES.filter((r) => matches(r.pattern, s.event)).map((r) => r.id), [], s.name);
            }
        });

        it("keeps samples that never reach the bus unrouted in the fixtures, so expectations stay honest", () => {
            for (const s of nonEmpty(SECURITY_SAMPLES.filter((x) => x.via !== "scheduler" && x.forwardedBy.length === 0), "samples that never reach the bus")) {
                assert.deepStrictEqual(s.routedBy, [], s.name);
                assert.strictEqual(s.topic, null, s.name);
            }
        });
    });

    it("routes no custom event shaped like a CloudTrail record (any source but AWS's) to a topic, root activity included", () => {
        const samples = SECURITY_SAMPLES.filter((s) => s.via === "member" && s.topic !== null && String(s.event["detail-type"]).endsWith("via CloudTrail"));
        assert.ok(samples.length >= 20);
        for (const s of samples) {
            for (const source of ["acme.cloudtrail", "cloudtrail", "custom.aws.iam"]) {
                assert.deepStrictEqual(deliveries({ ...s.event, source }).topics, [], `${s.name} as ${source}`);
            }
        }
        const root = SECURITY_SAMPLES.find((s) => s.routedBy.includes("root-activity"));
        assert.ok(root);
        assert.deepStrictEqual(deliveries({ ...root.event, source: "acme.forged" }).topics, []);
    });

    it("keeps every row within EventBridge's 2,048-character pattern limit with the longest name prefix and role name", () => {
        const longest = securityRoutes({
            namePrefix: "a".repeat(16),
            securityAccountId: "333333333333",
            exemptRoleNames: ["D".repeat(64), "B".repeat(64)],
            breakGlassRoleName: "B".repeat(64),
            archiveBucketName: "b".repeat(63),
            sendToSiemActionArn: `arn:aws-us-gov:securityhub:us-gov-west-1:333333333333:action/custom/${CUSTOM_ACTIONS.sendToSiem.identifier}`,
            escalateActionArn: `arn:aws-us-gov:securityhub:us-gov-west-1:333333333333:action/custom/${CUSTOM_ACTIONS.escalate.identifier}`,
        });
        assert.ok(longest.length > 40);
        for (const r of longest) assert.ok(JSON.stringify(r.pattern).length <= 2048, `${r.id}: ${JSON.stringify(r.pattern).length}`);
    });

    it("is documented row by row in docs/alerting.md", () => {
        const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "alerting.md"), "utf8");
        for (const r of ROUTES) assert.ok(doc.includes(`\`${r.id}\``), `docs/alerting.md does not mention ${r.id}`);
    });
});
