/**
 * Guardrail attached to the security account: the landing zone's Lambda functions (`<prefix>-*`:
 * the scheduled integrity validation, the response playbooks) run as they were deployed.
 *
 * - Their code, configuration (role, environment, timeout), concurrency (zero stops them),
 *   invocation settings (where a failure goes), resource policy (who may invoke them) and tags change
 *   only through the exempt roles.
 * - Nobody invokes them by hand (nor through a URL or an event source mapping): a playbook given
 *   a finding of an administrator's making would act in another account, and an integrity run over
 *   a window of their choosing would stand as the day's evidence. The landing zone's own roles (a schedule's) may; EventBridge invokes the
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
    // The function's resource policy as a whole: PutResourcePolicy replaces it (Lambda API Reference,
    // PutResourcePolicy), so it could admit a rule of anyone's making, or leave the triggers none.
    "lambda:PutResourcePolicy",
    "lambda:DeleteResourcePolicy",
    // A URL would be a way in besides the triggers; code signing a way to refuse the next deployment.
    "lambda:CreateFunctionUrlConfig",
    "lambda:UpdateFunctionUrlConfig",
    "lambda:DeleteFunctionUrlConfig",
    "lambda:PutFunctionCodeSigningConfig",
    "lambda:DeleteFunctionCodeSigningConfig",
];

/** Every way to invoke a function, each its own IAM action (Service Authorization Reference, AWS Lambda). */
export const FUNCTION_INVOKE_ACTIONS = ["lambda:InvokeFunction", "lambda:InvokeAsync", "lambda:InvokeFunctionUrl"];

/**
 * Event source mappings (a queue or stream feeding a function) are authorised on `*` with the
 * function named in `lambda:FunctionArn` (Service Authorization Reference, AWS Lambda): a mapping of
 * an administrator's making would feed a playbook records of its choosing.
 */
export const EVENT_SOURCE_MAPPING_ACTIONS = ["lambda:CreateEventSourceMapping", "lambda:UpdateEventSourceMapping"];

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
            Sid: "NoEventSourcesForLandingZoneFunctions",
            Effect: "Deny",
            Action: EVENT_SOURCE_MAPPING_ACTIONS,
            Resource: "*",
            Condition: { ArnLike: { "lambda:FunctionArn": functions }, ...unlessExempt(org) },
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
