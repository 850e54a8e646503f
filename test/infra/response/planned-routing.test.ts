/**
 * The response fixtures on the reference organisation's planned rules: an event reaches the central
 * bus only through a forwarding rule (the security account's findings forwarding for GuardDuty,
 * Security Hub and Access Analyzer, a member's forwarding for AWS Health), and then exactly the
 * planned playbook rules it matches invoke their functions. Each finding must reach its playbook's
 * function and no other; benign, sample, forged ones none, and those of workload-dev none either
 * (the reference scope is Workloads/Prod).
 */
import { strict as assert } from "assert";
import type { StackPlan } from "../../../infra/engine/run";
import { FORWARDING_RULES } from "../../../infra/components/baseline/forwarding-rules";
import { FINDINGS_FORWARDING_RULES } from "../../../infra/components/events/findings-forwarding-rules";
import { matches } from "../../support/event-pattern";
import { ofType, referenceStack } from "../../support/plan";
import { SAMPLES, SECURITY } from "./fixtures";

describe("response playbooks on the planned central bus", () => {
    let security: StackPlan;
    before(async function () {
        security = await referenceStack("security");
    });

    /** Planned playbook rules with the function each invokes. */
    function playbookRules() {
        const functions = new Map(ofType(security, "aws:lambda/function:Function").map((f) => [String(f.outputs.arn), String(f.inputs.name)]));
        const targets = ofType(security, "aws:cloudwatch/eventTarget:EventTarget");
        return ofType(security, "aws:cloudwatch/eventRule:EventRule")
            .filter((r) => r.inputs.eventBusName === "acme-lz-security-events")
            .flatMap((r) => targets.filter((t) => t.inputs.rule === r.inputs.name && functions.has(String(t.inputs.arn))).map((t) => ({ rule: String(r.inputs.name), fn: functions.get(String(t.inputs.arn))!, pattern: JSON.parse(String(r.inputs.eventPattern)) })));
    }

    /** Whether a forwarding rule carries the event to the central bus: the delegated admin's findings forwarding, or the member's. */
    function forwarded(event: Record<string, any>): boolean {
        const rows = event.account === SECURITY ? [...FINDINGS_FORWARDING_RULES, ...FORWARDING_RULES] : FORWARDING_RULES;
        return rows.some((r) => matches(r.pattern, event));
    }

    it("has a planned rule invoking each of the three playbook functions, and only the playbook rules invoke them", () => {
        const rules = playbookRules();
        assert.deepEqual([...new Set(rules.map((r) => r.fn))].sort(), ["acme-lz-playbook-compromised-instance", "acme-lz-playbook-exposed-key", "acme-lz-playbook-public-bucket"]);
        for (const r of rules) assert.match(r.rule, /^acme-lz-playbook-/);
    });

    it("sends each fixture finding to its playbook's function and to no other; benign, sample, forged and out-of-scope findings to none", () => {
        const rules = playbookRules();
        const reaching = SAMPLES.filter((s) => s.playbook !== null);
        assert.ok(reaching.length >= 8 && SAMPLES.length - reaching.length >= 8, "fixtures on both sides");
        for (const s of SAMPLES) {
            const invoked = forwarded(s.event) ? [...new Set(rules.filter((r) => matches(r.pattern, s.event)).map((r) => r.fn))] : [];
            assert.deepEqual(invoked, s.playbook ? [`acme-lz-playbook-${s.playbook}`] : [], `${s.file}: ${s.name}`);
        }
    });
});
