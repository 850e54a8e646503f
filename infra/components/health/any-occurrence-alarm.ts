import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { alarmMetricInputs, type AlarmMetricArgs } from "./alarm-metric";

export interface AnyOccurrenceAlarmArgs extends AlarmMetricArgs {
    /** `Sum` for a count of events, `Maximum` for a depth such as a queue's visible messages. */
    readonly statistic: "Sum" | "Maximum";
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
            ...alarmMetricInputs(a),
            statistic: a.statistic,
            period: 300,
            evaluationPeriods: 1,
            threshold: 1,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            treatMissingData: "notBreaching",
        },
        opts,
    );
}
