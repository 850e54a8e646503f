/**
 * Exceptions: a rule's config may list resources it does not apply to, each with the reason and
 * the last day it holds. A resource matches by URN, by logical name, or by a tag (key, and value
 * when given). An exception holds through the end of its `expires` day (UTC); after that it stops
 * applying and the rule's findings say that it expired, so nobody mistakes an old waiver for a fix.
 */
import { isUnknown, type Unknown } from "./values";

export interface RuleException {
    readonly urn?: string;
    readonly name?: string;
    readonly tag?: { readonly key: string; readonly value?: string };
    readonly reason: string;
    /** `YYYY-MM-DD`, inclusive. */
    readonly expires: string;
}

/** JSON schema of the `exceptions` config property every rule accepts. */
export const EXCEPTIONS_SCHEMA = {
    type: "array",
    description: "Resources this rule does not apply to: match by urn, name or tag, with a reason and an expiry date (YYYY-MM-DD, inclusive).",
    default: [],
    items: {
        type: "object",
        properties: {
            urn: { type: "string" },
            name: { type: "string" },
            tag: {
                type: "object",
                properties: { key: { type: "string" }, value: { type: "string" } },
                required: ["key"],
            },
            reason: { type: "string", minLength: 1 },
            expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
        },
        required: ["reason", "expires"],
    },
} as const;

export type ExceptionState =
    | { readonly kind: "none" }
    | { readonly kind: "active"; readonly exception: RuleException }
    | { readonly kind: "expired"; readonly exception: RuleException };

interface Target {
    readonly urn: string;
    readonly name: string;
    readonly tags: Record<string, string> | Unknown;
}

function matches(e: RuleException, t: Target): boolean {
    if (typeof e.urn === "string" && e.urn !== "" && e.urn === t.urn) return true;
    if (typeof e.name === "string" && e.name !== "" && e.name === t.name) return true;
    if (e.tag && typeof e.tag.key === "string" && !isUnknown(t.tags)) {
        const v = t.tags[e.tag.key];
        if (v !== undefined && (e.tag.value === undefined || e.tag.value === v)) return true;
    }
    return false;
}

/** End of the expiry day in ms (UTC), or NaN when the date is malformed. */
function expiryEnd(expires: string): number {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expires)) return NaN;
    const t = Date.parse(`${expires}T23:59:59.999Z`);
    return t;
}

/**
 * The exception state of one resource: an active exception wins over an expired one; a malformed
 * entry never applies.
 */
export function exceptionFor(list: unknown, target: Target, now: number = Date.now()): ExceptionState {
    if (!Array.isArray(list)) return { kind: "none" };
    let expired: RuleException | undefined;
    for (const raw of list) {
        if (raw === null || typeof raw !== "object") continue;
        const e = raw as RuleException;
        if (typeof e.reason !== "string" || typeof e.expires !== "string") continue;
        if (!matches(e, target)) continue;
        const end = expiryEnd(e.expires);
        if (Number.isNaN(end)) continue;
        if (now <= end) return { kind: "active", exception: e };
        expired = expired ?? e;
    }
    return expired ? { kind: "expired", exception: expired } : { kind: "none" };
}

/** The sentence appended to findings on a resource whose exception has run out. */
export function expiredNote(e: RuleException): string {
    return ` (the exception for this resource expired on ${e.expires} and no longer applies; reason was: "${e.reason}". Fix the resource or renew the exception.)`;
}
