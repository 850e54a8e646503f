import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { functionDeadLetterQueuePolicy } from "../../iam/function-dead-letter";
import { functionRuntimePolicy } from "../../iam/function-runtime";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { LOG_RETENTION_DAYS } from "../../config/org";
import { anyOccurrenceAlarm } from "../health/any-occurrence-alarm";
import { failIfAny, roleNameProblem } from "../validate";
import { BUNDLE_FILE, bundleHandler, LAMBDA_RUNTIME, type HandlerBundle } from "./bundle";

export interface BundledFunctionArgs {
    /**
     * Physical name of the function and of its execution role; its dead-letter queue is
     * `<name>-dead-letter` and the queue's alarm `<name>-failed`. Start it with the landing zone's
     * prefix: the guardrails protect `<prefix>-*` functions, roles, queues and alarms.
     */
    readonly functionName: string;
    readonly description: string;
    /** Absolute path of the TypeScript module that exports the handler; bundled at plan time. */
    readonly entry: string;
    /**
     * Name of the handler's export.
     * @default "handler"
     */
    readonly handlerExport?: string;
    /** Trust of the execution role (`iam/`): Lambda, for functions of this account. */
    readonly trustPolicy: PolicyDocument;
    /** What the handler does (`iam/`); what running takes (its log, traces, dead letters) is added here. */
    readonly permissionsPolicy: pulumi.Input<PolicyDocument>;
    /**
     * Environment variables (4 KB in all, Lambda's limit).
     * @default {}
     */
    readonly environment?: Readonly<Record<string, pulumi.Input<string>>>;
    /** The function's log group, created here (under the landing zone's log-group prefix, which the guardrails protect). */
    readonly logGroupName: string;
    /** Retention of the log group, a CloudWatch Logs value (0: never expire). */
    readonly logRetentionDays: number;
    /** Topic notified when an invocation failed every retry (a message in the dead-letter queue). */
    readonly alarmTopicArn: pulumi.Input<string>;
    /**
     * Roles other than the execution role that put failed invocations in the dead-letter queue (a schedule's role).
     * @default []
     */
    readonly deadLetterSenderRoleArns?: readonly string[];
    /** The account's deployment and break-glass roles (the dead-letter queue's policy admits them). */
    readonly exemptRoleArns: readonly string[];
    /**
     * Longest run, seconds (Lambda allows 1 to 900).
     * @default 60
     */
    readonly timeoutSeconds?: number;
    /**
     * Memory, MB (Lambda allows 128 to 10240).
     * @default 256
     */
    readonly memoryMb?: number;
}

export type ResolvedBundledFunctionArgs = BundledFunctionArgs & Required<Pick<BundledFunctionArgs, "handlerExport" | "environment" | "deadLetterSenderRoleArns" | "timeoutSeconds" | "memoryMb">>;

