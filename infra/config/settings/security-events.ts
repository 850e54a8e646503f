import type { ObjectSchema } from "../schema";
import { PRICING_PAGES } from "../pricing-pages";

/** Settings of the central event bus and alerting (`lz:security.events`). */
export interface SecurityEventsSettings {
    /** Days the central bus archive keeps events for replay. */
    readonly archiveRetentionDays: number;
    readonly selfTest: {
        /** The scheduled synthetic event and the alarms that watch it. */
        readonly enabled: boolean;
        /** Minutes between two self-test events. */
        readonly intervalMinutes: number;
        /** Consecutive intervals without the event before the alarm fires. */
        readonly missedIntervals: number;
    };
    readonly siem: {
        /** IAM role ARNs of SIEM/SOAR consumers outside the security account. */
        readonly consumerArns: readonly string[];
        /** Days a message stays in the SIEM queue (and its dead-letter queue). */
        readonly retentionDays: number;
        /** Receives before a message the consumer keeps failing on moves to the dead-letter queue. */
        readonly maxReceiveCount: number;
    };
    /** Region of the AWS Chatbot (Amazon Q Developer in chat applications) API for Slack channels. */
    readonly chatbotRegion: string;
}

export const securityEventsSettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    doc: "Central security event bus, alert routing, SIEM queue, self-test and Slack delivery.",
    fields: {
        archiveRetentionDays: {
            kind: "integer",
            min: 1,
            max: 36500,
            default: 365,
            doc: "Days the central bus archive keeps every event for replay.",
            cost: { unit: "per GB archived and per GB-month kept", pricing: PRICING_PAGES.eventbridge },
        },
        selfTest: {
            kind: "object",
            default: {},
            doc: "A scheduled synthetic event routed like a finding, and alarms when it stops arriving.",
            fields: {
                enabled: { kind: "boolean", default: true, doc: "Schedule the self-test event and alarm on the high topic when it goes missing." },
                intervalMinutes: { kind: "integer", min: 5, max: 720, default: 60, doc: "Minutes between two self-test events (also the alarm period)." },
                missedIntervals: {
                    kind: "integer",
                    min: 1,
                    max: 24,
                    default: 3,
                    doc: "Consecutive intervals without a self-test event before the alarm fires; intervalMinutes × missedIntervals may not exceed one day.",
                },
            },
        },
        siem: {
            kind: "object",
            default: {},
            doc: "The SIEM/SOAR queue every routed finding goes to.",
            fields: {
                consumerArns: {
                    kind: "array",
                    default: [],
                    items: { kind: "string", pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, describe: "an IAM role ARN" },
                    doc: "IAM roles that read the queue, in any account (the security account's too): the only principals besides the deployment and break-glass roles that may receive or delete its messages (granted in the queue and key policies).",
                },
                retentionDays: { kind: "integer", min: 1, max: 14, default: 14, doc: "Days an unread message stays in the queue and in its dead-letter queue." },
                maxReceiveCount: { kind: "integer", min: 1, max: 1000, default: 5, doc: "Receives of a message before it moves to the dead-letter queue." },
            },
        },
        chatbotRegion: {
            kind: "string",
            enum: ["us-east-2", "us-west-2", "eu-west-1", "ap-southeast-1"],
            default: "us-west-2",
            doc: "Region whose AWS Chatbot endpoint manages the Slack channel configurations (Chatbot is global; its API runs in these regions only).",
        },
    },
};
