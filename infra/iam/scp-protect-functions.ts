/**
 * Guardrail attached to the security account: the landing zone's Lambda functions (`<prefix>-*`:
 * the scheduled integrity validation, the response playbooks) run as they were deployed.
 *
 * - Their code, configuration (role, environment, timeout), concurrency (zero stops them),
 *   invocation settings (where a failure goes), resource policy (who may invoke them) and tags change
 *   only through the exempt roles.
 * - Nobody invokes them by hand: a playbook given a finding of an administrator's making would act
 *   in another account, and an integrity run over a window of their choosing would stand as the
 *   day's evidence. The landing zone's own roles (a schedule's) may; EventBridge invokes the
 *   playbooks as a service, through the function's resource policy, which no SCP binds.
 * - The playbooks' dedup table (`<prefix>-response-dedup`) is written only by the playbooks' roles
 *   and configured only by the exempt roles: an administrator who could put a claim for a finding
 *   would make its playbook ignore it (blinding the response), and one who could give the table a
 *   resource policy could let an outside account do so. Reading stays open. Restoring a backup or a
 *   point in time creates a new table and cannot overwrite this one, which cannot be deleted;
 *   `TransactWriteItems` is authorised as the item writes it holds (DynamoDB Developer Guide,
 *   "Using IAM with DynamoDB transactions"); the PartiQL statements as `PartiQL*` actions.
 *
 * A policy of its own (the security account has slots to spare; `protect-security-tooling` has no
 * room left under the 5,120 characters with the longest names).
 */
import type { OrgModel } from "../config/model";
import { arn, responseDedupTableName } from "../naming";
import { exemptPrincipalPatterns, unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

export const FUNCTION_TAMPER_ACTIONS = [
    "lambda:DeleteFunction",
    "lambda:UpdateFunctionCode",
    "lambda:UpdateFunctionConfiguration",
    "lambda:PutFunctionConcurrency",
    "lambda:DeleteFunctionConcurrency",
    "lambda:PutFunctionEventInvokeConfig",
    "lambda:UpdateFunctionEventInvokeConfig",
    "lambda:DeleteFunctionEventInvokeConfig",
    "lambda:AddPermission",
    "lambda:RemovePermission",
    "lambda:PutRuntimeManagementConfig",
    "lambda:PutFunctionRecursionConfig",
    "lambda:UntagResource",
];

export const FUNCTION_INVOKE_ACTIONS = ["lambda:InvokeFunction"];

/** Item writes (claims) and table settings of the dedup table, from the Service Authorization Reference (Amazon DynamoDB). */
export const DEDUP_TABLE_TAMPER_ACTIONS = [
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:PartiQLInsert",
    "dynamodb:PartiQLUpdate",
    "dynamodb:PartiQLDelete",
    "dynamodb:DeleteTable",
    "dynamodb:UpdateTable",
    "dynamodb:UpdateTimeToLive",
    "dynamodb:PutResourcePolicy",
];

/** The playbooks' function roles (`playbookFunctionName`), in any account the policy applies to. */
export function playbookRolePattern(org: OrgModel): string {
    return `arn:${org.partition}:iam::*:role/${org.namePrefix}-playbook-*`;
}

export function protectFunctionsScp(org: OrgModel): PolicyDocument {
    const functions = arn(org, "lambda", "*", "*", `function:${org.namePrefix}-*`);
    return policyDocument([
        { Sid: "ProtectLandingZoneFunctions", Effect: "Deny", Action: FUNCTION_TAMPER_ACTIONS, Resource: functions, Condition: unlessExempt(org) },
        {
            Sid: "OnlyLandingZoneInvokesItsFunctions",
            Effect: "Deny",
            Action: FUNCTION_INVOKE_ACTIONS,
            Resource: functions,
            Condition: { ArnNotLike: { "aws:PrincipalArn": [...exemptPrincipalPatterns(org), `arn:${org.partition}:iam::*:role/${org.namePrefix}-*`] } },
        },
        {
            // Any region: a replica of the table (a global table) would replicate writes made there.
            Sid: "OnlyPlaybooksWriteTheDedupTable",
            Effect: "Deny",
            Action: DEDUP_TABLE_TAMPER_ACTIONS,
            Resource: arn(org, "dynamodb", "*", "*", `table/${responseDedupTableName(org)}`),
            Condition: { ArnNotLike: { "aws:PrincipalArn": [...exemptPrincipalPatterns(org), playbookRolePattern(org)] } },
        },
    ]);
}
