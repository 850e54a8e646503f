import * as path from "path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_VARIABLE, type IntegrityJobConfig } from "../../integrity/validation-job";
import { scheduleInvokePolicy } from "../../iam/schedule-invoke";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { BundledFunction } from "../compute/bundled-function";
import { absenceAlarm } from "../health/absence-alarm";
import { failIfAny } from "../validate";

/** The job's Lambda entry: bundled by `BundledFunction`. */
export const INTEGRITY_JOB_ENTRY = path.join(__dirname, "..", "..", "integrity", "validation-job-lambda.ts");

export interface IntegrityValidationJobArgs {
    /**
     * Physical name of the function, its role and the schedule group (`naming.integrityValidationName`);
     * the schedule's role is `<name>-schedule`.
     */
    readonly name: string;
    /** What to validate and where the result goes (the function's `LZ_INTEGRITY_JOB_CONFIG`). */
    readonly config: pulumi.Input<IntegrityJobConfig>;
    /** Trust of the function's role (`iam/lambda-trust.ts`). */
    readonly trustPolicy: PolicyDocument;
    /** What the validation reads and where it puts its result (`iam/integrity-job-permissions.ts`). */
    readonly permissionsPolicy: pulumi.Input<PolicyDocument>;
    /** Trust of the schedule's role (`iam/schedule-group-trust.ts`, for this job's schedule group). */
    readonly scheduleTrustPolicy: PolicyDocument;
    /** The function's log group and its retention (a CloudWatch Logs value). */
    readonly logGroupName: string;
    readonly logRetentionDays: number;
    /** Topic of the alarms (a failed invocation, no passing run): the high topic. */
    readonly alarmTopicArn: pulumi.Input<string>;
    /** The central bus and the routing rule that matches a passing run: the evidence alarm counts its matches. */
    readonly busName: string;
    readonly passedRuleName: string;
    /** The account's deployment and break-glass roles. */
    readonly exemptRoleArns: readonly string[];
    /** ARN the schedule's role will have (`<name>-schedule`), admitted by the dead-letter queue. */
    readonly scheduleRoleArn: string;
    /**
     * UTC hour of the daily run (2 to 23: CloudTrail delivers a day's last digests within the hour after it).
     * @default 3
     */
    readonly hourUtc?: number;
    /**
     * Hours without a passing run before the evidence alarm pages (25 to 168).
     * @default 30
     */
    readonly missingAfterHours?: number;
    /**
     * Memory of the function, MB.
     * @default 1024
     */
    readonly memoryMb?: number;
}

export type ResolvedIntegrityValidationJobArgs = IntegrityValidationJobArgs & Required<Pick<IntegrityValidationJobArgs, "hourUtc" | "missingAfterHours" | "memoryMb">>;

export function resolveIntegrityValidationJobArgs(name: string, args: IntegrityValidationJobArgs): ResolvedIntegrityValidationJobArgs {
    const r = { hourUtc: 3, missingAfterHours: 30, memoryMb: 1024, ...args };
    const problems: string[] = [];
    if (!/^[\w.-]{1,55}$/.test(r.name)) problems.push(`name: ${JSON.stringify(r.name)} must be 1-55 characters of letters, digits and . - _ (the schedule's role adds "-schedule")`);
    if (!Number.isInteger(r.hourUtc) || r.hourUtc < 2 || r.hourUtc > 23) problems.push(`hourUtc: ${r.hourUtc} must be a whole hour from 2 to 23: CloudTrail delivers a day's last digests within the hour after it ends`);
    if (!Number.isInteger(r.missingAfterHours) || r.missingAfterHours < 25 || r.missingAfterHours > 168) {
        problems.push(`missingAfterHours: ${r.missingAfterHours} must be a whole number of hours from 25 (more than a day between two runs) to 168 (7 days, the longest a CloudWatch alarm looks back)`);
    }
    failIfAny("IntegrityValidationJob", name, problems);
    return r;
}

/**
 * The scheduled CloudTrail integrity validation (`infra/integrity/validation-job.ts`) deployed: the
 * bundled function (with its role, log group and dead-letter queue, whose first message pages),
 * EventBridge Scheduler running it daily at `hourUtc` for the previous UTC day, and the evidence
 * alarm: no passing run matched on the central bus for `missingAfterHours` pages too, so a job that
 * stopped running, or whose result stopped arriving, is as loud as one that found tampering.
 */
