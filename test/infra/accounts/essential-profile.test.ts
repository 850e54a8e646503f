/**
 * `profile: essential` in stacks/org.yaml, and nothing else, plans a landing zone without the costly
 * extras: no Macie, Inspector or Detective (and no designation that would switch them on), every
 * GuardDuty protection plan explicitly off, no CloudTrail data events or Insights.
 */
import { strict as assert } from "assert";
import type { StackPlan } from "../../../infra/engine/run";
import { byName, ofType, planGenerated, referenceOrg } from "../../support/plan";

const PLAN_FEATURES = ["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING", "AI_PROTECTION"];

describe("the essential profile", () => {
    let management: StackPlan;
    let security: StackPlan;
    before(async function () {
        this.timeout(120_000);
        const org = referenceOrg();
        org.profile = "essential";
        const stacks = { management: { "lz:role": "management" }, "log-archive": { "lz:role": "log-archive" }, security: { "lz:role": "security" } };
        [management, security] = await planGenerated(org, stacks, ["management", "security"]);
    });

    it("designates no Macie, Inspector or Detective administrator (designating switches them on), and GuardDuty's in every region", () => {
        for (const type of ["aws:macie2/organizationAdminAccount:OrganizationAdminAccount", "aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount", "aws:detective/organizationAdminAccount:OrganizationAdminAccount"]) {
            assert.equal(ofType(management, type).length, 0, type);
        }
        assert.equal(ofType(management, "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount").length, 4);
    });

    it("runs no Macie, Inspector or Detective in the security account", () => {
        const services = security.resources.filter((r) => /^aws:(macie2|inspector2|detective)\//.test(r.type));
        assert.deepEqual(services.map((r) => r.type), []);
    });

    it("keeps GuardDuty's foundational detection and turns every protection plan off explicitly, for the organisation and its own detector", () => {
        const detectors = ofType(security, "aws:guardduty/detector:Detector");
        assert.equal(detectors.length, 4);
        assert.ok(detectors.every((d) => d.inputs.enable === true));
        const own = ofType(security, "aws:guardduty/detectorFeature:DetectorFeature");
        const org = ofType(security, "aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature");
        assert.equal(own.length, 4 * PLAN_FEATURES.length);
        assert.deepEqual([...new Set(own.map((f) => f.inputs.name))].sort(), [...PLAN_FEATURES].sort());
        assert.ok(own.every((f) => f.inputs.status === "DISABLED"), "detector features DISABLED");
        assert.ok(org.every((f) => f.inputs.autoEnable === "NONE"), "organisation features NONE");
        const runtime = own.find((f) => f.inputs.name === "RUNTIME_MONITORING")!;
        assert.ok((runtime.inputs.additionalConfigurations as { status: string }[]).every((c) => c.status === "DISABLED"));
    });

    it("records management events only on the organisation trail: no data events, no Insights", () => {
        const trail = ofType(security, "aws:cloudtrail/trail:Trail")[0];
        assert.ok(trail);
        const selectors = trail.inputs.advancedEventSelectors as { fieldSelectors: { field: string; equals?: string[] }[] }[];
        const categories = selectors.flatMap((s) => s.fieldSelectors.filter((f) => f.field === "eventCategory").flatMap((f) => f.equals ?? []));
        assert.deepEqual([...new Set(categories)], ["Management"]);
        assert.equal(trail.inputs.insightSelectors, undefined);
    });

    it("keeps Security Hub, GuardDuty's organisation configuration and the trail's CIS alarms", () => {
        assert.ok(ofType(security, "aws:securityhub/organizationConfiguration:OrganizationConfiguration").length > 0);
        assert.ok(ofType(security, "aws:cloudwatch/metricAlarm:MetricAlarm").some((a) => String(a.inputs.name).startsWith("acme-lz-cis-")));
        assert.ok(byName(security, "guardduty-us-east-1-organization"));
    });
});
