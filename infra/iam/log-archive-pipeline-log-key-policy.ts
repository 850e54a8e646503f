import { accountAdministersKey, denyKeyDestruction, logsEncryptsLogGroup, requireExemptRoles } from "./statements";
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
    requireExemptRoles("exemptRoleArns", a.exemptRoleArns, "key");
    return policyDocument([
        accountAdministersKey(a.accountRootArn),
        denyKeyDestruction(a.exemptRoleArns),
        logsEncryptsLogGroup("LogsEncryptsPipelineLogGroup", a.logsPrincipal, a.logGroupArn),
    ]);
}
