import * as assert from "assert";
import { GuardDutyOrganization, resolveGuardDutyOrganizationArgs, type GuardDutyOrganizationArgs } from "../../../../infra/components/detection/guard-duty-organization";
import { planComponent, REGIONS } from "./harness";
import { byName, ofType, regionsOf } from "../../../support/plan";
import type { StackPlan } from "../../../../infra/engine/run";

const ADOPTED = "0123456789abcdef0123456789abcdef";
/**
 * GuardDuty's protection plans by API feature name (GuardDuty API Reference, DetectorFeatureConfiguration
 * and OrganizationFeatureConfiguration, Name): every one the landing zone turns on by default.
 */
const PLANS = ["AI_PROTECTION", "EBS_MALWARE_PROTECTION", "EKS_AUDIT_LOGS", "LAMBDA_NETWORK_LOGS", "RDS_LOGIN_EVENTS", "RUNTIME_MONITORING", "S3_DATA_EVENTS"];
const args: GuardDutyOrganizationArgs = {
    regions: REGIONS,
    findingPublishingFrequency: "FIFTEEN_MINUTES",
    adoptDetectorIds: { "us-east-1": ADOPTED },
    publishing: { destinationArn: "arn:aws:s3:::acme-lz-archive-222222222222-us-east-1/guardduty", kmsKeyArn: "arn:aws:kms:us-east-1:222222222222:key/k" },
};

describe("GuardDutyOrganization", () => {
    let p: StackPlan;
    before(async () => {
        p = await planComponent(() => new GuardDutyOrganization("guardduty", args));
    });

    it("has a detector in every enabled region, publishing findings every 15 minutes", () => {
        const detectors = ofType(p, "aws:guardduty/detector:Detector");
        assert.deepStrictEqual(regionsOf(detectors), [...REGIONS].sort());
        for (const d of detectors) {
            assert.strictEqual(d.inputs.enable, true);
            assert.strictEqual(d.inputs.findingPublishingFrequency, "FIFTEEN_MINUTES");
        }
    });

    it("adopts the detector the delegated-admin designation created, and creates the others", () => {
        assert.strictEqual(byName(p, "guardduty-us-east-1-detector").importId, ADOPTED);
        assert.strictEqual(byName(p, "guardduty-eu-west-1-detector").importId, null);
    });

    it("auto-enables every existing and new account of the organisation in every region", () => {
        const orgs = ofType(p, "aws:guardduty/organizationConfiguration:OrganizationConfiguration");
        assert.deepStrictEqual(regionsOf(orgs), [...REGIONS].sort());
        for (const o of orgs) assert.strictEqual(o.inputs.autoEnableOrganizationMembers, "ALL");
    });

    it("auto-enables every protection plan for ALL accounts, Runtime Monitoring with agent management", () => {
        const features = ofType(p, "aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature");
        assert.strictEqual(features.length, REGIONS.length * PLANS.length);
        for (const region of REGIONS) {
            const names = features.filter((f) => f.inputs.region === region).map((f) => f.inputs.name).sort();
            assert.deepStrictEqual(names, PLANS);
        }
        for (const f of features) assert.strictEqual(f.inputs.autoEnable, "ALL");
        const runtime = byName(p, "guardduty-eu-central-1-org-runtime-monitoring");
        assert.deepStrictEqual(runtime.inputs.additionalConfigurations, [
            { name: "EKS_ADDON_MANAGEMENT", autoEnable: "ALL" },
            { name: "ECS_FARGATE_AGENT_MANAGEMENT", autoEnable: "ALL" },
            { name: "EC2_AGENT_MANAGEMENT", autoEnable: "ALL" },
        ]);
    });

    it("enables every plan on the delegated administrator's own detector too", () => {
        const own = ofType(p, "aws:guardduty/detectorFeature:DetectorFeature");
        assert.strictEqual(own.length, REGIONS.length * PLANS.length);
        for (const region of REGIONS) assert.deepStrictEqual(own.filter((f) => f.inputs.region === region).map((f) => f.inputs.name).sort(), PLANS, region);
        for (const f of own) assert.strictEqual(f.inputs.status, "ENABLED");
    });

    it("exports findings of every region to the archive under the archive KMS key", () => {
        const exports = ofType(p, "aws:guardduty/publishingDestination:PublishingDestination");
        assert.deepStrictEqual(regionsOf(exports), [...REGIONS].sort());
        for (const e of exports) {
            assert.strictEqual(e.inputs.destinationType, "S3");
            assert.strictEqual(e.inputs.destinationArn, args.publishing.destinationArn);
            assert.strictEqual(e.inputs.kmsKeyArn, args.publishing.kmsKeyArn);
        }
    });

    it("rejects an adopted detector in a region that is not enabled", () => {
        assert.throws(
            () => resolveGuardDutyOrganizationArgs("gd", { ...args, adoptDetectorIds: { "ap-south-1": ADOPTED } }),
            /adoptDetectorIds: ap-south-1 is not one of the enabled regions us-east-1, us-west-2, eu-west-1, eu-central-1/,
        );
    });

    it("rejects configuring EKS_RUNTIME_MONITORING next to RUNTIME_MONITORING", () => {
        assert.throws(
            () => resolveGuardDutyOrganizationArgs("gd", { ...args, features: [{ name: "EKS_RUNTIME_MONITORING" }, { name: "RUNTIME_MONITORING" }] }),
            /EKS_RUNTIME_MONITORING and RUNTIME_MONITORING cannot both be configured/,
        );
    });

    it("defaults to every documented plan, none disabled, and no adoption", () => {
        const r = resolveGuardDutyOrganizationArgs("gd", { ...args, adoptDetectorIds: undefined });
        assert.deepStrictEqual(r.adoptDetectorIds, {});
        assert.deepStrictEqual(r.features.map((f) => f.name).sort(), PLANS);
        assert.deepStrictEqual(r.disabledFeatures, []);
    });

    it("rejects disabling a feature it does not configure", () => {
        assert.throws(
            () => resolveGuardDutyOrganizationArgs("gd", { ...args, features: [{ name: "S3_DATA_EVENTS" }], disabledFeatures: ["RDS_LOGIN_EVENTS"] }),
            (e: Error) => e.message === "GuardDutyOrganization gd:\n  disabledFeatures: RDS_LOGIN_EVENTS is not one of the features S3_DATA_EVENTS",
        );
    });

    it("turns a disabled plan off explicitly (a new detector would enable it by itself) and leaves the others on", async () => {
        const q = await planComponent(() => new GuardDutyOrganization("gd", { ...args, disabledFeatures: ["S3_DATA_EVENTS"] }));
        assert.strictEqual(byName(q, "gd-us-east-1-s3-data-events").inputs.status, "DISABLED");
        assert.strictEqual(byName(q, "gd-us-east-1-org-s3-data-events").inputs.autoEnable, "NONE");
        assert.strictEqual(byName(q, "gd-us-east-1-eks-audit-logs").inputs.status, "ENABLED");
        assert.strictEqual(byName(q, "gd-us-east-1-org-eks-audit-logs").inputs.autoEnable, "ALL");
    });
});
