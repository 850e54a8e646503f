import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface NoMatchAlarmArgs {
    /** Physical alarm name. */
    readonly name: string;
    /** What its silence means and what to check, shown in the notification. */
    readonly description: string;
    /** The bus and the rule whose matches are the evidence. */
    readonly busName: pulumi.Input<string>;
    readonly ruleName: pulumi.Input<string>;
    /** Length of one period; a period of an hour or more lets the alarm look back up to 7 days, a shorter one a day (CloudWatch API reference, PutMetricAlarm). */
    readonly periodSeconds: number;
    /** Consecutive periods without a match before it fires. */
    readonly periods: number;
    /** Topic notified when it fires and when the evidence is back. */
    readonly topicArn: pulumi.Input<string>;
}

/**
 * An alarm that fires when a rule of the bus matched nothing for `periods` periods in a row: the
 * evidence alarms of the alert self-test and of the integrity validation, where silence is the
 * failure. One definition, so both react alike.
 */
export function noMatchAlarm(resourceName: string, a: NoMatchAlarmArgs, opts: pulumi.CustomResourceOptions): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(
        resourceName,
        {
            name: a.name,
            alarmDescription: a.description,
            namespace: "AWS/Events",
            metricName: "MatchedEvents",
            dimensions: { EventBusName: a.busName, RuleName: a.ruleName },
            statistic: "Sum",
            period: a.periodSeconds,
            evaluationPeriods: a.periods,
            datapointsToAlarm: a.periods,
            threshold: 1,
            comparisonOperator: "LessThanThreshold",
            // EventBridge publishes no datapoint for a period without a match: missing data is the failure.
            treatMissingData: "breaching",
            alarmActions: [a.topicArn],
            okActions: [a.topicArn],
        },
        opts,
    );
}
