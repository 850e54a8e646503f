import * as assert from "assert";
import { parse } from "yaml";
import { conformancePackTemplate, LOGGING_RULES, LoggingConformancePack, resolveLoggingConformancePackArgs } from "../../../../infra/components/detection/logging-conformance-pack";
import { planComponent, REGIONS } from "./harness";
import { ofType, regionsOf } from "../../../support/plan";

describe("LoggingConformancePack", () => {
    it("deploys one organisation conformance pack per enabled region", async () => {
        const p = await planComponent(() => new LoggingConformancePack("logging", { regions: REGIONS, homeRegion: "us-east-1", packName: "acme-lz-logging", logGroupRetentionDays: 365 }));
        const packs = ofType(p, "aws:cfg/organizationConformancePack:OrganizationConformancePack");
        assert.deepStrictEqual(regionsOf(packs), [...REGIONS].sort());
        for (const pack of packs) assert.strictEqual(pack.inputs.name, "acme-lz-logging");
    });

    it("checks the trail (enabled, multi-region, validation, encryption, CloudWatch) in the home region only", () => {
        const home = parse(conformancePackTemplate(LOGGING_RULES, true, { logGroupRetentionDays: 365 })).Resources;
        const other = parse(conformancePackTemplate(LOGGING_RULES, false, { logGroupRetentionDays: 365 })).Resources;
        const trailRules = ["CLOUD_TRAIL_ENABLED", "MULTI_REGION_CLOUD_TRAIL_ENABLED", "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "CLOUD_TRAIL_ENCRYPTION_ENABLED", "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED"];
        const ids = (r: Record<string, any>) => Object.values(r).map((x) => x.Properties.Source.SourceIdentifier);
        for (const t of trailRules) {
            assert.ok(ids(home).includes(t), `${t} missing at home`);
            assert.ok(!ids(other).includes(t), `${t} repeated outside home`);
        }
        for (const t of ["S3_BUCKET_LOGGING_ENABLED", "VPC_FLOW_LOGS_ENABLED", "CW_LOGGROUP_RETENTION_PERIOD_CHECK", "CLOUDWATCH_LOG_GROUP_ENCRYPTED"]) {
            assert.ok(ids(home).includes(t) && ids(other).includes(t), `${t} must be in every region`);
        }
    });

    it("requires the organisation's log group retention as the minimum", () => {
        const r = parse(conformancePackTemplate(LOGGING_RULES, false, { logGroupRetentionDays: 731 })).Resources;
        assert.deepStrictEqual(r.LogGroupRetentionPeriod.Properties.InputParameters, { MinRetentionTime: "731" });
        for (const x of Object.values(r) as any[]) {
            assert.strictEqual(x.Type, "AWS::Config::ConfigRule");
            assert.strictEqual(x.Properties.Source.Owner, "AWS");
        }
    });

    it("rejects a home region outside the enabled regions and a bad pack name", () => {
        assert.throws(
            () => resolveLoggingConformancePackArgs("l", { regions: ["us-east-1"], homeRegion: "eu-west-1", packName: "9bad name", logGroupRetentionDays: 365 }),
            (e: Error) => /homeRegion: eu-west-1 is not one of the regions us-east-1/.test(e.message) && /packName: "9bad name" must start with a letter/.test(e.message),
        );
    });
});
