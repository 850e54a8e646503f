import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SEVERITIES, type Severity } from "../../config/model";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { failIfAny } from "../validate";

export interface AlertTopicsArgs {
    /** Physical topic name per severity; each contains its severity (`high`, `medium`, `low`). */
    readonly topicNames: Readonly<Record<Severity, string>>;
    /** Topic policy per severity (`iam/topic-policy.ts`). */
    readonly topicPolicies: Readonly<Record<Severity, PolicyDocument>>;
    /** Key that encrypts the topics. */
    readonly keyArn: pulumi.Input<string>;
    /**
     * E-mail subscribers per severity.
     * @default no subscriber
     */
    readonly emails?: Readonly<Partial<Record<Severity, readonly string[]>>>;
    /**
     * `source` of the scheduled self-test event: e-mail subscriptions filter it out, so the self-test
     * proves delivery to the topic without mailing people every hour.
     * @default no filter
     */
    readonly selfTestSource?: string;
}

export interface ResolvedAlertTopicsArgs extends Required<Omit<AlertTopicsArgs, "selfTestSource">> {
    readonly selfTestSource: string | undefined;
}

const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function resolveAlertTopicsArgs(name: string, args: AlertTopicsArgs): ResolvedAlertTopicsArgs {
    const emails = args.emails ?? {};
    const problems: string[] = [];
    for (const s of SEVERITIES) {
        const topic = args.topicNames[s];
        if (!topic || !topic.includes(s)) problems.push(`topicNames.${s}: ${JSON.stringify(topic)} must contain "${s}" (severity topics carry their severity in their name, so a subscriber sees from the name how urgent an alert is)`);
        else if (!/^[\w-]{1,256}$/.test(topic)) problems.push(`topicNames.${s}: ${JSON.stringify(topic)} must be 1-256 characters of letters, digits, - and _`);
        const list = emails[s] ?? [];
        list.forEach((e, i) => {
            if (!EMAIL.test(e)) problems.push(`emails.${s}[${i}]: ${JSON.stringify(e)} is not an e-mail address`);
        });
        if (new Set(list).size !== list.length) problems.push(`emails.${s}: lists an address twice`);
    }
    failIfAny("AlertTopics", name, problems);
    return { ...args, emails, selfTestSource: args.selfTestSource };
}

/**
 * The three severity topics (KMS-encrypted, each with a policy that admits only its routing rules
 * and the landing zone's alarms) and their e-mail subscriptions. E-mail subscribers must confirm
 * the subscription from the message AWS sends them.
 */
export class AlertTopics extends pulumi.ComponentResource {
    public readonly topicArns: Readonly<Record<Severity, pulumi.Output<string>>>;

    constructor(name: string, args: AlertTopicsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:events:AlertTopics", name, {}, opts);
        const a = resolveAlertTopicsArgs(name, args);
        const topicArns = {} as Record<Severity, pulumi.Output<string>>;
        for (const s of SEVERITIES) {
            const topic = new aws.sns.Topic(`${name}-${s}`, { name: a.topicNames[s], displayName: `Security alerts (${s})`, kmsMasterKeyId: a.keyArn }, { parent: this });
            new aws.sns.TopicPolicy(`${name}-${s}-policy`, { arn: topic.arn, policy: policyJson(a.topicPolicies[s]) }, { parent: this });
            (a.emails[s] ?? []).forEach((email, i) => {
                new aws.sns.TopicSubscription(
                    `${name}-${s}-email-${i}`,
                    {
                        topic: topic.arn,
                        protocol: "email",
                        endpoint: email,
                        // Filter out the self-test only. A CloudWatch alarm's notification has no `source` key, and
                        // SNS delivers a message only when every key of the policy matches — `anything-but` alone
                        // would drop every alarm, so a missing key must match too (SNS Developer Guide, "Amazon SNS
                        // message filtering": key matching with `exists`).
                        ...(a.selfTestSource
                            ? { filterPolicyScope: "MessageBody", filterPolicy: JSON.stringify({ source: [{ "anything-but": [a.selfTestSource] }, { exists: false }] }) }
                            : {}),
                    },
                    { parent: this },
                );
            });
            topicArns[s] = topic.arn;
        }
        this.topicArns = topicArns;
        this.registerOutputs({ topicArns: this.topicArns });
    }
}
