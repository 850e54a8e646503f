import { PRICE_REGION } from "./prices";

/**
 * How much more a region costs than us-east-1, applied to every usage line of that region. AWS
 * publishes prices per region, not multipliers; these are the ratios of S3 Standard's first-tier
 * storage price in each region to us-east-1's ($0.023/GB-month), as last known to the authors and
 * not verified offline — a rough stand-in for the other services, whose regional premiums are of
 * the same order. A region not listed costs as us-east-1 does (said in the estimate's notes).
 */
export const REGIONAL_MULTIPLIERS: Readonly<Record<string, number>> = {
    "us-east-1": 1,
    "us-east-2": 1,
    "us-west-1": 0.026 / 0.023,
    "us-west-2": 1,
    "ca-central-1": 0.025 / 0.023,
    "sa-east-1": 0.0405 / 0.023,
    "eu-west-1": 1,
    "eu-west-2": 0.024 / 0.023,
    "eu-west-3": 0.024 / 0.023,
    "eu-central-1": 0.0245 / 0.023,
    "eu-north-1": 1,
    "ap-south-1": 0.025 / 0.023,
    "ap-northeast-1": 0.025 / 0.023,
    "ap-northeast-2": 0.025 / 0.023,
    "ap-northeast-3": 0.025 / 0.023,
    "ap-southeast-1": 0.025 / 0.023,
    "ap-southeast-2": 0.025 / 0.023,
};

/** The multiplier of a region (1 for the price table's own region and for regions not listed). */
export function regionalMultiplier(region: string): number {
    return region === PRICE_REGION ? 1 : (REGIONAL_MULTIPLIERS[region] ?? 1);
}
