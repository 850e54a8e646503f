/**
 * The CIS alarms as users meet them: docs/security.md lists each control's id, its Security Hub and
 * CIS numbers and the topic it pages; the alarm that pages says what happened and which control it is
 * (its description reaches the subscriber in the SNS message). Both are held to the documented table.
 */
import { strict as assert } from "assert";
import { CisAlarms } from "../../../../infra/components/trail/cis-alarms";
import { CIS_CONTROLS } from "../../../../infra/components/trail/cis-controls";
import { planComponent } from "../../../support/plan";
import { documentedCisControls } from "../../../support/cis-severities";

const TOPICS = {
    high: "arn:aws:sns:us-east-1:333333333333:acme-lz-security-high",
    medium: "arn:aws:sns:us-east-1:333333333333:acme-lz-security-medium",
    low: "arn:aws:sns:us-east-1:333333333333:acme-lz-security-low",
};

describe("CIS controls as documented in docs/security.md", () => {
    it("are the documented ids, each with the documented Security Hub and CIS numbers and severity", () => {
        const documented = documentedCisControls();
        assert.equal(documented.length, 15);
        assert.deepEqual(
            CIS_CONTROLS.map((c) => ({ id: c.id, controls: [...c.controls], severity: c.severity })),
            documented.map((d) => ({ id: d.id, controls: [...d.controls], severity: d.severity })),
        );
    });

    it("page with a description that says what happened and names the documented controls", async function () {
        this.timeout(120_000);
        const p = await planComponent(() => new CisAlarms("cis", { logGroupName: "/acme-lz/cloudtrail/organization", topicArns: TOPICS, alarmNamePrefix: "acme-lz-cis" }), "333333333333");
        for (const d of documentedCisControls()) {
            const alarm = p.resources.find((r) => r.name === `cis-${d.id}-alarm`);
            assert.ok(alarm, d.id);
            const m = /^(.+) \((.+)\)$/.exec(String(alarm.inputs.alarmDescription));
            assert.ok(m, `${d.id}: ${String(alarm.inputs.alarmDescription)}`);
            assert.ok(m[1].trim().length >= 10, `${d.id}: "${m[1]}" says too little`);
            assert.deepEqual(m[2].split(", "), d.controls, d.id);
        }
    });
});
