import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { absenceAlarm } from "./absence-alarm";
import { failIfAny } from "../validate";

export interface ArrivalWatchArgs {
    /** The central bus the arrivals are put on. */
    readonly busName: pulumi.Input<string>;
    /** Physical name of the watch's rule (under the landing zone's prefix: the guardrails protect it). */
    readonly ruleName: string;
    /** EventBridge pattern of the events that count as an arrival. */
    readonly pattern: Record<string, unknown>;
    /**
     * Log group the rule delivers the arrivals to (its resource policy must admit the rule), where the
     * saved query finds what is missing.
     */
    readonly logGroupArn: pulumi.Input<string>;
    readonly logGroupName: pulumi.Input<string>;
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
    if (!/^[\w.-]{1,64}$/.test(args.ruleName)) problems.push(`ruleName: ${JSON.stringify(args.ruleName)} must be 1-64 letters, digits and . - _ (EventBridge rule names)`);
    failIfAny("ArrivalWatch", name, problems);
    return args;
}

/**
 * Watches for something that must keep arriving on the central bus (every account's heartbeat, the
 * log canary): a rule of the bus matches the arrivals, and an alarm on the rule's
 * `AWS/Events MatchedEvents` fires when fewer than `expected` matched in each of `periods`
 * consecutive periods. EventBridge publishes no datapoint for a period without a match, which the
 * alarm treats as the failure. The metric cannot be faked: nobody writes `AWS/` metrics, and only
 * what the bus policy admits reaches the rule — unlike a metric filter's custom metric, which an
 * administrator of the account could feed from a log group or an embedded-metric log of its own.
 */
export class ArrivalWatch extends pulumi.ComponentResource {
    public readonly alarmArn: pulumi.Output<string>;
    public readonly ruleArn: pulumi.Output<string>;

    constructor(name: string, args: ArrivalWatchArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:health:ArrivalWatch", name, {}, opts);
        const a = resolveArrivalWatchArgs(name, args);
        const rule = new aws.cloudwatch.EventRule(
            `${name}-rule`,
            { name: a.ruleName, eventBusName: a.busName, description: `Counts arrivals for ${a.alarmName}`, eventPattern: JSON.stringify(a.pattern) },
            { parent: this },
        );
        // A target, so that matching is delivery and not only evaluation; the log group keeps the arrivals for the saved query.
        new aws.cloudwatch.EventTarget(`${name}-log`, { rule: rule.name, eventBusName: a.busName, targetId: "arrivals-log", arn: a.logGroupArn }, { parent: this });
        this.alarmArn = absenceAlarm(
            `${name}-alarm`,
            {
                name: a.alarmName,
                description: a.description,
                namespace: "AWS/Events",
                metricName: "MatchedEvents",
                dimensions: { EventBusName: a.busName, RuleName: a.ruleName },
                periodSeconds: a.periodSeconds,
                periods: a.periods,
                expected: a.expected,
                topicArns: a.topicArns,
            },
            { parent: this, dependsOn: [rule] },
        ).arn;
        if (a.query) {
            new aws.cloudwatch.QueryDefinition(`${name}-query`, { name: a.query.name, logGroupNames: [a.logGroupName], queryString: a.query.queryString }, { parent: this });
        }
        this.ruleArn = rule.arn;
        this.registerOutputs({ alarmArn: this.alarmArn, ruleArn: this.ruleArn });
    }
}
