import * as assert from "assert";
import { byName, generatedOrg, ofType, planGenerated, referenceStack, REPO_ROOT } from "../../support/plan";
import { decide } from "../../support/iam";
import type { StackPlan } from "../../../infra/engine/run";
import type { PlannedResource } from "../../../infra/engine/monitor";
import { DEFAULT_ENABLED_REGIONS } from "../../../infra/config/regions";
import { documentedCisControls } from "../../support/cis-severities";

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];
const SECURITY = "333333333333";

/** Regions of resources bound per region (the v7 `region` input), sorted. */
const regionsOf = (rs: readonly PlannedResource[]) => rs.map((r) => String(r.inputs.region)).sort();
const sorted = (xs: readonly string[]) => [...xs].sort();

/** Every service the security account runs per enabled region as delegated administrator. */
const REGIONAL_TYPES = [
    "aws:guardduty/detector:Detector",
    "aws:guardduty/organizationConfiguration:OrganizationConfiguration",
    "aws:guardduty/publishingDestination:PublishingDestination",
    "aws:inspector2/enabler:Enabler",
    "aws:inspector2/organizationConfiguration:OrganizationConfiguration",
    "aws:macie2/account:Account",
    "aws:macie2/organizationConfiguration:OrganizationConfiguration",
    "aws:detective/graph:Graph",
    "aws:detective/organizationConfiguration:OrganizationConfiguration",
    "aws:accessanalyzer/analyzer:Analyzer",
    "aws:cfg/organizationConformancePack:OrganizationConformancePack",
];

