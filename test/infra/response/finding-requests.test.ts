import * as assert from "assert";
import { PLAYBOOK_IDS } from "../../../infra/config/playbooks";
import { bucketName, findingRequests } from "../../../infra/response/finding-requests";
import { dedupSubject } from "../../../infra/response/playbook-request";
import { playbookTriggers } from "../../../infra/response/playbook-triggers";
import { matches } from "../../support/event-pattern";
import { PROD, SAMPLES, SCOPE, sample } from "./fixtures";

const S38 = "Security Hub S3.8 FAILED: a workload-prod bucket without Block Public Access (us-east-1)";
const TWO = "Security Hub event of two findings: S3.3 FAILED (public write) acted on, S3.5 (SSL) on the same bucket left alone";

describe("finding requests (the handler's own check of every trigger condition and the scope)", () => {
    it("agrees with the triggers on every sample: a request exactly where the playbook's rules match, but for the samples the function refuses, saying why", () => {
        for (const s of SAMPLES) {
            for (const p of PLAYBOOK_IDS) {
                const triggered = playbookTriggers(p, SCOPE).some((t) => matches(t.pattern, s.event));
                const { requests, ignored } = findingRequests(p, s.event, SCOPE);
                assert.strictEqual(requests.length > 0, triggered && s.refused === undefined, `${p} / ${s.name}`);
                if (triggered && s.refused !== undefined) assert.ok(ignored.length === 1 && ignored[0].includes(`: ${s.refused}`), `${p} / ${s.name}: ${ignored.join("; ")}`);
            }
        }
    });

    describe("compromised-instance: no isolation for what an outsider can cause without compromising the instance", () => {
        const CC = sample("GuardDuty Backdoor:EC2/C&CActivity.B (8.0): an instance talking to a command-and-control server").event;
        const DNS = sample("GuardDuty CryptoCurrency:EC2/BitcoinTool.B!DNS (8.0) on a workload-prod instance with two interfaces").event;
        const PROBE = sample("GuardDuty Recon:EC2/PortProbeEMRUnprotectedPort (8.0): a known malicious host probed an open EMR port of a workload-prod instance (an outsider's doing: reaches no playbook)").event;
        const INBOUND = sample("GuardDuty inbound connection at severity 8.0 to a workload-prod instance: the rule forwards it (not Recon:), the function refuses it (a remote host connected to it)").event;
        const withDetail = (e: Record<string, any>, detail: Record<string, unknown>) => ({ ...e, detail: { ...e.detail, ...detail } });
        const withAction = (e: Record<string, any>, action: unknown) => withDetail(e, { service: { ...e.detail.service, action } });
        const verdict = (e: unknown) => {
            const { requests, ignored } = findingRequests("compromised-instance", e, SCOPE);
            return requests.length === 1 ? "isolate" : ignored.map((l) => l.replace(/^GuardDuty finding \w+: /, ""));
        };
        const OUTSIDER = "activity an outsider can cause without compromising the instance";

        it("refuses a port probe at severity 8, whatever its type (the red team's PortProbeEMRUnprotectedPort, and a probe under another type)", () => {
            assert.deepStrictEqual(
                [verdict(PROBE), verdict(withDetail(PROBE, { type: "Backdoor:EC2/C&CActivity.B" }))],
                [[`type Recon:EC2/PortProbeEMRUnprotectedPort is reconnaissance of the instance: ${OUTSIDER}`], [`action PORT_PROBE (a remote host probed its ports): ${OUTSIDER}`]],
            );
        });

        it("refuses an inbound connection at severity 8, and isolates on the same finding outbound (the instance connecting out)", () => {
            const outbound = withAction(INBOUND, { ...INBOUND.detail.service.action, networkConnectionAction: { ...INBOUND.detail.service.action.networkConnectionAction, connectionDirection: "OUTBOUND" } });
            assert.deepStrictEqual([verdict(INBOUND), verdict(outbound)], [[`action NETWORK_CONNECTION, INBOUND (a remote host connected to it): ${OUTSIDER}`], "isolate"]);
        });

        it("isolates on what the instance itself does (outbound command and control, a DNS lookup of a mining pool, a finding with no network action) even when GuardDuty calls the instance the TARGET", () => {
            assert.deepStrictEqual([CC.detail.service.resourceRole, DNS.detail.service.resourceRole], ["TARGET", "TARGET"]);
            const { action: _, ...noAction } = CC.detail.service;
            assert.deepStrictEqual([verdict(CC), verdict(DNS), verdict(withDetail(CC, { service: noAction, type: "Execution:Runtime/MaliciousFileExecuted" }))], ["isolate", "isolate", "isolate"]);
        });
    });

    it("reads the bucket, account and region of each public-bucket finding", () => {
        const requests = SAMPLES.filter((s) => s.playbook === "public-bucket").flatMap((s) => findingRequests("public-bucket", s.event, SCOPE).requests);
        assert.deepStrictEqual(requests, [
            { playbook: "public-bucket", finding: { id: "11d3ce9c-afc4-4311-a748-fa7eaf2466a5", source: "aws.access-analyzer", account: PROD, region: "us-east-1", version: "2026-11-20T05:00:00Z" }, bucket: "prod-share" },
            { playbook: "public-bucket", finding: { id: `arn:aws:securityhub:us-east-1:${PROD}:security-control/S3.8/finding/6d0382a8-d346-49b5-a03c-055728b57365`, source: "aws.securityhub", account: PROD, region: "us-east-1", version: "2026-11-20T06:00:00.000Z" }, bucket: "prod-uploads" },
            { playbook: "public-bucket", finding: { id: `arn:aws:securityhub:eu-west-1:${PROD}:security-control/S3.2/finding/0f3c1e52-8a4b-4d6e-9c17-2b5d8e7f6a41`, source: "aws.securityhub", account: PROD, region: "eu-west-1", version: "2026-11-20T06:00:00.000Z" }, bucket: "prod-reports-eu" },
            { playbook: "public-bucket", finding: { id: `arn:aws:securityhub:us-west-2:${PROD}:security-control/S3.3/finding/a71e4c08-3b2d-4f59-8e6a-1c0d9b8a7f62`, source: "aws.securityhub", account: PROD, region: "us-west-2", version: "2026-11-20T06:00:00.000Z" }, bucket: "prod-dropbox-usw2" },
        ]);
    });

    it("acts on the qualifying findings of a Security Hub event only, and says why it leaves the others", () => {
        const { requests, ignored } = findingRequests("public-bucket", sample(TWO).event, SCOPE);
        assert.deepStrictEqual(requests.map((r) => r.playbook === "public-bucket" && r.bucket), ["prod-dropbox-usw2"]);
        assert.deepStrictEqual(ignored, [`Security Hub finding arn:aws:securityhub:us-west-2:${PROD}:security-control/S3.5/finding/c4b2e1d0-9f8e-4a7b-8c6d-5e4f3a2b1c0d: control S3.5 is not one of S3.2, S3.3, S3.8`]);
    });

    it("refuses a finding whose fields EventBridge would match across two findings of one event", () => {
        // EventBridge matches each field of an array's elements on its own: a PASSED S3.8 finding
        // beside a FAILED S3.5 one can match a rule asking for S3.8 and FAILED.
        const s38 = sample(S38).event.detail.findings[0];
        const s35 = sample(TWO).event.detail.findings[0];
        const event = { ...sample(S38).event, detail: { findings: [{ ...s38, Compliance: { ...s38.Compliance, Status: "PASSED" } }, s35] } };
        const { requests, ignored } = findingRequests("public-bucket", event, SCOPE);
        assert.deepStrictEqual([requests, ignored.map((l) => l.replace(/^.*: /, ""))], [[], ["compliance status PASSED, not FAILED", "control S3.5 is not one of S3.2, S3.3, S3.8"]]);
    });

    it("reads the key, its user and the finding type of each exposed-key finding", () => {
        const requests = SAMPLES.filter((s) => s.playbook === "exposed-key").flatMap((s) => findingRequests("exposed-key", s.event, SCOPE).requests);
        assert.deepStrictEqual(
            requests.map((r) => r.playbook === "exposed-key" && [r.finding.source, r.finding.region, r.accessKeyId, r.userType, r.userName, r.findingType]),
            [
                ["aws.guardduty", "us-east-1", "AKIA2PRODEXAMPLE0007", "IAMUser", "ci-deployer", "InitialAccess:IAMUser/AnomalousBehavior"],
                ["aws.guardduty", "eu-west-1", "AKIA2PRODEXAMPLE0011", "IAMUser", "report-exporter", "Exfiltration:IAMUser/AnomalousBehavior"],
                ["aws.guardduty", "us-west-2", "ASIA2PRODEXAMPLE0042", "AssumedRole", "app-instance-role", "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS"],
                ["aws.guardduty", "us-west-2", "ASIA2PRODEXAMPLE0043", "AssumedRole", "app-instance-role", "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS"],
                ["aws.health", "us-east-1", "AKIA2PRODEXAMPLE0042", undefined, undefined, "AWS_RISK_CREDENTIALS_EXPOSED"],
            ],
        );
    });

    it("reads the instance and its interfaces of each compromised-instance finding", () => {
        const requests = SAMPLES.filter((s) => s.playbook === "compromised-instance").flatMap((s) => findingRequests("compromised-instance", s.event, SCOPE).requests);
        assert.deepStrictEqual(requests, [
            {
                playbook: "compromised-instance",
                finding: { id: "f0a8e5c6b7d849e0f1a2b3c4d5e6f7a8", source: "aws.guardduty", account: PROD, region: "us-west-2", version: "2026-11-20T09:45:00.000Z" },
                instanceId: "i-0aa11bb22cc33dd44",
                findingType: "CryptoCurrency:EC2/BitcoinTool.B!DNS",
                severity: 8,
                networkInterfaces: ["eni-0aaa1111bbbb2222c", "eni-0ddd3333eeee4444f"],
            },
            {
                playbook: "compromised-instance",
                finding: { id: "a1b9f6d7c8e95af0a1b2c3d4e5f6a7b8", source: "aws.guardduty", account: PROD, region: "eu-west-1", version: "2026-11-20T09:45:00.000Z" },
                instanceId: "i-0bb22cc33dd44ee55",
                findingType: "Backdoor:EC2/C&CActivity.B",
                severity: 8,
                networkInterfaces: ["eni-0bbb2222cccc3333d"],
            },
        ]);
    });

    it("says why each decoy is left alone", () => {
        const why = (p: (typeof PLAYBOOK_IDS)[number], name: string) => findingRequests(p, sample(name).event, SCOPE).ignored;
        assert.deepStrictEqual(
            [
                why("compromised-instance", "GuardDuty sample finding (CreateSampleFindings) of a high EC2 finding: never acted on"),
                why("compromised-instance", "GuardDuty high EC2 finding in workload-dev, outside the playbook's scope"),
                why("compromised-instance", "GuardDuty medium EC2 finding just under the threshold (6.9)"),
                why("public-bucket", "Forged: a custom finding claiming S3.8 imported with BatchImportFindings by the account's administrator"),
                why("public-bucket", "Security Hub S3.1 FAILED: account-level Block Public Access off (its fix would close buckets public on purpose)"),
                why("public-bucket", "Security Hub S3.8 FAILED but SUPPRESSED: a bucket public on purpose"),
                why("exposed-key", "Health AWS_EC2_OPERATIONAL_ISSUE: a Health event of another type"),
                why("exposed-key", "Health abuse report for an instance (AWS Health Abuse Event)"),
            ],
            [
                ["GuardDuty finding c3d1b8f9e0a17cb2c3d4e5f6a7b8c9d0: a sample finding (CreateSampleFindings), not a real one"],
                ["GuardDuty finding e5f3d0b1a2c39ed4e5f6a7b8c9d0e1f2: account 555555555555 is not in the playbook's scope"],
                ["GuardDuty finding b2c0a7e8d9f06ba1b2c3d4e5f6a7b8c9: severity 6.9 is below 7"],
                [`Security Hub finding prod-payments-s3-8-forged-0001: product arn:aws:securityhub:us-east-1:${PROD}:product/${PROD}/default is not Security Hub itself: an imported finding cannot make the playbook act`],
                [`Security Hub finding arn:aws:securityhub:us-east-1:${PROD}:security-control/S3.1/finding/2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f: control S3.1 is not one of S3.2, S3.3, S3.8`],
                [`Security Hub finding arn:aws:securityhub:us-east-1:${PROD}:security-control/S3.8/finding/9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b: workflow status SUPPRESSED, not NEW (someone already handles it)`],
                ["Health event arn:aws:health:eu-west-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_19BCD164: event type EC2/AWS_EC2_OPERATIONAL_ISSUE is not an exposed key"],
                ["event 4c3a7ff9-e14d-4090-add3-e0dad359ad2c: aws.health / AWS Health Abuse Event is no trigger of exposed-key"],
            ],
        );
    });

    it("re-checks what the rule cannot: a Health event whose affected account is not its sender, a GuardDuty finding of another partition, a deleted bucket", () => {
        const health = sample("Health AWS_RISK_CREDENTIALS_EXPOSED: a workload-prod access key found in public").event;
        assert.deepStrictEqual(findingRequests("exposed-key", { ...health, detail: { ...health.detail, affectedAccount: "555555555555" } }, SCOPE).ignored, [
            `Health event ${health.detail.eventArn}: affected account 555555555555 is not the account ${PROD} that sent it`,
        ]);
        const gd = sample("GuardDuty CryptoCurrency:EC2/BitcoinTool.B!DNS (8.0) on a workload-prod instance with two interfaces").event;
        assert.deepStrictEqual(findingRequests("compromised-instance", { ...gd, detail: { ...gd.detail, partition: "aws-cn" } }, SCOPE).ignored, ["GuardDuty finding f0a8e5c6b7d849e0f1a2b3c4d5e6f7a8: partition aws-cn, not aws"]);
        const aa = sample("Access Analyzer: a workload-prod bucket readable by everyone").event;
        assert.deepStrictEqual(findingRequests("public-bucket", { ...aa, detail: { ...aa.detail, isDeleted: true } }, SCOPE).ignored, ["Access Analyzer finding 11d3ce9c-afc4-4311-a748-fa7eaf2466a5: the bucket is deleted"]);
    });

    it("takes a Health event's region from where it was delivered when the event names none (IAM is global)", () => {
        const health = sample("Health AWS_RISK_CREDENTIALS_EXPOSED: a workload-prod access key found in public").event;
        const [r] = findingRequests("exposed-key", { ...health, region: "eu-west-1", detail: { ...health.detail, eventRegion: "global" } }, SCOPE).requests;
        assert.deepStrictEqual(r.finding.region, "eu-west-1");
    });

    it("claims each key of a Health event, and each finding, on its own, with the account and the event's last update in the dedup key", () => {
        const health = sample("Health AWS_RISK_CREDENTIALS_EXPOSED: a workload-prod access key found in public").event;
        const two = { ...health, detail: { ...health.detail, affectedEntities: [{ entityValue: "AKIA2PRODEXAMPLE0042" }, { entityValue: "AKIA2PRODEXAMPLE0043" }] } };
        assert.deepStrictEqual(findingRequests("exposed-key", two, SCOPE).requests.map(dedupSubject), [
            `${health.detail.eventArn}#${PROD}#AKIA2PRODEXAMPLE0042#Sat, 21 Nov 2026 06:00:00 GMT`,
            `${health.detail.eventArn}#${PROD}#AKIA2PRODEXAMPLE0043#Sat, 21 Nov 2026 06:00:00 GMT`,
        ]);
    });

    it("puts each source's last update of the finding in the dedup subject: an update is a new subject, a second delivery of the same version is not", () => {
        const gd = sample("GuardDuty Backdoor:EC2/C&CActivity.B (8.0): an instance talking to a command-and-control server").event;
        const sh = sample("Security Hub S3.8 FAILED: a workload-prod bucket without Block Public Access (us-east-1)").event;
        const aa = sample("Access Analyzer: a workload-prod bucket readable by everyone").event;
        const health = sample("Health AWS_RISK_CREDENTIALS_EXPOSED: a workload-prod access key found in public").event;
        const subject = (p: "public-bucket" | "exposed-key" | "compromised-instance", e: unknown) => findingRequests(p, e, SCOPE).requests.map(dedupSubject);
        assert.deepStrictEqual(
            [subject("compromised-instance", gd), subject("public-bucket", sh), subject("public-bucket", aa), subject("exposed-key", health)],
            [
                [`${gd.detail.id}#${PROD}#i-0bb22cc33dd44ee55#2026-11-20T09:45:00.000Z`],
                [`${sh.detail.findings[0].Id}#${PROD}#prod-uploads#2026-11-20T06:00:00.000Z`],
                [`${aa.detail.id}#${PROD}#prod-share#2026-11-20T05:00:00Z`],
                [`${health.detail.eventArn}#${PROD}#AKIA2PRODEXAMPLE0042#Sat, 21 Nov 2026 06:00:00 GMT`],
            ],
        );
        // The same finding updated: another subject. The same event delivered again: the same subject.
        const updated = { ...sh, id: "7e1493b9-e457-4ac6-b14d-166839c68476", detail: { findings: [{ ...sh.detail.findings[0], UpdatedAt: "2026-11-20T06:10:00.000Z" }] } };
        assert.deepStrictEqual([subject("public-bucket", updated), subject("public-bucket", JSON.parse(JSON.stringify(sh)))], [[`${sh.detail.findings[0].Id}#${PROD}#prod-uploads#2026-11-20T06:10:00.000Z`], subject("public-bucket", sh)]);
        // A finding without its update time keeps the subject without one (as before the version was added).
        const { UpdatedAt: _, ...bare } = sh.detail.findings[0];
        assert.deepStrictEqual(subject("public-bucket", { ...sh, detail: { findings: [bare] } }), [`${sh.detail.findings[0].Id}#${PROD}#prod-uploads#`]);
    });

    it("reads a bucket name only from an S3 bucket ARN of the configured partition", () => {
        assert.deepStrictEqual(
            ["arn:aws:s3:::prod-uploads", "arn:aws-cn:s3:::prod-uploads", "arn:aws:s3:::prod-uploads/key", `arn:aws:sqs:us-east-1:${PROD}:q`, "prod-uploads", 7].map((a) => bucketName(a, "aws")),
            ["prod-uploads", undefined, undefined, undefined, undefined, undefined],
        );
    });
});
