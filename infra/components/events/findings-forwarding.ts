import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyDocument } from "../../iam/types";
import { forwardingDeadLetterQueue, forwardingRole, forwardingRuleProblems, forwardToCentralBus } from "../baseline/central-bus-forwarding";
import { FINDINGS_FORWARDING_RULES, findingsRuleRegions, type FindingsForwardingRule } from "./findings-forwarding-rules";
import { failIfAny, regionProblems } from "../validate";

export interface FindingsForwardingArgs {
    /** Enabled regions, home region first. */
    readonly regions: readonly string[];
    readonly homeRegion: string;
    /** ARN of the central bus. */
    readonly centralBusArn: string;
    /** Physical name of the role EventBridge uses for the (cross-region) bus targets. */
    readonly roleName: string;
    /** Trust policy of that role (`iam/forwarding-trust.ts`, for this stack's rule names). */
    readonly trustPolicy: PolicyDocument;
    /** Its permissions (`iam/forwarding-put-events.ts`: PutEvents on the central bus only). */
    readonly permissionsPolicy: PolicyDocument;
    /** Physical rule name of a row. */
    readonly ruleName: (id: string) => string;
    /** Name of each region's dead-letter queue. */
    readonly deadLetterQueueName: string;
    /** Dead-letter queue policy of a region, given the queue ARN (`iam/forwarding-dead-letter.ts`). */
    readonly deadLetterQueuePolicy: (region: string, queueArn: string) => PolicyDocument;
    /**
     * Name of each region's alarm on its dead-letter queue's first message (a forwarded health alarm).
     * @default undefined (no alarm)
     */
    readonly deadLetterAlarmName?: string;
    /**
     * The forwarding table.
     * @default FINDINGS_FORWARDING_RULES
     */
    readonly rules?: readonly FindingsForwardingRule[];
}

export type ResolvedFindingsForwardingArgs = Required<Omit<FindingsForwardingArgs, "deadLetterAlarmName">> & Pick<FindingsForwardingArgs, "deadLetterAlarmName">;

export function resolveFindingsForwardingArgs(name: string, args: FindingsForwardingArgs): ResolvedFindingsForwardingArgs {
    const rules = args.rules ?? FINDINGS_FORWARDING_RULES;
    const problems: string[] = [];
    problems.push(...regionProblems(args.regions, {}, "regions"));
    if (!args.regions.includes(args.homeRegion)) problems.push(`homeRegion: ${args.homeRegion} is not one of the regions ${args.regions.join(", ")}`);
    if (!/:events:[a-z0-9-]+:\d{12}:event-bus\/[\w.-]+$/.test(args.centralBusArn)) problems.push(`centralBusArn: ${JSON.stringify(args.centralBusArn)} is not an event bus ARN`);
    problems.push(...forwardingRuleProblems(rules));
    failIfAny("FindingsForwarding", name, problems);
    return { ...args, rules };
}

/**
 * Rules on the security account's default bus of each region that send the findings its
 * delegated-admin services aggregate to the central bus (home region), through one role — EventBridge
 * needs a role for a bus target in another region — with a dead-letter queue per region so a finding
 * the bus refuses is kept instead of dropped.
 */
export class FindingsForwarding extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;
    /** Rule ARNs by `<rule id>/<region>`. */
    public readonly ruleArns: pulumi.Output<Record<string, string>>;
    /** Dead-letter queue ARNs by region. */
    public readonly deadLetterQueueArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: FindingsForwardingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:events:FindingsForwarding", name, {}, opts);
        const a = resolveFindingsForwardingArgs(name, args);
        const role = forwardingRole(this, name, {
            roleName: a.roleName,
            description: "EventBridge forwards the security account's aggregated findings to the central bus",
            trustPolicy: a.trustPolicy,
            permissionsPolicy: a.permissionsPolicy,
        });

        const queues = new Map<string, aws.sqs.Queue>();
        const ruleArns: Record<string, pulumi.Output<string>> = {};
        for (const region of a.regions) {
            const rows = a.rules.filter((r) => findingsRuleRegions(r.scope, a.regions, a.homeRegion).includes(region));
            if (rows.length === 0) continue;
            const queue = forwardingDeadLetterQueue(this, name, region, { queueName: a.deadLetterQueueName, retentionDays: 14, policy: (arn) => a.deadLetterQueuePolicy(region, arn), alarmName: a.deadLetterAlarmName });
            queues.set(region, queue);
            for (const r of rows) {
                const rule = forwardToCentralBus(this, name, region, r, { ruleName: a.ruleName(r.id), centralBusArn: a.centralBusArn, role, deadLetterQueue: queue });
                ruleArns[`${r.id}/${region}`] = rule.arn;
            }
        }
        this.roleArn = role.role.arn;
        this.ruleArns = pulumi.output(ruleArns);
        this.deadLetterQueueArns = pulumi.output(Object.fromEntries([...queues].map(([region, q]) => [region, q.arn])));
        this.registerOutputs({ roleArn: this.roleArn, ruleArns: this.ruleArns, deadLetterQueueArns: this.deadLetterQueueArns });
    }
}
