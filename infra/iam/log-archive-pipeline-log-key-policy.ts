import { KEY_DESTRUCTION_ACTIONS } from "./archive-key-policy";
import { LOGS_KEY_USE_ACTIONS } from "./trail-log-group-key";
import { policyDocument, type PolicyDocument } from "./types";

export interface PipelineLogKeyPolicyArgs {
    /** `arn:<partition>:iam::<log-archive>:root`, the key's administrator. */
    readonly accountRootArn: string;
    /** Deployment and break-glass roles: the only principals that may disable, delete or re-policy the key. */
    readonly exemptRoleArns: readonly string[];
    /** Regional CloudWatch Logs principal of the key's region, `logs.<region>.amazonaws.com`. */
    readonly logsPrincipal: string;
    /** ARN of the one log group the key encrypts (without `:*`). */
    readonly logGroupArn: string;
}

/**
 * Key of the central pipeline's delivery-error log group in one region. The account administers it
 * (IAM stays in control); only the exempt roles may destroy or re-policy it; CloudWatch Logs may use
 * it only for that log group, named in the encryption context Logs sends with every request.
 */
export function pipelineLogKeyPolicy(a: PipelineLogKeyPolicyArgs): PolicyDocument {
    if (a.exemptRoleArns.length === 0) throw new Error("exemptRoleArns: at least the deployment role is required, or the next deployment cannot update the key");
    return policyDocument([
        { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: a.accountRootArn }, Action: "kms:*", Resource: "*" },
        {
            Sid: "DenyKeyDestruction",
            Effect: "Deny",
            Principal: "*",
            Action: [...KEY_DESTRUCTION_ACTIONS],
            Resource: "*",
            Condition: { ArnNotEquals: { "aws:PrincipalArn": [...a.exemptRoleArns] } },
        },
        {
            Sid: "LogsEncryptsPipelineLogGroup",
            Effect: "Allow",
            Principal: { Service: a.logsPrincipal },
            Action: [...LOGS_KEY_USE_ACTIONS],
            Resource: "*",
            Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": a.logGroupArn } },
        },
    ]);
}
