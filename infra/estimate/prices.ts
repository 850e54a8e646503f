import { PRICING_PAGES, type PricedService } from "../config/pricing-pages";

/** When the price table was compiled. Every estimate prints it: prices change, this table does not. */
export const PRICE_DATE = "2026-12-03";
/** The region the table's prices are for; other regions apply infra/estimate/regional-multipliers.ts. */
export const PRICE_REGION = "us-east-1";

/** One unit price of the table. */
export interface Price {
    readonly service: PricedService;
    /** What is charged, as a bill would say it. */
    readonly what: string;
    /** USD per `per` units. */
    readonly usd: number;
    readonly per: number;
    /** The unit counted (singular), e.g. "configuration item", "GB-month". */
    readonly unit: string;
    /**
     * How the figure was checked: "checked" when a stored copy of the AWS page (or of a page quoting
     * it) confirmed it while compiling; otherwise what was assumed and why.
     */
    readonly source: string;
}

const CHECKED = "checked";
const UNVERIFIED = "not verified offline: AWS's published first-tier price as last known to the authors";

/**
 * Unit prices in us-east-1, first tier only: volume discounts of very large accounts (GuardDuty past
 * 500 million events, Config past 100,000 evaluations per account and region) are not applied, so a
 * very busy organisation is over-estimated, never under-estimated. Free Tier allowances shared by the
 * whole organisation are not subtracted; allowances that are part of a service's price (the first
 * copy of management events, Security Hub's first 10,000 finding events per account and region,
 * Scheduler's 14 million invocations) are.
 */
