import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface AbsenceAlarmArgs {
    /** Physical alarm name. */
    readonly name: string;
    /** What stopped arriving and what to check, shown in the notification. */
    readonly description: string;
    readonly namespace: pulumi.Input<string>;
    readonly metricName: pulumi.Input<string>;
    /** @default undefined (a metric without dimensions) */
    readonly dimensions?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Seconds per period: the interval at which at least one datapoint must arrive. */
    readonly periodSeconds: number;
    /** Consecutive periods without a datapoint before the alarm fires. */
    readonly periods: number;
    /**
     * Arrivals expected per period (e.g. one heartbeat from each of N accounts): the alarm fires when the sum stays below it.
     * @default 1
     */
    readonly expected?: number;
    /**
     * Topics notified when the alarm fires and when it recovers. None: a forwarded health alarm, whose
     * state changes the member baseline forwards to the central bus.
     */
    readonly topicArns: readonly pulumi.Input<string>[];
    /**
     * Region of the alarm when it is not the provider's.
     * @default undefined (the provider's region)
     */
    readonly region?: string;
}

/**
 * An alarm on something that must keep arriving (a heartbeat, a self-test, a canary, the trail's
 * events): it fires when the metric's sum stays below `expected` (1) for `periods` consecutive periods. CloudWatch
 * services publish no datapoint for "nothing happened", so missing data is the failure itself
 * (`treatMissingData: breaching`), not a gap to ignore.
 */
export function absenceAlarm(resourceName: string, a: AbsenceAlarmArgs, opts: pulumi.CustomResourceOptions): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(
        resourceName,
        {
            name: a.name,
            alarmDescription: a.description,
            namespace: a.namespace,
            metricName: a.metricName,
            dimensions: a.dimensions,
            statistic: "Sum",
            period: a.periodSeconds,
            evaluationPeriods: a.periods,
            datapointsToAlarm: a.periods,
            threshold: a.expected ?? 1,
            comparisonOperator: "LessThanThreshold",
            treatMissingData: "breaching",
            alarmActions: [...a.topicArns],
            okActions: [...a.topicArns],
            region: a.region,
        },
        opts,
    );
}
