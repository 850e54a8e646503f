import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { forwardingTrustPolicy } from "../../iam/forwarding-trust";
import { forwardingPutEventsPolicy } from "../../iam/forwarding-put-events";
import { forwardingDeadLetterQueuePolicy } from "../../iam/forwarding-dead-letter";
import { FORWARDING_RULES, ruleRegions, type ForwardingRule } from "./forwarding-rules";
import { forwardingDeadLetterQueue, forwardingRole, forwardingRuleProblems, forwardToCentralBus, heartbeatToCentralBus } from "./central-bus-forwarding";
import { failIfAny, regionProblems } from "../validate";

/** Id of the heartbeat rule (`<prefix>-fwd-heartbeat`): no forwarding row may use it. */
export const HEARTBEAT_ID = "heartbeat";

/** Physical name of an account's forwarding rules: `<prefix>-fwd-<id>`. */
export function forwardingRuleName(namePrefix: string, id: string): string {
    return `${namePrefix}-fwd-${id}`;
}

export interface EventForwardingArgs {
    /** Enabled regions; every rule of scope `enabled`/`enabled+global` runs in each. */
    readonly regions: readonly string[];
    /** Region where the partition delivers events of global services (see `globalEventsRegion`). */
    readonly globalEventsRegion: string;
    /**
     * Home region: rules of scope `home` run there.
     * @default the first of `regions`
     */
    readonly homeRegion?: string;
    /** ARN of the central bus (security account, home region). */
    readonly centralBusArn: string;
    /** This account's id: the only account whose EventBridge may assume the role. */
    readonly accountId: string;
    /** EventBridge service principal of the partition. */
    readonly eventsPrincipal: string;
    /** `arn:<partition>:events` — the start of every rule ARN, for the role's trust condition. */
    readonly eventsArnPrefix: string;
    /** Physical name prefix of the rules (`<prefix>-<rule id>`) and name of the role. */
    readonly namePrefix: string;
    /** The account's deployment and break-glass roles: the only IAM principals that may send to the dead-letter queues. */
    readonly exemptRoleArns: readonly string[];
    /**
     * Days a region's dead-letter queue keeps events EventBridge could not deliver to the central bus.
     * @default 14 (the SQS maximum)
     */
    readonly deadLetterRetentionDays?: number;
    /**
     * The forwarding table.
     * @default FORWARDING_RULES
     */
    readonly rules?: readonly ForwardingRule[];
    /**
     * Name of each region's alarm on its dead-letter queue's first message (a forwarded health alarm).
     * @default undefined (no alarm)
     */
    readonly deadLetterAlarmName?: string;
    /**
     * Minutes between two heartbeats sent to the central bus from the home region (`<prefix>-fwd-heartbeat`).
     * @default undefined (no heartbeat)
     */
    readonly heartbeatMinutes?: number;
}

type Resolved = Required<Omit<EventForwardingArgs, "deadLetterAlarmName" | "heartbeatMinutes">> & Pick<EventForwardingArgs, "deadLetterAlarmName" | "heartbeatMinutes">;

export function resolveEventForwardingArgs(name: string, args: EventForwardingArgs): Resolved {
    const rules = args.rules ?? FORWARDING_RULES;
    const deadLetterRetentionDays = args.deadLetterRetentionDays ?? 14;
    const homeRegion = args.homeRegion ?? args.regions[0];
    const problems: string[] = [];
    if (args.homeRegion !== undefined && !args.regions.includes(args.homeRegion)) problems.push(`homeRegion: ${args.homeRegion} is not one of the enabled regions ${args.regions.join(", ")}`);
    if (!Number.isInteger(deadLetterRetentionDays) || deadLetterRetentionDays < 1 || deadLetterRetentionDays > 14) {
        problems.push(`deadLetterRetentionDays: ${deadLetterRetentionDays} must be a whole number of days from 1 to 14 (SQS limits)`);
    }
    problems.push(...regionProblems(args.regions, {}, "regions"));
    if (!/^[\w+=,.@-]{1,35}$/.test(args.namePrefix)) problems.push(`namePrefix: ${JSON.stringify(args.namePrefix)} must be 1-35 characters of letters, digits and +=,.@_-`);
    if (!/:events:[a-z0-9-]+:\d{12}:event-bus\/[\w.\-/]+$/.test(args.centralBusArn)) problems.push(`centralBusArn: ${JSON.stringify(args.centralBusArn)} is not an event bus ARN`);
    problems.push(...forwardingRuleProblems(rules));
    failIfAny("EventForwarding", name, problems);
    return { ...args, rules, deadLetterRetentionDays, homeRegion };
}

