import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { absenceAlarm } from "./absence-alarm";
import { failIfAny } from "../validate";

export interface ArrivalWatchArgs {
    /** Log group whose events are counted. */
    readonly logGroupName: pulumi.Input<string>;
    /** Name of the metric filter. */
    readonly filterName: string;
    /** CloudWatch Logs filter pattern of the events that count as an arrival. */
    readonly pattern: string;
    readonly namespace: string;
    readonly metricName: string;
    readonly alarmName: string;
    /** What stopped arriving and what to check, shown in the notification. */
    readonly description: string;
    /** Seconds per period. */
    readonly periodSeconds: number;
    /** Consecutive periods with too few arrivals before the alarm fires. */
    readonly periods: number;
    /**
     * Arrivals expected per period (one heartbeat from each of N senders).
     * @default 1
     */
    readonly expected?: number;
    /** Topics notified (none: a forwarded health alarm). */
    readonly topicArns: readonly pulumi.Input<string>[];
    /**
     * A CloudWatch Logs Insights query saved beside the watch, to find what is missing (e.g. which account).
     * @default undefined (no saved query)
     */
    readonly query?: { readonly name: string; readonly queryString: string };
}

export function resolveArrivalWatchArgs(name: string, args: ArrivalWatchArgs): ArrivalWatchArgs {
    const problems: string[] = [];
    if (!Number.isInteger(args.periodSeconds / 60) || args.periodSeconds < 60) problems.push(`periodSeconds: ${args.periodSeconds} must be a whole number of minutes`);
    if (!Number.isInteger(args.periods) || args.periods < 1 || args.periodSeconds * args.periods > 86400) problems.push(`periods: ${args.periods} must be a whole number ≥ 1 with periodSeconds × periods at most one day`);
    const expected = args.expected ?? 1;
    if (!Number.isInteger(expected) || expected < 1) problems.push(`expected: ${expected} must be a whole number, at least 1`);
    failIfAny("ArrivalWatch", name, problems);
    return args;
}

/**
 * Watches for something that must keep arriving in a log group (the trail's events, every account's
 * heartbeat, the log canary): a metric filter counts the matching events, and an alarm fires when
 * fewer than `expected` arrived in each of `periods` consecutive periods. The filter has no default
 * value: a period without arrivals has no datapoint, which the alarm treats as the failure. Metrics
 * under the landing zone's namespace cannot be faked from the security account (the guardrails deny
 * PutMetricData there), nor its log groups written.
 */
export class ArrivalWatch extends pulumi.ComponentResource {
    public readonly alarmArn: pulumi.Output<string>;

    constructor(name: string, args: ArrivalWatchArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:health:ArrivalWatch", name, {}, opts);
        const a = resolveArrivalWatchArgs(name, args);
        const filter = new aws.cloudwatch.LogMetricFilter(
            `${name}-filter`,
            { name: a.filterName, logGroupName: a.logGroupName, pattern: a.pattern, metricTransformation: { name: a.metricName, namespace: a.namespace, value: "1", unit: "Count" } },
            { parent: this },
        );
        this.alarmArn = absenceAlarm(
            `${name}-alarm`,
            {
                name: a.alarmName,
                description: a.description,
                namespace: a.namespace,
                metricName: a.metricName,
                periodSeconds: a.periodSeconds,
                periods: a.periods,
                expected: a.expected,
                topicArns: a.topicArns,
            },
            { parent: this, dependsOn: [filter] },
        ).arn;
        if (a.query) {
            new aws.cloudwatch.QueryDefinition(`${name}-query`, { name: a.query.name, logGroupNames: [a.logGroupName], queryString: a.query.queryString }, { parent: this });
        }
        this.registerOutputs({ alarmArn: this.alarmArn });
    }
}