describe("security stack", () => {
    let p: StackPlan;
    let archive: StackPlan;
    let management: StackPlan;
    before(async () => {
        p = await referenceStack("security");
        archive = await referenceStack("log-archive");
        management = await referenceStack("management");
    });

    it("deploys into the security account through its one provider", () => {
        const providers = ofType(p, "pulumi:providers:aws");
        assert.strictEqual(providers.length, 1);
        assert.strictEqual(providers[0].inputs.allowedAccountIds, JSON.stringify([SECURITY]));
        assert.strictEqual(p.outputs.accountId, SECURITY);
    });

    it("runs every regional detection service in each enabled region, once", () => {
        for (const type of REGIONAL_TYPES) assert.deepStrictEqual(regionsOf(ofType(p, type)), sorted(REGIONS), type);
    });

    it("delivers the organisation trail to the log-archive stack's archive bucket, key and CloudTrail prefix", () => {
        const [trail] = ofType(p, "aws:cloudtrail/trail:Trail");
        const prefixes = archive.outputs.archivePrefixes as { cloudTrail: string };
        assert.strictEqual(trail.inputs.s3BucketName, archive.outputs.archiveBucketName);
        assert.strictEqual(trail.inputs.kmsKeyId, archive.outputs.archiveKeyArn);
        assert.strictEqual(trail.inputs.s3KeyPrefix ?? "", prefixes.cloudTrail);
        assert.strictEqual(trail.inputs.isOrganizationTrail, true);
        assert.strictEqual(p.outputs.trailArn, `arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-lz-org-trail`);
    });

    it("never records the log archive's own object writes as data events: every bucket the log-archive stack plans, by exact name", () => {
        const [trail] = ofType(p, "aws:cloudtrail/trail:Trail");
        const s3 = (trail.inputs.advancedEventSelectors as any[]).find((s) => s.fieldSelectors.some((f: any) => f.field === "resources.type" && f.equals?.includes("AWS::S3::Object")));
        const excluded: string[] = s3.fieldSelectors.find((f: any) => f.field === "resources.ARN").notStartsWiths;
        // The buckets the log-archive plan holds, except the query results (read by Athena: their events are worth recording).
        const planned = ofType(archive, "aws:s3/bucket:Bucket").map((b) => String(b.inputs.bucket)).filter((b) => !b.includes("query-results"));
        assert.ok(planned.length >= 9, `${planned.length} buckets`);
        assert.deepStrictEqual([...excluded].sort(), planned.map((b) => `arn:aws:s3:::${b}/`).sort());
        for (const bucket of ["acme-lz-app-data", "acme-lz-staging-exfil-444444444444", "acme-lz-archive-222222222222-us-east-1-copy"]) {
            assert.ok(!excluded.some((prefix) => `arn:aws:s3:::${bucket}/x`.startsWith(prefix)), `${bucket} is still recorded`);
        }
    });

    it("exports GuardDuty findings of every region where the archive's bucket policy lets GuardDuty write", async () => {
        const archivePolicy = JSON.parse(String(ofType(archive, "aws:s3/bucketPolicy:BucketPolicy").find((b) => b.inputs.bucket === archive.outputs.archiveBucketName)!.inputs.policy));
        const destinations = ofType(p, "aws:guardduty/publishingDestination:PublishingDestination");
        assert.deepStrictEqual(regionsOf(destinations), sorted(REGIONS));
        for (const d of destinations) {
            assert.strictEqual(d.inputs.kmsKeyArn, archive.outputs.archiveKeyArn);
            const region = String(d.inputs.region);
            const decision = await decide({
                principal: "guardduty.amazonaws.com",
                action: "s3:PutObject",
                resource: `${String(d.inputs.destinationArn)}/AWSLogs/${SECURITY}/GuardDuty/${region}/2026/11/30/finding.jsonl.gz`,
                resourceAccount: "222222222222",
                resourcePolicy: archivePolicy,
                context: {
                    "aws:SecureTransport": "true",
                    "aws:PrincipalIsAWSService": "true",
                    "aws:SourceAccount": SECURITY,
                    "aws:SourceArn": `arn:aws:guardduty:${region}:${SECURITY}:detector/12abc34d567e8fa901bc2d34e56789f0`,
                },
            });
            assert.strictEqual(decision, "Allowed", region);
        }
    });

    it("applies the Security Hub standards policy to the organisation root the management stack exports", () => {
        const assoc = byName(p, "securityhub-root-association");
        assert.strictEqual(assoc.inputs.targetId, management.outputs.rootId);
        const policy = ofType(p, "aws:securityhub/configurationPolicy:ConfigurationPolicy")[0].inputs.configurationPolicy as any;
        assert.deepStrictEqual(policy.enabledStandardArns, [
            "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0",
            "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
        ]);
        const [aggregator] = ofType(p, "aws:securityhub/findingAggregator:FindingAggregator");
        assert.strictEqual(aggregator.inputs.region, "us-east-1");
        assert.deepStrictEqual(sorted(aggregator.inputs.specifiedRegions as string[]), sorted(REGIONS.filter((r) => r !== "us-east-1")));
    });

    it("sends every CIS alarm to the topic of its severity, and only there", () => {
        const topics = p.outputs.severityTopicArns as Record<string, string>;
        const alarms = ofType(p, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => String(a.inputs.name).startsWith("acme-lz-cis-"));
        const documented = documentedCisControls();
        assert.strictEqual(documented.length, 15);
        assert.strictEqual(alarms.length, documented.length);
        for (const c of documented) {
            const alarm = alarms.find((a) => a.inputs.name === `acme-lz-cis-${c.id}`)!;
            assert.deepStrictEqual(alarm.inputs.alarmActions, [topics[c.severity]], c.id);
        }
        const filters = ofType(p, "aws:cloudwatch/logMetricFilter:LogMetricFilter");
        assert.ok(filters.every((f) => f.inputs.logGroupName === p.outputs.trailLogGroupName));
    });

    it("exports the contract other stacks and the pack read", () => {
        for (const key of ["centralBusArn", "centralBusName", "severityTopicArns", "siemQueueArn", "trailArn", "trailLogGroupName", "configAggregatorArn"]) {
            assert.ok(p.outputs[key] !== undefined, key);
        }
        assert.strictEqual(p.outputs.centralBusArn, `arn:aws:events:us-east-1:${SECURITY}:event-bus/acme-lz-security-events`);
    });
});

