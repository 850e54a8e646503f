import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { alarmMetricInputs, type AlarmMetricArgs } from "./alarm-metric";

export interface AbsenceAlarmArgs extends AlarmMetricArgs {
    /** Seconds per period: the interval at which at least one datapoint must arrive. */
    readonly periodSeconds: number;
    /** Consecutive periods without a datapoint before the alarm fires. */
    readonly periods: number;
    /**
     * Arrivals expected per period (e.g. one heartbeat from each of N accounts): the alarm fires when the sum stays below it.
     * @default 1
     */
    readonly expected?: number;
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
            ...alarmMetricInputs(a),
            statistic: "Sum",
            period: a.periodSeconds,
            evaluationPeriods: a.periods,
            datapointsToAlarm: a.periods,
            threshold: a.expected ?? 1,
            comparisonOperator: "LessThanThreshold",
            treatMissingData: "breaching",
            // It tells the same people when the arrivals are back.
            okActions: [...a.topicArns],
        },
        opts,
    );
}
