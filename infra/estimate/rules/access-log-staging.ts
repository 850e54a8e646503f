import { charge, type CostLine } from "../cost-line";
import { archiveLines } from "../archive-storage";
import { ofTypes, volumesOf } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import { kbToGb, LOG_SIZES } from "../log-sizes";
import type { PricingRule } from "./pricing-rule";

/**
 * The account's S3 server access logs and load balancer logs: written to a staging bucket in their
 * region (one per account and region, tagged `lz:log-bucket: access-logs`), replicated into the
 * archive. Counted once per region where the member baseline stages them.
 */
export const accessLogStaging: PricingRule = {
    id: "access-log-staging",
    types: [],
    lines(stack, ctx) {
        if (stack.role !== "member") return [];
        const lines: CostLine[] = [];
        const buckets = ofTypes(stack, "aws:s3/bucket:Bucket").filter((b) => (b.inputs.tags as Record<string, unknown> | undefined)?.["lz:log-bucket"] === "access-logs");
        for (const b of buckets) {
            const region = regionOf(b, ctx.org.homeRegion);
            const v = volumesOf(ctx.org, stack.account, region);
            const objects = v.accessLogGb / kbToGb(LOG_SIZES.accessLogObjectKb);
            lines.push(charge("s3StandardGbMonth", v.accessLogGb / 30, region, "staged about a day before replication moves them", { key: "staging.standard", item: "staging storage before replication" }));
            lines.push(...archiveLines({ gb: v.accessLogGb, objects, staged: true, region, what: `S3 access and load balancer logs of ${stack.account.name} in ${region}` }, ctx));
        }
        return lines;
    },
};
