/**
 * Pricing rules on hand-made resources, where one input changes the figure: recording frequency,
 * idle regions, regional prices, the archive's tiers, the Athena scan limit, key rotation.
 */
import { strict as assert } from "assert";
import { parseOrg } from "../../../infra/config/org";
import type { DeployedAccount, OrgModel } from "../../../infra/config/model";
import { archiveFacts } from "../../../infra/estimate/archive-facts";
import { archiveLines } from "../../../infra/estimate/archive-storage";
import type { EstimateContext, StackView } from "../../../infra/estimate/estimate-context";
import type { EstimatedResource } from "../../../infra/estimate/estimated-resource";
import { estimateStack } from "../../../infra/estimate/stack-estimate";
import { generatedOrg } from "../../support/plan";

function org(edit: (o: Record<string, any>) => void = () => undefined): OrgModel {
    const raw = generatedOrg(["us-east-1", "eu-central-1"], 0);
    raw.estimate = { workload: "small", volumes: { small: { configItems: 1_000 } }, activeRegions: 1, idleRegionPercent: 10 };
    edit(raw);
    return parseOrg(raw, "stacks/org.yaml");
}

let n = 0;
function resource(type: string, inputs: Record<string, unknown>): EstimatedResource {
    n++;
    return { urn: `urn:pulumi:s::lz::${type}::r${n}`, type, name: `r${n}`, parent: null, dependencies: [], inputs: inputs as EstimatedResource["inputs"], custom: true };
}

function view(o: OrgModel, resources: EstimatedResource[], role: StackView["role"] = "member"): StackView {
    return { stack: "member-management", role, account: o.management as DeployedAccount, resources };
}

const ctxOf = (o: OrgModel): EstimateContext => ({ org: o, archive: archiveFacts(o, undefined) });
const cents = (x: number) => Math.round(x * 100) / 100;
const recorder = (region: string, mode: Record<string, unknown> = { recordingFrequency: "CONTINUOUS" }) => resource("aws:cfg/recorder:Recorder", { region, recordingMode: mode, recordingGroup: { allSupported: true } });

