/**
 * Physical names only the member baseline uses, derived from the organisation facts like those of
 * `infra/naming.ts` (kept here while that module is being reworked; move them there when convenient).
 */
import type { OrgModel } from "../../config/model";

/**
 * The one role CloudWatch Logs delivers as for the account-level subscription (all regions). It starts
 * with the name prefix, so the guardrail protecting `<prefix>-*` roles covers it.
 */
export function logSubscriptionRoleName(org: OrgModel): string {
    return `${org.namePrefix}-log-subscription`;
}

/** Name of the account-level subscription-filter policy (one per region, same name in each). */
export function logSubscriptionPolicyName(org: OrgModel): string {
    return `${org.namePrefix}-central-logs`;
}

/**
 * The account's S3 access-log bucket of one region (S3 delivers access logs only within the source
 * bucket's account and region). At most 16 + 16 + 12 + 1 + 14 = 59 characters with the longest prefix
 * and region name, under S3's 63.
 */
export function accessLogBucketName(org: OrgModel, accountId: string, region: string): string {
    return `${org.namePrefix}-s3-access-logs-${accountId}-${region}`;
}
