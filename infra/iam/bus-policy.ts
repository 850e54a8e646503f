import { policyDocument, type PolicyDocument } from "./types";

/** The one action accounts of the organisation need on the central bus. */
export const BUS_PUT_ACTIONS = ["events:PutEvents"] as const;

export interface BusPolicyArgs {
    /** ARN of the central bus (`naming.centralBusArn`). */
    readonly busArn: string;
    /** Organisation id (`o-…`): the only organisation whose principals may put events. */
    readonly organizationId: string;
}

/**
 * Central bus policy: principals of this organisation may put events (the members' forwarding roles,
 * in any account, present or future); nobody else. Principals of the security account itself (the
 * findings-forwarding and self-test roles) are allowed by their identity policies, as in any
 * same-account access.
 */
export function busPolicy(a: BusPolicyArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "OrganisationPutsEvents",
            Effect: "Allow",
            Principal: "*",
            Action: [...BUS_PUT_ACTIONS],
            Resource: a.busArn,
            Condition: { StringEquals: { "aws:PrincipalOrgID": a.organizationId } },
        },
    ]);
}
