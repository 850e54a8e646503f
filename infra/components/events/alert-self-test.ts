import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { absenceAlarm } from "../health/absence-alarm";
import { failIfAny } from "../validate";

/** A CloudWatch metric: the delivery metric of a path's destination. */
export interface SelfTestMetric {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** One path the self-test proves: a schedule sends an event that only this path's routing rule matches. */
export interface SelfTestPath {
    /** `detail.path` of the path's events; part of the schedule's name (`<name>-<id>`). */
    readonly id: string;
    /** What the path delivers to, for the alarm text. */
    readonly destination: string;
    /** The destination's own delivery metric: at least one datapoint per interval while the path works. */
    readonly metric: SelfTestMetric;
    /** Name of the alarm that fires when the metric stays below 1. */
    readonly missingAlarmName: string;
    /** Topics the missing alarm notifies (a path to a topic also notifies another topic). */
    readonly notify: readonly pulumi.Input<string>[];
    /**
     * The e-mail subscribers of the path's topic, which filter the self-test out: fewer filtered copies
     * than subscribers × self-tests means someone unsubscribed or never confirmed.
     * @default undefined (a path without e-mail subscribers)
     */
    readonly subscribers?: {
        readonly count: number;
        readonly topicName: string;
        /** Physical name of the path's routing rule (its MatchedEvents count the self-tests). */
        readonly ruleName: string;
        readonly alarmName: string;
        readonly notify: readonly pulumi.Input<string>[];
    };
}

export interface AlertSelfTestArgs {
    /** Name of the schedule group and the role, and prefix of the schedules. */
    readonly name: string;
    /** ARN of the central bus the synthetic events are put on. */
    readonly busArn: string;
    /** Name of the central bus (dimension of the rules' metrics). */
    readonly busName: string;
    /** `source` and `detail-type` of the synthetic events: the routing table matches them. */
    readonly source: string;
    readonly detailType: string;
    /** Trust of the scheduler role (`iam/self-test-scheduler-trust.ts`). */
    readonly trustPolicy: PolicyDocument;
    /** Its permissions: PutEvents on the central bus only. */
    readonly permissionsPolicy: PolicyDocument;
    /** The paths to prove, one schedule each. */
    readonly paths: readonly SelfTestPath[];
    /**
     * Minutes between two events of a path; also the alarms' period.
     * @default 60
     */
    readonly intervalMinutes?: number;
    /**
     * Consecutive intervals without delivery before an alarm fires.
     * @default 3
     */
    readonly missedIntervals?: number;
}

export type ResolvedAlertSelfTestArgs = Required<AlertSelfTestArgs>;

export function resolveAlertSelfTestArgs(name: string, args: AlertSelfTestArgs): ResolvedAlertSelfTestArgs {
    const intervalMinutes = args.intervalMinutes ?? 60;
    const missedIntervals = args.missedIntervals ?? 3;
    const problems: string[] = [];
    if (!Number.isInteger(intervalMinutes) || intervalMinutes < 5 || intervalMinutes > 720) problems.push(`intervalMinutes: ${intervalMinutes} must be a whole number of minutes from 5 to 720`);
    if (!Number.isInteger(missedIntervals) || missedIntervals < 1) problems.push(`missedIntervals: ${missedIntervals} must be a whole number, at least 1`);
    else if (Number.isInteger(intervalMinutes) && intervalMinutes * missedIntervals > 1440) {
        problems.push(`intervalMinutes × missedIntervals: ${intervalMinutes} × ${missedIntervals} = ${intervalMinutes * missedIntervals} minutes exceeds one day, the longest a CloudWatch alarm can look back; lower one of them`);
    }
    if (args.source.startsWith("aws.")) problems.push(`source: ${JSON.stringify(args.source)} starts with "aws.", which PutEvents refuses; use a source of your own`);
    if (!/^[\w.-]{1,54}$/.test(args.name)) problems.push(`name: ${JSON.stringify(args.name)} must be 1-54 characters of letters, digits and . - _ (schedule names add a path of up to 10)`);
    if (args.paths.length === 0) problems.push("paths: at least one path is required");
    const ids = args.paths.map((p) => p.id);
    if (new Set(ids).size !== ids.length) problems.push(`paths: ${JSON.stringify(ids)} names a path twice`);
    for (const p of args.paths) {
        if (!/^[a-z0-9]{1,9}$/.test(p.id)) problems.push(`paths: id ${JSON.stringify(p.id)} must be 1-9 characters of a-z and 0-9`);
        if (p.subscribers && (!Number.isInteger(p.subscribers.count) || p.subscribers.count < 1)) problems.push(`paths: ${p.id}: subscribers.count ${p.subscribers.count} must be a whole number, at least 1`);
    }
    failIfAny("AlertSelfTest", name, problems);
    return { ...args, intervalMinutes, missedIntervals };
}

/**
 * The alert self-test: for each path (a severity topic, the SIEM queue, …) EventBridge Scheduler puts
 * a synthetic event on the central bus every interval, which the routing table sends down that path
 * alone. An alarm on the path's own delivery metric fires when nothing arrived for `missedIntervals`
 * intervals (missing data is the failure), and for a topic with e-mail subscribers, a second alarm
 * fires when fewer copies were filtered out for them than there are subscribers (one unsubscribed).
 */
export class AlertSelfTest extends pulumi.ComponentResource {
    /** Schedule ARNs by path id. */
    public readonly scheduleArns: pulumi.Output<Record<string, string>>;
    /** ARNs of the missing alarms by path id. */
    public readonly missingAlarmArns: pulumi.Output<Record<string, string>>;
    /** ARNs of the unsubscribed alarms by path id (paths with e-mail subscribers). */
    public readonly unsubscribedAlarmArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: AlertSelfTestArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:events:AlertSelfTest", name, {}, opts);
        const a = resolveAlertSelfTestArgs(name, args);
        const group = new aws.scheduler.ScheduleGroup(`${name}-group`, { name: a.name }, { parent: this });
        const role = new aws.iam.Role(
            `${name}-role`,
            { name: a.name, description: "EventBridge Scheduler puts the alert self-test events on the central bus", assumeRolePolicy: policyJson(a.trustPolicy) },
            { parent: this },
        );
        const permissions = new aws.iam.RolePolicy(`${name}-role-policy`, { role: role.name, policy: policyJson(a.permissionsPolicy) }, { parent: this });
        const schedules: Record<string, pulumi.Output<string>> = {};
        const missing: Record<string, pulumi.Output<string>> = {};
        const unsubscribed: Record<string, pulumi.Output<string>> = {};
        const period = a.intervalMinutes * 60;
        for (const p of a.paths) {
            const schedule = new aws.scheduler.Schedule(
                `${name}-${p.id}`,
                {
                    name: `${a.name}-${p.id}`,
                    groupName: group.name,
                    description: `Synthetic security event routed to ${p.destination} only; its absence there raises ${p.missingAlarmName}`,
                    scheduleExpression: `rate(${a.intervalMinutes} minutes)`,
                    flexibleTimeWindow: { mode: "OFF" },
                    target: {
                        arn: a.busArn,
                        roleArn: role.arn,
                        eventbridgeParameters: { source: a.source, detailType: a.detailType },
                        input: JSON.stringify({ path: p.id, purpose: `Proves that security events reach ${p.destination}`, intervalMinutes: a.intervalMinutes }),
                        retryPolicy: { maximumEventAgeInSeconds: 300, maximumRetryAttempts: 3 },
                    },
                },
                { parent: this, dependsOn: [permissions] },
            );
            schedules[p.id] = schedule.arn;
            missing[p.id] = absenceAlarm(
                `${name}-${p.id}-missing`,
                {
                    name: p.missingAlarmName,
                    description: `Nothing reached ${p.destination} for ${a.missedIntervals} × ${a.intervalMinutes} minutes, not even the self-test: security events routed there are not delivered`,
                    ...p.metric,
                    periodSeconds: period,
                    periods: a.missedIntervals,
                    topicArns: p.notify,
                },
                { parent: this },
            ).arn;
            if (p.subscribers) unsubscribed[p.id] = this.unsubscribedAlarm(name, a, p, p.subscribers).arn;
        }
        this.scheduleArns = pulumi.output(schedules);
        this.missingAlarmArns = pulumi.output(missing);
        this.unsubscribedAlarmArns = pulumi.output(unsubscribed);
        this.registerOutputs({ scheduleArns: this.scheduleArns, missingAlarmArns: this.missingAlarmArns, unsubscribedAlarmArns: this.unsubscribedAlarmArns });
    }