/** Lambda's limit on a function name (64), less the `-dead-letter` suffix of its queue (SQS allows 80). */
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function resolveBundledFunctionArgs(name: string, args: BundledFunctionArgs): ResolvedBundledFunctionArgs {
    const r = { handlerExport: "handler", environment: {}, deadLetterSenderRoleArns: [], timeoutSeconds: 60, memoryMb: 256, ...args };
    const problems: string[] = [];
    if (!FUNCTION_NAME.test(r.functionName)) problems.push(`functionName: ${JSON.stringify(r.functionName)} must be 1-64 characters of letters, digits, - and _`);
    const role = roleNameProblem("functionName", r.functionName);
    if (role && FUNCTION_NAME.test(r.functionName)) problems.push(`${role} (the execution role takes the function's name)`);
    if (!/^[A-Za-z_$][\w$]*$/.test(r.handlerExport)) problems.push(`handlerExport: ${JSON.stringify(r.handlerExport)} is not an export name`);
    if (!Number.isInteger(r.timeoutSeconds) || r.timeoutSeconds < 1 || r.timeoutSeconds > 900) problems.push(`timeoutSeconds: ${r.timeoutSeconds} must be a whole number of seconds from 1 to 900 (Lambda limits)`);
    if (!Number.isInteger(r.memoryMb) || r.memoryMb < 128 || r.memoryMb > 10240) problems.push(`memoryMb: ${r.memoryMb} must be a whole number of MB from 128 to 10240 (Lambda limits)`);
    if (!LOG_RETENTION_DAYS.includes(r.logRetentionDays)) problems.push(`logRetentionDays: ${r.logRetentionDays} is not a CloudWatch Logs retention value; use one of ${LOG_RETENTION_DAYS.join(", ")}`);
    if (!/^[\w/.#-]{1,512}$/.test(r.logGroupName)) problems.push(`logGroupName: ${JSON.stringify(r.logGroupName)} is not a log group name`);
    if (r.trustPolicy.Statement.length === 0) problems.push("trustPolicy: has no statement; Lambda could not run the function");
    for (const k of Object.keys(r.environment)) if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(k) || k.startsWith("AWS_")) problems.push(`environment: ${JSON.stringify(k)} is not a name Lambda accepts (letters, digits and _, not starting with AWS_)`);
    failIfAny("BundledFunction", name, problems);
    return r;
}

/** Lambda's limit on a function's environment variables: 4 KB, names and values together (Lambda quotas). */
export const ENVIRONMENT_MAX_BYTES = 4096;

/**
 * A TypeScript handler of the repository as a Lambda function: bundled with esbuild at plan time
 * (`bundle.ts`: the same sources give the same bundle and `sourceCodeHash`, so plans diff only on
 * real code changes), an execution role with the handler's permissions and the runtime's own, a log
 * group with the organisation's retention, JSON logs and X-Ray tracing, and a dead-letter queue for
 * asynchronous invocations that failed every retry, whose first message pages the alarm topic.
 * Invokers (a schedule, a rule) are the caller's to add.
 */
export class BundledFunction extends pulumi.ComponentResource {
    public readonly functionArn: pulumi.Output<string>;
    public readonly functionName: pulumi.Output<string>;
    public readonly roleArn: pulumi.Output<string>;
    public readonly logGroupName: pulumi.Output<string>;
    public readonly deadLetterQueueArn: pulumi.Output<string>;
    public readonly deadLetterAlarmArn: pulumi.Output<string>;
    /** The bundle deployed (its code, hash and the sources in it). */
    public readonly bundle: HandlerBundle;

    constructor(name: string, args: BundledFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:compute:BundledFunction", name, {}, opts);
        const a = resolveBundledFunctionArgs(name, args);
        this.bundle = bundleHandler(a.entry);
        const group = new aws.cloudwatch.LogGroup(`${name}-log`, { name: a.logGroupName, retentionInDays: a.logRetentionDays }, { parent: this, protect: true, retainOnDelete: true });
        const queue = new aws.sqs.Queue(
            `${name}-dead-letter`,
            { name: `${a.functionName}-dead-letter`, sqsManagedSseEnabled: true, messageRetentionSeconds: 14 * 86400 },
            { parent: this, protect: true, retainOnDelete: true },
        );
        const role = new aws.iam.Role(`${name}-role`, { name: a.functionName, description: a.description, assumeRolePolicy: policyJson(a.trustPolicy) }, { parent: this });
        const permissions = new aws.iam.RolePolicy(`${name}-permissions`, { role: role.name, policy: pulumi.output(a.permissionsPolicy).apply((p) => policyJson(p as PolicyDocument)) }, { parent: this });
        const runtime = new aws.iam.RolePolicy(
            `${name}-runtime`,
            { role: role.name, policy: pulumi.all([group.arn, queue.arn]).apply(([logGroupArn, deadLetterQueueArn]) => policyJson(functionRuntimePolicy({ logGroupArn, deadLetterQueueArn }))) },
            { parent: this },
        );
        new aws.sqs.QueuePolicy(
            `${name}-dead-letter-policy`,
            {
                queueUrl: queue.url,
                policy: pulumi.all([queue.arn, role.arn]).apply(([queueArn, roleArn]) =>
                    policyJson(functionDeadLetterQueuePolicy({ queueArn, senderRoleArns: [roleArn, ...a.deadLetterSenderRoleArns], exemptRoleArns: a.exemptRoleArns })),
                ),
            },
            { parent: this },
        );
        const variables = pulumi.output(a.environment as Record<string, pulumi.Input<string>>).apply((vars) => {
            const size = Object.entries(vars).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
            if (size > ENVIRONMENT_MAX_BYTES) throw new pulumi.ResourceError(`${a.functionName}: environment variables take ${size} bytes, over Lambda's ${ENVIRONMENT_MAX_BYTES}`, this);
            return vars;
        });
        const fn = new aws.lambda.Function(
            `${name}-function`,
            {
                name: a.functionName,
                description: a.description,
                role: role.arn,
                runtime: LAMBDA_RUNTIME,
                architectures: ["arm64"],
                handler: `${BUNDLE_FILE.replace(/\.js$/, "")}.${a.handlerExport}`,
                code: new pulumi.asset.AssetArchive({ [BUNDLE_FILE]: new pulumi.asset.StringAsset(this.bundle.code) }),
                sourceCodeHash: this.bundle.sha256,
                timeout: a.timeoutSeconds,
                memorySize: a.memoryMb,
                environment: { variables },
                loggingConfig: { logFormat: "JSON", logGroup: group.name },
                tracingConfig: { mode: "Active" },
                deadLetterConfig: { targetArn: queue.arn },
            },
            // Lambda checks at creation that it may assume the role and use the dead-letter queue.
            { parent: this, dependsOn: [permissions, runtime] },
        );
        const alarm = anyOccurrenceAlarm(
            `${name}-failed`,
            {
                name: `${a.functionName}-failed`,
                description: `${a.functionName} failed every retry of an invocation: the event is in ${a.functionName}-dead-letter and the error in ${a.logGroupName}`,
                namespace: "AWS/SQS",
                metricName: "ApproximateNumberOfMessagesVisible",
                dimensions: { QueueName: `${a.functionName}-dead-letter` },
                statistic: "Maximum",
                topicArns: [a.alarmTopicArn],
            },
            { parent: this },
        );
        this.functionArn = fn.arn;
        this.functionName = fn.name;
        this.roleArn = role.arn;
        this.logGroupName = group.name;
        this.deadLetterQueueArn = queue.arn;
        this.deadLetterAlarmArn = alarm.arn;
        this.registerOutputs({
            functionArn: this.functionArn,
            functionName: this.functionName,
            roleArn: this.roleArn,
            logGroupName: this.logGroupName,
            deadLetterQueueArn: this.deadLetterQueueArn,
            deadLetterAlarmArn: this.deadLetterAlarmArn,
        });
    }
}
