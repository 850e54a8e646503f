import * as path from "path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PLAYBOOK_IDS, RESPONSE_CONFIG_VARIABLE, type PlaybookConfig, type PlaybookId } from "../../config/playbooks";
import type { PolicyDocument } from "../../iam/types";
import { BundledFunction } from "../compute/bundled-function";
import { anyOccurrenceAlarm } from "../health/any-occurrence-alarm";
import { failIfAny } from "../validate";

/** The playbooks' Lambda entry (one module for the three; the configuration says which one runs). */
export const PLAYBOOK_ENTRY = path.join(__dirname, "..", "..", "response", "playbook-lambda.ts");

/** One EventBridge rule on the central bus that feeds the playbook (`response/triggers.ts`). */
export interface PlaybookTrigger {
    /** Stable id, unique among every playbook's triggers: part of the rule's name. */
    readonly id: string;
    readonly description: string;
    readonly pattern: Readonly<Record<string, unknown>>;
}

export interface ResponsePlaybookArgs {
    readonly playbook: PlaybookId;
    /** Physical name of the function and its execution role (`naming.playbookFunctionName`). */
    readonly functionName: string;
    /** What the function is told: mode, scope, role to assume, dedup table, bus (its `LZ_RESPONSE_CONFIG`). */
    readonly config: pulumi.Input<PlaybookConfig>;
    /** Trust of the execution role (`iam/`): Lambda, for functions of this account. */
    readonly trustPolicy: PolicyDocument;
    /** What the function does (`iam/playbook-function-permissions.ts`): assume its response roles, claim findings, put its result. */
    readonly permissionsPolicy: pulumi.Input<PolicyDocument>;
    /** EventBridge's service principal in the partition (invokes the function for the triggers). */
    readonly eventsPrincipal: string;
    /** The central bus the triggers are rules of. */
    readonly busName: string;
    /** The rules that feed the function; at least one. */
    readonly triggers: readonly PlaybookTrigger[];
    /** Physical name of a trigger's rule (`naming.playbookRuleName`; EventBridge allows 64 characters). */
    readonly ruleName: (triggerId: string) => string;
    readonly logGroupName: string;
    readonly logRetentionDays: number;
    /** Topic paged when an invocation failed every retry or a trigger could not deliver (the high topic). */
    readonly alarmTopicArn: pulumi.Input<string>;
    /** Name of the alarm on a trigger's failed deliveries (`AWS/Events FailedInvocations`), by trigger id. */
    readonly failedAlarmName: (triggerId: string) => string;
    /** The account's deployment and break-glass roles. */
    readonly exemptRoleArns: readonly string[];
    /**
     * Longest run, seconds: a quarantine makes a dozen calls, each a few hundred milliseconds.
     * @default 120
     */
    readonly timeoutSeconds?: number;
}

export function resolveResponsePlaybookArgs(name: string, args: ResponsePlaybookArgs): ResponsePlaybookArgs & { readonly timeoutSeconds: number } {
    const r = { timeoutSeconds: 120, ...args };
    const problems: string[] = [];
    if (!PLAYBOOK_IDS.includes(r.playbook)) problems.push(`playbook: ${JSON.stringify(r.playbook)} is not one of ${PLAYBOOK_IDS.join(", ")}`);
    if (r.triggers.length === 0) problems.push("triggers: at least one rule must feed the playbook, or it never runs");
    const ids = r.triggers.map((t) => t.id);
    ids.forEach((id, i) => {
        if (!/^[a-z0-9-]+$/.test(id)) problems.push(`triggers[${i}].id: ${JSON.stringify(id)} must be lower-case letters, digits and -`);
        if (ids.indexOf(id) !== i) problems.push(`triggers[${i}].id: ${JSON.stringify(id)} is used twice`);
        // EventBridge rule names: 64 characters of letters, digits, . - _ (EventBridge API Reference, PutRule, Name).
        if (!/^[\w.-]{1,64}$/.test(r.ruleName(id))) problems.push(`triggers[${i}].id: rule name ${JSON.stringify(r.ruleName(id))} is not 1-64 letters, digits, . - _ (EventBridge)`);
    });
    failIfAny("ResponsePlaybook", name, problems);
    return r;
}