/**
 * Rules on the default bus of every region that send the account's security events to the central
 * bus, the one IAM role EventBridge uses for that cross-account (and cross-region) delivery, and a
 * dead-letter queue per region so an event the central bus refuses (a wrong bus policy, an outage
 * longer than the retries) is kept instead of silently dropped.
 */
export class EventForwarding extends pulumi.ComponentResource {
    /** ARN of the role the forwarding targets use. */
    public readonly roleArn: pulumi.Output<string>;
    /** Rule ARNs by `<rule id>/<region>`. */
    public readonly ruleArns: pulumi.Output<Record<string, string>>;
    /** Dead-letter queue ARNs by region. */
    public readonly deadLetterQueueArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: EventForwardingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:baseline:EventForwarding", name, {}, opts);
        const a = resolveEventForwardingArgs(name, args);
        const rulePrefix = forwardingRuleName(a.namePrefix, "");

        const role = forwardingRole(this, name, {
            roleName: `${a.namePrefix}-event-forwarding`,
            description: "EventBridge forwards this account's security events to the central bus",
            trustPolicy: forwardingTrustPolicy({
                eventsPrincipal: a.eventsPrincipal,
                accountId: a.accountId,
                ruleArnPattern: `${a.eventsArnPrefix}:*:${a.accountId}:rule/${rulePrefix}*`,
            }),
            permissionsPolicy: forwardingPutEventsPolicy({ centralBusArn: a.centralBusArn }),
        });

        const queues = new Map<string, aws.sqs.Queue>();
        const deadLetterQueue = (region: string): aws.sqs.Queue => {
            let queue = queues.get(region);
            if (!queue) {
                queue = forwardingDeadLetterQueue(this, name, region, {
                    queueName: `${rulePrefix}dead-letter`,
                    retentionDays: a.deadLetterRetentionDays,
                    alarmName: a.deadLetterAlarmName,
                    policy: (queueArn) =>
                        forwardingDeadLetterQueuePolicy({
                            eventsPrincipal: a.eventsPrincipal,
                            queueArn,
                            accountId: a.accountId,
                            ruleArnPattern: `${a.eventsArnPrefix}:${region}:${a.accountId}:rule/${rulePrefix}*`,
                            exemptRoleArns: a.exemptRoleArns,
                        }),
                });
                queues.set(region, queue);
            }
            return queue;
        };

        const ruleArns: Record<string, pulumi.Output<string>> = {};
        for (const r of a.rules) {
            const regions = ruleRegions(r.scope, a.regions, a.globalEventsRegion, a.homeRegion);
            for (const region of [...regions, ...(r.alsoIn ?? []).filter((x) => !regions.includes(x))]) {
                const rule = forwardToCentralBus(this, name, region, r, { ruleName: forwardingRuleName(a.namePrefix, r.id), centralBusArn: a.centralBusArn, role, deadLetterQueue: deadLetterQueue(region) });
                ruleArns[`${r.id}/${region}`] = rule.arn;
            }
        }

        if (a.heartbeatMinutes !== undefined) {
            const rule = heartbeatToCentralBus(this, name, a.homeRegion, {
                ruleName: forwardingRuleName(a.namePrefix, HEARTBEAT_ID),
                minutes: a.heartbeatMinutes,
                centralBusArn: a.centralBusArn,
                role,
                deadLetterQueue: deadLetterQueue(a.homeRegion),
            });
            ruleArns[`${HEARTBEAT_ID}/${a.homeRegion}`] = rule.arn;
        }

        this.roleArn = role.role.arn;
        this.ruleArns = pulumi.output(ruleArns);
        this.deadLetterQueueArns = pulumi.output(Object.fromEntries([...queues].map(([region, q]) => [region, q.arn])));
        this.registerOutputs({ roleArn: this.roleArn, ruleArns: this.ruleArns, deadLetterQueueArns: this.deadLetterQueueArns });
    }
}