export const PRICES = {
    configItemContinuous: { service: "config", what: "configuration item recorded (continuous)", usd: 0.003, per: 1, unit: "configuration item", source: CHECKED },
    configItemDaily: { service: "config", what: "configuration item recorded (daily)", usd: 0.012, per: 1, unit: "configuration item", source: CHECKED },
    configPackEvaluation: { service: "config", what: "conformance pack rule evaluation", usd: 0.001, per: 1, unit: "evaluation", source: CHECKED },
    configRuleEvaluation: { service: "config", what: "Config rule evaluation", usd: 0.001, per: 1, unit: "evaluation", source: CHECKED },
    trailManagementFirstCopy: { service: "cloudtrail", what: "management events, first copy", usd: 0, per: 100_000, unit: "event", source: CHECKED },
    trailManagementExtraCopy: { service: "cloudtrail", what: "management events, additional copy", usd: 2, per: 100_000, unit: "event", source: CHECKED },
    trailDataEvents: { service: "cloudtrail", what: "data events delivered", usd: 0.1, per: 100_000, unit: "event", source: CHECKED },
    trailInsights: { service: "cloudtrail", what: "events analysed by Insights, per Insights type", usd: 0.35, per: 100_000, unit: "event", source: `${UNVERIFIED}; the unit (events analysed per type, write events analysed twice) is checked` },
    guardDutyManagementEvents: { service: "guardduty", what: "CloudTrail management events analysed", usd: 4, per: 1_000_000, unit: "event", source: CHECKED },
    guardDutyFlowDnsGb: { service: "guardduty", what: "VPC flow and DNS logs analysed", usd: 1, per: 1, unit: "GB", source: CHECKED },
    guardDutyS3DataEvents: { service: "guardduty", what: "S3 data events analysed (S3 Protection)", usd: 0.8, per: 1_000_000, unit: "event", source: UNVERIFIED },
    guardDutyEksAudit: { service: "guardduty", what: "EKS audit log events analysed (EKS Protection)", usd: 1.6, per: 1_000_000, unit: "event", source: UNVERIFIED },
    guardDutyEbsScanGb: { service: "guardduty", what: "EBS volume data scanned (Malware Protection for EC2)", usd: 0.04, per: 1, unit: "GB", source: UNVERIFIED },
    guardDutyRdsVcpu: { service: "guardduty", what: "RDS database vCPU monitored (RDS Protection)", usd: 1, per: 1, unit: "vCPU-month", source: UNVERIFIED },
    guardDutyLambdaGb: { service: "guardduty", what: "Lambda network activity logs analysed", usd: 1, per: 1, unit: "GB", source: UNVERIFIED },
    guardDutyRuntimeVcpu: { service: "guardduty", what: "workload vCPU monitored (Runtime Monitoring)", usd: 1.5, per: 1, unit: "vCPU-month", source: UNVERIFIED },
    guardDutyAiEvents: { service: "guardduty", what: "Bedrock / SageMaker AI events analysed (AI Protection)", usd: 1, per: 1_000_000, unit: "event", source: "not verified offline: no stored copy of the AI Protection price; assumed like S3 Protection, rounded up" },
    securityHubCheck: { service: "securityhub", what: "Security Hub CSPM security check", usd: 0.001, per: 1, unit: "check", source: `${CHECKED} (Security Hub CSPM prices; the per-resource plans of the 2025 Security Hub are not modelled)` },
    securityHubFinding: { service: "securityhub", what: "finding ingestion events beyond 10,000 per account and region", usd: 0.00003, per: 1, unit: "event", source: CHECKED },
    inspectorEc2: { service: "inspector", what: "EC2 instance scanned", usd: 1.2528, per: 1, unit: "instance-month", source: UNVERIFIED },
    inspectorEcrImage: { service: "inspector", what: "container image scanned on push", usd: 0.09, per: 1, unit: "image", source: UNVERIFIED },
    inspectorLambda: { service: "inspector", what: "Lambda function scanned (standard)", usd: 0.3, per: 1, unit: "function-month", source: UNVERIFIED },
    inspectorLambdaCode: { service: "inspector", what: "Lambda function scanned (code)", usd: 0.6, per: 1, unit: "function-month", source: UNVERIFIED },
    macieBucket: { service: "macie", what: "S3 bucket inventory and monitoring", usd: 0.1, per: 1, unit: "bucket-month", source: UNVERIFIED },
    macieObjects: { service: "macie", what: "objects monitored by automated discovery", usd: 0.1, per: 100_000, unit: "object-month", source: UNVERIFIED },
    macieInspectedGb: { service: "macie", what: "data inspected by automated discovery", usd: 1, per: 1, unit: "GB", source: UNVERIFIED },
    detectiveGb: { service: "detective", what: "data ingested into the behavior graph", usd: 2, per: 1, unit: "GB", source: UNVERIFIED },
    accessAnalyzerUnused: { service: "accessAnalyzer", what: "IAM role or user analysed for unused access", usd: 0.2, per: 1, unit: "principal-month", source: UNVERIFIED },
    s3StandardGbMonth: { service: "s3", what: "S3 Standard storage", usd: 0.023, per: 1, unit: "GB-month", source: UNVERIFIED },
    s3GlacierIrGbMonth: { service: "s3", what: "S3 Glacier Instant Retrieval storage (128 KB minimum billable object)", usd: 0.004, per: 1, unit: "GB-month", source: UNVERIFIED },
    s3DeepArchiveGbMonth: { service: "s3", what: "S3 Glacier Deep Archive storage (plus 40 KB of index per object)", usd: 0.00099, per: 1, unit: "GB-month", source: UNVERIFIED },
    s3Put: { service: "s3", what: "S3 PUT, COPY, POST and replication requests", usd: 0.005, per: 1_000, unit: "request", source: UNVERIFIED },
    s3TransitionGlacierIr: { service: "s3", what: "lifecycle transitions to Glacier Instant Retrieval", usd: 0.02, per: 1_000, unit: "request", source: UNVERIFIED },
    s3TransitionDeepArchive: { service: "s3", what: "lifecycle transitions to Glacier Deep Archive", usd: 0.05, per: 1_000, unit: "request", source: UNVERIFIED },
    s3InterRegionGb: { service: "s3", what: "data transferred to another region (replication)", usd: 0.02, per: 1, unit: "GB", source: UNVERIFIED },
    kmsKey: { service: "kms", what: "customer managed key (with rotation: plus one key-month for each of the first two rotations)", usd: 1, per: 1, unit: "key-month", source: UNVERIFIED },
    kmsRequests: { service: "kms", what: "KMS API requests", usd: 0.03, per: 10_000, unit: "request", source: UNVERIFIED },
    logsIngestGb: { service: "cloudwatch", what: "CloudWatch Logs ingestion (standard class)", usd: 0.5, per: 1, unit: "GB", source: UNVERIFIED },
    logsStorageGbMonth: { service: "cloudwatch", what: "CloudWatch Logs storage (compressed)", usd: 0.03, per: 1, unit: "GB-month", source: UNVERIFIED },
    alarm: { service: "cloudwatch", what: "standard-resolution metric alarm", usd: 0.1, per: 1, unit: "alarm-month", source: UNVERIFIED },
    customMetric: { service: "cloudwatch", what: "custom metric (one per metric filter)", usd: 0.3, per: 1, unit: "metric-month", source: UNVERIFIED },
    dashboard: { service: "cloudwatch", what: "dashboard", usd: 3, per: 1, unit: "dashboard-month", source: UNVERIFIED },
    firehoseIngestGb: { service: "firehose", what: "Firehose ingestion", usd: 0.029, per: 1, unit: "GB", source: UNVERIFIED },
    firehosePartitionGb: { service: "firehose", what: "Firehose dynamic partitioning, data processed", usd: 0.02, per: 1, unit: "GB", source: UNVERIFIED },
    firehosePartitionObjects: { service: "firehose", what: "Firehose dynamic partitioning, objects delivered", usd: 0.005, per: 1_000, unit: "object", source: UNVERIFIED },
    eventsCustom: { service: "eventbridge", what: "custom events published", usd: 1, per: 1_000_000, unit: "event", source: CHECKED },
    eventsCrossAccount: { service: "eventbridge", what: "events delivered to another account's or region's bus", usd: 1, per: 1_000_000, unit: "event", source: CHECKED },
    eventsArchiveGb: { service: "eventbridge", what: "events archived", usd: 0.1, per: 1, unit: "GB", source: CHECKED },
    eventsArchiveGbMonth: { service: "eventbridge", what: "archive storage", usd: 0.023, per: 1, unit: "GB-month", source: CHECKED },
    schedulerInvocations: { service: "eventbridge", what: "Scheduler invocations beyond 14 million a month", usd: 1, per: 1_000_000, unit: "invocation", source: CHECKED },
    snsPublish: { service: "sns", what: "SNS publishes", usd: 0.5, per: 1_000_000, unit: "request", source: UNVERIFIED },
    snsEmail: { service: "sns", what: "SNS e-mail deliveries", usd: 2, per: 100_000, unit: "notification", source: UNVERIFIED },
    sqsRequests: { service: "sqs", what: "SQS standard queue requests", usd: 0.4, per: 1_000_000, unit: "request", source: UNVERIFIED },
    athenaScanTb: { service: "athena", what: "data scanned by queries", usd: 5, per: 1, unit: "TB", source: UNVERIFIED },
    lambdaRequests: { service: "lambda", what: "Lambda requests", usd: 0.2, per: 1_000_000, unit: "request", source: UNVERIFIED },
    lambdaGbSeconds: { service: "lambda", what: "Lambda compute (x86)", usd: 0.0000166667, per: 1, unit: "GB-second", source: UNVERIFIED },
    dynamoStorageGbMonth: { service: "dynamodb", what: "DynamoDB storage", usd: 0.25, per: 1, unit: "GB-month", source: UNVERIFIED },
    dynamoWrites: { service: "dynamodb", what: "DynamoDB on-demand write request units", usd: 0.625, per: 1_000_000, unit: "request unit", source: UNVERIFIED },
    dynamoReads: { service: "dynamodb", what: "DynamoDB on-demand read request units", usd: 0.125, per: 1_000_000, unit: "request unit", source: UNVERIFIED },
} as const satisfies Record<string, Price>;
export type PriceId = keyof typeof PRICES;

/** USD per single unit. */
export function unitPrice(id: PriceId): number {
    const p: Price = PRICES[id];
    return p.usd / p.per;
}

/** The AWS page a price comes from. */
export function pricePage(id: PriceId): string {
    return PRICING_PAGES[PRICES[id].service];
}
