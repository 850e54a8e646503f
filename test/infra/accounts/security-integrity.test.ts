/**
 * The scheduled CloudTrail integrity validation as the security stack plans it: what it validates,
 * when it runs, where failures and missing runs page, and that the planned function, run with the SDK
 * clients mocked over a generated archive, validates and reports.
 */
import * as assert from "assert";
import { mockClient, type AwsClientStub } from "aws-sdk-client-mock";
import { CloudTrailClient, ListPublicKeysCommand } from "@aws-sdk/client-cloudtrail";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { S3Client } from "@aws-sdk/client-s3";
import { byName, ofType, referenceOrg, referenceStack } from "../../support/plan";
import { planSecurityEvents, securityModel } from "../components/events/harness";
import { integrityTier } from "../../../infra/accounts/security-integrity";
import { loadBundle } from "../../support/bundle";
import { serveArchive } from "../../support/s3-mock";
import { configProblems } from "../../support/errors";
import { ACCOUNTS, archive, digestAt, KEYS, readDigest, REGIONS } from "../../support/cloudtrail-chain";
import { bundleHandler } from "../../../infra/components/compute/bundle";
import { INTEGRITY_JOB_ENTRY } from "../../../infra/components/integrity/integrity-validation-job";
import { loadOrg } from "../../../infra/config/load";
import { parseStack } from "../../../infra/config/stack";
import type { StackPlan } from "../../../infra/engine/run";
import type { PlannedResource } from "../../../infra/engine/monitor";

const SECURITY = "333333333333";
const CONFIG_VARIABLE = "LZ_INTEGRITY_JOB_CONFIG";

