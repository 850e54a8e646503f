import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { anyOccurrenceAlarm } from "../health/any-occurrence-alarm";
import { failIfAny } from "../validate";

export interface SiemQueueArgs {
    readonly queueName: string;
    readonly deadLetterQueueName: string;
    /** Key that encrypts both queues. */
    readonly keyArn: pulumi.Input<string>;
    /** Queue policy of the SIEM queue (`iam/siem-queue-policy.ts`). */
    readonly queuePolicy: PolicyDocument;
    /** Queue policy of the dead-letter queue: routing targets put undeliverable events there too. */
    readonly deadLetterQueuePolicy: PolicyDocument;
    /** Topic the dead-letter alarm notifies. */
    readonly alarmTopicArn: pulumi.Input<string>;
    /** Name of the alarm on the dead-letter queue's depth. */
    readonly deadLetterAlarmName: string;
    /**
     * Days an unread message stays (SQS maximum 14).
     * @default 14
     */
    readonly retentionDays?: number;
    /**
     * Receives before a message moves to the dead-letter queue.
     * @default 5
     */
    readonly maxReceiveCount?: number;
}

export type ResolvedSiemQueueArgs = Required<SiemQueueArgs>;

export function resolveSiemQueueArgs(name: string, args: SiemQueueArgs): ResolvedSiemQueueArgs {
    const retentionDays = args.retentionDays ?? 14;
    const maxReceiveCount = args.maxReceiveCount ?? 5;
    const problems: string[] = [];
    if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 14) problems.push(`retentionDays: ${retentionDays} must be a whole number of days from 1 to 14 (SQS limits)`);
    if (!Number.isInteger(maxReceiveCount) || maxReceiveCount < 1 || maxReceiveCount > 1000) problems.push(`maxReceiveCount: ${maxReceiveCount} must be a whole number from 1 to 1000`);
    for (const [key, value] of [["queueName", args.queueName], ["deadLetterQueueName", args.deadLetterQueueName]] as const) {
        if (!/^[\w-]{1,80}$/.test(value)) problems.push(`${key}: ${JSON.stringify(value)} must be 1-80 characters of letters, digits, - and _`);
    }
    failIfAny("SiemQueue", name, problems);
    return { ...args, retentionDays, maxReceiveCount };
}

/**
 * The queue a SIEM or SOAR drains: every routed finding (and what analysts send with the Security Hub
 * custom action), KMS-encrypted, with a dead-letter queue for messages the consumer keeps failing on
 * and for events EventBridge could not deliver to any routing target. An alarm notifies when the
 * dead-letter queue holds anything.
 */
export class SiemQueue extends pulumi.ComponentResource {
    public readonly queueArn: pulumi.Output<string>;
    public readonly queueUrl: pulumi.Output<string>;
    public readonly deadLetterQueueArn: pulumi.Output<string>;
    public readonly deadLetterAlarmArn: pulumi.Output<string>;

    constructor(name: string, args: SiemQueueArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:events:SiemQueue", name, {}, opts);
        const a = resolveSiemQueueArgs(name, args);
        const retention = a.retentionDays * 86400;
        const dlq = new aws.sqs.Queue(
            `${name}-dlq`,
            { name: a.deadLetterQueueName, kmsMasterKeyId: a.keyArn, kmsDataKeyReusePeriodSeconds: 300, messageRetentionSeconds: retention },
            { parent: this, protect: true, retainOnDelete: true },
        );
        const queue = new aws.sqs.Queue(
            `${name}-queue`,
            {
                name: a.queueName,
                kmsMasterKeyId: a.keyArn,
                kmsDataKeyReusePeriodSeconds: 300,
                messageRetentionSeconds: retention,
                redrivePolicy: dlq.arn.apply((deadLetterTargetArn) => JSON.stringify({ deadLetterTargetArn, maxReceiveCount: a.maxReceiveCount })),
            },
            { parent: this, protect: true, retainOnDelete: true },
        );
        new aws.sqs.QueuePolicy(`${name}-queue-policy`, { queueUrl: queue.url, policy: policyJson(a.queuePolicy) }, { parent: this });
        new aws.sqs.QueuePolicy(`${name}-dlq-policy`, { queueUrl: dlq.url, policy: policyJson(a.deadLetterQueuePolicy) }, { parent: this });
        const alarm = anyOccurrenceAlarm(
            `${name}-dlq-alarm`,
            {
                name: a.deadLetterAlarmName,
                description: "Security events are stuck in the SIEM dead-letter queue: a routing target refused them or the consumer keeps failing",
                namespace: "AWS/SQS",
                metricName: "ApproximateNumberOfMessagesVisible",
                dimensions: { QueueName: a.deadLetterQueueName },
                statistic: "Maximum",
                topicArns: [a.alarmTopicArn],
            },
            { parent: this },
        );
        this.queueArn = queue.arn;
        this.queueUrl = queue.url;
        this.deadLetterQueueArn = dlq.arn;
        this.deadLetterAlarmArn = alarm.arn;
        this.registerOutputs({ queueArn: this.queueArn, queueUrl: this.queueUrl, deadLetterQueueArn: this.deadLetterQueueArn, deadLetterAlarmArn: this.deadLetterAlarmArn });
    }
}
