/**
 * The registry: every rule of the pack, in a stable order. `index.ts`, the harness, the docs
 * generator and the offline `check`/`audit` commands all read this list.
 */
import type { Rule } from "./lib/rule";
import { apigatewayExecutionLogging } from "./policies/apigateway/execution-logging";
import { apigatewayStageAccessLogs } from "./policies/apigateway/stage-access-logs";
import { apigatewayV2QuickCreateAccessLogs } from "./policies/apigateway/v2-quick-create-access-logs";
import { apigatewayV2StageAccessLogs } from "./policies/apigateway/v2-stage-access-logs";
import { apigatewayXrayTracing } from "./policies/apigateway/xray-tracing";
import { appsyncLogging } from "./policies/appsync/logging";
import { baselineConfigRecorder } from "./policies/baseline/config-recorder";
import { baselineGuardduty } from "./policies/baseline/guardduty";
import { baselineLogSubscription } from "./policies/baseline/log-subscription";
import { baselineOrgTrail } from "./policies/baseline/org-trail";
import { cloudfrontAccessLogs } from "./policies/cloudfront/access-logs";
import { cloudfrontLogDestination } from "./policies/cloudfront/log-destination";
import { cloudtrailArchiveDestination } from "./policies/cloudtrail/archive-destination";
import { cloudtrailCloudwatchLogs } from "./policies/cloudtrail/cloudwatch-logs";
import { cloudtrailKms } from "./policies/cloudtrail/kms";
import { cloudtrailLambdaDataEvents } from "./policies/cloudtrail/lambda-data-events";
import { cloudtrailLogFileValidation } from "./policies/cloudtrail/log-file-validation";
import { cloudtrailLoggingEnabled } from "./policies/cloudtrail/logging-enabled";
import { cloudtrailManagementEvents } from "./policies/cloudtrail/management-events";
import { cloudtrailMultiRegion } from "./policies/cloudtrail/multi-region";
import { cloudtrailS3DataEvents } from "./policies/cloudtrail/s3-data-events";
import { cloudtrailSnsNotification } from "./policies/cloudtrail/sns-notification";
import { cloudwatchAlarmActions } from "./policies/cloudwatch/alarm-actions";
import { cloudwatchLogGroupKms } from "./policies/cloudwatch/log-group-kms";
import { cloudwatchLogGroupRetention } from "./policies/cloudwatch/log-group-retention";
import { cloudwatchLogSubscriptionDestination } from "./policies/cloudwatch/log-subscription-destination";
import { configRecorderAllResources } from "./policies/config/recorder-all-resources";
import { configRecorderEnabled } from "./policies/config/recorder-enabled";
import { docdbAuditLogs } from "./policies/docdb/audit-logs";
import { ecsContainerInsights } from "./policies/ecs/container-insights";
import { ecsExecLogging } from "./policies/ecs/exec-logging";
import { ecsTaskLogDriver } from "./policies/ecs/task-log-driver";
import { eksControlPlaneLogs } from "./policies/eks/control-plane-logs";
import { elbAccessLogDestination } from "./policies/elb/access-log-destination";
import { elbAccessLogs } from "./policies/elb/access-logs";
import { elbClassicAccessLogs } from "./policies/elb/classic-access-logs";
import { globalacceleratorFlowLogs } from "./policies/globalaccelerator/flow-logs";
import { guarddutyDetectorEnabled } from "./policies/guardduty/detector-enabled";
import { guarddutyOrgAutoEnable } from "./policies/guardduty/org-auto-enable";
import { kmsLogKeyRotation } from "./policies/kms/log-key-rotation";
import { lambdaLogFormat } from "./policies/lambda/log-format";
import { lambdaLogRetention } from "./policies/lambda/log-retention";
import { lambdaXrayTracing } from "./policies/lambda/xray-tracing";
import { mqBrokerLogs } from "./policies/mq/broker-logs";
import { mskBrokerLogs } from "./policies/msk/broker-logs";
import { mwaaLogging } from "./policies/mwaa/logging";
import { neptuneAuditLogs } from "./policies/neptune/audit-logs";
import { networkfirewallLogging } from "./policies/networkfirewall/logging";
import { opensearchApplicationLogs } from "./policies/opensearch/application-logs";
import { opensearchAuditLogs } from "./policies/opensearch/audit-logs";
import { rdsClusterLogExports } from "./policies/rds/cluster-log-exports";
import { rdsEnhancedMonitoring } from "./policies/rds/enhanced-monitoring";
import { rdsInstanceLogExports } from "./policies/rds/instance-log-exports";
import { rdsPerformanceInsights } from "./policies/rds/performance-insights";
import { rdsPostgresClusterQueryLogging } from "./policies/rds/postgres-cluster-query-logging";
import { rdsPostgresInstanceQueryLogging } from "./policies/rds/postgres-instance-query-logging";
import { redshiftAuditLogging } from "./policies/redshift/audit-logging";
import { route53QueryLogging } from "./policies/route53/query-logging";
import { s3AccessLogDestination } from "./policies/s3/access-log-destination";
import { s3AccessLogging } from "./policies/s3/access-logging";
import { s3LogBucketObjectLock } from "./policies/s3/log-bucket-object-lock";
import { s3LogBucketVersioning } from "./policies/s3/log-bucket-versioning";
import { sfnLogging } from "./policies/sfn/logging";
import { sfnXrayTracing } from "./policies/sfn/xray-tracing";
import { ssmSessionLogging } from "./policies/ssm/session-logging";
import { vpcFlowLogDestination } from "./policies/vpc/flow-log-destination";
import { vpcFlowLogTrafficAll } from "./policies/vpc/flow-log-traffic-all";
import { vpcFlowLogs } from "./policies/vpc/flow-logs";
import { wafClassicLogging } from "./policies/waf/classic-logging";
import { wafV2Logging } from "./policies/waf/v2-logging";

