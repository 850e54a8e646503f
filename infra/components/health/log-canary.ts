import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { failIfAny } from "../validate";

export interface LogCanaryArgs {
    /** Log group the canary writes (under the landing zone's prefix; subscribed by the account's central-logs policy like any group). */
    readonly logGroupName: string;
    /** Name of the scheduled rule and of the log resource policy. */
    readonly name: string;
    /** Minutes between two records. */
    readonly intervalMinutes: number;
    /** Retention of the log group (a CloudWatch Logs value; the archive keeps the copy). */
    readonly retentionDays: number;
    /** Resource policy letting EventBridge write into the group for this rule only (`iam/security-event-log-policy.ts`). */
    readonly resourcePolicy: PolicyDocument;
}

export function resolveLogCanaryArgs(name: string, args: LogCanaryArgs): LogCanaryArgs {
    const problems: string[] = [];
    if (!Number.isInteger(args.intervalMinutes) || args.intervalMinutes < 1 || args.intervalMinutes > 1440) problems.push(`intervalMinutes: ${args.intervalMinutes} must be a whole number of minutes from 1 to 1440`);
    if (!/^[\w.-]{1,64}$/.test(args.name)) problems.push(`name: ${JSON.stringify(args.name)} must be 1-64 characters of letters, digits and . - _ (an EventBridge rule name)`);
    if (!/^[\w.\-/#]{1,512}$/.test(args.logGroupName)) problems.push(`logGroupName: ${JSON.stringify(args.logGroupName)} is not a CloudWatch Logs group name`);
    failIfAny("LogCanary", name, problems);
    return args;
}

/**
 * The end-to-end log canary of one account: every interval a scheduled rule of the default bus writes
 * its event (a few hundred bytes) into the canary log group, which the account's central-logs
 * subscription sends through the central destination and Firehose into the archive, under a prefix of
 * its own. The log-archive account forwards the object's arrival; the security account pages when
 * arrivals stop. The rule and the group are named like every landing-zone resource, which the
 * guardrails protect; a deleted group stops the arrivals, and the silence pages.
 */
export class LogCanary extends pulumi.ComponentResource {
    public readonly logGroupArn: pulumi.Output<string>;
    public readonly ruleArn: pulumi.Output<string>;

    constructor(name: string, args: LogCanaryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:health:LogCanary", name, {}, opts);
        const a = resolveLogCanaryArgs(name, args);
        const group = new aws.cloudwatch.LogGroup(`${name}-log-group`, { name: a.logGroupName, retentionInDays: a.retentionDays }, { parent: this });
        const policy = new aws.cloudwatch.LogResourcePolicy(`${name}-log-policy`, { policyName: a.name, policyDocument: policyJson(a.resourcePolicy) }, { parent: this });
        const rule = new aws.cloudwatch.EventRule(
            `${name}-rule`,
            { name: a.name, description: `Log canary: one record every ${a.intervalMinutes} minutes into ${a.logGroupName}, on its way to the archive`, eventBusName: "default", scheduleExpression: `rate(${a.intervalMinutes} minutes)` },
            { parent: this },
        );
        new aws.cloudwatch.EventTarget(
            `${name}-target`,
            {
                rule: rule.name,
                eventBusName: "default",
                targetId: "canary-log-group",
                arn: group.arn,
                retryPolicy: { maximumEventAgeInSeconds: Math.max(60, a.intervalMinutes * 60), maximumRetryAttempts: 3 },
            },
            { parent: this, dependsOn: [policy] },
        );
        this.logGroupArn = group.arn;
        this.ruleArn = rule.arn;
        this.registerOutputs({ logGroupArn: this.logGroupArn, ruleArn: this.ruleArn });
    }
}
