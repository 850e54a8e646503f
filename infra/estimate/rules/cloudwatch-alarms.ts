import { charge, type CostLine } from "../cost-line";
import { ofTypes } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PricingRule } from "./pricing-rule";

/** Alarms, the custom metric each metric filter publishes, and dashboards: a monthly price each. */
export const cloudWatchAlarms: PricingRule = {
    id: "cloudwatch-alarms",
    types: ["aws:cloudwatch/metricAlarm:MetricAlarm", "aws:cloudwatch/logMetricFilter:LogMetricFilter", "aws:cloudwatch/dashboard:Dashboard"],
    lines(stack, ctx) {
        const home = ctx.org.homeRegion;
        const each = (type: string, price: "alarm" | "customMetric" | "dashboard", why: string): CostLine[] =>
            ofTypes(stack, type).map((r) => charge(price, 1, regionOf(r, home), why));
        return [
            ...each("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", "one per planned alarm"),
            ...each("aws:cloudwatch/logMetricFilter:LogMetricFilter", "customMetric", "one metric per planned metric filter"),
            ...each("aws:cloudwatch/dashboard:Dashboard", "dashboard", "one per planned dashboard"),
        ];
    },
};
