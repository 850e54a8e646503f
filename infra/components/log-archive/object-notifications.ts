import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson } from "../../iam/types";
import { notificationQueuePolicy } from "../../iam/log-archive-notification-queue";

export interface ObjectNotificationsArgs {
    /** Archive bucket whose Object Created events (sent to EventBridge by the bucket) are queued. */
    readonly bucketName: pulumi.Input<string>;
    /** `events.amazonaws.com` of the partition. */
    readonly eventsPrincipal: string;
    /** `arn:<partition>:iam::<security>:root`: the SIEM reads from the security account. */
    readonly securityAccountRootArn: string;
    /**
     * Physical name of the queue and of the rule (the guardrails protect landing-zone queues and rules by name).
     * @default autonamed
     */
    readonly name?: string;
    /**
     * Days a message stays when nobody reads it (SQS maximum 14).
     * @default 14
     */
    readonly retentionDays?: number;
}

/** New-object events of the archive on the default bus, into an SSE-encrypted queue the security account's SIEM pulls from. */
export class ObjectNotifications extends pulumi.ComponentResource {
    public readonly queueArn: pulumi.Output<string>;
    public readonly queueUrl: pulumi.Output<string>;

    constructor(name: string, args: ObjectNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:log-archive:ObjectNotifications", name, {}, opts);
        const days = args.retentionDays ?? 14;
        if (!Number.isInteger(days) || days < 1 || days > 14) throw new Error(`ObjectNotifications ${name}:\n  retentionDays: ${days} must be a whole number of days from 1 to 14`);
        const child = { parent: this };
        const queue = new aws.sqs.Queue(`${name}-queue`, { name: args.name, sqsManagedSseEnabled: true, messageRetentionSeconds: days * 86400 }, child);
        const rule = new aws.cloudwatch.EventRule(
            `${name}-rule`,
            {
                name: args.name,
                description: "New objects in the log archive, for the SIEM",
                eventPattern: pulumi.output(args.bucketName).apply((bucket) => JSON.stringify({ source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [bucket] } } })),
            },
            child,
        );
        const policy = new aws.sqs.QueuePolicy(
            `${name}-queue-policy`,
            {
                queueUrl: queue.url,
                policy: pulumi.all([queue.arn, rule.arn]).apply(([queueArn, ruleArn]) => policyJson(notificationQueuePolicy({ queueArn, ruleArn, eventsPrincipal: args.eventsPrincipal, securityAccountRootArn: args.securityAccountRootArn }))),
            },
            child,
        );
        new aws.cloudwatch.EventTarget(`${name}-target`, { rule: rule.name, arn: queue.arn }, { parent: this, dependsOn: [policy] });
        this.queueArn = queue.arn;
        this.queueUrl = queue.url;
        this.registerOutputs({ queueArn: this.queueArn, queueUrl: this.queueUrl });
    }
}
