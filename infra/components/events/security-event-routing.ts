import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SEVERITIES, type Severity } from "../../config/model";
import type { SecurityRoute } from "./routing-table";
import { anyOccurrenceAlarm } from "../health/any-occurrence-alarm";
import { failIfAny } from "../validate";
import { EVENT_PATTERN_MAX_CHARS } from "../baseline/central-bus-forwarding";

export interface CustomAction {
    /** Security Hub custom action id (≤ 20 letters and digits): the end of its ARN. */
    readonly identifier: string;
    /** Name shown in the Security Hub console (< 20 characters). */
    readonly name: string;
    readonly description: string;
}

export interface SecurityEventRoutingArgs {
    /** Name of the central bus the rules live on. */
    readonly busName: pulumi.Input<string>;
    /** The routing table (`routing-table.ts`). */
    readonly routes: readonly SecurityRoute[];
    /** Physical rule name of a row. */
    readonly ruleName: (routeId: string) => string;
    readonly topicArns: Readonly<Record<Severity, pulumi.Input<string>>>;
    readonly siemQueueArn: pulumi.Input<string>;
    /** Log group ARN without `:*`. */
    readonly logGroupArn: pulumi.Input<string>;
    /** Where EventBridge puts events it could not deliver to a target after retrying for a day. */
    readonly deadLetterQueueArn: pulumi.Input<string>;
    /** Security Hub custom actions created in the home region (their events reach the bus through the findings forwarding). */
    readonly customActions: readonly CustomAction[];
    /** Resources the targets need in place first: the topic, queue and log components, whose policies admit them. */
    readonly targetDependencies?: readonly pulumi.Resource[];
    /**
     * An alarm per rule on its failed invocations (events neither delivered nor dead-lettered): its
     * name given the route id, and the topics it notifies.
     * @default undefined (no alarms)
     */
    readonly failedAlarms?: { readonly name: (routeId: string) => string; readonly topicArns: readonly pulumi.Input<string>[] };
}

