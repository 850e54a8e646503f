import { archiveLines, DAYS_PER_MONTH } from "../archive-storage";
import { charge, type CostLine } from "../cost-line";
import { ofTypes, volumesOf } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import { LOG_SIZES } from "../log-sizes";
import type { PricingRule } from "./pricing-rule";

/**
 * The account-level subscription-filter policy: every subscribed log group of the account streams
 * through the central Firehose stream of its region (ingestion, dynamic partitioning by account)
 * into the archive. The log groups' own ingestion is the workload's cost, not the landing zone's.
 */
export const logSubscription: PricingRule = {
    id: "log-subscription",
    types: ["aws:cloudwatch/logAccountPolicy:LogAccountPolicy"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        for (const p of ofTypes(stack, ...this.types).filter((x) => x.inputs.policyType === "SUBSCRIPTION_FILTER_POLICY")) {
            const region = regionOf(p, ctx.org.homeRegion);
            const v = volumesOf(ctx.org, stack.account, region);
            const why = `${v.subscribedLogGb} GB/month of subscribed log groups of ${stack.account.name} in ${region}`;
            // One object per buffering interval per partition (the account) of the stream.
            const objects = (DAYS_PER_MONTH * 86_400) / ctx.archive.firehoseBufferSeconds;
            lines.push(charge("firehoseIngestGb", v.subscribedLogGb, region, why));
            lines.push(charge("firehosePartitionGb", v.subscribedLogGb, region, why));
            lines.push(charge("firehosePartitionObjects", objects, region, `one object every ${ctx.archive.firehoseBufferSeconds} s per account and region`));
            lines.push(...archiveLines({ gb: v.subscribedLogGb * LOG_SIZES.compression, objects, staged: false, region, what: "CloudWatch Logs streamed through Firehose (GZIP)" }, ctx));
        }
        return lines;
    },
};
