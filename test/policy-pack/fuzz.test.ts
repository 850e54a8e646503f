/**
 * Property: no input makes a rule throw. 10,000 random resources of the covered types, with random,
 * missing, unknown, secret and wrongly-typed properties and random links between them, go through
 * the analyzer in stacks of 50; every finding is a well-formed violation and none is the pack's
 * internal-error advisory.
 */
import * as assert from "assert";
import * as fc from "fast-check";
import { evaluatePack, type EvalResource } from "../../policy-pack/harness/evaluate";
import { INTERNAL_ERROR } from "../../policy-pack/lib/rule";
import { ALL_RULES } from "../../policy-pack/rules";
import { secret, urnOf } from "./support";

const TYPES = [...new Set(ALL_RULES.flatMap((r) => r.types))].sort();

const SENTINELS = [
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

/** Property names the rules read, so random values land where rules look. */
const KEYS = [
    "s3BucketName", "isMultiRegionTrail", "includeGlobalServiceEvents", "enableLogFileValidation", "kmsKeyId", "cloudWatchLogsGroupArn",
    "cloudWatchLogsRoleArn", "enableLogging", "eventSelectors", "advancedEventSelectors", "fieldSelectors", "field", "equals", "notEquals",
    "readWriteType", "includeManagementEvents", "excludeManagementEventSources", "dataResources", "type", "values", "isOrganizationTrail",
    "bucket", "logging", "loggings", "targetBucket", "versioning", "versionings", "versioningConfiguration", "status", "enabled",
    "objectLockEnabled", "objectLockConfiguration", "rule", "defaultRetention", "tags", "lz:log-bucket", "lz:log-key", "vpcId",
    "trafficType", "logDestination", "logDestinationType", "logGroupName", "retentionInDays", "destinationArn", "policyType",
    "policyDocument", "DestinationArn", "actionsEnabled", "alarmActions", "enableKeyRotation", "customerMasterKeySpec", "loadBalancerType",
    "accessLogs", "loggingConfig", "logGroup", "logFormat", "logType", "resourceArn", "arn", "engine", "enabledCloudwatchLogsExports",
    "monitoringInterval", "accessLogSettings", "format", "stageName", "methodPath", "settings", "loggingLevel", "enabledClusterLogTypes",
    "loggingConfiguration", "logDestinationConfigs", "logPublishingOptions", "cloudwatchLogGroupArn", "clusterIdentifier", "logExports",
    "bucketName", "loggingInfo", "brokerLogs", "cloudwatchLogs", "firehose", "s3", "level", "containerDefinitions", "logConfiguration",
    "logDriver", "firewallArn", "zoneId", "vpcs", "name", "enable", "autoEnable", "autoEnableOrganizationMembers", "isEnabled",
    "recordingGroup", "allSupported", "recordingStrategies", "useOnly", "region", "__getSpecialProxyTarget", "constructor", "__proto__",
];

const WORDS = ["ALL", "REJECT", "Enabled", "Suspended", "true", "false", "gateway", "network", "SUBSCRIPTION_FILTER_POLICY", "AUDIT_LOGS",
    "ES_APPLICATION_LOGS", "*/*", "ERROR", "OFF", "mysql", "postgres", "aurora-mysql", "sqlserver-ee", "oracle-ee", "archive", "Management",
    "Data", "AWS::S3::Object", "s3", "cloudwatch", "ACCESS_LOGS", "FLOW", "ALERT", "NONE", "NEW", "EXCLUSION_BY_RESOURCE_TYPES", ""];

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom(...WORDS),
        fc.constantFrom(...SENTINELS),
        fc.string(),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        tie("value").map((v) => secret(v)),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie("value"), { maxKeys: 4 }),
        tie("value").map((v) => JSON.stringify(v) ?? "null"),
    ),
}));

const resource = fc.record({
    type: fc.constantFrom(...TYPES),
    props: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }),
    link: fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.nat(49)), { maxLength: 3 }),
});

const stackArb = fc.array(resource, { minLength: 50, maxLength: 50 });

/** Config that switches on every conditional rule, so all of them run on the random input. */
const CONFIG: Record<string, unknown> = Object.fromEntries(
    ALL_RULES.flatMap((r) => {
        const props = r.meta.config ?? {};
        const cfg: Record<string, unknown> = {};
        for (const k of Object.keys(props)) if (k.startsWith("approved")) cfg[k] = ["org-archive", "arn:aws:*"];
        if ("enabled" in props) cfg.enabled = true;
        return Object.keys(cfg).length ? [[r.name, cfg]] : [];
    }),
);

describe("policy pack fuzz", function () {
    this.timeout(300_000);

    it("never throws on 10,000 random resources of the covered types (random, missing, unknown, secret, wrongly-typed properties)", async () => {
        let resources = 0;
        await fc.assert(
            fc.asyncProperty(stackArb, fc.boolean(), async (stack, preview) => {
                const urns = stack.map((r, i) => urnOf(r.type, `r${i}`));
                const evals: EvalResource[] = stack.map((r, i) => {
                    const propertyDependencies: Record<string, string[]> = Object.create(null);
                    for (const [k, j] of r.link) propertyDependencies[k] = [...(Object.hasOwn(propertyDependencies, k) ? propertyDependencies[k] : []), urns[j]];
                    return { urn: urns[i], type: r.type, name: `r${i}`, props: r.props, custom: true, propertyDependencies, dependencies: Object.values(propertyDependencies).flat() };
                });
                const result = await evaluatePack(evals, { preview, config: CONFIG, stackTags: { "lz:baseline": "account,security" } });
                for (const v of result.violations) {
                    assert.ok(!v.message.includes(INTERNAL_ERROR), v.message);
                    assert.ok(["mandatory", "advisory", "remediate"].includes(v.level));
                    assert.ok(v.message.length > 0);
                    assert.ok(!/\[object Object\]|\bundefined\b|\bNaN\b/.test(v.message), v.message);
                }
                resources += stack.length;
            }),
            { seed: 20261122, numRuns: 200, endOnFailure: true },
        );
        assert.strictEqual(resources, 10_000);
    });
});
