import { policyDocument, type PolicyDocument } from "./types";

/** What CloudWatch Logs needs on a key that encrypts a log group. */
export const LOGS_KEY_USE_ACTIONS = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"] as const;

export interface TrailLogGroupKeyArgs {
    /** `arn:<partition>:iam::<account>:root`. */
    readonly accountRootArn: string;
    /** Regional CloudWatch Logs principal, e.g. `logs.us-east-1.amazonaws.com`. */
    readonly logsPrincipal: string;
    /** ARN of the one log group the key encrypts. */
    readonly logGroupArn: string;
}

/**
 * Key policy of the key that encrypts the organisation trail's log group. The account keeps
 * administration (so IAM policies in the account can grant use and the key can never become
 * unmanageable); CloudWatch Logs may use it only for the trail's log group, named in the encryption
 * context Logs sends with every request.
 */
export function trailLogGroupKeyPolicy(a: TrailLogGroupKeyArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "AccountAdministersKey",
            Effect: "Allow",
            Principal: { AWS: a.accountRootArn },
            Action: "kms:*",
            Resource: "*",
        },
        {
            Sid: "LogsEncryptsTrailLogGroup",
            Effect: "Allow",
            Principal: { Service: a.logsPrincipal },
            Action: [...LOGS_KEY_USE_ACTIONS],
            Resource: "*",
            // Logs documents the encryption-context condition (not aws:SourceArn/SourceAccount) for
            // log-group keys; it names one log group ARN in this account, which is the narrower binding.
            Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": a.logGroupArn } },
        },
    ]);
}