    /**
     * `subscribers × self-tests matched − copies filtered out > 0` for `missedIntervals` intervals: each
     * e-mail subscription filters the self-test out (SNS counts that per topic as
     * NumberOfNotificationsFilteredOut-MessageBody), so a subscription that is gone or unconfirmed filters nothing.
     */
    private unsubscribedAlarm(name: string, a: ResolvedAlertSelfTestArgs, p: SelfTestPath, s: NonNullable<SelfTestPath["subscribers"]>): aws.cloudwatch.MetricAlarm {
        const period = a.intervalMinutes * 60;
        return new aws.cloudwatch.MetricAlarm(
            `${name}-${p.id}-unsubscribed`,
            {
                name: s.alarmName,
                alarmDescription: `Fewer than ${s.count} e-mail subscriber(s) of ${s.topicName} received the self-test for ${a.missedIntervals} × ${a.intervalMinutes} minutes: a subscription was removed (the unsubscribe link leaves no CloudTrail record) or was never confirmed`,
                metricQueries: [
                    {
                        id: "tests",
                        metric: { namespace: "AWS/Events", metricName: "MatchedEvents", dimensions: { EventBusName: a.busName, RuleName: s.ruleName }, stat: "Sum", period },
                        returnData: false,
                    },
                    {
                        id: "filtered",
                        metric: { namespace: "AWS/SNS", metricName: "NumberOfNotificationsFilteredOut-MessageBody", dimensions: { TopicName: s.topicName }, stat: "Sum", period },
                        returnData: false,
                    },
                    { id: "shortfall", expression: `${s.count} * FILL(tests, 0) - FILL(filtered, 0)`, label: "Self-test copies the e-mail subscribers did not filter", returnData: true },
                ],
                evaluationPeriods: a.missedIntervals,
                datapointsToAlarm: a.missedIntervals,
                threshold: 0,
                comparisonOperator: "GreaterThanThreshold",
                treatMissingData: "notBreaching",
                alarmActions: [...s.notify],
                okActions: [...s.notify],
            },
            { parent: this },
        );
    }
}
