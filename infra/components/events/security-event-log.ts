import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { failIfAny } from "../validate";

/** Retention values CloudWatch Logs accepts (0 = never expire). */
const LOG_RETENTION_DAYS = [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export interface SecurityEventLogArgs {
    readonly logGroupName: string;
    /** Key that encrypts the log group. */
    readonly keyArn: pulumi.Input<string>;
    /** CloudWatch Logs retention in days; 0 keeps events forever. */
    readonly retentionDays: number;
    /** Resource policy that lets the routing rule write (`iam/security-event-log-policy.ts`). */
    readonly resourcePolicy: PolicyDocument;
    /** Name of that resource policy (one of the account's ten per region). */
    readonly resourcePolicyName: string;
}

export function resolveSecurityEventLogArgs(name: string, args: SecurityEventLogArgs): SecurityEventLogArgs {
    const problems: string[] = [];
    if (!LOG_RETENTION_DAYS.includes(args.retentionDays)) problems.push(`retentionDays: ${args.retentionDays} is not a CloudWatch Logs retention value; use one of ${LOG_RETENTION_DAYS.join(", ")}`);
    if (!/^[\w/.#-]{1,512}$/.test(args.logGroupName)) problems.push(`logGroupName: ${JSON.stringify(args.logGroupName)} is not a log group name`);
    failIfAny("SecurityEventLog", name, problems);
    return args;
}

/**
 * The log group of every event on the central bus — searchable with Logs Insights, encrypted with
 * the alerting key, kept as long as the organisation's log retention — and the resource policy that
 * lets EventBridge write into it.
 */
export class SecurityEventLog extends pulumi.ComponentResource {
    public readonly logGroupName: pulumi.Output<string>;
    public readonly logGroupArn: pulumi.Output<string>;

    constructor(name: string, args: SecurityEventLogArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:events:SecurityEventLog", name, {}, opts);
        const a = resolveSecurityEventLogArgs(name, args);
        const group = new aws.cloudwatch.LogGroup(
            `${name}-group`,
            { name: a.logGroupName, kmsKeyId: a.keyArn, retentionInDays: a.retentionDays },
            { parent: this, protect: true, retainOnDelete: true },
        );
        new aws.cloudwatch.LogResourcePolicy(
            `${name}-policy`,
            { policyName: a.resourcePolicyName, policyDocument: policyJson(a.resourcePolicy) },
            { parent: this, dependsOn: [group] },
        );
        this.logGroupName = group.name;
        this.logGroupArn = group.arn;
        this.registerOutputs({ logGroupName: this.logGroupName, logGroupArn: this.logGroupArn });
    }
}
