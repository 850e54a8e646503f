import * as assert from "assert";
import type { StackPlan } from "../../../../infra/engine/run";
import { planComponent } from "../../../support/plan";
import { OrganizationTrail, resolveOrganizationTrailArgs, type OrganizationTrailArgs } from "../../../../infra/components/trail/organization-trail";
import { CisAlarms } from "../../../../infra/components/trail/cis-alarms";
import { CIS_CONTROLS } from "../../../../infra/components/trail/cis-controls";
import { documentedCisControls } from "../../../support/cis-severities";

const SECURITY = "333333333333";
const TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-lz-org-trail";
const LOG_GROUP = "/acme-lz/cloudtrail/organization";

const args: OrganizationTrailArgs = {
    trailName: "acme-lz-org-trail",
    trailArn: TRAIL_ARN,
    bucketName: "acme-lz-archive-222222222222-us-east-1",
    kmsKeyArn: "arn:aws:kms:us-east-1:222222222222:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
    logGroupName: LOG_GROUP,
    logGroupArn: `arn:aws:logs:us-east-1:${SECURITY}:log-group:${LOG_GROUP}`,
    retentionDays: 365,
    accountRootArn: `arn:aws:iam::${SECURITY}:root`,
    cloudTrailPrincipal: "cloudtrail.amazonaws.com",
    logsPrincipal: "logs.us-east-1.amazonaws.com",
    s3ArnPrefix: "arn:aws:s3:::",
    excludedBuckets: ["acme-lz-archive-222222222222-us-east-1", "acme-lz-staging-config-222222222222-us-east-1"],
};

const plan = (program: () => unknown): Promise<StackPlan> => planComponent(program, SECURITY);
function one(p: StackPlan, type: string) {
    const found = p.resources.filter((r) => r.type === type);
    assert.strictEqual(found.length, 1, `expected one ${type}, found ${found.length}`);
    return found[0];
}

describe("OrganizationTrail", () => {
    let p: StackPlan;
    before(async () => {
        p = await plan(() => {
            const t = new OrganizationTrail("org-trail", args);
            return { trailArn: t.trailArn };
        });
    });

    it("creates a multi-region organisation trail with global events and log-file validation", () => {
        const t = one(p, "aws:cloudtrail/trail:Trail").inputs as Record<string, unknown>;
        assert.strictEqual(t.isOrganizationTrail, true);
        assert.strictEqual(t.isMultiRegionTrail, true);
        assert.strictEqual(t.includeGlobalServiceEvents, true);
        assert.strictEqual(t.enableLogFileValidation, true);
        assert.strictEqual(t.name, "acme-lz-org-trail");
    });

    it("delivers to the archive bucket encrypted with the log-archive key", () => {
        const t = one(p, "aws:cloudtrail/trail:Trail").inputs as Record<string, unknown>;
        assert.strictEqual(t.s3BucketName, args.bucketName);
        assert.strictEqual(t.kmsKeyId, args.kmsKeyArn);
        assert.strictEqual(t.s3KeyPrefix, undefined);
    });

    it("writes under the key prefix the archive grants when one is given", async () => {
        const q = await plan(() => new OrganizationTrail("org-trail", { ...args, s3KeyPrefix: "cloudtrail" }));
        assert.strictEqual(one(q, "aws:cloudtrail/trail:Trail").inputs.s3KeyPrefix, "cloudtrail");
    });

    it("records API call rate and error rate Insights", () => {
        const t = one(p, "aws:cloudtrail/trail:Trail").inputs as Record<string, unknown>;
        assert.deepStrictEqual(t.insightSelectors, [{ insightType: "ApiCallRateInsight" }, { insightType: "ApiErrorRateInsight" }]);
    });

    it("also delivers to a KMS-encrypted log group with the organisation's retention", () => {
        const lg = one(p, "aws:cloudwatch/logGroup:LogGroup");
        const key = one(p, "aws:kms/key:Key");
        assert.strictEqual(lg.inputs.name, LOG_GROUP);
        assert.strictEqual(lg.inputs.retentionInDays, 365);
        assert.strictEqual(lg.inputs.kmsKeyId, key.outputs.arn);
        assert.strictEqual(key.inputs.enableKeyRotation, true);
        const t = one(p, "aws:cloudtrail/trail:Trail");
        assert.strictEqual(t.inputs.cloudWatchLogsGroupArn, `${lg.outputs.arn}:*`);
        assert.strictEqual(t.inputs.cloudWatchLogsRoleArn, one(p, "aws:iam/role:Role").outputs.arn);
    });

    it("protects and retains the log group and its key", () => {
        for (const type of ["aws:cloudwatch/logGroup:LogGroup", "aws:kms/key:Key"]) {
            const r = one(p, type);
            assert.strictEqual(r.protect, true, type);
            assert.strictEqual(r.retainOnDelete, true, type);
        }
    });

    it("creates the trail only after the role can write to the log group", () => {
        const t = one(p, "aws:cloudtrail/trail:Trail");
        assert.ok(t.dependencies.includes(one(p, "aws:iam/rolePolicy:RolePolicy").urn));
    });

    it("reports the management account's trail ARN, not the creating account's", async () => {
        assert.strictEqual(p.outputs.trailArn, TRAIL_ARN);
        assert.notStrictEqual(one(p, "aws:cloudtrail/trail:Trail").outputs.arn, TRAIL_ARN);
    });

    it("rejects a retention CloudWatch Logs does not offer, naming the allowed values", () => {
        assert.throws(() => resolveOrganizationTrailArgs("t", { ...args, retentionDays: 100 }), /retentionDays: 100 is not a CloudWatch Logs retention period; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400/);
    });

    it("rejects a trail ARN that names another trail", () => {
        assert.throws(
            () => resolveOrganizationTrailArgs("t", { ...args, trailArn: "arn:aws:cloudtrail:us-east-1:111111111111:trail/other" }),
            /trailArn: "arn:aws:cloudtrail:us-east-1:111111111111:trail\/other" does not name the trail "acme-lz-org-trail"/,
        );
    });

    it("defaults to data events, Insights and protection on", () => {
        const r = resolveOrganizationTrailArgs("t", args);
        assert.deepStrictEqual([r.dataEvents, r.insights, r.protect], [true, true, true]);
    });

    it("omits Insights when switched off", async () => {
        const q = await plan(() => {
            new OrganizationTrail("org-trail", { ...args, insights: false });
        });
        assert.strictEqual(one(q, "aws:cloudtrail/trail:Trail").inputs.insightSelectors, undefined);
    });
});

