import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { anyOccurrenceAlarm } from "./any-occurrence-alarm";
import { noMatchAlarm } from "./no-match-alarm";
import { failIfAny } from "../validate";

export interface AlertSelfTestArgs {
    /** Name of the schedule, its group, the role and the prefix of the alarms. */
    readonly name: string;
    /** ARN of the central bus the synthetic event is put on. */
    readonly busArn: string;
    /** Name of the central bus (alarm dimension). */
    readonly busName: string;
    /** Physical name of the routing rule that matches the self-test event (alarm dimension). */
    readonly ruleName: string;
    /** `source` and `detail-type` of the synthetic event: the routing table matches them. */
    readonly source: string;
    readonly detailType: string;
    /** Trust of the scheduler role (`iam/self-test-scheduler-trust.ts`). */
    readonly trustPolicy: PolicyDocument;
    /** Its permissions: PutEvents on the central bus only. */
    readonly permissionsPolicy: PolicyDocument;
    /** Topic the alarms notify (the high topic: someone must act). */
    readonly alarmTopicArn: pulumi.Input<string>;
    /**
     * Minutes between two events; also the alarm period.
     * @default 60
     */
    readonly intervalMinutes?: number;
    /**
     * Consecutive intervals without the event before the alarm fires.
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
    if (!/^[\w.-]{1,64}$/.test(args.name)) problems.push(`name: ${JSON.stringify(args.name)} must be 1-64 characters of letters, digits and . - _`);
    failIfAny("AlertSelfTest", name, problems);
    return { ...args, intervalMinutes, missedIntervals };
}

/**
 * The alert self-test: EventBridge Scheduler puts a synthetic event on the central bus every interval,
 * where the routing table sends it down the same path as a real finding (a rule, the low topic, the
 * log group). Two alarms on the high topic watch that path: one when the self-test rule matched no
 * event for `missedIntervals` intervals (missing data counts as missing), one when its target failed.
 */
export class AlertSelfTest extends pulumi.ComponentResource {
    public readonly scheduleArn: pulumi.Output<string>;
    public readonly missingAlarmArn: pulumi.Output<string>;
    public readonly failedAlarmArn: pulumi.Output<string>;

    constructor(name: string, args: AlertSelfTestArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:events:AlertSelfTest", name, {}, opts);
        const a = resolveAlertSelfTestArgs(name, args);
        const group = new aws.scheduler.ScheduleGroup(`${name}-group`, { name: a.name }, { parent: this });
        const role = new aws.iam.Role(
            `${name}-role`,
            { name: a.name, description: "EventBridge Scheduler puts the alert self-test event on the central bus", assumeRolePolicy: policyJson(a.trustPolicy) },
            { parent: this },
        );
        const permissions = new aws.iam.RolePolicy(`${name}-role-policy`, { role: role.name, policy: policyJson(a.permissionsPolicy) }, { parent: this });
        const schedule = new aws.scheduler.Schedule(
            `${name}-schedule`,
            {
                name: a.name,
                groupName: group.name,
                description: "Synthetic security event routed like a finding; its absence raises an alarm",
                scheduleExpression: `rate(${a.intervalMinutes} minutes)`,
                flexibleTimeWindow: { mode: "OFF" },
                target: {
                    arn: a.busArn,
                    roleArn: role.arn,
                    eventbridgeParameters: { source: a.source, detailType: a.detailType },
                    input: JSON.stringify({ purpose: "Proves that security events reach the central bus, its rules and the severity topics", intervalMinutes: a.intervalMinutes }),
                    retryPolicy: { maximumEventAgeInSeconds: 300, maximumRetryAttempts: 3 },
                },
            },
            { parent: this, dependsOn: [permissions] },
        );
        const dimensions = { EventBusName: a.busName, RuleName: a.ruleName };
        const missing = noMatchAlarm(
            `${name}-missing`,
            {
                name: `${a.name}-missing`,
                description: `No alert self-test event matched ${a.ruleName} for ${a.missedIntervals} × ${a.intervalMinutes} minutes: security events may not be reaching the central bus or its rules`,
                busName: a.busName,
                ruleName: a.ruleName,
                periodSeconds: a.intervalMinutes * 60,
                periods: a.missedIntervals,
                topicArn: a.alarmTopicArn,
            },
            { parent: this },
        );
        const failed = anyOccurrenceAlarm(
            `${name}-failed`,
            {
                name: `${a.name}-failed`,
                description: `The alert self-test rule ${a.ruleName} failed to deliver to its topic: check the topic and key policies`,
                namespace: "AWS/Events",
                metricName: "FailedInvocations",
                dimensions,
                statistic: "Sum",
                topicArn: a.alarmTopicArn,
            },
            { parent: this },
        );
        this.scheduleArn = schedule.arn;
        this.missingAlarmArn = missing.arn;
        this.failedAlarmArn = failed.arn;
        this.registerOutputs({ scheduleArn: this.scheduleArn, missingAlarmArn: this.missingAlarmArn, failedAlarmArn: this.failedAlarmArn });
    }
}
