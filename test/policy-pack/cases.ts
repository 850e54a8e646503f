/**
 * One case table per rule: a compliant input, a violating one, one with the deciding value unknown
 * (preview), for every type token the rule covers. `t` is the token under test; related resources
 * use the first token of their group unless `t` belongs to that group.
 */
import type { EvalResource } from "../../policy-pack/harness/evaluate";
import * as T from "../../policy-pack/lib/types";
import { DATA_STORE_CASES } from "./cases-data-stores";
import { SERVICE_CASES } from "./cases-services";
import { dep, one, pick, res, UNKNOWN, urnOf, type Case } from "./support";

const TRAIL_OK = { s3BucketName: "org-archive", isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/k", cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:111111111111:log-group:trail:*", cloudWatchLogsRoleArn: "arn:aws:iam::111111111111:role/r" };

function bucketWithLogging(t: string, logged: Record<string, unknown>): EvalResource[] {
    const b = res(pick(t, T.S3_BUCKET), logged, "app");
    const l = res(pick(t, T.S3_BUCKET_LOGGING), { bucket: "app-bucket", targetBucket: "access-logs" }, "app-logging");
    const target = res(T.S3_BUCKET[0], { bucket: "access-logs" }, "access-logs");
    return [b, l, target];
}

const BASE_CASES: Record<string, Case> = {
    "lz-cloudtrail-multi-region": {
        compliant: (t) => one(t, TRAIL_OK),
        violating: (t) => one(t, { ...TRAIL_OK, isMultiRegionTrail: false, includeGlobalServiceEvents: false }),
        unknown: (t) => one(t, { ...TRAIL_OK, isMultiRegionTrail: UNKNOWN }),
        says: /isMultiRegionTrail/,
    },
    "lz-cloudtrail-log-file-validation": {
        compliant: (t) => one(t, TRAIL_OK),
        violating: (t) => one(t, { ...TRAIL_OK, enableLogFileValidation: false }),
        unknown: (t) => one(t, { ...TRAIL_OK, enableLogFileValidation: UNKNOWN }),
        says: /enableLogFileValidation/,
    },
    "lz-cloudtrail-kms": {
        compliant: (t) => one(t, TRAIL_OK),
        violating: (t) => one(t, { ...TRAIL_OK, kmsKeyId: undefined }),
        unknownPasses: { resources: (t) => one(t, { ...TRAIL_OK, kmsKeyId: UNKNOWN }), reason: "an unknown key ARN is still a key" },
        says: /Set `kmsKeyId`/,
    },
    "lz-cloudtrail-cloudwatch-logs": {
        compliant: (t) => one(t, TRAIL_OK),
        violating: (t) => one(t, { ...TRAIL_OK, cloudWatchLogsRoleArn: "" }),
        unknownPasses: { resources: (t) => one(t, { ...TRAIL_OK, cloudWatchLogsGroupArn: UNKNOWN }), reason: "an unknown log group ARN is still set" },
        says: /Set `cloudWatchLogsRoleArn`/,
    },
    "lz-cloudtrail-logging-enabled": {
        compliant: (t) => one(t, TRAIL_OK),
        violating: (t) => one(t, { ...TRAIL_OK, enableLogging: false }),
        unknown: (t) => one(t, { ...TRAIL_OK, enableLogging: UNKNOWN }),
        says: /enableLogging: false/,
    },
    "lz-cloudtrail-management-events": {
        compliant: (t) => one(t, { ...TRAIL_OK, advancedEventSelectors: [{ name: "mgmt", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }] }),
        violating: (t) => one(t, { ...TRAIL_OK, eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }] }),
        unknown: (t) => one(t, { ...TRAIL_OK, eventSelectors: UNKNOWN }),
        says: /records management events for reads and writes/,
    },
    "lz-cloudtrail-s3-data-events": {
        compliant: (t) => one(t, { ...TRAIL_OK, advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }] }] }),
        violating: (t) => one(t, TRAIL_OK),
        unknown: (t) => one(t, { ...TRAIL_OK, advancedEventSelectors: UNKNOWN }),
        says: /AWS::S3::Object/,
    },
    "lz-cloudtrail-lambda-data-events": {
        compliant: (t) => one(t, { ...TRAIL_OK, eventSelectors: [{ readWriteType: "All", dataResources: [{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }] }] }),
        violating: (t) => one(t, TRAIL_OK),
        unknown: (t) => one(t, { ...TRAIL_OK, eventSelectors: [{ dataResources: UNKNOWN }] }),
        says: /AWS::Lambda::Function/,
    },
    "lz-cloudtrail-sns-notification": {
        compliant: (t) => one(t, { ...TRAIL_OK, snsTopicName: "trail-deliveries" }),
        violating: (t) => one(t, TRAIL_OK),
        unknownPasses: { resources: (t) => one(t, { ...TRAIL_OK, snsTopicName: UNKNOWN }), reason: "an unknown topic name is still a topic" },
        says: /Set `snsTopicName`/,
    },
    "lz-cloudtrail-archive-destination": {
        config: { "lz-cloudtrail-archive-destination": { approvedBuckets: ["org-archive"] } },
        compliant: (t) => one(t, TRAIL_OK),
        violating: (t) => one(t, { ...TRAIL_OK, s3BucketName: "my-own-bucket" }),
        unknown: (t) => one(t, { ...TRAIL_OK, s3BucketName: UNKNOWN }),
        says: /approved archive bucket \(org-archive\) instead of "my-own-bucket"/,
    },
    "lz-s3-access-logging": {
        compliant: (t) => (T.S3_BUCKET_LOGGING.includes(t as never) ? bucketWithLogging(t, { bucket: "app-bucket" }) : [...one(t, { bucket: "app-bucket", logging: { targetBucket: "access-logs" } }, "app"), ...one(T.S3_BUCKET[0], { bucket: "access-logs" }, "access-logs")]),
        violating: (t) => one(pick(t, T.S3_BUCKET), { bucket: "app-bucket" }, "app"),
        unknown: (t) => [...one(pick(t, T.S3_BUCKET), { bucket: "app-bucket" }, "app"), ...one(pick(t, T.S3_BUCKET_LOGGING), { bucket: UNKNOWN, targetBucket: "access-logs" }, "app-logging")],
        says: /Turn on server access logging for bucket app \(app-bucket\)/,
    },
    "lz-s3-access-log-destination": {
        config: { "lz-s3-access-log-destination": { approvedBuckets: ["org-access-logs"] } },
        compliant: (t) => one(t, T.S3_BUCKET_LOGGING.includes(t as never) ? { bucket: "b", targetBucket: "org-access-logs" } : { loggings: [{ targetBucket: "org-access-logs" }] }),
        violating: (t) => one(t, T.S3_BUCKET_LOGGING.includes(t as never) ? { bucket: "b", targetBucket: "elsewhere" } : { logging: { targetBucket: "elsewhere" } }),
        unknown: (t) => one(t, T.S3_BUCKET_LOGGING.includes(t as never) ? { bucket: "b", targetBucket: UNKNOWN } : { logging: { targetBucket: UNKNOWN } }),
        says: /instead of "elsewhere"/,
    },
    "lz-s3-log-bucket-versioning": {
        compliant: (t) => [
            ...one(pick(t, T.S3_BUCKET), { bucket: "logs", tags: { "lz:log-bucket": "staging" } }, "logs"),
            ...one(pick(t, T.S3_BUCKET_VERSIONING), { bucket: "logs", versioningConfiguration: { status: "Enabled" } }, "logs-versioning"),
        ],
        violating: (t) => [
            ...one(pick(t, T.S3_BUCKET), { bucket: "logs", tags: { "lz:log-bucket": "staging" } }, "logs"),
            ...one(pick(t, T.S3_BUCKET_VERSIONING), { bucket: "logs", versioningConfiguration: { status: "Suspended" } }, "logs-versioning"),
        ],
        unknown: (t) => [
            ...one(pick(t, T.S3_BUCKET), { bucket: "logs", tags: { "lz:log-bucket": "staging" } }, "logs"),
            ...one(pick(t, T.S3_BUCKET_VERSIONING), { bucket: "logs", versioningConfiguration: { status: UNKNOWN } }, "logs-versioning"),
        ],
        says: /Enable versioning on log bucket logs \(logs\)/,
    },
    "lz-s3-log-bucket-object-lock": {
        compliant: (t) => [
            ...one(pick(t, T.S3_BUCKET), { bucket: "arch", objectLockEnabled: true, tags: { "lz:log-bucket": "archive" } }, "arch"),
            ...one(pick(t, T.S3_OBJECT_LOCK), { bucket: "arch", rule: { defaultRetention: { mode: "COMPLIANCE", days: 365 } } }, "arch-lock"),
        ],
        violating: (t) => [
            ...one(pick(t, T.S3_BUCKET), { bucket: "arch", tags: { "lz:log-bucket": "archive" } }, "arch"),
            ...one(pick(t, T.S3_OBJECT_LOCK), { bucket: "other", rule: { defaultRetention: { mode: "COMPLIANCE", days: 1 } } }, "other-lock"),
        ],
        unknown: (t) => [
            ...one(pick(t, T.S3_BUCKET), { bucket: "arch", objectLockEnabled: UNKNOWN, tags: { "lz:log-bucket": "archive" } }, "arch"),
            ...one(pick(t, T.S3_OBJECT_LOCK), { bucket: "arch", rule: { defaultRetention: { mode: "COMPLIANCE", days: 365 } } }, "arch-lock"),
        ],
        says: /objectLockEnabled: true/,
    },
    "lz-vpc-flow-logs": {
        compliant: (t) => {
            const vpc = res(pick(t, T.VPC), { cidrBlock: "10.0.0.0/16" }, "vpc");
            return [vpc, res(pick(t, T.FLOW_LOG), { vpcId: "vpc-0abc", trafficType: "ALL" }, "vpc-flow", { propertyDependencies: dep("vpcId", vpc), dependencies: [vpc.urn] })];
        },
        violating: (t) => one(pick(t, T.VPC), { cidrBlock: "10.0.0.0/16" }, "vpc"),
        unknown: (t) => [...one(pick(t, T.VPC), { cidrBlock: "10.0.0.0/16" }, "vpc"), ...one(pick(t, T.FLOW_LOG), { vpcId: UNKNOWN, trafficType: "ALL" }, "vpc-flow")],
        says: /Attach a flow log to VPC vpc/,
    },
    "lz-vpc-flow-log-traffic-all": {
        compliant: (t) => one(t, { vpcId: "vpc-1", trafficType: "ALL" }),
        violating: (t) => one(t, { vpcId: "vpc-1", trafficType: "REJECT" }),
        unknown: (t) => one(t, { vpcId: "vpc-1", trafficType: UNKNOWN }),
        says: /trafficType: "ALL"/,
    },
    "lz-vpc-flow-log-destination": {
        config: { "lz-vpc-flow-log-destination": { approvedDestinations: ["arn:aws:s3:::org-archive*"] } },
        compliant: (t) => one(t, { trafficType: "ALL", logDestinationType: "s3", logDestination: "arn:aws:s3:::org-archive/flow/" }),
        violating: (t) => one(t, { trafficType: "ALL", logDestinationType: "s3", logDestination: "arn:aws:s3:::team-bucket" }),
        unknown: (t) => one(t, { trafficType: "ALL", logDestinationType: "s3", logDestination: UNKNOWN }),
        says: /instead of "arn:aws:s3:::team-bucket"/,
    },
    "lz-cloudwatch-log-group-retention": {
        compliant: (t) => [...one(t, { retentionInDays: 400 }, "a"), ...one(t, {}, "b"), ...one(t, { retentionInDays: 0 }, "c")],
        violating: (t) => one(t, { retentionInDays: 14 }),
        unknown: (t) => one(t, { retentionInDays: UNKNOWN }),
        says: /retentionInDays/,
    },
    "lz-cloudwatch-log-group-kms": {
        compliant: (t) => one(t, { kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/k" }),
        violating: (t) => one(t, { retentionInDays: 365 }),
        unknownPasses: { resources: (t) => one(t, { kmsKeyId: UNKNOWN }), reason: "an unknown key ARN is still a key" },
        says: /Set `kmsKeyId`/,
    },
    "lz-cloudwatch-log-subscription-destination": {
        config: { "lz-cloudwatch-log-subscription-destination": { approvedDestinations: ["arn:aws:logs:us-east-1:222222222222:destination:central-*"] } },
        compliant: (t) =>
            one(t, T.LOG_SUBSCRIPTION.includes(t as never)
                ? { logGroup: "g", destinationArn: "arn:aws:logs:us-east-1:222222222222:destination:central-us-east-1" }
                : { policyType: "SUBSCRIPTION_FILTER_POLICY", policyName: "p", policyDocument: JSON.stringify({ DestinationArn: "arn:aws:logs:us-east-1:222222222222:destination:central-us-east-1" }) }),
        violating: (t) =>
            one(t, T.LOG_SUBSCRIPTION.includes(t as never)
                ? { logGroup: "g", destinationArn: "arn:aws:lambda:us-east-1:333333333333:function:exfil" }
                : { policyType: "SUBSCRIPTION_FILTER_POLICY", policyName: "p", policyDocument: JSON.stringify({ DestinationArn: "arn:aws:lambda:us-east-1:333333333333:function:exfil" }) }),
        unknown: (t) =>
            one(t, T.LOG_SUBSCRIPTION.includes(t as never) ? { logGroup: "g", destinationArn: UNKNOWN } : { policyType: "SUBSCRIPTION_FILTER_POLICY", policyDocument: `{"DestinationArn":"${UNKNOWN}"}` }),
        says: /instead of "arn:aws:lambda:us-east-1:333333333333:function:exfil"/,
    },
    "lz-cloudwatch-alarm-actions": {
        compliant: (t) => one(t, { alarmActions: ["arn:aws:sns:us-east-1:1:high"], comparisonOperator: "GreaterThanThreshold" }),
        violating: (t) => one(t, { alarmActions: [], actionsEnabled: false }),
        unknown: (t) => one(t, { alarmActions: UNKNOWN }),
        says: /alarmActions/,
    },
    "lz-kms-log-key-rotation": {
        compliant: (t) => {
            const key = res(T.KMS_KEY[0], { enableKeyRotation: true }, "key");
            const user = T.LOG_GROUP.includes(t as never) ? res(t, { kmsKeyId: "arn:aws:kms:us-east-1:1:key/k" }, "g", { propertyDependencies: dep("kmsKeyId", key) }) : res(T.TRAIL[0], { kmsKeyId: "arn:aws:kms:us-east-1:1:key/k" }, "trail", { propertyDependencies: dep("kmsKeyId", key) });
            return [key, user];
        },
        violating: (t) => {
            const key = res(T.KMS_KEY[0], { enableKeyRotation: false }, "key");
            const user = T.LOG_GROUP.includes(t as never) ? res(t, { kmsKeyId: "arn:aws:kms:us-east-1:1:key/k" }, "g", { propertyDependencies: dep("kmsKeyId", key) }) : res(T.TRAIL[0], { kmsKeyId: "arn:aws:kms:us-east-1:1:key/k" }, "trail", { propertyDependencies: dep("kmsKeyId", key) });
            return [key, user];
        },
        unknown: () => [res(T.KMS_KEY[0], { enableKeyRotation: UNKNOWN, tags: { "lz:log-key": "trail" } }, "key")],
        says: /enableKeyRotation: true/,
    },
    "lz-elb-access-logs": {
        compliant: (t) => [...one(t, { accessLogs: { enabled: true, bucket: "elb-logs" } }, "alb"), ...one(t, { loadBalancerType: "gateway" }, "gwlb")],
        violating: (t) => [...one(t, { loadBalancerType: "application", accessLogs: { enabled: false, bucket: "elb-logs" } }), ...one(t, { loadBalancerType: "network" }, "nlb")],
        unknown: (t) => one(t, { accessLogs: { enabled: UNKNOWN, bucket: "elb-logs" } }),
        says: /accessLogs: \{ enabled: true/,
    },
    "lz-elb-classic-access-logs": {
        compliant: (t) => one(t, { accessLogs: { bucket: "elb-logs", interval: 60 } }),
        violating: (t) => one(t, { listeners: [] }),
        unknown: (t) => one(t, { accessLogs: { bucket: "elb-logs", enabled: UNKNOWN } }),
        says: /accessLogs: \{ bucket/,
    },
    "lz-elb-access-log-destination": {
        config: { "lz-elb-access-log-destination": { approvedBuckets: ["org-elb-logs"] } },
        compliant: (t) => one(t, { accessLogs: { enabled: true, bucket: "org-elb-logs" } }),
        violating: (t) => one(t, { accessLogs: { enabled: true, bucket: "team-logs" } }),
        unknown: (t) => one(t, { accessLogs: { enabled: true, bucket: UNKNOWN } }),
        says: /instead of "team-logs"/,
    },
    "lz-cloudfront-access-logs": {
        compliant: (t) => {
            const d = res(T.CLOUDFRONT[0], { enabled: true }, "cdn");
            if (T.CLOUDFRONT.includes(t as never)) return one(t, { enabled: true, loggingConfig: { bucket: "logs.s3.amazonaws.com" } }, "cdn");
            return [d, res(t, { logType: "ACCESS_LOGS", resourceArn: "arn:aws:cloudfront::1:distribution/E1" }, "cdn-logs", { propertyDependencies: dep("resourceArn", d) })];
        },
        violating: () => one(T.CLOUDFRONT[0], { enabled: true }, "cdn"),
        unknown: () => one(T.CLOUDFRONT[0], { enabled: true, loggingConfig: UNKNOWN }, "cdn"),
        says: /Turn on access logging for distribution cdn/,
    },
    "lz-cloudfront-log-destination": {
        config: { "lz-cloudfront-log-destination": { approvedBuckets: ["org-access-logs"] } },
        compliant: (t) => one(t, { loggingConfig: { bucket: "org-access-logs.s3.amazonaws.com" } }),
        violating: (t) => one(t, { loggingConfig: { bucket: "mine.s3.amazonaws.com" } }),
        unknown: (t) => one(t, { loggingConfig: { bucket: UNKNOWN } }),
        says: /instead of "mine.s3.amazonaws.com"/,
    },
    "lz-rds-instance-log-exports": {
        compliant: (t) => [...one(t, { engine: "postgres", enabledCloudwatchLogsExports: ["postgresql", "upgrade"] }, "pg"), ...one(t, { engine: "aurora-mysql" }, "aurora-member")],
        violating: (t) => one(t, { engine: "mysql", enabledCloudwatchLogsExports: ["error"] }),
        unknown: (t) => one(t, { engine: "mysql", enabledCloudwatchLogsExports: UNKNOWN }),
        says: /Add "audit", "general", "slowquery" to `enabledCloudwatchLogsExports`/,
    },
    "lz-rds-cluster-log-exports": {
        compliant: (t) => one(t, { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["postgresql"] }),
        violating: (t) => one(t, { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["audit"] }),
        unknown: (t) => one(t, { engine: UNKNOWN }),
        says: /Add "error", "general", "slowquery"/,
    },
    "lz-rds-enhanced-monitoring": {
        compliant: (t) => one(t, { engine: "postgres", monitoringInterval: 60, monitoringRoleArn: "arn:aws:iam::1:role/m" }),
        violating: (t) => one(t, { engine: "postgres", monitoringInterval: 0 }),
        unknown: (t) => one(t, { engine: "postgres", monitoringInterval: UNKNOWN }),
        says: /monitoringInterval/,
    },
    "lz-apigateway-stage-access-logs": {
        compliant: (t) => one(t, { stageName: "prod", accessLogSettings: { destinationArn: "arn:aws:logs:us-east-1:1:log-group:api", format: "{}" } }),
        violating: (t) => one(t, { stageName: "prod", accessLogSettings: { destinationArn: "arn:aws:logs:us-east-1:1:log-group:api" } }),
        unknown: (t) => one(t, { stageName: "prod", accessLogSettings: UNKNOWN }),
        says: /`accessLogSettings.format`/,
    },
    "lz-apigateway-execution-logging": {
        compliant: (t) => {
            const stage = res(pick(t, T.APIGW_STAGE), { stageName: "prod", restApi: "api1" }, "stage");
            return [stage, res(pick(t, T.APIGW_METHOD_SETTINGS), { restApi: "api1", stageName: "prod", methodPath: "*/*", settings: { loggingLevel: "INFO" } }, "stage-settings", { propertyDependencies: dep("stageName", stage) })];
        },
        violating: (t) => [
            ...one(pick(t, T.APIGW_STAGE), { stageName: "prod", restApi: "api1" }, "stage"),
            ...one(pick(t, T.APIGW_METHOD_SETTINGS), { restApi: "api1", stageName: "prod", methodPath: "*/*", settings: { loggingLevel: "OFF" } }, "stage-settings"),
        ],
        unknown: (t) => [
            ...one(pick(t, T.APIGW_STAGE), { stageName: "prod", restApi: "api1" }, "stage"),
            ...one(pick(t, T.APIGW_METHOD_SETTINGS), { restApi: "api1", stageName: "prod", methodPath: "*/*", settings: { loggingLevel: UNKNOWN } }, "stage-settings"),
        ],
        says: /Turn on execution logging for stage stage/,
    },
    "lz-apigateway-v2-stage-access-logs": {
        compliant: (t) => one(t, { apiId: "a", name: "$default", accessLogSettings: { destinationArn: "arn:aws:logs:us-east-1:1:log-group:api", format: "{}" } }),
        violating: (t) => one(t, { apiId: "a", name: "$default" }),
        unknown: (t) => one(t, { apiId: "a", accessLogSettings: UNKNOWN }),
        says: /`accessLogSettings.destinationArn`/,
    },
    "lz-eks-control-plane-logs": {
        compliant: (t) => one(t, { enabledClusterLogTypes: ["api", "audit", "authenticator", "scheduler"] }),
        violating: (t) => one(t, { enabledClusterLogTypes: ["api"] }),
        unknown: (t) => one(t, { enabledClusterLogTypes: UNKNOWN }),
        says: /Add "audit", "authenticator" to `enabledClusterLogTypes`/,
    },
    "lz-waf-v2-logging": {
        compliant: () => {
            const acl = res(T.WAFV2_ACL[0], { scope: "REGIONAL" }, "acl");
            return [acl, res(T.WAFV2_LOGGING[0], { resourceArn: "arn:aws:wafv2:us-east-1:1:regional/webacl/acl/x", logDestinationConfigs: ["arn:aws:logs:us-east-1:1:log-group:aws-waf-logs-x"] }, "acl-logging", { propertyDependencies: dep("resourceArn", acl) })];
        },
        violating: () => one(T.WAFV2_ACL[0], { scope: "REGIONAL" }, "acl"),
        unknown: () => [...one(T.WAFV2_ACL[0], { scope: "REGIONAL" }, "acl"), ...one(T.WAFV2_LOGGING[0], { resourceArn: UNKNOWN }, "acl-logging")],
        says: /WebAclLoggingConfiguration with `resourceArn: acl.arn`/,
    },
    "lz-waf-classic-logging": {
        compliant: (t) => one(t, { loggingConfiguration: { logDestination: "arn:aws:firehose:us-east-1:1:deliverystream/aws-waf-logs-x" } }),
        violating: (t) => one(t, { defaultAction: { type: "ALLOW" } }),
        unknown: (t) => one(t, { loggingConfiguration: UNKNOWN }),
        says: /loggingConfiguration.logDestination/,
    },
    "lz-opensearch-audit-logs": {
        compliant: (t) => one(t, { logPublishingOptions: [{ logType: "AUDIT_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:1:log-group:os" }] }),
        violating: (t) => one(t, { logPublishingOptions: [{ logType: "AUDIT_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:1:log-group:os", enabled: false }] }),
        unknown: (t) => one(t, { logPublishingOptions: UNKNOWN }),
        says: /logType: "AUDIT_LOGS"/,
    },
    "lz-opensearch-application-logs": {
        compliant: (t) => one(t, { logPublishingOptions: [{ logType: "ES_APPLICATION_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:1:log-group:os" }] }),
        violating: (t) => one(t, { logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:1:log-group:os" }] }),
        unknown: (t) => one(t, { logPublishingOptions: [{ logType: UNKNOWN, cloudwatchLogGroupArn: "x" }] }),
        says: /logType: "ES_APPLICATION_LOGS"/,
    },
    "lz-redshift-audit-logging": {
        compliant: (t) =>
            T.REDSHIFT_LOGGING.includes(t as never)
                ? [...one(T.REDSHIFT_CLUSTER[0], { clusterIdentifier: "dw" }, "dw"), ...one(t, { clusterIdentifier: "dw", logDestinationType: "cloudwatch", logExports: ["connectionlog", "userlog", "useractivitylog"] }, "dw-logging")]
                : one(t, { clusterIdentifier: "dw", logging: { enable: true, bucketName: "audit" } }, "dw"),
        violating: () => [...one(T.REDSHIFT_CLUSTER[0], { clusterIdentifier: "dw" }, "dw"), ...one(T.REDSHIFT_LOGGING[0], { clusterIdentifier: "other", logDestinationType: "s3", bucketName: "b" }, "other-logging")],
        unknown: () => one(T.REDSHIFT_CLUSTER[0], { clusterIdentifier: "dw", logging: { enable: UNKNOWN } }, "dw"),
        says: /Turn on audit logging for Redshift cluster dw/,
    },
    "lz-msk-broker-logs": {
        compliant: (t) => one(t, { loggingInfo: { brokerLogs: { s3: { enabled: true, bucket: "b" } } } }),
        violating: (t) => one(t, { loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: false } } } }),
        unknown: (t) => one(t, { loggingInfo: { brokerLogs: UNKNOWN } }),
        says: /loggingInfo.brokerLogs.cloudwatchLogs/,
    },
    "lz-sfn-logging": {
        compliant: (t) => one(t, { loggingConfiguration: { level: "ALL", logDestination: "arn:aws:logs:us-east-1:1:log-group:sfn:*" } }),
        violating: (t) => one(t, { loggingConfiguration: { level: "FATAL", logDestination: "arn:aws:logs:us-east-1:1:log-group:sfn:*" } }),
        unknown: (t) => one(t, { loggingConfiguration: { level: UNKNOWN } }),
        says: /`loggingConfiguration.level` to "ERROR" or higher \(it is "FATAL"\)/,
    },
    "lz-ecs-task-log-driver": {
        compliant: (t) => one(t, { family: "f", containerDefinitions: JSON.stringify([{ name: "app", logConfiguration: { logDriver: "awslogs" } }]) }),
        violating: (t) => one(t, { family: "f", containerDefinitions: JSON.stringify([{ name: "app", logConfiguration: { logDriver: "awslogs" } }, { name: "sidecar" }]) }),
        unknown: (t) => one(t, { family: "f", containerDefinitions: UNKNOWN }),
        says: /container\(s\) sidecar/,
    },
    "lz-networkfirewall-logging": {
        // NetworkFirewall.2: one log type, FLOW only included, is enough by default.
        compliant: () => {
            const fw = res(T.NETWORK_FIREWALL[0], { name: "fw" }, "fw");
            return [fw, res(T.NETWORK_FIREWALL_LOGGING[0], { firewallArn: "arn:x", loggingConfiguration: { logDestinationConfigs: [{ logType: "FLOW", logDestinationType: "S3" }] } }, "fw-logging", { propertyDependencies: dep("firewallArn", fw) })];
        },
        violating: () => {
            const fw = res(T.NETWORK_FIREWALL[0], { name: "fw" }, "fw");
            const other = res(T.NETWORK_FIREWALL[0], { name: "other" }, "other");
            return [fw, other, res(T.NETWORK_FIREWALL_LOGGING[0], { firewallArn: "arn:other", loggingConfiguration: { logDestinationConfigs: [{ logType: "ALERT", logDestinationType: "S3" }] } }, "other-logging", { propertyDependencies: dep("firewallArn", other) })];
        },
        unknown: () => [...one(T.NETWORK_FIREWALL[0], { name: "fw" }, "fw"), ...one(T.NETWORK_FIREWALL_LOGGING[0], { firewallArn: UNKNOWN, loggingConfiguration: { logDestinationConfigs: [] } }, "fw-logging")],
        says: /Turn on logging for firewall fw/,
    },
    "lz-route53-query-logging": {
        compliant: () => {
            const z = res(T.ROUTE53_ZONE[0], { name: "example.com" }, "zone");
            return [z, res(T.ROUTE53_QUERY_LOG[0], { zoneId: "Z1", cloudwatchLogGroupArn: "arn:x" }, "zone-queries", { propertyDependencies: dep("zoneId", z) }), res(T.ROUTE53_ZONE[0], { name: "internal", vpcs: [{ vpcId: "vpc-1" }] }, "private")];
        },
        violating: () => one(T.ROUTE53_ZONE[0], { name: "example.com" }, "zone"),
        unknown: () => one(T.ROUTE53_ZONE[0], { name: "example.com", vpcs: UNKNOWN }, "zone"),
        says: /QueryLog with `zoneId: zone.zoneId`/,
    },
    "lz-lambda-log-retention": {
        compliant: () => [...one(T.LAMBDA_FUNCTION[0], { name: "fn1", runtime: "nodejs20.x" }, "fn"), ...one(T.LOG_GROUP[0], { name: "/aws/lambda/fn1", retentionInDays: 365 }, "fn-logs")],
        violating: () => one(T.LAMBDA_FUNCTION[0], { name: "fn1" }, "fn"),
        unknown: () => one(T.LAMBDA_FUNCTION[0], { name: "fn1", loggingConfig: { logGroup: UNKNOWN, logFormat: "JSON" } }, "fn"),
        says: /LogGroup named \/aws\/lambda\/fn1/,
    },
    "lz-lambda-log-format": {
        compliant: (t) => one(t, { loggingConfig: { logFormat: "JSON" } }),
        violating: (t) => one(t, { runtime: "python3.12" }),
        unknown: (t) => one(t, { loggingConfig: { logFormat: UNKNOWN } }),
        says: /logFormat: "JSON"/,
    },
    "lz-guardduty-detector-enabled": {
        compliant: (t) => one(t, { enable: true }),
        violating: (t) => one(t, { enable: false }),
        unknown: (t) => one(t, { enable: UNKNOWN }),
        says: /enable: false/,
    },
    "lz-guardduty-org-auto-enable": {
        compliant: (t) => one(t, { detectorId: "d", autoEnableOrganizationMembers: "ALL" }),
        violating: (t) => one(t, { detectorId: "d", autoEnableOrganizationMembers: "NONE" }),
        unknown: (t) => one(t, { detectorId: "d", autoEnableOrganizationMembers: UNKNOWN }),
        says: /it is "NONE"/,
    },
    "lz-config-recorder-enabled": {
        compliant: (t) => one(t, { name: "default", isEnabled: true }),
        violating: (t) => one(t, { name: "default", isEnabled: false }),
        unknown: (t) => one(t, { name: "default", isEnabled: UNKNOWN }),
        says: /isEnabled: true/,
    },
    "lz-config-recorder-all-resources": {
        compliant: (t) => one(t, { roleArn: "r", recordingGroup: { allSupported: false, recordingStrategies: [{ useOnly: "EXCLUSION_BY_RESOURCE_TYPES" }] } }),
        violating: (t) => one(t, { roleArn: "r", recordingGroup: { allSupported: false, resourceTypes: ["AWS::S3::Bucket"] } }),
        unknown: (t) => one(t, { roleArn: "r", recordingGroup: { allSupported: UNKNOWN } }),
        says: /Record all supported resource types/,
    },
    "lz-baseline-config-recorder": {
        stackTags: { "lz:baseline": "account" },
        compliant: () => {
            const rec = res(T.CONFIG_RECORDER[0], { name: "rec", roleArn: "r" }, "rec");
            return [rec, res(T.CONFIG_DELIVERY_CHANNEL[0], { name: "ch", s3BucketName: "cfg" }, "ch"), res(T.CONFIG_RECORDER_STATUS[0], { name: "rec", isEnabled: true }, "rec-status", { dependencies: [rec.urn] })];
        },
        violating: () => [res(T.CONFIG_DELIVERY_CHANNEL[0], { name: "ch" }, "ch")],
        unknown: () => [res(T.CONFIG_RECORDER[0], { name: "rec" }, "rec"), res(T.CONFIG_DELIVERY_CHANNEL[0], { name: "ch" }, "ch"), res(T.CONFIG_RECORDER_STATUS[0], { name: "rec", isEnabled: UNKNOWN }, "rec-status")],
        says: /no AWS Config recorder/,
    },
    "lz-baseline-log-subscription": {
        stackTags: { "lz:baseline": "security,account" },
        compliant: () => one(T.LOG_ACCOUNT_POLICY[0], { policyType: "SUBSCRIPTION_FILTER_POLICY", policyName: "all" }),
        violating: () => one(T.LOG_ACCOUNT_POLICY[0], { policyType: "DATA_PROTECTION_POLICY", policyName: "dp" }),
        unknown: () => one(T.LOG_ACCOUNT_POLICY[0], { policyType: UNKNOWN }),
        says: /no account-level subscription filter policy/,
    },
    "lz-baseline-guardduty": {
        stackTags: { "lz:baseline": "security" },
        compliant: (t) => one(t, { autoEnableOrganizationMembers: "ALL", detectorId: "d" }),
        violating: () => one(T.TRAIL[0], TRAIL_OK),
        unknownPasses: { resources: () => one(T.GUARDDUTY_DETECTOR[0], { enable: UNKNOWN }), reason: "the rule judges presence; the detector's state is lz-guardduty-detector-enabled's job" },
        says: /no GuardDuty/,
    },
    "lz-baseline-org-trail": {
        stackTags: { "lz:baseline": "security" },
        compliant: (t) => one(t, { ...TRAIL_OK, isOrganizationTrail: true }),
        violating: (t) => one(t, TRAIL_OK),
        unknown: (t) => one(t, { ...TRAIL_OK, isOrganizationTrail: UNKNOWN }),
        says: /no multi-region organisation trail/,
    },
};

/** Every rule's case table. */
export const CASES: Record<string, Case> = { ...BASE_CASES, ...DATA_STORE_CASES, ...SERVICE_CASES };

export { urnOf };
