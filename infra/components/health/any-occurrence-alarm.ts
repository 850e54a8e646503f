import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface AnyOccurrenceAlarmArgs {
    /** Physical alarm name. */
    readonly name: string;
    /** What happened and what to check, shown in the notification. */
    readonly description: string;
    readonly namespace: pulumi.Input<string>;
    readonly metricName: pulumi.Input<string>;
    /** @default undefined (a metric without dimensions) */
    readonly dimensions?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** `Sum` for a count of events, `Maximum` for a depth such as a queue's visible messages. */
    readonly statistic: "Sum" | "Maximum";
    /**
     * Topics notified when the alarm fires. None: a forwarded health alarm, whose state change the
     * member baseline forwards to the central bus (`infra/config/health.ts`).
     */
    readonly topicArns: readonly pulumi.Input<string>[];
    /**
     * Region of the alarm when it is not the provider's (the metric's region: alarms watch their own region's metrics).
     * @default undefined (the provider's region)
     */
    readonly region?: string;
}

/**
 * An alarm that fires as soon as the metric reaches 1 in a five-minute period, and treats missing
 * data as "nothing happened": the landing zone's alarms on a CIS filter match, a failed delivery or
 * a message in a dead-letter queue. One definition, so they all react alike.
 */
export function anyOccurrenceAlarm(resourceName: string, a: AnyOccurrenceAlarmArgs, opts: pulumi.CustomResourceOptions): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(
        resourceName,
        {
            name: a.name,
            alarmDescription: a.description,
            namespace: a.namespace,
            metricName: a.metricName,
            dimensions: a.dimensions,
            statistic: a.statistic,
            period: 300,
            evaluationPeriods: 1,
            threshold: 1,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            treatMissingData: "notBreaching",
            alarmActions: [...a.topicArns],
            region: a.region,
        },
        opts,
    );
}
