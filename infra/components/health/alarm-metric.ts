import type * as pulumi from "@pulumi/pulumi";

/** What every landing-zone alarm names: itself, the metric it watches, who it tells, and where it lives. */
export interface AlarmMetricArgs {
    /** Physical alarm name. */
    readonly name: string;
    /** What happened (or stopped) and what to check, shown in the notification. */
    readonly description: string;
    readonly namespace: pulumi.Input<string>;
    readonly metricName: pulumi.Input<string>;
    /** @default undefined (a metric without dimensions) */
    readonly dimensions?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * Topics notified. None: a forwarded health alarm, whose state changes the member baseline forwards
     * to the central bus (`infra/config/health.ts`).
     */
    readonly topicArns: readonly pulumi.Input<string>[];
    /**
     * Region of the alarm when it is not the provider's (the metric's region: alarms watch their own region's metrics).
     * @default undefined (the provider's region)
     */
    readonly region?: string;
}

/** The `MetricAlarm` inputs every landing-zone alarm shares, from its arguments. */
export function alarmMetricInputs(a: AlarmMetricArgs) {
    return {
        name: a.name,
        alarmDescription: a.description,
        namespace: a.namespace,
        metricName: a.metricName,
        dimensions: a.dimensions,
        alarmActions: [...a.topicArns],
        region: a.region,
    };
}
