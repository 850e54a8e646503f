/**
 * What the management account's CI roles may do themselves: assume one role name in the accounts
 * (the read-only preview role, or the deployment role) and use the state backend. Everything else
 * they do, they do as that role; the preview role has no way to the deployment role, so a pull
 * request's code — which runs during `pulumi preview` — can read but never change the organisation.
 */
import { policyDocument, type PolicyDocument, type Statement } from "./types";

export interface CiRolePermissionsArgs {
    readonly partition: string;
    readonly kind: "preview" | "deploy";
    /** The role the CI role assumes in every account: `roles.preview` or `roles.deployment`. */
    readonly accountRoleName: string;
    readonly stateBucketArn: string;
    readonly stateKeyArn: string;
}

/** State reads a preview needs: the checkpoint and the stack's config secrets. */
export const STATE_READ_ACTIONS = ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"];
/** The self-managed backend writes checkpoints, history and backups under `.pulumi/`. */
export const STATE_WRITE_ACTIONS = ["s3:PutObject", "s3:DeleteObject"];

export function ciRolePermissions(a: CiRolePermissionsArgs): PolicyDocument {
    const statements: Statement[] = [
        { Sid: "AssumeAccountRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: `arn:${a.partition}:iam::*:role/${a.accountRoleName}` },
        { Sid: "ReadState", Effect: "Allow", Action: STATE_READ_ACTIONS, Resource: [a.stateBucketArn, `${a.stateBucketArn}/*`] },
    ];
    if (a.kind === "deploy") {
        statements.push(
            { Sid: "WriteState", Effect: "Allow", Action: STATE_WRITE_ACTIONS, Resource: `${a.stateBucketArn}/*` },
            { Sid: "StateKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], Resource: a.stateKeyArn },
        );
    } else {
        // A preview takes the stack's lock (a file under .pulumi/locks/) and reads encrypted state;
        // it writes no checkpoint.
        statements.push(
            { Sid: "TakeStackLocks", Effect: "Allow", Action: STATE_WRITE_ACTIONS, Resource: `${a.stateBucketArn}/.pulumi/locks/*` },
            { Sid: "StateKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: a.stateKeyArn },
        );
    }
    return policyDocument(statements);
}

/**
 * Data reads AWS's ReadOnlyAccess allows but a preview never needs: object contents, secrets,
 * parameters, log events, queue messages, query results, table items. The preview role denies them,
 * so the code of a pull request reads configuration (what `pulumi refresh` compares) and no data.
 */
export const DATA_READ_ACTIONS = [
    "s3:GetObject",
    "s3:GetObjectVersion",
    "kms:Decrypt",
    "secretsmanager:GetSecretValue",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "logs:GetLogEvents",
    "logs:FilterLogEvents",
    "logs:StartQuery",
    "sqs:ReceiveMessage",
    "athena:GetQueryResults",
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:Scan",
];

export function previewDataDenyPolicy(): PolicyDocument {
    return policyDocument([{ Sid: "NoDataReads", Effect: "Deny", Action: DATA_READ_ACTIONS, Resource: "*" }]);
}
