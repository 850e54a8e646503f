import * as assert from "assert";
import { ConfigRecorder, GLOBAL_IAM_RESOURCE_TYPES, resolveConfigRecorderArgs, type ConfigRecorderArgs } from "../../../../infra/components/baseline/config-recorder";
import { planComponent, REGIONS } from "./harness";
import { byName, ofType, regionsOf } from "../../../support/plan";
import type { StackPlan } from "../../../../infra/engine/run";

const args: ConfigRecorderArgs = {
    regions: REGIONS,
    homeRegion: "us-east-1",
    bucketName: "acme-lz-staging-config-222222222222-us-east-1",
    kmsKeyArn: "arn:aws:kms:us-east-1:222222222222:key/config",
    configServiceName: "config.amazonaws.com",
};

describe("ConfigRecorder", () => {
    let p: StackPlan;
    before(async () => {
        p = await planComponent(() => new ConfigRecorder("config", args));
    });

    it("has one recorder, delivery channel and enabled recorder status in every enabled region", () => {
        assert.deepStrictEqual(regionsOf(ofType(p, "aws:cfg/recorder:Recorder")), [...REGIONS].sort());
        assert.deepStrictEqual(regionsOf(ofType(p, "aws:cfg/deliveryChannel:DeliveryChannel")), [...REGIONS].sort());
        const statuses = ofType(p, "aws:cfg/recorderStatus:RecorderStatus");
        assert.deepStrictEqual(regionsOf(statuses), [...REGIONS].sort());
        for (const s of statuses) assert.strictEqual(s.inputs.isEnabled, true);
    });

    it("records all supported types everywhere and the global IAM types in the home region only", () => {
        for (const region of REGIONS) {
            const group = byName(p, `config-recorder-${region}`).inputs.recordingGroup as any;
            assert.strictEqual(group.allSupported, true, region);
            assert.strictEqual(group.includeGlobalResourceTypes, region === "us-east-1", region);
        }
    });

    it("records continuously by default, without a daily override", () => {
        const mode = byName(p, "config-recorder-eu-west-1").inputs.recordingMode as any;
        assert.deepStrictEqual(mode, { recordingFrequency: "CONTINUOUS" });
    });

    it("delivers to the given bucket with the given KMS key and daily snapshots", () => {
        for (const c of ofType(p, "aws:cfg/deliveryChannel:DeliveryChannel")) {
            assert.strictEqual(c.inputs.s3BucketName, args.bucketName);
            assert.strictEqual(c.inputs.s3KmsKeyArn, args.kmsKeyArn);
            assert.deepStrictEqual(c.inputs.snapshotDeliveryProperties, { deliveryFrequency: "TwentyFour_Hours" });
        }
    });

    it("uses the Config service-linked role, created once for all regions and kept on delete", () => {
        const roles = ofType(p, "aws:iam/serviceLinkedRole:ServiceLinkedRole");
        assert.strictEqual(roles.length, 1);
        assert.strictEqual(roles[0].inputs.awsServiceName, "config.amazonaws.com");
        assert.strictEqual(roles[0].retainOnDelete, true);
        assert.strictEqual(roles[0].importId, null);
        for (const r of ofType(p, "aws:cfg/recorder:Recorder")) {
            assert.strictEqual(r.inputs.roleArn, "arn:aws:iam::444444444444:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
        }
    });

    it("starts each recorder only after its delivery channel exists, and creates the channel after the recorder", () => {
        for (const region of REGIONS) {
            const recorder = byName(p, `config-recorder-${region}`);
            const channel = byName(p, `config-delivery-${region}`);
            const status = byName(p, `config-status-${region}`);
            assert.ok(channel.dependencies.includes(recorder.urn), `${region}: channel after recorder`);
            assert.ok(status.dependencies.includes(channel.urn), `${region}: status after channel`);
        }
    });

    it("adopts an existing service-linked role with import when asked", async () => {
        const arn = "arn:aws:iam::444444444444:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";
        const q = await planComponent(() => new ConfigRecorder("config", { ...args, adoptServiceLinkedRoleArn: arn }));
        assert.strictEqual(byName(q, "config-service-role").importId, arn);
    });

    it("adopts the existing recorder, delivery channel and status by their names in the listed regions, and creates them elsewhere", async () => {
        const q = await planComponent(() => new ConfigRecorder("config", { ...args, adopt: { regions: ["eu-west-1"], recorderName: "legacy-recorder", deliveryChannelName: "legacy-channel" } }));
        assert.strictEqual(byName(q, "config-recorder-eu-west-1").importId, "legacy-recorder");
        assert.strictEqual(byName(q, "config-recorder-eu-west-1").inputs.name, "legacy-recorder", "the name is kept: a new one would replace the recorder");
        assert.strictEqual(byName(q, "config-delivery-eu-west-1").importId, "legacy-channel");
        assert.strictEqual(byName(q, "config-delivery-eu-west-1").inputs.name, "legacy-channel");
        assert.strictEqual(byName(q, "config-delivery-eu-west-1").inputs.s3BucketName, args.bucketName, "the adopted channel then delivers to the archive");
        assert.strictEqual(byName(q, "config-status-eu-west-1").importId, "legacy-recorder");
        const others = REGIONS.filter((r) => r !== "eu-west-1");
        assert.ok(others.length > 0);
        for (const region of others) {
            assert.strictEqual(byName(q, `config-recorder-${region}`).importId, null, region);
            assert.strictEqual(byName(q, `config-recorder-${region}`).inputs.name, "default", region);
            assert.strictEqual(byName(q, `config-delivery-${region}`).importId, null, region);
        }
    });

    it("rejects adopting in a region that is not enabled", () => {
        assert.throws(
            () => resolveConfigRecorderArgs("config", { ...args, adopt: { regions: ["ap-south-1"], recorderName: "default", deliveryChannelName: "default" } }),
            /adopt\.regions: ap-south-1 not among the enabled regions/,
        );
    });

    describe("cost controls", () => {
        let q: StackPlan;
        before(async () => {
            q = await planComponent(
                () =>
                    new ConfigRecorder("config", {
                        ...args,
                        dailyResourceTypes: ["AWS::EC2::NetworkInterface"],
                        excludedResourceTypes: ["AWS::EC2::Volume"],
                    }),
            );
        });

        it("records the listed high-churn types daily through one recording-mode override", () => {
            const mode = byName(q, "config-recorder-us-west-2").inputs.recordingMode as any;
            assert.strictEqual(mode.recordingFrequency, "CONTINUOUS");
            assert.deepStrictEqual(mode.recordingModeOverride.resourceTypes, ["AWS::EC2::NetworkInterface"]);
            assert.strictEqual(mode.recordingModeOverride.recordingFrequency, "DAILY");
        });

        it("switches to the exclusion strategy and still records global IAM types in the home region only", () => {
            const home = byName(q, "config-recorder-us-east-1").inputs.recordingGroup as any;
            assert.strictEqual(home.allSupported, false);
            assert.strictEqual(home.includeGlobalResourceTypes, false);
            assert.deepStrictEqual(home.recordingStrategies, [{ useOnly: "EXCLUSION_BY_RESOURCE_TYPES" }]);
            assert.deepStrictEqual(home.exclusionByResourceTypes, [{ resourceTypes: ["AWS::EC2::Volume"] }]);
            const other = byName(q, "config-recorder-eu-central-1").inputs.recordingGroup as any;
            assert.deepStrictEqual(other.exclusionByResourceTypes, [{ resourceTypes: ["AWS::EC2::Volume", ...GLOBAL_IAM_RESOURCE_TYPES] }]);
        });
    });

    describe("validation", () => {
        it("reports every problem at once with the component name", () => {
            assert.throws(
                () =>
                    resolveConfigRecorderArgs("config", {
                        ...args,
                        regions: ["us-west-2", "us-west-2"],
                        dailyResourceTypes: ["AWS::EC2::Volume"],
                        excludedResourceTypes: ["AWS::EC2::Volume", "AWS::IAM::Role"],
                    }),
                (e: Error) =>
                    e.message ===
                    [
                        "ConfigRecorder config:",
                        '  regions: ["us-west-2","us-west-2"] lists a region twice',
                        "  homeRegion: us-east-1 is not one of the enabled regions us-west-2, us-west-2",
                        "  dailyResourceTypes: AWS::EC2::Volume also excluded; a type is either recorded daily or not recorded",
                        "  excludedResourceTypes: AWS::IAM::Role are the global IAM types; they are always recorded in the home region",
                    ].join("\n"),
            );
        });

        it("rejects daily overrides when everything is already recorded daily", () => {
            assert.throws(
                () => resolveConfigRecorderArgs("config", { ...args, recordingFrequency: "DAILY", dailyResourceTypes: ["AWS::EC2::Volume"] }),
                /dailyResourceTypes: the recording frequency is already DAILY/,
            );
        });

        it("applies the documented defaults", () => {
            const r = resolveConfigRecorderArgs("config", args);
            assert.strictEqual(r.recordingFrequency, "CONTINUOUS");
            assert.deepStrictEqual(r.dailyResourceTypes, []);
            assert.deepStrictEqual(r.excludedResourceTypes, []);
            assert.strictEqual(r.adoptServiceLinkedRoleArn, undefined);
        });
    });
});
