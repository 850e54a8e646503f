import * as assert from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { mockClient, type AwsClientStub } from "aws-sdk-client-mock";
import { CloudTrailClient, ListPublicKeysCommand } from "@aws-sdk/client-cloudtrail";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { bundleHandler } from "../../../../infra/components/compute/bundle";
import { BundledFunction, resolveBundledFunctionArgs, type BundledFunctionArgs } from "../../../../infra/components/compute/bundled-function";
import type { StackPlan } from "../../../../infra/engine/run";
import { byName, planComponent, policyOf, REPO_ROOT } from "../../../support/plan";
import { loadBundle } from "../../../support/bundle";
import { serveArchive } from "../../../support/s3-mock";
import { errorMessage } from "../../../support/errors";
import { archive, BUCKET, digestAt, KEYS, readDigest, REGIONS, TRAIL, ACCOUNTS } from "../../../support/cloudtrail-chain";

const SECURITY = "333333333333";
const ENTRY = path.join(REPO_ROOT, "infra", "integrity", "validation-job-lambda.ts");
const TOPIC = `arn:aws:sns:us-east-1:${SECURITY}:acme-lz-security-high`;
const BUS = `arn:aws:events:us-east-1:${SECURITY}:event-bus/acme-lz-security-events`;
const EXEMPT = [`arn:aws:iam::${SECURITY}:role/LandingZoneDeployment`, `arn:aws:iam::${SECURITY}:role/LandingZoneBreakGlass`];

