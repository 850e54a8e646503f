/**
 * fast-check arbitraries shared by the pack's property tests: values of every shape the engine can
 * send (strings, numbers, nested lists and maps, JSON strings, unknown sentinels, secrets), biased
 * towards the property names and words the rules read so random input reaches their logic.
 */
import * as fc from "fast-check";
import { secret } from "./support";

const SENTINELS = [
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

/** Property names the rules read, so random values land where rules look. */
export const KEYS = [
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
    "parameterGroupName", "dbClusterParameterGroupName", "neptuneClusterParameterGroupName", "parameters", "value", "family",
    "enableCloudwatchLogsExports", "engineType", "logs", "general", "audit", "configuration", "executeCommandConfiguration",
    "logConfiguration", "cloudWatchLogGroupName", "s3BucketName", "settings", "logConfig", "cloudwatchLogsRoleArn", "fieldLogLevel",
    "loggingConfiguration", "schedulerLogs", "taskLogs", "webserverLogs", "workerLogs", "dagProcessingLogs", "logLevel", "attributes",
    "flowLogsEnabled", "flowLogsS3Bucket", "documentType", "documentFormat", "content", "sessionType", "inputs", "target",
    "tracingConfig", "mode", "xrayTracingEnabled", "tracingConfiguration", "performanceInsightsEnabled", "snsTopicName", "restApi",
];

export const WORDS = ["ALL", "REJECT", "Enabled", "Suspended", "true", "false", "gateway", "network", "SUBSCRIPTION_FILTER_POLICY", "AUDIT_LOGS",
    "ES_APPLICATION_LOGS", "*/*", "ERROR", "OFF", "mysql", "postgres", "aurora-mysql", "sqlserver-ee", "oracle-ee", "archive", "Management",
    "Data", "AWS::S3::Object", "s3", "cloudwatch", "ACCESS_LOGS", "FLOW", "ALERT", "NONE", "NEW", "EXCLUSION_BY_RESOURCE_TYPES", "",
    "postgres", "aurora-postgresql", "log_statement", "ddl", "audit_logs", "neptune_enable_audit_log", "1", "default.postgres16",
    "ActiveMQ", "RabbitMQ", "DEFAULT", "OVERRIDE", "containerInsights", "enabled", "INFO", "Active", "Session", "Standard_Stream",
    "SSM-SessionManagerRunShell", "JSON", "YAML"];

export const { value } = fc.letrec<{ value: unknown }>((tie) => ({
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
