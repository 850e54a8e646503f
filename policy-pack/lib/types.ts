/**
 * Type tokens of each resource kind across @pulumi/aws v5, v6 and v7. v7 renamed several resources
 * (BucketV2 → Bucket, BucketLoggingV2 → BucketLogging, ...) and keeps the old tokens as aliases, so
 * a stack can hold either token depending on the provider version it was written against.
 */
export const S3_BUCKET = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"] as const;
export const S3_BUCKET_LOGGING = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"] as const;
export const S3_BUCKET_VERSIONING = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"] as const;
export const S3_OBJECT_LOCK = [
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
] as const;
export const TRAIL = ["aws:cloudtrail/trail:Trail"] as const;
export const LOG_GROUP = ["aws:cloudwatch/logGroup:LogGroup"] as const;
export const LOG_SUBSCRIPTION = ["aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter"] as const;
export const LOG_ACCOUNT_POLICY = ["aws:cloudwatch/logAccountPolicy:LogAccountPolicy"] as const;
export const METRIC_ALARM = ["aws:cloudwatch/metricAlarm:MetricAlarm"] as const;
export const KMS_KEY = ["aws:kms/key:Key"] as const;
export const VPC = ["aws:ec2/vpc:Vpc"] as const;
export const FLOW_LOG = ["aws:ec2/flowLog:FlowLog"] as const;
/** Application, network and gateway load balancers (aws:elasticloadbalancingv2 is the v5-era alias). */
export const LB_V2 = [
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
    "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer",
] as const;
export const LB_CLASSIC = ["aws:elb/loadBalancer:LoadBalancer", "aws:elasticloadbalancing/loadBalancer:LoadBalancer"] as const;
export const CLOUDFRONT = ["aws:cloudfront/distribution:Distribution"] as const;
export const LOG_DELIVERY_SOURCE = ["aws:cloudwatch/logDeliverySource:LogDeliverySource"] as const;
export const RDS_INSTANCE = ["aws:rds/instance:Instance"] as const;
export const RDS_CLUSTER = ["aws:rds/cluster:Cluster"] as const;
export const APIGW_STAGE = ["aws:apigateway/stage:Stage"] as const;
export const APIGW_METHOD_SETTINGS = ["aws:apigateway/methodSettings:MethodSettings"] as const;
export const APIGWV2_STAGE = ["aws:apigatewayv2/stage:Stage"] as const;
export const EKS_CLUSTER = ["aws:eks/cluster:Cluster"] as const;
export const WAFV2_ACL = ["aws:wafv2/webAcl:WebAcl"] as const;
export const WAFV2_LOGGING = ["aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"] as const;
export const WAF_CLASSIC_ACL = ["aws:waf/webAcl:WebAcl", "aws:wafregional/webAcl:WebAcl"] as const;
export const SEARCH_DOMAIN = ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"] as const;
export const REDSHIFT_CLUSTER = ["aws:redshift/cluster:Cluster"] as const;
export const REDSHIFT_LOGGING = ["aws:redshift/logging:Logging"] as const;
export const MSK_CLUSTER = ["aws:msk/cluster:Cluster"] as const;
export const STATE_MACHINE = ["aws:sfn/stateMachine:StateMachine"] as const;
export const ECS_TASK_DEFINITION = ["aws:ecs/taskDefinition:TaskDefinition"] as const;
export const NETWORK_FIREWALL = ["aws:networkfirewall/firewall:Firewall"] as const;
export const NETWORK_FIREWALL_LOGGING = ["aws:networkfirewall/loggingConfiguration:LoggingConfiguration"] as const;
export const ROUTE53_ZONE = ["aws:route53/zone:Zone"] as const;
export const ROUTE53_QUERY_LOG = ["aws:route53/queryLog:QueryLog"] as const;
export const LAMBDA_FUNCTION = ["aws:lambda/function:Function"] as const;
export const GUARDDUTY_DETECTOR = ["aws:guardduty/detector:Detector"] as const;
export const GUARDDUTY_ORG_CONFIG = ["aws:guardduty/organizationConfiguration:OrganizationConfiguration"] as const;
export const CONFIG_RECORDER = ["aws:cfg/recorder:Recorder"] as const;
export const CONFIG_RECORDER_STATUS = ["aws:cfg/recorderStatus:RecorderStatus"] as const;
export const CONFIG_DELIVERY_CHANNEL = ["aws:cfg/deliveryChannel:DeliveryChannel"] as const;
export const SECURITYHUB_ACCOUNT = ["aws:securityhub/account:Account"] as const;
/*
 * The tokens below are the same in @pulumi/aws 5.43.0, 6.83.4 and 7.x (checked in each package's
 * resource modules: no rename, no alias), so one token per kind covers every version.
 */
export const RDS_CLUSTER_INSTANCE = ["aws:rds/clusterInstance:ClusterInstance"] as const;
export const RDS_PARAMETER_GROUP = ["aws:rds/parameterGroup:ParameterGroup"] as const;
export const RDS_CLUSTER_PARAMETER_GROUP = ["aws:rds/clusterParameterGroup:ClusterParameterGroup"] as const;
export const DOCDB_CLUSTER = ["aws:docdb/cluster:Cluster"] as const;
export const DOCDB_CLUSTER_PARAMETER_GROUP = ["aws:docdb/clusterParameterGroup:ClusterParameterGroup"] as const;
export const NEPTUNE_CLUSTER = ["aws:neptune/cluster:Cluster"] as const;
export const NEPTUNE_CLUSTER_PARAMETER_GROUP = ["aws:neptune/clusterParameterGroup:ClusterParameterGroup"] as const;
export const MQ_BROKER = ["aws:mq/broker:Broker"] as const;
export const ECS_CLUSTER = ["aws:ecs/cluster:Cluster"] as const;
export const APPSYNC_GRAPHQL_API = ["aws:appsync/graphQLApi:GraphQLApi"] as const;
export const MWAA_ENVIRONMENT = ["aws:mwaa/environment:Environment"] as const;
/** Standard and custom routing accelerators (the latter since @pulumi/aws 6) carry the same flow-log attributes. */
export const GLOBAL_ACCELERATOR = [
    "aws:globalaccelerator/accelerator:Accelerator",
    "aws:globalaccelerator/customRoutingAccelerator:CustomRoutingAccelerator",
] as const;
export const SSM_DOCUMENT = ["aws:ssm/document:Document"] as const;
export const APIGWV2_API = ["aws:apigatewayv2/api:Api"] as const;
