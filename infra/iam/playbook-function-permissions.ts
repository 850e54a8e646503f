import type { PlaybookId } from "../config/playbooks";
import { DEDUP_ACTIONS } from "./response-actions";
import { putResultUnderOwnSource } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

export const ASSUME_RESPONSE_ROLE_ACTIONS = ["sts:AssumeRole"] as const;

export interface PlaybookFunctionPermissionsArgs {
    readonly playbook: PlaybookId;
    readonly partition: string;
    /** `responseRoleName(org, playbook)`: the role the member baseline creates in each account in scope. */
    readonly responseRoleName: string;
    readonly organizationId: string;
    /** The dedup table (security account, home region). */
    readonly dedupTableArn: string;
    /** Central security bus the result goes to. */
    readonly busArn: string;
    /** `RESPONSE_EVENT_SOURCE`: the only `source` the function may put there. */
    readonly eventSource: string;
}

/**
 * A playbook function's own permissions (its log, traces and dead letters are the function's
 * runtime policy, `function-runtime.ts`):
 *
 * - assume its playbook's response role in any account of the organisation (`aws:ResourceOrgID`,
 *   IAM User Guide, "AWS global condition context keys"). Not a list of accounts: one ARN per
 *   account in a 100-account organisation would outgrow the 10,240 characters of a role's inline
 *   policies (IAM User Guide, "IAM and AWS STS quotas"). Which accounts are in scope is decided by
 *   where the member baseline creates the role (a role that does not exist cannot be assumed) and
 *   by the handler, which acts only on its configured accounts; the role's trust admits this
 *   function alone (`response-role-trust.ts`);
 * - claim and release findings in the dedup table under its own playbook's keys only
 *   (`dynamodb:LeadingKeys`: the partition key `<playbook>#…`, `dedupKey`), so one playbook cannot
 *   claim another's findings and make it ignore them;
 * - put its result on the central bus under the response source only (`events:source`), so it
 *   cannot pose as a finding, the self-test or the integrity validation.
 */
export function playbookFunctionPermissionsPolicy(a: PlaybookFunctionPermissionsArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "AssumeResponseRoleInOrganization",
            Effect: "Allow",
            Action: [...ASSUME_RESPONSE_ROLE_ACTIONS],
            Resource: `arn:${a.partition}:iam::*:role/${a.responseRoleName}`,
            Condition: { StringEquals: { "aws:ResourceOrgID": a.organizationId } },
        },
        {
            Sid: "ClaimOwnFindings",
            Effect: "Allow",
            Action: [...DEDUP_ACTIONS],
            Resource: a.dedupTableArn,
            // dynamodb:LeadingKeys is multi-valued: every partition key of the request must be the playbook's;
            // a request without the key matches nothing.
            Condition: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": `${a.playbook}#*` }, Null: { "dynamodb:LeadingKeys": "false" } },
        },
        putResultUnderOwnSource(a.busArn, a.eventSource),
    ]);
}