export function resolveSecurityEventRoutingArgs(name: string, args: SecurityEventRoutingArgs): SecurityEventRoutingArgs {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const r of args.routes) {
        if (ids.has(r.id)) problems.push(`routes: id ${JSON.stringify(r.id)} appears twice`);
        ids.add(r.id);
        if (!/^[a-z0-9-]{1,24}$/.test(r.id)) problems.push(`routes: id ${JSON.stringify(r.id)} must be 1-24 characters of a-z, 0-9 and -`);
        if (!r.targets.topic && !r.targets.siem && !r.targets.log) problems.push(`routes: ${r.id} has no target`);
        if (r.title !== undefined && (!r.targets.topic || !/^[^"\\<>]{1,100}$/.test(r.title))) problems.push(`routes: ${r.id}'s title ${JSON.stringify(r.title)} needs a topic and 1-100 characters without quotes, backslashes or angle brackets`);
        if (r.targets.topic && !SEVERITIES.includes(r.targets.topic)) problems.push(`routes: ${r.id} names an unknown topic ${JSON.stringify(r.targets.topic)}`);
        const size = JSON.stringify(r.pattern).length;
        if (size > EVENT_PATTERN_MAX_CHARS) problems.push(`routes: ${r.id}'s pattern is ${size} characters, over EventBridge's ${EVENT_PATTERN_MAX_CHARS}; split the row`);
        if (!/^[\w.-]{1,64}$/.test(args.ruleName(r.id))) problems.push(`routes: ${r.id} gives the rule name ${JSON.stringify(args.ruleName(r.id))}, longer than 64 characters or with characters EventBridge refuses`);
    }
    if (args.routes.filter((r) => r.targets.log).length !== 1) problems.push("routes: exactly one row must target the log group (the catch-all), so every event is logged once");
    for (const c of args.customActions) {
        if (!/^[A-Za-z0-9]{1,20}$/.test(c.identifier)) problems.push(`customActions: identifier ${JSON.stringify(c.identifier)} must be 1-20 letters or digits`);
        if (c.name.length === 0 || c.name.length >= 20) problems.push(`customActions: name ${JSON.stringify(c.name)} must be 1-19 characters`);
    }
    failIfAny("SecurityEventRouting", name, problems);
    return args;
}

/**
 * What a titled row sends its topic: a custom notification as AWS Chatbot documents it ("Custom
 * notifications": `version`, `source: "custom"`, `content.title`, `content.description`), which
 * chat channels show with its title and e-mail subscribers read as JSON; the facts a responder needs
 * first are in the description, the whole event in the SIEM queue and the log group (by its `id`).
 */
export function titledNotification(title: string): aws.types.input.cloudwatch.EventTargetInputTransformer {
    return {
        inputPaths: { id: "$.id", account: "$.account", time: "$.time", event: "$.detail.eventName", principal: "$.detail.userIdentity.arn", user: "$.detail.userIdentity.userName", ip: "$.detail.sourceIPAddress" },
        inputTemplate: JSON.stringify({
            version: "1.0",
            source: "custom",
            id: "<id>",
            content: { textType: "client-markdown", title, description: "<event> into account <account> by <principal> <user> from <ip> at <time> (event <id>)" },
        }),
    };
}

/**
 * The routing table made real: one rule per row on the central bus, with a target for each
 * destination the row names (severity topic, SIEM queue, log group), and the Security Hub custom
 * actions whose events some rows match. Targets retry for a day, then leave the event in the
 * dead-letter queue instead of dropping it.
 */
export class SecurityEventRouting extends pulumi.ComponentResource {
    /** Rule ARNs by route id. */
    public readonly ruleArns: pulumi.Output<Record<string, string>>;
    /** Custom action ARNs by identifier. */
    public readonly customActionArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: SecurityEventRoutingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:events:SecurityEventRouting", name, {}, opts);
        const a = resolveSecurityEventRoutingArgs(name, args);
        const actions: Record<string, pulumi.Output<string>> = {};
        for (const c of a.customActions) {
            actions[c.identifier] = new aws.securityhub.ActionTarget(
                `${name}-action-${c.identifier.toLowerCase()}`,
                { identifier: c.identifier, name: c.name, description: c.description },
                { parent: this },
            ).arn;
        }
        const retry = { maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 };
        const deadLetterConfig = { arn: a.deadLetterQueueArn };
        const targetOpts = { parent: this, dependsOn: [...(a.targetDependencies ?? [])] };
        const ruleArns: Record<string, pulumi.Output<string>> = {};
        for (const r of a.routes) {
            const rule = new aws.cloudwatch.EventRule(
                `${name}-${r.id}`,
                { name: a.ruleName(r.id), description: r.description, eventBusName: a.busName, eventPattern: JSON.stringify(r.pattern) },
                { parent: this },
            );
            const target = (suffix: string, targetId: string, arn: pulumi.Input<string>, inputTransformer?: aws.types.input.cloudwatch.EventTargetInputTransformer) =>
                new aws.cloudwatch.EventTarget(
                    `${name}-${r.id}-${suffix}`,
                    { rule: rule.name, eventBusName: a.busName, targetId, arn, retryPolicy: retry, deadLetterConfig, ...(inputTransformer ? { inputTransformer } : {}) },
                    targetOpts,
                );
            if (r.targets.topic) target("topic", `topic-${r.targets.topic}`, a.topicArns[r.targets.topic], r.title === undefined ? undefined : titledNotification(r.title));
            if (r.targets.siem) target("siem", "siem-queue", a.siemQueueArn);
            if (r.targets.log) target("log", "security-event-log", a.logGroupArn);
            if (a.failedAlarms) {
                anyOccurrenceAlarm(
                    `${name}-${r.id}-failed`,
                    {
                        name: a.failedAlarms.name(r.id),
                        description: `Rule ${a.ruleName(r.id)} failed to deliver events to a target and could not dead-letter them either: the events are lost; check the targets' policies and the security key`,
                        namespace: "AWS/Events",
                        metricName: "FailedInvocations",
                        dimensions: { EventBusName: a.busName, RuleName: a.ruleName(r.id) },
                        statistic: "Sum",
                        topicArns: a.failedAlarms.topicArns,
                    },
                    { parent: this },
                );
            }
            ruleArns[r.id] = rule.arn;
        }
        this.ruleArns = pulumi.output(ruleArns);
        this.customActionArns = pulumi.output(actions);
        this.registerOutputs({ ruleArns: this.ruleArns, customActionArns: this.customActionArns });
    }
}
