/**
 * Approved destinations come from the organisation's facts (archive bucket names, the org trail,
 * the central CloudWatch Logs destinations), given as rule config. An entry matches exactly, or as
 * a prefix when it ends with `*`. Destination rules apply only when the list is non-empty: a pack
 * without the org's facts cannot tell a right destination from a wrong one.
 */
import type { ConfigProperty } from "./rule";

export function destinationsConfig(what: string): ConfigProperty {
    return {
        type: "array",
        items: { type: "string" },
        default: [],
        description: `Approved ${what} (exact, or a prefix ending in "*"). Empty: the rule does not apply.`,
    };
}

/** Config values keep their identity between calls (see `configResolver`): filter each list once. */
const approvedCache = new WeakMap<readonly unknown[], readonly string[]>();

export function approvedList(v: unknown): readonly string[] {
    if (!Array.isArray(v)) return [];
    let list = approvedCache.get(v);
    if (!list) {
        list = v.filter((e): e is string => typeof e === "string" && e !== "");
        approvedCache.set(v, list);
    }
    return list;
}

export function isApproved(value: string, approved: readonly string[]): boolean {
    return approved.some((a) => (a.endsWith("*") ? value.startsWith(a.slice(0, -1)) : value === a));
}

/** Bucket name out of `name`, `arn:…:s3:::name[/prefix]` or a CloudFront `name.s3.amazonaws.com` domain. */
export function bucketName(v: string): string {
    const arn = /^arn:[^:]+:s3:::([^/]+)/.exec(v);
    if (arn) return arn[1];
    const domain = /^(.+?)\.s3[.-]/.exec(v);
    if (domain) return domain[1];
    return v;
}
