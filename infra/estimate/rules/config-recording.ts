import { archiveLines } from "../archive-storage";
import { charge, type CostLine } from "../cost-line";
import { ofTypes, regionMix, sizeOf, volumesOf } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import { kbToGb, LOG_SIZES } from "../log-sizes";
import type { PricingRule } from "./pricing-rule";

/** Share of an account's configuration items one resource type is assumed to make (types differ; no per-type volumes are kept). */
export const SHARE_PER_TYPE = 0.05;
/** At most this share of items can be excluded or moved to daily by type lists (the busiest types are the usual candidates). */
const MAX_SHARE = 0.5;
/** A daily recorder records one item per changed resource a day: assumed a tenth of the continuous items (the churn that makes items is concentrated in few resources). */
export const DAILY_ITEM_FACTOR = 0.1;

interface RecordingMode {
    recordingFrequency?: string;
    recordingModeOverrides?: { resourceTypes?: string[]; recordingFrequency?: string }[];
}
interface RecordingGroup {
    exclusionByResourceTypes?: { resourceTypes?: string[] };
}

/**
 * AWS Config recording in every region the member stack records: configuration items by recording
 * frequency, daily overrides and exclusions (read from the recorder's planned inputs), and the
 * history files the delivery channel writes into the archive through the staging bucket.
 */
export const configRecording: PricingRule = {
    id: "config-recording",
    types: ["aws:cfg/recorder:Recorder"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        for (const r of ofTypes(stack, "aws:cfg/recorder:Recorder")) {
            const region = regionOf(r, ctx.org.homeRegion);
            const v = volumesOf(ctx.org, stack.account, region);
            const mode = (r.inputs.recordingMode ?? {}) as RecordingMode;
            const group = (r.inputs.recordingGroup ?? {}) as RecordingGroup;
            const excluded = Math.min(MAX_SHARE, (group.exclusionByResourceTypes?.resourceTypes?.length ?? 0) * SHARE_PER_TYPE);
            const dailyTypes = (mode.recordingModeOverrides ?? []).filter((o) => o.recordingFrequency === "DAILY").reduce((n, o) => n + (o.resourceTypes?.length ?? 0), 0);
            const recorded = v.configItems * (1 - excluded);
            const base = `${volumesOf(ctx.org, stack.account).configItems} items a month per active region (${stack.account.name}, ${sizeOf(ctx.org, stack.account)}), ${regionMix(ctx.org)}`;
            const notes = `${excluded > 0 ? `, ${Math.round(excluded * 100)}% excluded by type` : ""}`;
            if (mode.recordingFrequency === "DAILY") {
                lines.push(charge("configItemDaily", recorded * DAILY_ITEM_FACTOR, region, `${base}${notes}, daily recording keeps ${DAILY_ITEM_FACTOR * 100}% of them`));
            } else {
                const dailyShare = Math.min(MAX_SHARE, dailyTypes * SHARE_PER_TYPE);
                lines.push(charge("configItemContinuous", recorded * (1 - dailyShare), region, `${base}${notes}${dailyShare > 0 ? `, ${dailyTypes} types (${Math.round(dailyShare * 100)}%) recorded daily` : ""}`));
                if (dailyShare > 0) {
                    lines.push(charge("configItemDaily", recorded * dailyShare * DAILY_ITEM_FACTOR, region, `${dailyTypes} types recorded daily, ${SHARE_PER_TYPE * 100}% of the items each, ${DAILY_ITEM_FACTOR * 100}% of them kept`));
                }
            }
            lines.push(
                ...archiveLines(
                    {
                        gb: kbToGb(recorded * LOG_SIZES.configItemKb) * LOG_SIZES.compression,
                        objects: LOG_SIZES.configObjectsPerAccountRegion,
                        staged: true,
                        region: ctx.org.homeRegion,
                        what: "Config history and snapshots",
                    },
                    ctx,
                ),
            );
        }
        return lines;
    },
};
