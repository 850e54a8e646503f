import { accountAdministersKey, logsEncryptsLogGroup } from "./statements";
import { policyDocument, type PolicyDocument, type Statement } from "./types";

/** What a publishing service needs on the key of an encrypted topic or queue. */
export const PUBLISHER_KEY_ACTIONS = ["kms:GenerateDataKey*", "kms:Decrypt"] as const;

export interface TopicKeyPolicyArgs {
    /** `arn:<partition>:iam::<security>:root`. */
    readonly accountRootArn: string;
    readonly accountId: string;
    readonly principals: {
        /** `events.amazonaws.com`. */
        readonly events: string;
        /** `cloudwatch.amazonaws.com`. */
        readonly cloudwatch: string;
        /** Regional Logs principal of the home region, `logs.<home>.amazonaws.com`. */
        readonly logs: string;
    };
    /** The three severity topics. */
    readonly topicArns: readonly string[];
    /** The SIEM queue and its dead-letter queue. */
    readonly queueArns: readonly string[];
    /** The security-events log group (ARN without `:*`). */
    readonly logGroupArn: string;
    /** IAM role ARNs of SIEM consumers in other accounts: they decrypt messages through SQS. */
    readonly siemConsumerArns: readonly string[];
    /** `sqs.<home>.amazonaws.com`: the only way consumers may use the key. */
    readonly sqsViaService: string;
}

/**
 * Key of the severity topics, the SIEM queues and the security-events log group. The account
 * administers it (IAM policies in the account grant its use); each publishing service may use it
 * only for the resources named in the encryption context the owning service sends: SNS sends
 * `aws:sns:topicArn`, SQS `aws:sqs:arn`, CloudWatch Logs `aws:logs:arn`.
 *
 * EventBridge's grant carries no `aws:SourceArn`/`aws:SourceAccount`: AWS documents that these keys
 * are not supported in key policies for EventBridge-to-encrypted-topic delivery (the request would be
 * refused); the encryption context binds it to this account's own topics and queue instead.
 */
export function topicKeyPolicy(a: TopicKeyPolicyArgs): PolicyDocument {
    const statements: Statement[] = [
        accountAdministersKey(a.accountRootArn),
        {
            Sid: "EventBridgeEncryptsForTopics",
            Effect: "Allow",
            Principal: { Service: a.principals.events },
            Action: [...PUBLISHER_KEY_ACTIONS],
            Resource: "*",
            Condition: { ArnEquals: { "kms:EncryptionContext:aws:sns:topicArn": [...a.topicArns] } },
        },
        {
            Sid: "EventBridgeEncryptsForQueues",
            Effect: "Allow",
            Principal: { Service: a.principals.events },
            Action: [...PUBLISHER_KEY_ACTIONS],
            Resource: "*",
            Condition: { ArnEquals: { "kms:EncryptionContext:aws:sqs:arn": [...a.queueArns] } },
        },
        {
            Sid: "AlarmsEncryptForTopics",
            Effect: "Allow",
            Principal: { Service: a.principals.cloudwatch },
            Action: [...PUBLISHER_KEY_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": a.accountId }, ArnEquals: { "kms:EncryptionContext:aws:sns:topicArn": [...a.topicArns] } },
        },
        logsEncryptsLogGroup("LogsEncryptsSecurityEventLog", a.principals.logs, a.logGroupArn),
    ];
    if (a.siemConsumerArns.length > 0) {
        statements.push({
            Sid: "SiemConsumersDecryptThroughSqs",
            Effect: "Allow",
            Principal: { AWS: [...a.siemConsumerArns] },
            Action: "kms:Decrypt",
            Resource: "*",
            Condition: { StringEquals: { "kms:ViaService": a.sqsViaService } },
        });
    }
    return policyDocument(statements);
}
