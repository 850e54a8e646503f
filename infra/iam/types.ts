/**
 * Typed IAM policy documents. Every document the landing zone sends to AWS (bucket, key, bus,
 * topic, queue policies, SCPs, trust policies) is built as one of these by a pure function in
 * `infra/iam/`, and JSON-serialised once with `policyJson`, so tests can evaluate the very object
 * that is deployed.
 */
export type OneOrMany<T> = T | T[];

/** Condition block: operator → key → value(s), e.g. `{ StringEquals: { "aws:SourceOrgID": "o-…" } }`. */
export type Condition = Record<string, Record<string, OneOrMany<string | boolean | number>>>;

export type Principal = "*" | { AWS?: OneOrMany<string>; Service?: OneOrMany<string>; Federated?: OneOrMany<string> };

export interface Statement {
    /** Every statement has a Sid: it names the intent in reviews and in test failures. */
    readonly Sid: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal?: Principal;
    readonly NotPrincipal?: Principal;
    readonly Action?: OneOrMany<string>;
    readonly NotAction?: OneOrMany<string>;
    readonly Resource?: OneOrMany<string>;
    readonly NotResource?: OneOrMany<string>;
    readonly Condition?: Condition;
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Id?: string;
    readonly Statement: readonly Statement[];
}

/** Builds a document; fails fast on duplicate Sids, which AWS rejects for some policy types. */
export function policyDocument(statements: readonly Statement[], id?: string): PolicyDocument {
    const seen = new Set<string>();
    for (const s of statements) {
        if (seen.has(s.Sid)) throw new Error(`duplicate statement Sid ${JSON.stringify(s.Sid)}`);
        if (!/^[A-Za-z0-9]+$/.test(s.Sid)) throw new Error(`statement Sid ${JSON.stringify(s.Sid)} must be alphanumeric`);
        seen.add(s.Sid);
    }
    return id ? { Version: "2012-10-17", Id: id, Statement: statements } : { Version: "2012-10-17", Statement: statements };
}

/** The one serialisation of a document that is sent to AWS (compact: SCP size limits count every character). */
export function policyJson(doc: PolicyDocument): string {
    return JSON.stringify(doc);
}
