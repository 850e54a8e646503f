import { policyDocument, type PolicyDocument, type Statement } from "./types";

/** The one action accounts of the organisation need on the central bus. */
export const BUS_PUT_ACTIONS = ["events:PutEvents"] as const;

export interface BusPolicyArgs {
    /** ARN of the central bus (`naming.centralBusArn`). */
    readonly busArn: string;
    /** Organisation id (`o-…`): the only organisation whose principals may put events. */
    readonly organizationId: string;
    /**
     * ARN patterns of the landing zone's forwarding rules: the members' (`rule/<prefix>-fwd-*`, any
     * account) and the security account's findings forwarding (`rule/<prefix>-findings-*`). The
     * guardrails keep anyone but the exempt roles from creating a rule of those names.
     */
    readonly forwardingRuleArnPatterns: readonly string[];
    /** The alert self-test, when it is on: its event source and the one role that may put it. */
    readonly selfTest?: { readonly source: string; readonly roleArn: string };
    /**
     * Other landing-zone sources and the roles that may put each (the integrity validation's
     * `lz.integrity`, the response playbooks' `lz.response`); `name` is part of the Sid of the
     * statement that refuses it to everyone else.
     * @default []
     */
    readonly publishers?: readonly { readonly name: string; readonly source: string; readonly roleArns: readonly string[] }[];
}

/**
 * Central bus policy: the bus admits what it should and nothing else.
 *
 * - AWS events (`aws.…` sources, which `PutEvents` refuses to anyone: only a rule can deliver them)
 *   only from the landing zone's forwarding rules (`aws:SourceArn`, which EventBridge sets to the
 *   sending rule; EventBridge User Guide, "Permissions for event buses"): principals of the
 *   organisation are admitted for those rules alone, and a rule of anyone's making in the security
 *   account itself is refused too. A record an administrator forwards with a rule of their own, or
 *   replays, never reaches the routing.
 * - The self-test's source only from the self-test's role, so nobody can keep its "missing" alarm
 *   quiet by sending the event themselves.
 * - Each other landing-zone source only from its own roles (the integrity validation's, the response
 *   playbooks'): a forged passing run would stand as the day's evidence, a forged failure or
 *   playbook result would page.
 * - No other source at all: a custom event shaped like a CloudTrail record (`events:source` is what
 *   the sender chose) cannot page anyone with text of its writer's choosing.
 *
 * `events:source` is multivalued (a PutEvents call carries up to ten entries; Service Authorization
 * Reference: ArrayOfString), so the conditions on it use `ForAnyValue`: one entry with a refused
 * source refuses the call.
 *
 * Denies apply to the security account's own principals as well (an explicit deny in a resource
 * policy wins over their identity policies). The `aws:SourceArn` deny applies only where EventBridge
 * names a sending rule (`Null`): if a same-account delivery carried none, findings forwarding would
 * still arrive rather than be dropped.
 */
export function busPolicy(a: BusPolicyArgs): PolicyDocument {
    if (a.forwardingRuleArnPatterns.length === 0) throw new Error("forwardingRuleArnPatterns: at least one forwarding rule pattern is required, or no account could forward events");
    const put = { Principal: "*" as const, Action: [...BUS_PUT_ACTIONS], Resource: a.busArn };
    const publishers = a.publishers ?? [];
    const sources = ["aws.*", ...(a.selfTest ? [a.selfTest.source] : []), ...publishers.map((p) => p.source)];
    const statements: Statement[] = [
        {
            Sid: "OrganisationForwardingRulesPut",
            Effect: "Allow",
            ...put,
            Condition: { StringEquals: { "aws:PrincipalOrgID": a.organizationId }, ArnLike: { "aws:SourceArn": [...a.forwardingRuleArnPatterns] } },
        },
        { Sid: "DenyOtherSources", Effect: "Deny", ...put, Condition: { "ForAnyValue:StringNotLike": { "events:source": sources } } },
        {
            Sid: "DenyAwsEventsFromOtherRules",
            Effect: "Deny",
            ...put,
            Condition: { "ForAnyValue:StringLike": { "events:source": "aws.*" }, Null: { "aws:SourceArn": "false" }, ArnNotLike: { "aws:SourceArn": [...a.forwardingRuleArnPatterns] } },
        },
    ];
    if (a.selfTest) {
        statements.push({
            Sid: "DenySelfTestFromOthers",
            Effect: "Deny",
            ...put,
            Condition: { "ForAnyValue:StringEquals": { "events:source": a.selfTest.source }, ArnNotEquals: { "aws:PrincipalArn": a.selfTest.roleArn } },
        });
    }
    for (const p of publishers) {
        if (p.roleArns.length === 0) throw new Error(`publishers: ${p.name} names no role; a source nobody may put needs no publisher`);
        statements.push({
            Sid: `Deny${p.name}FromOthers`,
            Effect: "Deny",
            ...put,
            Condition: { "ForAnyValue:StringEquals": { "events:source": p.source }, ArnNotEquals: { "aws:PrincipalArn": [...p.roleArns] } },
        });
    }
    return policyDocument(statements);
}