describe("pricing rules", () => {
    it("records the full volume in the active home region and idleRegionPercent of it elsewhere: 1,000 + 10% × 1,000 items", () => {
        const o = org();
        const e = estimateStack(view(o, [recorder("us-east-1"), recorder("eu-central-1")]), ctxOf(o));
        const items = e.lines.find((l) => l.key === "configItemContinuous")!;
        assert.equal(items.quantity, 1_100);
        // eu-central-1 costs 0.0245/0.023 of us-east-1: 1,000 × $0.003 + 100 × $0.003 × 1.0652
        assert.equal(cents(items.monthlyUsd), cents(3 + 0.3 * (0.0245 / 0.023)));
    });

    it("prices a daily recorder at $0.012 for a tenth of the items: 1,000 × 0.1 × $0.012 = $1.20 instead of $3.00", () => {
        const o = org((r) => (r.regions = ["us-east-1"]));
        const daily = estimateStack(view(o, [recorder("us-east-1", { recordingFrequency: "DAILY" })]), ctxOf(o));
        assert.equal(daily.lines.find((l) => l.key === "configItemContinuous"), undefined);
        assert.equal(cents(daily.lines.find((l) => l.key === "configItemDaily")!.monthlyUsd), 1.2);
    });

    it("moves 5% of the items per type overridden to daily recording", () => {
        const o = org((r) => (r.regions = ["us-east-1"]));
        const mode = { recordingFrequency: "CONTINUOUS", recordingModeOverrides: [{ resourceTypes: ["AWS::EC2::NetworkInterface", "AWS::EC2::Volume"], recordingFrequency: "DAILY" }] };
        const e = estimateStack(view(o, [recorder("us-east-1", mode)]), ctxOf(o));
        assert.equal(e.lines.find((l) => l.key === "configItemContinuous")!.quantity, 900);
        assert.equal(cents(e.lines.find((l) => l.key === "configItemDaily")!.quantity), 10);
    });

    it("keeps 10 GB of monthly logs 90 days in Standard, 275 in Glacier IR and 2,192 in Deep Archive at steady state", () => {
        const o = org();
        const lines = archiveLines({ gb: 10, objects: 0, staged: false, region: "us-east-1", what: "test logs" }, ctxOf(o));
        const months = (days: number) => days / (365.25 / 12);
        const gbMonths = (key: string) => lines.find((l) => l.key === key)!.quantity;
        assert.equal(gbMonths("archive.standard").toFixed(6), (10 * months(90)).toFixed(6));
        assert.equal(gbMonths("archive.glacier-ir").toFixed(6), (10 * months(275)).toFixed(6));
        assert.equal(gbMonths("archive.deep-archive").toFixed(6), (10 * months(2557 - 365)).toFixed(6));
    });

    it("bills small archived objects at Glacier IR's 128 KB minimum: 1,000,000 objects of 1 KB are 122 GB, not 1 GB", () => {
        const o = org();
        const lines = archiveLines({ gb: 1_000_000 / (1024 * 1024), objects: 1_000_000, staged: false, region: "us-east-1", what: "tiny files" }, ctxOf(o));
        const gir = lines.find((l) => l.key === "archive.glacier-ir")!;
        assert.equal(Math.round(gir.quantity / (275 / (365.25 / 12))), 122);
        assert.equal(lines.find((l) => l.key === "archive.transition-gir")!.quantity, 1_000_000);
    });

    const archive = (expiryDays: number, extra: EstimatedResource[] = []) => [
        resource("aws:s3/bucket:Bucket", { bucket: "archive", objectLockEnabled: true }),
        resource("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", {
            bucket: "archive",
            rules: [{ status: "Enabled", expiration: { days: expiryDays }, transitions: [{ days: 30, storageClass: "GLACIER_IR" }, { days: 200, storageClass: "DEEP_ARCHIVE" }] }],
        }),
        ...extra,
    ];

    it("reads the archive's tiers from the planned lifecycle, and never lets it expire logs before the Object Lock ends", () => {
        const o = org((r) => (r.retention = { objectLockDays: 2000, archiveDays: 2000 }));
        const facts = archiveFacts(o, archive(1000));
        assert.deepEqual([facts.standardDays, facts.glacierIrDays, facts.deepArchiveDays], [30, 170, 2000 - 200]);
    });

    it("doubles archive storage in the replica's region when the planned archive replicates", () => {
        const o = org();
        const replica = [
            resource("aws:s3/bucket:Bucket", { bucket: "replica", region: "eu-central-1" }),
            resource("aws:s3/bucketReplicationConfig:BucketReplicationConfig", { bucket: "archive", rules: [{ destination: { bucket: "arn:aws:s3:::replica" } }] }),
        ];
        const ctx: EstimateContext = { org: o, archive: archiveFacts(o, archive(2557, replica)) };
        assert.equal(ctx.archive.replicaRegion, "eu-central-1");
        const lines = archiveLines({ gb: 10, objects: 0, staged: false, region: "us-east-1", what: "test logs" }, ctx);
        const home = lines.find((l) => l.key === "archive.standard")!;
        const copy = lines.find((l) => l.key === "archive.standard (replica)")!;
        assert.equal(copy.quantity, home.quantity);
        assert.equal(cents(copy.monthlyUsd), cents(home.monthlyUsd * (0.0245 / 0.023)));
        assert.equal(lines.find((l) => l.key === "archive.replica-transfer")!.quantity, 10);
    });

    it("scans the smaller of queryScanGb and the workgroup's per-query limit: 7 queries × 30 runs × 1 GB = 0.205 TB", () => {
        const o = org((r) => (r.estimate.queryScanGb = 50));
        const workgroup = resource("aws:athena/workgroup:Workgroup", { configuration: { bytesScannedCutoffPerQuery: 1024 ** 3 } });
        const queries = Array.from({ length: 7 }, () => resource("aws:athena/namedQuery:NamedQuery", {}));
        const e = estimateStack(view(o, [workgroup, ...queries], "log-archive"), ctxOf(o));
        const scan = e.lines.find((l) => l.priceId === "athenaScanTb")!;
        assert.equal(scan.quantity.toFixed(4), ((7 * 30 * 1) / 1024).toFixed(4));
        assert.equal(cents(scan.monthlyUsd), cents((210 / 1024) * 5));
    });

    it("counts a rotated key as three key-months (two rotations bill a month each) and an unrotated one as one", () => {
        const o = org();
        const e = estimateStack(view(o, [resource("aws:kms/key:Key", { enableKeyRotation: true }), resource("aws:kms/key:Key", { enableKeyRotation: false })]), ctxOf(o));
        assert.equal(e.lines.find((l) => l.key === "kmsKey")!.quantity, 4);
    });

    it("prices an unused-access analyzer per IAM principal of every account and an external-access one not at all", () => {
        const o = org((r) => (r.estimate.volumes.small.iamPrincipals = 50));
        const unused = estimateStack(view(o, [resource("aws:accessanalyzer/analyzer:Analyzer", { type: "ORGANIZATION_UNUSED_ACCESS" })], "security"), ctxOf(o));
        assert.equal(cents(unused.monthlyUsd), cents(3 * 50 * 0.2));
        const external = estimateStack(view(o, [resource("aws:accessanalyzer/analyzer:Analyzer", { type: "ORGANIZATION" })], "security"), ctxOf(o));
        assert.equal(external.monthlyUsd, 0);
    });

    it("reports a planned type the estimate does not know instead of pricing it as free", () => {
        const o = org();
        const e = estimateStack(view(o, [resource("aws:ec2/instance:Instance", {})]), ctxOf(o));
        assert.deepEqual(e.unpricedTypes, ["aws:ec2/instance:Instance"]);
    });
});