describe("security stack size and settings", () => {
    const org = generatedOrg;
    const core = { management: { "lz:role": "management" }, "log-archive": { "lz:role": "log-archive" } };

    async function security(o: Record<string, any>, settings: Record<string, unknown> = {}): Promise<StackPlan> {
        const [plan] = await planGenerated(o, { ...core, security: { "lz:role": "security", "lz:security": settings } }, ["security"]);
        return plan;
    }

    it("grows with enabled regions only, by the same amount for every added region", async () => {
        const four = await security(org(REGIONS));
        const five = await security(org([...REGIONS, "ap-southeast-2"]));
        const all = await security(org(DEFAULT_ENABLED_REGIONS));
        const perRegion = five.resources.length - four.resources.length;
        assert.ok(perRegion > 0);
        assert.strictEqual(all.resources.length - four.resources.length, (DEFAULT_ENABLED_REGIONS.length - REGIONS.length) * perRegion);
        for (const type of REGIONAL_TYPES) assert.deepStrictEqual(regionsOf(ofType(all, type)), sorted(DEFAULT_ENABLED_REGIONS), type);
    });

    it("does not grow with the number of accounts: 100 members cost what 2 do", async () => {
        const few = await security(org(DEFAULT_ENABLED_REGIONS, 2));
        const many = await security(org(DEFAULT_ENABLED_REGIONS, 100));
        assert.strictEqual(many.resources.length, few.resources.length);
    });

    it("leaves out each service that is switched off, and keeps the trail and alerting", async () => {
        const off = await security(org(REGIONS), {
            orgRules: false,
            guardDuty: { enabled: false },
            securityHub: { enabled: false },
            inspector: { enabled: false },
            macie: { enabled: false },
            detective: { enabled: false },
            accessAnalyzer: { enabled: false },
        });
        for (const type of [...REGIONAL_TYPES, "aws:securityhub/account:Account", "aws:securityhub/configurationPolicy:ConfigurationPolicy"]) {
            assert.strictEqual(ofType(off, type).length, 0, type);
        }
        assert.strictEqual(ofType(off, "aws:cloudtrail/trail:Trail").length, 1);
        assert.strictEqual(ofType(off, "aws:cloudwatch/eventBus:EventBus").length, 1);
        assert.strictEqual(ofType(off, "aws:cfg/configurationAggregator:ConfigurationAggregator").length, 1);
    });

    it("adopts the detector and graph the delegated-admin designation created, by region", async () => {
        const detector = "0123456789abcdef0123456789abcdef";
        const graph = `arn:aws:detective:us-west-2:${SECURITY}:graph:0123456789abcdef0123456789abcdef`;
        const q = await security(org(REGIONS), { guardDuty: { detectorIds: { "us-west-2": detector } }, detective: { graphArns: { "us-west-2": graph } } });
        assert.strictEqual(byName(q, "guardduty-us-west-2-detector").importId, detector);
        assert.ok(!byName(q, "guardduty-us-east-1-detector").importId, "regions without an id get a new detector");
        assert.strictEqual(byName(q, "detective-us-west-2-graph").importId, graph);
    });

    it("adds the paid unused-access analyzer in the home region only when asked", async () => {
        const q = await security(org(REGIONS), { accessAnalyzer: { unusedAccess: true } });
        const unused = ofType(q, "aws:accessanalyzer/analyzer:Analyzer").filter((a) => a.inputs.type === "ORGANIZATION_UNUSED_ACCESS");
        assert.deepStrictEqual(regionsOf(unused), ["us-east-1"]);
    });

    it("keeps trail events forever when log groups never expire (retention 0)", async () => {
        const o = org(REGIONS);
        o.retention.logGroupDays = 0;
        const q = await security(o);
        assert.strictEqual(byName(q, "org-trail-log-group").inputs.retentionInDays, undefined);
    });

    it("enables the standards the stack file lists, in the home region's ARN form", async () => {
        const q = await security(org(REGIONS), { securityHub: { standards: ["nist-800-53/v/5.0.0", "pci-dss/v/4.0.1"] } });
        const policy = ofType(q, "aws:securityhub/configurationPolicy:ConfigurationPolicy")[0].inputs.configurationPolicy as any;
        assert.deepStrictEqual(policy.enabledStandardArns, ["arn:aws:securityhub:us-east-1::standards/nist-800-53/v/5.0.0", "arn:aws:securityhub:us-east-1::standards/pci-dss/v/4.0.1"]);
    });

    it("rejects an unknown standard, naming the file and key", async () => {
        await assert.rejects(security(org(REGIONS), { securityHub: { standards: ["cis-aws-foundations-benchmark/v/9.9.9"] } }), /lz:security\.securityHub\.standards\[0\]/);
    });
});