export type { Rule } from "./lib/rule";

export const ALL_RULES: readonly Rule[] = [
    apigatewayExecutionLogging,
    apigatewayStageAccessLogs,
    apigatewayV2QuickCreateAccessLogs,
    apigatewayV2StageAccessLogs,
    apigatewayXrayTracing,
    appsyncLogging,
    baselineConfigRecorder,
    baselineGuardduty,
    baselineLogSubscription,
    baselineOrgTrail,
    cloudfrontAccessLogs,
    cloudfrontLogDestination,
    cloudtrailArchiveDestination,
    cloudtrailCloudwatchLogs,
    cloudtrailKms,
    cloudtrailLambdaDataEvents,
    cloudtrailLogFileValidation,
    cloudtrailLoggingEnabled,
    cloudtrailManagementEvents,
    cloudtrailMultiRegion,
    cloudtrailS3DataEvents,
    cloudtrailSnsNotification,
    cloudwatchAlarmActions,
    cloudwatchLogGroupKms,
    cloudwatchLogGroupRetention,
    cloudwatchLogSubscriptionDestination,
    configRecorderAllResources,
    configRecorderEnabled,
    docdbAuditLogs,
    ecsContainerInsights,
    ecsExecLogging,
    ecsTaskLogDriver,
    eksControlPlaneLogs,
    elbAccessLogDestination,
    elbAccessLogs,
    elbClassicAccessLogs,
    globalacceleratorFlowLogs,
    guarddutyDetectorEnabled,
    guarddutyOrgAutoEnable,
    kmsLogKeyRotation,
    lambdaLogFormat,
    lambdaLogRetention,
    lambdaXrayTracing,
    mqBrokerLogs,
    mskBrokerLogs,
    mwaaLogging,
    neptuneAuditLogs,
    networkfirewallLogging,
    opensearchApplicationLogs,
    opensearchAuditLogs,
    rdsClusterLogExports,
    rdsEnhancedMonitoring,
    rdsInstanceLogExports,
    rdsPerformanceInsights,
    rdsPostgresClusterQueryLogging,
    rdsPostgresInstanceQueryLogging,
    redshiftAuditLogging,
    route53QueryLogging,
    s3AccessLogDestination,
    s3AccessLogging,
    s3LogBucketObjectLock,
    s3LogBucketVersioning,
    sfnLogging,
    sfnXrayTracing,
    ssmSessionLogging,
    vpcFlowLogDestination,
    vpcFlowLogTrafficAll,
    vpcFlowLogs,
    wafClassicLogging,
    wafV2Logging,
];

const byName = new Map(ALL_RULES.map((r) => [r.name, r]));

/** The rule with this name, or undefined. */
export function ruleByName(name: string): Rule | undefined {
    return byName.get(name);
}
