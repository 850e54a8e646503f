import { accountAdministersKey, denyKeyDestruction, requireExemptRoles, securityReadersDecrypt } from "./statements";
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
    requireExemptRoles("exemptRoleArns", a.exemptRoleArns, "key");
    return policyDocument([
        accountAdministersKey(a.accountRootArn),
        denyKeyDestruction(a.exemptRoleArns),
        securityReadersDecrypt(a.readerRoleArns, a.securityAccountId),
    ]);
}