const ARGS: BundledFunctionArgs = {
    functionName: "acme-lz-log-integrity",
    description: "Validates the organisation trail's digests",
    entry: ENTRY,
    trustPolicy: { Version: "2012-10-17", Statement: [{ Sid: "Lambda", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] },
    permissionsPolicy: { Version: "2012-10-17", Statement: [{ Sid: "ListKeys", Effect: "Allow", Action: "cloudtrail:ListPublicKeys", Resource: "*" }] },
    environment: { LZ_INTEGRITY_JOB_CONFIG: "{}" },
    logGroupName: "/acme-lz/log-integrity",
    logRetentionDays: 365,
    alarmTopicArn: TOPIC,
    deadLetterSenderRoleArns: [`arn:aws:iam::${SECURITY}:role/acme-lz-log-integrity-schedule`],
    exemptRoleArns: EXEMPT,
    timeoutSeconds: 900,
    memoryMb: 1024,
};

describe("BundledFunction", () => {
    let plan: StackPlan;
    before(async () => {
        plan = await planComponent(() => new BundledFunction("job", ARGS), SECURITY);
    });

    it("deploys the bundled handler as index.js of a zip, on nodejs22.x arm64, with the bundle's SHA-256 as sourceCodeHash", () => {
        const fn = byName(plan, "job-function");
        const code = bundleHandler(ENTRY).code;
        assert.deepStrictEqual(
            [fn.inputs.name, fn.inputs.handler, fn.inputs.runtime, fn.inputs.architectures, fn.inputs.code, fn.inputs.sourceCodeHash, fn.inputs.timeout, fn.inputs.memorySize],
            ["acme-lz-log-integrity", "index.handler", "nodejs22.x", ["arm64"], { archive: "<assets>" }, crypto.createHash("sha256").update(code).digest("base64"), 900, 1024],
        );
        assert.ok(code.includes("LZ_INTEGRITY_JOB_CONFIG") && code.length > 10_000, "the bundle holds the handler and the integrity library");
    });

    it("logs as JSON to its own log group with the given retention, traces with X-Ray, and keeps failed invocations in a dead-letter queue", () => {
        const fn = byName(plan, "job-function");
        const group = byName(plan, "job-log");
        const queue = byName(plan, "job-dead-letter");
        assert.deepStrictEqual([group.inputs.name, group.inputs.retentionInDays, group.protect], ["/acme-lz/log-integrity", 365, true]);
        assert.deepStrictEqual(fn.inputs.loggingConfig, { logFormat: "JSON", logGroup: "/acme-lz/log-integrity" });
        assert.deepStrictEqual(fn.inputs.tracingConfig, { mode: "Active" });
        assert.strictEqual((fn.inputs.deadLetterConfig as { targetArn: string }).targetArn, queue.outputs.arn);
        assert.deepStrictEqual([queue.inputs.name, queue.inputs.sqsManagedSseEnabled, queue.inputs.messageRetentionSeconds], ["acme-lz-log-integrity-dead-letter", true, 1209600]);
    });

    it("pages the alarm topic on the first message in the dead-letter queue", () => {
        const alarm = byName(plan, "job-failed");
        assert.deepStrictEqual(
            [alarm.inputs.name, alarm.inputs.namespace, alarm.inputs.metricName, alarm.inputs.dimensions, alarm.inputs.threshold, alarm.inputs.comparisonOperator, alarm.inputs.alarmActions],
            ["acme-lz-log-integrity-failed", "AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: "acme-lz-log-integrity-dead-letter" }, 1, "GreaterThanOrEqualToThreshold", [TOPIC]],
        );
    });

    it("gives the role the handler's permissions and the runtime's own (its log, traces, dead letters), and only named roles may send dead letters", () => {
        const role = byName(plan, "job-role");
        const group = byName(plan, "job-log");
        const queue = byName(plan, "job-dead-letter");
        assert.deepStrictEqual(policyOf(byName(plan, "job-permissions")).Statement.map((s: { Sid: string }) => s.Sid), ["ListKeys"]);
        assert.deepStrictEqual(
            policyOf(byName(plan, "job-runtime")).Statement.map((s: { Sid: string; Resource: unknown }) => [s.Sid, s.Resource]),
            [
                ["WriteOwnLog", `${group.outputs.arn}:*`],
                ["SendTraces", "*"],
                ["KeepFailedEvents", queue.outputs.arn],
            ],
        );
        const dlq = policyOf(byName(plan, "job-dead-letter-policy"));
        assert.deepStrictEqual(dlq.Statement[0].Condition.ArnNotEquals["aws:PrincipalArn"], [role.outputs.arn, ...(ARGS.deadLetterSenderRoleArns ?? []), ...EXEMPT]);
    });

    it("reports every bad argument at once before creating anything", () => {
        const message = errorMessage(() =>
            resolveBundledFunctionArgs("job", { ...ARGS, functionName: "acme lz", handlerExport: "1x", timeoutSeconds: 901, memoryMb: 64, logRetentionDays: 10, environment: { AWS_REGION: "x" } }),
        );
        assert.strictEqual(
            message,
            [
                "BundledFunction job:",
                '  functionName: "acme lz" must be 1-64 characters of letters, digits, - and _',
                '  handlerExport: "1x" is not an export name',
                "  timeoutSeconds: 901 must be a whole number of seconds from 1 to 900 (Lambda limits)",
                "  memoryMb: 64 must be a whole number of MB from 128 to 10240 (Lambda limits)",
                "  logRetentionDays: 10 is not a CloudWatch Logs retention value; use one of 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
                '  environment: "AWS_REGION" is not a name Lambda accepts (letters, digits and _, not starting with AWS_)',
            ].join("\n"),
        );
    });
});

describe("handler bundles", () => {
    it("are byte-identical when built again, and when built from a copy of the sources at another path", () => {
        const first = bundleHandler(ENTRY, { cached: false });
        const again = bundleHandler(ENTRY, { cached: false });
        const copy = fs.mkdtempSync(path.join(os.tmpdir(), "lz-bundle-"));
        try {
            for (const source of first.sources) {
                fs.mkdirSync(path.join(copy, path.dirname(source)), { recursive: true });
                fs.copyFileSync(path.join(REPO_ROOT, source), path.join(copy, source));
            }
            fs.copyFileSync(path.join(REPO_ROOT, "tsconfig.json"), path.join(copy, "tsconfig.json"));
            const elsewhere = bundleHandler(path.join(copy, path.relative(REPO_ROOT, ENTRY)), { root: copy, cached: false });
            assert.ok(first.sources.length > 5);
            assert.strictEqual(again.code, first.code);
            assert.strictEqual(elsewhere.code, first.code);
            assert.strictEqual(elsewhere.sha256, first.sha256);
        } finally {
            fs.rmSync(copy, { recursive: true, force: true });
        }
    });

    it("leave the AWS SDK to the runtime and bundle the project's own modules", () => {
        const b = bundleHandler(ENTRY);
        assert.ok(b.sources.includes("infra/integrity/validate-organization.ts"));
        assert.ok(!b.sources.some((s) => s.includes("node_modules")), b.sources.join(", "));
        assert.match(b.code, /require\("@aws-sdk\/client-s3"\)/);
    });

    it("fail loudly for a module that does not exist", () => {
        assert.throws(() => bundleHandler(path.join(REPO_ROOT, "infra", "nowhere.ts")), /bundleHandler: no handler module at .*infra\/nowhere\.ts/);
    });
});

describe("the integrity job's bundle, run with the SDK clients mocked", () => {
    // Stubbed for this block only (created in before, restored in after): other files mock the same clients.
    let s3: AwsClientStub<S3Client>;
    let cloudTrail: AwsClientStub<CloudTrailClient>;
    let events: AwsClientStub<EventBridgeClient>;
    const config = { bucket: BUCKET, trail: TRAIL, accounts: [...ACCOUNTS], regions: [...REGIONS], eventBusArn: BUS };
    let handler: (event: unknown) => Promise<{ status: string }>;
    let saved: string | undefined;

    before(() => {
        s3 = mockClient(S3Client);
        cloudTrail = mockClient(CloudTrailClient);
        events = mockClient(EventBridgeClient);
        handler = loadBundle(bundleHandler(ENTRY).code, "integrity").handler as typeof handler;
        saved = process.env.LZ_INTEGRITY_JOB_CONFIG;
        process.env.LZ_INTEGRITY_JOB_CONFIG = JSON.stringify(config);
    });
    after(() => {
        if (saved === undefined) delete process.env.LZ_INTEGRITY_JOB_CONFIG;
        else process.env.LZ_INTEGRITY_JOB_CONFIG = saved;
        s3.restore();
        cloudTrail.restore();
        events.restore();
    });
    beforeEach(() => {
        s3.reset();
        cloudTrail.reset();
        events.reset();
        // The fixture's stand-in CloudTrail keys, one per region; validation picks the one each digest names.
        cloudTrail.on(ListPublicKeysCommand).resolves({ PublicKeyList: REGIONS.map((r) => ({ Fingerprint: KEYS[r].publicKey.fingerprint, Value: KEYS[r].publicKey.value })) });
        events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: "e1" }] });
    });

    const silenced = async <T>(f: () => Promise<T>): Promise<T> => {
        const log = console.log;
        console.log = () => undefined;
        try {
            return await f();
        } finally {
            console.log = log;
        }
    };

    it("validates the day from S3 and puts one passing lz.integrity event on the central bus", async () => {
        serveArchive(s3, BUCKET, archive(), 200);
        const result = await silenced(() => handler({ day: "2026-03-02" }));
        const puts = events.commandCalls(PutEventsCommand);
        assert.strictEqual(result.status, "pass");
        assert.strictEqual(puts.length, 1);
        const entry = puts[0].args[0].input.Entries![0];
        assert.deepStrictEqual([entry.Source, entry.DetailType, entry.EventBusName, JSON.parse(entry.Detail!).status], ["lz.integrity", "CloudTrail Log Integrity Validation", BUS, "pass"]);
        assert.ok(s3.commandCalls(ListObjectsV2Command).length > 0);
    });

    it("reports a deleted log file as a failed run", async () => {
        const objects = archive();
        const gone = readDigest(objects, digestAt("444444444444", "eu-west-1", "2026-03-02T10:01:31Z")).logFiles[0].s3Object;
        objects.delete(gone);
        serveArchive(s3, BUCKET, objects);
        const result = await silenced(() => handler({ day: "2026-03-02" }));
        const detail = JSON.parse(events.commandCalls(PutEventsCommand)[0].args[0].input.Entries![0].Detail!);
        assert.deepStrictEqual([result.status, detail.status, detail.findings.map((f: { kind: string; key: string }) => [f.kind, f.key])], ["fail", "fail", [["log-missing", gone]]]);
    });

    it("fails the invocation (so Lambda retries, then dead-letters it) when the bus refuses the event", async () => {
        serveArchive(s3, BUCKET, archive());
        events.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: "AccessDeniedException", ErrorMessage: "not authorized" }] });
        await assert.rejects(silenced(() => handler({ day: "2026-03-02" })), /the central bus refused the integrity result \(pass\): AccessDeniedException: not authorized/);
    });
});
