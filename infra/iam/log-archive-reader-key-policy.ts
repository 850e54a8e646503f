import { KEY_DESTRUCTION_ACTIONS, READER_ACTIONS } from "./archive-key-policy";
import { policyDocument, type PolicyDocument } from "./types";

export interface ReaderKeyPolicyArgs {
    /** `arn:<partition>:iam::<log-archive>:root`, the key's administrator. */
    readonly accountRootArn: string;
    /** Deployment and break-glass roles: the only principals that may disable, delete or re-policy the key. */
    readonly exemptRoleArns: readonly string[];
    readonly securityAccountId: string;
    /** Roles of the security account that decrypt (the investigator). */
    readonly readerRoleArns: readonly string[];
}

/**
 * Key of a bucket no service delivers into directly (the archive's cross-region replica, the query
 * results): the account administers it, so this account's replication and query roles get key use
 * from their identity policies; only the exempt roles may destroy or re-policy it; the security
 * account's readers may decrypt.
 */
export function readerKeyPolicy(a: ReaderKeyPolicyArgs): PolicyDocument {
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
            Sid: "SecurityReadersDecrypt",
            Effect: "Allow",
            Principal: { AWS: [...a.readerRoleArns] },
            Action: [...READER_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: { "kms:CallerAccount": a.securityAccountId } },
        },
    ]);
}