describe("security stack: scheduled log integrity validation", () => {
    let p: StackPlan;
    let archivePlan: StackPlan;
    let fn: PlannedResource;
    before(async () => {
        p = await referenceStack("security");
        archivePlan = await referenceStack("log-archive");
        fn = byName(p, "log-integrity-function-function");
    });

    it("validates the organisation trail in the log-archive stack's archive, every account with an id and every enabled region, and reports to the central bus", () => {
        const config = JSON.parse(String((fn.inputs.environment as { variables: Record<string, string> }).variables[CONFIG_VARIABLE]));
        assert.deepStrictEqual(config, {
            bucket: archivePlan.outputs.archiveBucketName,
            trail: { keyPrefix: "", organizationId: "o-exampleorg1", trailName: "acme-lz-org-trail", homeRegion: "us-east-1" },
            accounts: ["111111111111", "222222222222", "333333333333", "444444444444", "555555555555"],
            regions: ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"],
            eventBusArn: p.outputs.centralBusArn,
            parallel: 4,
        });
        assert.deepStrictEqual([fn.inputs.name, fn.inputs.timeout, fn.inputs.memorySize], ["acme-lz-log-integrity", 900, 1024]);
    });

    it("runs daily at 03:00 UTC for the day before, through a role only its schedule group's Scheduler assumes, leaving failed invocations in the function's dead-letter queue", () => {
        const [schedule] = ofType(p, "aws:scheduler/schedule:Schedule").filter((s) => s.inputs.name === "acme-lz-log-integrity");
        const target = schedule.inputs.target as Record<string, any>;
        const role = byName(p, "log-integrity-schedule-role");
        const queue = byName(p, "log-integrity-function-dead-letter");
        assert.deepStrictEqual(
            [schedule.inputs.scheduleExpression, schedule.inputs.scheduleExpressionTimezone, schedule.inputs.groupName, target.arn, target.roleArn, target.input, target.deadLetterConfig.arn],
            ["cron(0 3 * * ? *)", "UTC", "acme-lz-log-integrity", fn.outputs.arn, role.outputs.arn, "{}", queue.outputs.arn],
        );
        const trust = JSON.parse(String(role.inputs.assumeRolePolicy));
        assert.deepStrictEqual(trust.Statement[0].Condition, { StringEquals: { "aws:SourceAccount": SECURITY }, ArnEquals: { "aws:SourceArn": `arn:aws:scheduler:us-east-1:${SECURITY}:schedule-group/acme-lz-log-integrity` } });
        assert.strictEqual((fn.inputs.deadLetterConfig as { targetArn: string }).targetArn, queue.outputs.arn);
    });

    it("keeps its log in /acme-lz/log-integrity for the organisation's log retention", () => {
        const group = byName(p, "log-integrity-function-log");
        assert.deepStrictEqual([group.inputs.name, group.inputs.retentionInDays], ["/acme-lz/log-integrity", loadOrg(".").retention.logGroupDays]);
    });

    it("pages the high topic when no passing run matched the planned integrity-passed rule for 30 hours, and when an invocation failed every retry", () => {
        const high = (p.outputs.severityTopicArns as Record<string, string>).high;
        const missing = byName(p, "log-integrity-missing");
        const rule = ofType(p, "aws:cloudwatch/eventRule:EventRule").find((r) => r.inputs.name === "acme-lz-route-integrity-passed");
        assert.ok(rule, "the rule the alarm watches is planned on the central bus");
        assert.strictEqual(rule.inputs.eventBusName, p.outputs.centralBusName);
        assert.deepStrictEqual(
            [missing.inputs.dimensions, missing.inputs.period, missing.inputs.evaluationPeriods, missing.inputs.datapointsToAlarm, missing.inputs.comparisonOperator, missing.inputs.treatMissingData, missing.inputs.alarmActions],
            [{ EventBusName: "acme-lz-security-events", RuleName: "acme-lz-route-integrity-passed" }, 3600, 30, 30, "LessThanThreshold", "breaching", [high]],
        );
        assert.deepStrictEqual((byName(p, "log-integrity-function-failed").inputs.alarmActions as string[]), [high]);
        const failedRule = ofType(p, "aws:cloudwatch/eventRule:EventRule").find((r) => r.inputs.name === "acme-lz-route-integrity-failed")!;
        const failedTargets = ofType(p, "aws:cloudwatch/eventTarget:EventTarget").filter((t) => t.inputs.rule === failedRule.outputs.name).map((t) => t.inputs.arn);
        assert.ok(failedTargets.includes(high), "a failed run pages high");
    });

    it("exports the job's function, schedule and alarms", () => {
        assert.deepStrictEqual(Object.keys(p.outputs.integrityValidation as object).sort(), ["failedAlarmArn", "functionArn", "missingAlarmArn", "scheduleArn"]);
    });

    it("is left out, with its source refused by the bus, when switched off", async () => {
        const policyOf = async (settings: Record<string, unknown>) => {
            const plan = await planSecurityEvents(securityModel(referenceOrg(), settings));
            return JSON.parse(String(ofType(plan, "aws:cloudwatch/eventBusPolicy:EventBusPolicy")[0].inputs.policy)) as { Statement: { Sid: string; Condition?: unknown }[] };
        };
        const on = await policyOf({ orgRules: true });
        const off = await policyOf({ orgRules: true, integrity: { enabled: false } });
        assert.deepStrictEqual(on.Statement.find((x) => x.Sid === "DenyIntegrityFromOthers")?.Condition, {
            "ForAnyValue:StringEquals": { "events:source": "lz.integrity" },
            ArnNotEquals: { "aws:PrincipalArn": [`arn:aws:iam::${SECURITY}:role/acme-lz-log-integrity`] },
        });
        assert.ok(!JSON.stringify(off).includes("lz.integrity"), "no publisher: the source is refused with every other custom one");
        const model = securityModel(referenceOrg(), { orgRules: true, integrity: { enabled: false } });
        assert.strictEqual(integrityTier({ model, provider: undefined as never }, undefined as never), undefined);
    });

    it("refuses a run hour before 02:00 UTC and an evidence window the alarm cannot look back over, naming file and key", () => {
        const org = loadOrg(".");
        const problems = configProblems(() =>
            parseStack("security", "stacks/Pulumi.security.yaml", { "lz:role": "security", "lz:security": JSON.stringify({ integrity: { hourUtc: 1, missingAfterHours: 200 } }) }, org),
        );
        assert.deepStrictEqual(problems, [
            "stacks/Pulumi.security.yaml: lz:security.integrity.hourUtc: 1 is below the minimum of 2",
            "stacks/Pulumi.security.yaml: lz:security.integrity.missingAfterHours: 200 is above the maximum of 168",
        ]);
    });

    describe("the planned function, run with the SDK clients mocked over a generated archive", () => {
        // Stubbed for this block only (created in before, restored in after): other files mock the same clients.
        let s3: AwsClientStub<S3Client>;
        let cloudTrail: AwsClientStub<CloudTrailClient>;
        let events: AwsClientStub<EventBridgeClient>;
        let saved: string | undefined;
        let handler: (event: unknown) => Promise<{ status: string }>;
        before(() => {
            s3 = mockClient(S3Client);
            cloudTrail = mockClient(CloudTrailClient);
            events = mockClient(EventBridgeClient);
            const bundle = bundleHandler(INTEGRITY_JOB_ENTRY);
            // The planned function deploys exactly this bundle.
            assert.strictEqual(fn.inputs.sourceCodeHash, bundle.sha256);
            handler = loadBundle(bundle.code, "planned-integrity").handler as typeof handler;
            saved = process.env[CONFIG_VARIABLE];
            process.env[CONFIG_VARIABLE] = (fn.inputs.environment as { variables: Record<string, string> }).variables[CONFIG_VARIABLE];
            cloudTrail.on(ListPublicKeysCommand).resolves({ PublicKeyList: REGIONS.map((r) => ({ Fingerprint: KEYS[r].publicKey.fingerprint, Value: KEYS[r].publicKey.value })) });
            events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: "e1" }] });
        });
        after(() => {
            if (saved === undefined) delete process.env[CONFIG_VARIABLE];
            else process.env[CONFIG_VARIABLE] = saved;
            s3.restore();
            cloudTrail.restore();
            events.restore();
        });

        it("validates the archive the plan names and pages on a digest deleted from it", async () => {
            const objects = archive();
            const deleted = digestAt("555555555555", "us-east-1", "2026-03-02T09:01:31Z");
            assert.ok(readDigest(objects, deleted).logFiles.length > 0);
            objects.delete(deleted);
            serveArchive(s3, String(JSON.parse(process.env[CONFIG_VARIABLE]!).bucket), objects);
            const log = console.log;
            console.log = () => undefined;
            try {
                // The fixture holds two of the organisation's accounts and regions: the run is asked for those.
                await handler({ day: "2026-03-02", accounts: [...ACCOUNTS], regions: [...REGIONS] });
            } finally {
                console.log = log;
            }
            const entry = events.commandCalls(PutEventsCommand)[0].args[0].input.Entries![0];
            const detail = JSON.parse(entry.Detail!);
            assert.deepStrictEqual([entry.EventBusName, detail.status, detail.findings.some((f: { kind: string; key?: string }) => f.kind === "digest-missing" && f.key === deleted)], [p.outputs.centralBusArn, "fail", true]);
        });
    });
});
