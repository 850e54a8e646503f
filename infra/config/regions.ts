/**
 * AWS regions the landing zone can be deployed to, with their partition and whether the account
 * must opt in before use. Kept equal to `@pulumi/aws`'s `Region` enum by a test, so a provider
 * upgrade that adds a region fails the suite until the region is classified here.
 */
export interface RegionInfo {
    readonly partition: "aws" | "aws-cn" | "aws-us-gov" | "aws-iso" | "aws-iso-b" | "aws-iso-e" | "aws-iso-f" | "aws-eusc";
    /** Regions launched after March 2019 are disabled until an account opts in. */
    readonly optIn: boolean;
}

const commercial = (optIn: boolean): RegionInfo => ({ partition: "aws", optIn });

export const REGIONS: Readonly<Record<string, RegionInfo>> = {
    "us-east-1": commercial(false),
    "us-east-2": commercial(false),
    "us-west-1": commercial(false),
    "us-west-2": commercial(false),
    "ca-central-1": commercial(false),
    "ca-west-1": commercial(true),
    "mx-central-1": commercial(true),
    "sa-east-1": commercial(false),
    "eu-west-1": commercial(false),
    "eu-west-2": commercial(false),
    "eu-west-3": commercial(false),
    "eu-central-1": commercial(false),
    "eu-central-2": commercial(true),
    "eu-north-1": commercial(false),
    "eu-south-1": commercial(true),
    "eu-south-2": commercial(true),
    "il-central-1": commercial(true),
    "me-south-1": commercial(true),
    "me-central-1": commercial(true),
    "af-south-1": commercial(true),
    "ap-east-1": commercial(true),
    "ap-east-2": commercial(true),
    "ap-south-1": commercial(false),
    "ap-south-2": commercial(true),
    "ap-northeast-1": commercial(false),
    "ap-northeast-2": commercial(false),
    "ap-northeast-3": commercial(false),
    "ap-southeast-1": commercial(false),
    "ap-southeast-2": commercial(false),
    "ap-southeast-3": commercial(true),
    "ap-southeast-4": commercial(true),
    "ap-southeast-5": commercial(true),
    "ap-southeast-6": commercial(true),
    "ap-southeast-7": commercial(true),
    "cn-north-1": { partition: "aws-cn", optIn: false },
    "cn-northwest-1": { partition: "aws-cn", optIn: false },
    "us-gov-east-1": { partition: "aws-us-gov", optIn: false },
    "us-gov-west-1": { partition: "aws-us-gov", optIn: false },
    "us-iso-east-1": { partition: "aws-iso", optIn: false },
    "us-iso-west-1": { partition: "aws-iso", optIn: false },
    "us-isob-east-1": { partition: "aws-iso-b", optIn: false },
    "us-isob-west-1": { partition: "aws-iso-b", optIn: false },
    "eu-isoe-west-1": { partition: "aws-iso-e", optIn: false },
    "us-isof-east-1": { partition: "aws-iso-f", optIn: false },
    "us-isof-south-1": { partition: "aws-iso-f", optIn: false },
    "eusc-de-east-1": { partition: "aws-eusc", optIn: false },
};

/** The 17 commercial regions enabled by default in every account. */
export const DEFAULT_ENABLED_REGIONS: readonly string[] = Object.entries(REGIONS)
    .filter(([, r]) => r.partition === "aws" && !r.optIn)
    .map(([name]) => name);

/** DNS suffix of a partition's service endpoints and principals. */
export function partitionDnsSuffix(partition: RegionInfo["partition"]): string {
    return partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}