/**
 * One automated response playbook in the security account: its function (bundled from
 * `infra/response/`, with a dead-letter queue whose first message pages), the rules on the central
 * bus that feed it findings, and the permission that lets exactly those rules invoke it.
 */
export class ResponsePlaybook extends pulumi.ComponentResource {
    public readonly functionArn: pulumi.Output<string>;
    public readonly roleArn: pulumi.Output<string>;
    public readonly ruleArns: pulumi.Output<string>[];
    public readonly deadLetterAlarmArn: pulumi.Output<string>;

    constructor(name: string, args: ResponsePlaybookArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:response:ResponsePlaybook", name, {}, opts);
        const a = resolveResponsePlaybookArgs(name, args);
        const fn = new BundledFunction(
            `${name}-function`,
            {
                functionName: a.functionName,
                description: `Response playbook ${a.playbook} (docs/response.md)`,
                entry: PLAYBOOK_ENTRY,
                trustPolicy: a.trustPolicy,
                permissionsPolicy: a.permissionsPolicy,
                environment: { [RESPONSE_CONFIG_VARIABLE]: pulumi.output(a.config).apply((c) => JSON.stringify(c)) },
                logGroupName: a.logGroupName,
                logRetentionDays: a.logRetentionDays,
                alarmTopicArn: a.alarmTopicArn,
                exemptRoleArns: a.exemptRoleArns,
                timeoutSeconds: a.timeoutSeconds,
                memoryMb: 256,
            },
            { parent: this },
        );
        this.ruleArns = a.triggers.map((t) => {
            const rule = new aws.cloudwatch.EventRule(
                `${name}-${t.id}`,
                { name: a.ruleName(t.id), eventBusName: a.busName, description: t.description.slice(0, 512), eventPattern: JSON.stringify(t.pattern), state: "ENABLED" },
                { parent: this },
            );
            // Only this rule may invoke the function (its ARN), so no other rule of the account feeds it findings.
            const permission = new aws.lambda.Permission(
                `${name}-${t.id}-invoke`,
                { function: fn.functionName, action: "lambda:InvokeFunction", principal: a.eventsPrincipal, sourceArn: rule.arn, statementId: `rule-${t.id}` },
                { parent: this },
            );
            new aws.cloudwatch.EventTarget(
                `${name}-${t.id}-target`,
                // EventBridge retries a failed delivery for a day by default; a finding older than an hour is a person's job.
                { rule: rule.name, eventBusName: a.busName, arn: fn.functionArn, retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 20 } },
                { parent: this, dependsOn: [permission] },
            );
            // Deliveries that failed every retry are lost: that pages, like the routing rules' own.
            anyOccurrenceAlarm(
                `${name}-${t.id}-failed`,
                {
                    name: a.failedAlarmName(t.id),
                    description: `Rule ${a.ruleName(t.id)} could not invoke the playbook for an hour: findings went unanswered; check the function's resource policy and concurrency`,
                    namespace: "AWS/Events",
                    metricName: "FailedInvocations",
                    dimensions: { EventBusName: a.busName, RuleName: a.ruleName(t.id) },
                    statistic: "Sum",
                    topicArns: [a.alarmTopicArn],
                },
                { parent: this },
            );
            return rule.arn;
        });
        this.functionArn = fn.functionArn;
        this.roleArn = fn.roleArn;
        this.deadLetterAlarmArn = fn.deadLetterAlarmArn;
        this.registerOutputs({ functionArn: this.functionArn, roleArn: this.roleArn, ruleArns: this.ruleArns, deadLetterAlarmArn: this.deadLetterAlarmArn });
    }
}
