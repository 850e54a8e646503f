import * as assert from "assert";
import { PLAYBOOK_IDS, type PlaybookId } from "../../../infra/config/playbooks";
import { ANOMALOUS_BEHAVIOR_TYPES, playbookTriggers } from "../../../infra/response/playbook-triggers";
import { findingRequests } from "../../../infra/response/finding-requests";
import { matches } from "../../support/event-pattern";
import { DEV, PROD, SAMPLES, SCOPE, sample } from "./fixtures";

/** The playbooks whose triggers `event` matches, each with the ids of the matching triggers. */
function reached(event: unknown, scope: { accounts: readonly string[]; partition: string } = SCOPE): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const p of PLAYBOOK_IDS) {
        const ids = playbookTriggers(p, scope).filter((t) => matches(t.pattern, event)).map((t) => t.id);
        if (ids.length > 0) out[p] = ids;
    }
    return out;
}

describe("response playbook triggers (rules on the central bus)", () => {
    it("has fixtures for every playbook and benign decoys", () => {
        const count = (p: PlaybookId | null) => SAMPLES.filter((s) => s.playbook === p).length;
        assert.deepStrictEqual([count("public-bucket"), count("exposed-key"), count("compromised-instance"), count(null)], [4, 5, 3, 23]);
    });

    for (const s of SAMPLES) {
        it(`${s.file}: ${s.name} → ${s.playbook ?? "no playbook"}`, () => {
            const got = reached(s.event);
            assert.deepStrictEqual(Object.keys(got), s.playbook === null ? [] : [s.playbook]);
        });
    }

    it("names each trigger once across playbooks, with the rule each becomes", () => {
        const all = PLAYBOOK_IDS.flatMap((p) => playbookTriggers(p, SCOPE).map((t) => `${p}:${t.id}`));
        assert.deepStrictEqual(all, [
            "public-bucket:securityhub-public-bucket",
            "public-bucket:access-analyzer-public-bucket",
            "exposed-key:guardduty-exposed-key",
            "exposed-key:health-exposed-key",
            "compromised-instance:guardduty-compromised-instance",
        ]);
    });

    it("reaches the account put in scope and no other: workload-dev's findings reach the playbooks once it is in scope", () => {
        const outside = SAMPLES.filter((s) => s.name.includes("outside the playbook's scope"));
        assert.deepStrictEqual(outside.map((s) => s.file), ["access-analyzer.json", "guardduty.json", "guardduty.json", "health.json", "security-hub.json"]);
        for (const s of outside) assert.deepStrictEqual(reached(s.event), {}, s.name);
        const widened = outside.map((s) => Object.keys(reached(s.event, { accounts: [PROD, DEV], partition: "aws" })));
        assert.deepStrictEqual(widened, [["public-bucket"], ["compromised-instance"], ["exposed-key"], ["exposed-key"], ["public-bucket"]]);
    });

    it("matches only Security Hub's own product ARN, any region, never an account's custom product (the forged finding)", () => {
        const [securityHub] = playbookTriggers("public-bucket", SCOPE);
        assert.deepStrictEqual((securityHub.pattern.detail as any).findings.ProductArn, [{ suffix: "::product/aws/securityhub" }]);
        const real = sample("Security Hub S3.8 FAILED: a workload-prod bucket without Block Public Access (us-east-1)").event;
        const withProduct = (arn: string) => ({ ...real, detail: { findings: [{ ...real.detail.findings[0], ProductArn: arn }] } });
        assert.deepStrictEqual(
            [
                "arn:aws:securityhub:eu-central-1::product/aws/securityhub",
                `arn:aws:securityhub:us-east-1:${PROD}:product/${PROD}/default`,
                "arn:aws:securityhub:us-east-1::product/aws/guardduty",
                `arn:aws:securityhub:us-east-1:${PROD}:product/${PROD}/default::product/aws/securityhub`,
            ].map((arn) => matches(securityHub.pattern, withProduct(arn))),
            [true, false, false, true],
        );
        // The last is no ARN Security Hub accepts for an import; the handler checks the whole ARN anyway.
        assert.deepStrictEqual(findingRequests("public-bucket", withProduct(`arn:aws:securityhub:us-east-1:${PROD}:product/${PROD}/default::product/aws/securityhub`), SCOPE).requests, []);
        assert.deepStrictEqual(findingRequests("public-bucket", withProduct("arn:aws-us-gov:securityhub:us-gov-west-1::product/aws/securityhub"), SCOPE).requests, []);
    });

    it("matches every anomalous-behaviour tactic of an IAM user (by their common suffix) and both instance-credential exfiltration types for exposed keys", () => {
        const [guardDuty] = playbookTriggers("exposed-key", SCOPE);
        assert.deepStrictEqual((guardDuty.pattern.detail as any).type, [
            { suffix: ":IAMUser/AnomalousBehavior" },
            "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
            "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS",
        ]);
        const base = sample("GuardDuty InitialAccess:IAMUser/AnomalousBehavior: an IAM user's access key used anomalously (workload-prod)").event;
        for (const type of ANOMALOUS_BEHAVIOR_TYPES) assert.ok(matches(guardDuty.pattern, { ...base, detail: { ...base.detail, type } }), type);
        assert.ok(!matches(guardDuty.pattern, { ...base, detail: { ...base.detail, type: "Recon:IAMUser/MaliciousIPCaller" } }), "another IAM user finding");
        assert.deepStrictEqual(ANOMALOUS_BEHAVIOR_TYPES.map((t) => t.split(":")[0]), ["CredentialAccess", "DefenseEvasion", "Discovery", "Exfiltration", "Impact", "InitialAccess", "Persistence", "PrivilegeEscalation"]);
    });

    it("isolates from GuardDuty severity 7.0 up, and leaves 6.9 alone", () => {
        const [trigger] = playbookTriggers("compromised-instance", SCOPE);
        const base = sample("GuardDuty medium EC2 finding just under the threshold (6.9)").event;
        const at = (severity: number) => matches(trigger.pattern, { ...base, detail: { ...base.detail, severity } });
        assert.deepStrictEqual([at(6.9), at(7), at(8.9), at(10)], [false, true, true, true]);
    });

    it("leaves out reconnaissance of an instance at any severity (Recon: types, which an outsider causes), and nothing else of a high instance finding", () => {
        const [trigger] = playbookTriggers("compromised-instance", SCOPE);
        assert.deepStrictEqual((trigger.pattern.detail as any).type, [{ "anything-but": { prefix: "Recon:" } }]);
        const base = sample("GuardDuty Backdoor:EC2/C&CActivity.B (8.0): an instance talking to a command-and-control server").event;
        const typed = (type: string) => matches(trigger.pattern, { ...base, detail: { ...base.detail, type } });
        assert.deepStrictEqual(
            ["Recon:EC2/PortProbeEMRUnprotectedPort", "Recon:EC2/PortProbeUnprotectedPort", "Recon:EC2/Portscan", "Backdoor:EC2/C&CActivity.B", "UnauthorizedAccess:EC2/MetadataDNSRebind", "Trojan:EC2/DNSDataExfiltration"].map(typed),
            [false, false, false, true, true, true],
        );
    });

    it("leaves out every GuardDuty sample finding, including a finding marked sample: false by hand", () => {
        for (const p of ["exposed-key", "compromised-instance"] as const) {
            const [trigger] = playbookTriggers(p, SCOPE);
            assert.deepStrictEqual((trigger.pattern.detail as any).service, { additionalInfo: { sample: [{ exists: false }] } });
        }
        const real = sample("GuardDuty CryptoCurrency:EC2/BitcoinTool.B!DNS (8.0) on a workload-prod instance with two interfaces").event;
        const marked = (v: unknown) => ({ ...real, detail: { ...real.detail, service: { ...real.detail.service, additionalInfo: { ...real.detail.service.additionalInfo, sample: v } } } });
        assert.deepStrictEqual(reached(marked(false)), {});
        assert.deepStrictEqual(reached(marked(true)), {});
    });

    it("takes AWS Health's exposed-key events from the member account that forwards them (the envelope's account)", () => {
        const [, health] = playbookTriggers("exposed-key", SCOPE);
        assert.deepStrictEqual(health.pattern, {
            source: ["aws.health"],
            "detail-type": ["AWS Health Event"],
            account: [PROD],
            detail: { service: ["RISK"], eventTypeCode: ["AWS_RISK_CREDENTIALS_EXPOSED", "AWS_RISK_CREDENTIALS_EXPOSURE_SUSPECTED"] },
        });
    });

    it("keeps every rule within EventBridge's default event pattern size (2,048 characters) up to 110 accounts in scope; the GuardDuty exposed-key rule outgrows it first (playbookRules then splits it)", () => {
        const largest = (n: number) => {
            const accounts = Array.from({ length: n }, (_, i) => String(100000000000 + i));
            const sizes = PLAYBOOK_IDS.flatMap((p) => playbookTriggers(p, { accounts, partition: "aws-us-gov" }).map((t) => [t.id, JSON.stringify(t.pattern).length] as const));
            return sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
        };
        assert.deepStrictEqual([largest(110), largest(120)], [["guardduty-exposed-key", 2015], ["guardduty-exposed-key", 2165]]);
    });

    it("refuses an empty scope (a rule with an empty list matches nothing, EventBridge refuses it)", () => {
        assert.throws(() => playbookTriggers("public-bucket", { accounts: [], partition: "aws" }), /playbookTriggers\(public-bucket\): no account in scope/);
    });
});