export class IntegrityValidationJob extends pulumi.ComponentResource {
    public readonly functionArn: pulumi.Output<string>;
    public readonly roleArn: pulumi.Output<string>;
    public readonly scheduleArn: pulumi.Output<string>;
    public readonly failedAlarmArn: pulumi.Output<string>;
    public readonly missingAlarmArn: pulumi.Output<string>;

    constructor(name: string, args: IntegrityValidationJobArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:integrity:IntegrityValidationJob", name, {}, opts);
        const a = resolveIntegrityValidationJobArgs(name, args);
        const fn = new BundledFunction(
            `${name}-function`,
            {
                functionName: a.name,
                description: "Validates the organisation trail's CloudTrail digest chains of the previous UTC day and puts the result on the central bus",
                entry: INTEGRITY_JOB_ENTRY,
                trustPolicy: a.trustPolicy,
                permissionsPolicy: a.permissionsPolicy,
                environment: { [CONFIG_VARIABLE]: pulumi.output(a.config).apply((c) => JSON.stringify(c)) },
                logGroupName: a.logGroupName,
                logRetentionDays: a.logRetentionDays,
                alarmTopicArn: a.alarmTopicArn,
                deadLetterSenderRoleArns: [a.scheduleRoleArn],
                exemptRoleArns: a.exemptRoleArns,
                // A day of a large organisation is thousands of reads: the longest run Lambda allows.
                timeoutSeconds: 900,
                memoryMb: a.memoryMb,
            },
            { parent: this },
        );
        const group = new aws.scheduler.ScheduleGroup(`${name}-group`, { name: a.name }, { parent: this });
        const role = new aws.iam.Role(
            `${name}-schedule-role`,
            { name: `${a.name}-schedule`, description: "EventBridge Scheduler runs the daily log integrity validation", assumeRolePolicy: policyJson(a.scheduleTrustPolicy) },
            { parent: this },
        );
        const invoke = new aws.iam.RolePolicy(
            `${name}-schedule-role-policy`,
            { role: role.name, policy: pulumi.all([fn.functionArn, fn.deadLetterQueueArn]).apply(([functionArn, deadLetterQueueArn]) => policyJson(scheduleInvokePolicy({ functionArn, deadLetterQueueArn }))) },
            { parent: this },
        );
        const schedule = new aws.scheduler.Schedule(
            `${name}-schedule`,
            {
                name: a.name,
                groupName: group.name,
                description: "Daily CloudTrail log integrity validation of the previous UTC day",
                scheduleExpression: `cron(0 ${a.hourUtc} * * ? *)`,
                scheduleExpressionTimezone: "UTC",
                flexibleTimeWindow: { mode: "OFF" },
                target: {
                    arn: fn.functionArn,
                    roleArn: role.arn,
                    // No day given: the job validates the day before the run.
                    input: JSON.stringify({}),
                    retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 3 },
                    deadLetterConfig: { arn: fn.deadLetterQueueArn },
                },
            },
            { parent: this, dependsOn: [invoke] },
        );
        // The passing results the routing rule matched are the evidence: EventBridge publishes no datapoint for a period without a match.
        const missing = absenceAlarm(
            `${name}-missing`,
            {
                name: `${a.name}-missing`,
                description: `No passing CloudTrail integrity validation for ${a.missingAfterHours} hours: the daily job did not run, failed, or its result did not reach the central bus (a failed validation pages on its own)`,
                namespace: "AWS/Events",
                metricName: "MatchedEvents",
                dimensions: { EventBusName: a.busName, RuleName: a.passedRuleName },
                // Hourly periods: an alarm whose period is an hour or more may look back up to 7 days.
                periodSeconds: 3600,
                periods: a.missingAfterHours,
                topicArns: [a.alarmTopicArn],
            },
            { parent: this },
        );
        this.functionArn = fn.functionArn;
        this.roleArn = fn.roleArn;
        this.scheduleArn = schedule.arn;
        this.failedAlarmArn = fn.deadLetterAlarmArn;
        this.missingAlarmArn = missing.arn;
        this.registerOutputs({ functionArn: this.functionArn, roleArn: this.roleArn, scheduleArn: this.scheduleArn, failedAlarmArn: this.failedAlarmArn, missingAlarmArn: this.missingAlarmArn });
    }
}
