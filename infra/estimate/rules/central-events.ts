import { DAYS_PER_MONTH } from "../archive-storage";
import { charge, type CostLine } from "../cost-line";
import { accountMix, ofTypes, orgVolume, regionMix } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import { kbToGb, LOG_SIZES } from "../log-sizes";
import type { PricingRule } from "./pricing-rule";

/** Free Scheduler invocations a month. */
const FREE_INVOCATIONS = 14_000_000;
const MINUTES_PER_MONTH = DAYS_PER_MONTH * 24 * 60;

/** Minutes between runs of a `rate(n minutes|hours|days)` expression; a cron expression counts as hourly. */
function rateMinutes(expression: string): number {
    const m = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
    if (!m) return 60;
    const n = Number(m[1]);
    return m[2].startsWith("minute") ? n : m[2].startsWith("hour") ? n * 60 : n * 1440;
}

/**
 * The central security event path of the security stack: every finding of every account and
 * region arrives on the central bus once, is archived for replay, reaches one severity topic (and
 * its e-mail subscribers), the SIEM queue and the security event log; the self-test schedule puts
 * one synthetic event per interval.
 */
export const centralEvents: PricingRule = {
    id: "central-events",
    types: ["aws:cloudwatch/eventArchive:EventArchive", "aws:scheduler/schedule:Schedule", "aws:sns/topic:Topic", "aws:sqs/queue:Queue"],
    lines(stack, ctx) {
        const lines: CostLine[] = [];
        const home = ctx.org.homeRegion;
        const buses = ofTypes(stack, "aws:cloudwatch/eventBus:EventBus");
        const selfTests = ofTypes(stack, "aws:scheduler/schedule:Schedule").map((s) => ({ s, runs: MINUTES_PER_MONTH / rateMinutes(String(s.inputs.scheduleExpression ?? "")) }));
        const selfTestEvents = selfTests.reduce((n, x) => n + x.runs, 0);
        for (const { s, runs } of selfTests) {
            lines.push(charge("schedulerInvocations", Math.max(0, runs - FREE_INVOCATIONS), regionOf(s, home), `${Math.round(runs)} runs of ${String(s.inputs.scheduleExpression)}, the first ${FREE_INVOCATIONS / 1e6} million a month free`));
        }
        if (buses.length === 0) return lines;
        const findings = ctx.org.regions.reduce((n, r) => n + orgVolume(ctx.org, "findings", r), 0);
        const events = findings + selfTestEvents;
        const mix = `findings of ${accountMix(ctx.org)}, ${regionMix(ctx.org)}`;
        if (selfTestEvents > 0) lines.push(charge("eventsCustom", selfTestEvents, home, "self-test events put on the central bus"));
        for (const a of ofTypes(stack, "aws:cloudwatch/eventArchive:EventArchive")) {
            const gb = kbToGb(events * LOG_SIZES.findingEventKb);
            const days = typeof a.inputs.retentionDays === "number" && a.inputs.retentionDays > 0 ? a.inputs.retentionDays : 3653;
            lines.push(charge("eventsArchiveGb", gb, home, `${mix}, ${LOG_SIZES.findingEventKb} KB each`));
            lines.push(charge("eventsArchiveGbMonth", gb * (days / DAYS_PER_MONTH), home, `${days} days of archived events`));
        }
        const targets = ofTypes(stack, "aws:cloudwatch/eventTarget:EventTarget").filter((t) => buses.some((b) => b.inputs.name === t.inputs.eventBusName));
        const topics = ofTypes(stack, "aws:sns/topic:Topic");
        if (topics.length > 0) {
            const emails = ofTypes(stack, "aws:sns/topicSubscription:TopicSubscription").filter((x) => x.inputs.protocol === "email").length;
            lines.push(charge("snsPublish", events, home, "every finding reaches one severity topic"));
            lines.push(charge("snsEmail", (events * emails) / topics.length, home, `${emails} e-mail subscriptions over ${topics.length} topics, findings spread evenly`));
        }
        const queues = new Set(targets.map((t) => String(t.inputs.arn)).filter((arn) => arn.includes(":sqs:")));
        if (queues.size > 0) lines.push(charge("sqsRequests", events * 3 * queues.size, home, `${queues.size} queue target(s) of the central bus: send, receive, delete per event`, { key: "sqsRequests.siem", item: "SIEM queue requests" }));
        const logTargets = targets.filter((t) => String(t.inputs.arn).includes(":log-group:"));
        for (const t of logTargets) {
            const gb = kbToGb(events * LOG_SIZES.findingEventKb);
            lines.push(charge("logsIngestGb", gb, home, `${mix} written to the security event log`, { key: "eventLog.ingest", item: "security event log: ingestion" }));
            lines.push(charge("logsStorageGbMonth", gb * LOG_SIZES.compression * (ctx.org.retention.logGroupDays || 3653) / DAYS_PER_MONTH, home, `${ctx.org.retention.logGroupDays} days of the security event log, compressed`, { key: "eventLog.storage", item: "security event log: storage" }));
        }
        return lines;
    },
};