describe("CisAlarms", () => {
    const topics = {
        high: "arn:aws:sns:us-east-1:333333333333:acme-lz-security-high",
        medium: "arn:aws:sns:us-east-1:333333333333:acme-lz-security-medium",
        low: "arn:aws:sns:us-east-1:333333333333:acme-lz-security-low",
    };
    let p: StackPlan;
    before(async () => {
        p = await plan(() => {
            new CisAlarms("cis", { logGroupName: LOG_GROUP, topicArns: topics, alarmNamePrefix: "acme-lz-cis" });
        });
    });

    it("creates one metric filter and one alarm per control, and a metric filter without alarm per additional filter, on the trail's log group", () => {
        const filters = p.resources.filter((r) => r.type === "aws:cloudwatch/logMetricFilter:LogMetricFilter");
        const alarms = p.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
        const extras = CIS_CONTROLS.flatMap((c) => c.additionalFilters ?? []);
        assert.ok(extras.length > 0);
        // The benchmark's 15 monitoring controls (CloudWatch.1–14, CIS 4.15) and the EC2-only route-table filter (docs/security.md).
        assert.strictEqual(filters.length, 15 + 1);
        assert.strictEqual(alarms.length, 15);
        for (const f of filters) assert.strictEqual(f.inputs.logGroupName, LOG_GROUP);
        for (const x of extras) {
            const f = p.resources.find((r) => r.name === `cis-${x.id}-filter`)!;
            assert.strictEqual(f.inputs.pattern, x.pattern);
            assert.strictEqual((f.inputs.metricTransformation as Record<string, unknown>).name, "RouteTableChangesEc2");
            assert.ok(!alarms.some((a) => a.inputs.metricName === "RouteTableChangesEc2"), "no alarm on the additional filter's metric");
        }
    });

    it("alarms on the metric its filter emits, from the first event in five minutes", () => {
        for (const c of CIS_CONTROLS) {
            const f = p.resources.find((r) => r.name === `cis-${c.id}-filter`)!;
            const a = p.resources.find((r) => r.name === `cis-${c.id}-alarm`)!;
            assert.strictEqual(f.inputs.pattern, c.pattern);
            const mt = f.inputs.metricTransformation as Record<string, unknown>;
            assert.strictEqual(a.inputs.metricName, mt.name);
            assert.strictEqual(a.inputs.namespace, mt.namespace);
            assert.strictEqual(a.inputs.threshold, 1);
            assert.strictEqual(a.inputs.period, 300);
            assert.strictEqual(a.inputs.comparisonOperator, "GreaterThanOrEqualToThreshold");
            assert.strictEqual(a.inputs.treatMissingData, "notBreaching");
        }
    });

    it("notifies exactly the topic of each control's severity as docs/security.md documents it", () => {
        const documented = documentedCisControls();
        assert.strictEqual(documented.length, 15);
        for (const c of documented) {
            const a = p.resources.find((r) => r.name === `cis-${c.id}-alarm`)!;
            assert.deepStrictEqual(a.inputs.alarmActions, [topics[c.severity]], c.id);
        }
        const failed = p.resources.find((r) => r.name === "cis-console-authentication-failures-alarm")!;
        assert.deepStrictEqual(failed.inputs.alarmActions, [topics.medium]);
        assert.strictEqual(failed.inputs.name, "acme-lz-cis-console-authentication-failures");
    });
});
