import { archiveLines } from "../archive-storage";
import { charge, type CostLine } from "../cost-line";
import { accountMix, ofTypes, orgVolume, regionMix, volumesOf, type EstimateContext, type StackView } from "../estimate-context";
import type { EstimatedResource } from "../estimated-resource";
import { kbToGb, LOG_SIZES } from "../log-sizes";
import { DAYS_PER_MONTH } from "../archive-storage";
import type { VolumeKey } from "../../config/settings/estimate";
import type { PricingRule } from "./pricing-rule";

interface FieldSelector {
    field?: string;
    equals?: string[];
}

/** Which data events a trail's advanced event selectors record. */
function dataEventTypes(trail: EstimatedResource): Set<string> {
    const out = new Set<string>();
    for (const s of (trail.inputs.advancedEventSelectors ?? []) as { fieldSelectors?: FieldSelector[] }[]) {
        const fields = s.fieldSelectors ?? [];
        if (!fields.some((f) => f.field === "eventCategory" && f.equals?.includes("Data"))) continue;
        for (const t of fields.find((f) => f.field === "resources.type")?.equals ?? []) out.add(t);
    }
    return out;
}

/** Retention of the trail's CloudWatch Logs copy: the planned log group's, else the org file's. */
function logGroupDays(stack: StackView, arn: string, ctx: EstimateContext): number {
    const name = /:log-group:([^:]+)/.exec(arn)?.[1];
    const group = ofTypes(stack, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.inputs.name === name);
    const days = typeof group?.inputs.retentionInDays === "number" ? group.inputs.retentionInDays : ctx.org.retention.logGroupDays;
    return days === 0 ? 3653 : days;
}

/**
 * The organisation trail: management events (first copy free), the data events its selectors
 * record, Insights per type, its CloudWatch Logs copy, KMS requests of its encrypted log files and
 * the archive storage of everything it writes, for every account in every enabled region.
 */
export const cloudTrail: PricingRule = {
    id: "cloudtrail",
    types: ["aws:cloudtrail/trail:Trail"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        const home = ctx.org.homeRegion;
        for (const trail of ofTypes(stack, ...this.types)) {
            const org = trail.inputs.isOrganizationTrail === true;
            const accounts = org ? ctx.org.accounts.length : 1;
            const regions = trail.inputs.isMultiRegionTrail === true ? ctx.org.regions.length : 1;
            const trailRegions = regions === 1 ? [ctx.org.homeRegion] : ctx.org.regions;
            const per = (key: VolumeKey) => trailRegions.reduce((n, r) => n + (org ? orgVolume(ctx.org, key, r) : volumesOf(ctx.org, stack.account, r)[key]), 0);
            const scope = `${org ? accountMix(ctx.org) : stack.account.name} in ${regionMix(ctx.org)}`;
            const management = per("managementEvents");
            lines.push(charge("trailManagementFirstCopy", management, home, `management events of ${scope}`));
            const types = dataEventTypes(trail);
            let dataEvents = 0;
            if (types.has("AWS::S3::Object")) {
                dataEvents += per("s3DataEvents");
                lines.push(charge("trailDataEvents", per("s3DataEvents"), home, `S3 object events of ${scope} (the archive's own buckets excluded)`, { key: "trailDataEvents.s3", item: "data events delivered: S3 objects" }));
            }
            if (types.has("AWS::Lambda::Function")) {
                dataEvents += per("lambdaDataEvents");
                lines.push(charge("trailDataEvents", per("lambdaDataEvents"), home, `Lambda invocations of ${scope}`, { key: "trailDataEvents.lambda", item: "data events delivered: Lambda invocations" }));
            }
            const insights = ((trail.inputs.insightSelectors ?? []) as { insightType?: string }[]).map((s) => s.insightType);
            const accountsIn = org ? ctx.org.accounts : ctx.org.accounts.filter((a) => a.id === stack.account.id);
            const writes = trailRegions.reduce((m, r) => m + accountsIn.reduce((n, a) => n + (volumesOf(ctx.org, a, r).managementEvents * volumesOf(ctx.org, a, r).writeEventsPercent) / 100, 0), 0);
            if (insights.includes("ApiCallRateInsight")) lines.push(charge("trailInsights", writes, home, "API call rate Insights analyse write management events", { key: "trailInsights.callRate", item: "Insights: API call rate" }));
            if (insights.includes("ApiErrorRateInsight")) lines.push(charge("trailInsights", management, home, "API error rate Insights analyse every management event", { key: "trailInsights.errorRate", item: "Insights: API error rate" }));
            const events = management + dataEvents;
            if (typeof trail.inputs.cloudWatchLogsGroupArn === "string") {
                const gb = kbToGb(events * LOG_SIZES.cloudTrailEventKb);
                const days = logGroupDays(stack, trail.inputs.cloudWatchLogsGroupArn, ctx);
                lines.push(charge("logsIngestGb", gb, home, `the trail's management${dataEvents > 0 ? " and data" : ""} events, ${LOG_SIZES.cloudTrailEventKb} KB each`, { key: "trailLogs.ingest", item: "trail copy in CloudWatch Logs: ingestion" }));
                lines.push(charge("logsStorageGbMonth", gb * LOG_SIZES.compression * (days / DAYS_PER_MONTH), home, `${days} days of the trail's log group, compressed`, { key: "trailLogs.storage", item: "trail copy in CloudWatch Logs: storage" }));
            }
            const files = accounts * regions * (LOG_SIZES.trailFilesPerAccountRegion + (trail.inputs.enableLogFileValidation === true ? LOG_SIZES.trailDigestsPerAccountRegion : 0));
            if (typeof trail.inputs.kmsKeyId === "string") {
                lines.push(charge("kmsRequests", files, home, "one data key per log file the trail encrypts (a file every 5 minutes per account and region)", { key: "trailKms", item: "KMS requests of the trail's encrypted log files" }));
            }
            lines.push(...archiveLines({ gb: kbToGb(events * LOG_SIZES.cloudTrailEventKb) * LOG_SIZES.compression, objects: files, staged: false, region: home, what: "CloudTrail log and digest files" }, ctx));
        }
        return lines;
    },
};
