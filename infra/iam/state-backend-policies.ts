/**
 * Policies of the self-managed Pulumi backend in the management account: the state bucket accepts
 * TLS only, and its key (which also encrypts every stack's secrets through `awskms://`) is
 * administered through the management account's IAM, where the CI roles' own policies say who
 * reads and who writes (`ci-role-permissions.ts`).
 */
import { accountAdministersKey, denyInsecureTransport } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

export function stateBucketPolicy(a: { readonly bucketArn: string }): PolicyDocument {
    return policyDocument([denyInsecureTransport("s3", [a.bucketArn, `${a.bucketArn}/*`])]);
}

export function stateKeyPolicy(a: { readonly partition: string; readonly managementAccountId: string }): PolicyDocument {
    return policyDocument([accountAdministersKey(`arn:${a.partition}:iam::${a.managementAccountId}:root`)]);
}
