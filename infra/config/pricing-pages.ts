/**
 * The AWS pricing page of every service the landing zone pays for: the one list the configuration
 * reference's cost notes (schema `cost.pricing`) and the estimate's price table
 * (infra/estimate/prices.ts) both cite.
 */
export const PRICING_PAGES = {
    accessAnalyzer: "https://aws.amazon.com/iam/access-analyzer/pricing/",
    athena: "https://aws.amazon.com/athena/pricing/",
    cloudtrail: "https://aws.amazon.com/cloudtrail/pricing/",
    cloudwatch: "https://aws.amazon.com/cloudwatch/pricing/",
    config: "https://aws.amazon.com/config/pricing/",
    detective: "https://aws.amazon.com/detective/pricing/",
    eventbridge: "https://aws.amazon.com/eventbridge/pricing/",
    firehose: "https://aws.amazon.com/firehose/pricing/",
    guardduty: "https://aws.amazon.com/guardduty/pricing/",
    inspector: "https://aws.amazon.com/inspector/pricing/",
    kms: "https://aws.amazon.com/kms/pricing/",
    lambda: "https://aws.amazon.com/lambda/pricing/",
    macie: "https://aws.amazon.com/macie/pricing/",
    s3: "https://aws.amazon.com/s3/pricing/",
    securityhub: "https://aws.amazon.com/security-hub/pricing/",
    sns: "https://aws.amazon.com/sns/pricing/",
    sqs: "https://aws.amazon.com/sqs/pricing/",
    dynamodb: "https://aws.amazon.com/dynamodb/pricing/",
} as const;
export type PricedService = keyof typeof PRICING_PAGES;
