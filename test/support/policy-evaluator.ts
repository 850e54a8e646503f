/**
 * A small evaluator of resource-policy statements, for the conditions iam-simulate cannot judge:
 * it ignores `kms:EncryptionContext:<key>`, so the key-policy statements bound to an
 * encryption context are decided here; so are the GitHub OIDC conditions of web-identity trusts
 * (`token.actions.githubusercontent.com:sub`), which it ignores too. Supported: `Principal` ("*",
 * `Service`, `AWS`, `Federated`), `Action` and `Resource` with `*`/`?` wildcards (a trust policy's
 * statements have no `Resource`: they apply to the role itself), and the operators the landing zone uses — `StringEquals`,
 * `StringNotEquals`, `StringLike`, `StringNotLike`, `ArnEquals`, `ArnLike`, `ArnNotEquals`,
 * `ArnNotLike`, `Bool` — with `IfExists` and the `ForAnyValue:` / `ForAllValues:` set prefixes.
 * Anything else throws, so an unsupported condition can never pass silently.
 */
import type { PolicyDocument, Statement } from "../../infra/iam/types";

export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

export interface Request {
    /** A service principal (`events.amazonaws.com`) or an IAM ARN. */
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    /** Request context: condition key → value(s). Keys are matched case-insensitively, as IAM does. */
    readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

const list = <T>(v: T | readonly T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? [...v] : [v as T]);

/** IAM wildcard match: `*` any run, `?` one character; case-sensitive unless told otherwise. */
export function globMatch(pattern: string, value: string, caseInsensitive = false): boolean {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, caseInsensitive ? "is" : "s");
    return re.test(value);
}

function principalMatches(s: Statement, principal: string): boolean {
    if (s.Principal === "*") return true;
    if (!s.Principal) throw new Error(`${s.Sid}: resource-policy statement without Principal`);
    const services = list(s.Principal.Service);
    const aws = list(s.Principal.AWS);
    if (services.includes(principal) || list(s.Principal.Federated).includes(principal)) return true;
    if (aws.includes("*")) return true;
    const account = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
    return aws.some((p) => p === principal || (account !== undefined && (p === account || p.endsWith(`:iam::${account}:root`))));
}

type Comparator = (pattern: string, value: string) => boolean;
const COMPARATORS: Record<string, { compare: Comparator; negated: boolean }> = {
    StringEquals: { compare: (p, v) => p === v, negated: false },
    StringNotEquals: { compare: (p, v) => p === v, negated: true },
    StringLike: { compare: (p, v) => globMatch(p, v), negated: false },
    StringNotLike: { compare: (p, v) => globMatch(p, v), negated: true },
    ArnEquals: { compare: (p, v) => arnMatch(p, v), negated: false },
    ArnLike: { compare: (p, v) => arnMatch(p, v), negated: false },
    ArnNotEquals: { compare: (p, v) => arnMatch(p, v), negated: true },
    ArnNotLike: { compare: (p, v) => arnMatch(p, v), negated: true },
    Bool: { compare: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false },
};

/** ARN operators compare the six colon-separated parts one by one, each with wildcards. */
function arnMatch(pattern: string, value: string): boolean {
    const p = pattern.split(":");
    const v = value.split(":");
    if (p.length < 6 || v.length < 6) return false;
    const head = (parts: string[]) => [...parts.slice(0, 5), parts.slice(5).join(":")];
    const hp = head(p);
    const hv = head(v);
    return hp.every((part, i) => globMatch(part, hv[i]));
}

function conditionHolds(operatorName: string, key: string, expected: readonly string[], context: Readonly<Record<string, string | readonly string[]>>): boolean {
    let op = operatorName;
    let set: "any" | "all" | undefined;
    if (op.startsWith("ForAnyValue:")) [set, op] = ["any", op.slice("ForAnyValue:".length)];
    else if (op.startsWith("ForAllValues:")) [set, op] = ["all", op.slice("ForAllValues:".length)];
    const ifExists = op.endsWith("IfExists");
    if (ifExists) op = op.slice(0, -"IfExists".length);
    const comparator = COMPARATORS[op];
    if (!comparator) throw new Error(`unsupported condition operator ${operatorName}`);
    const entry = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (!entry) {
        if (set === "all") return true; // ForAllValues over an empty set is true, as IAM evaluates it
        return ifExists || comparator.negated;
    }
    const values = list(entry[1] as string | readonly string[]);
    const matchesAny = (v: string) => expected.some((e) => comparator.compare(e, v));
    if (set === "all") return values.every((v) => (comparator.negated ? !matchesAny(v) : matchesAny(v)));
    if (set === "any" || values.length > 0) {
        const hit = values.some(matchesAny);
        return comparator.negated ? !hit : hit;
    }
    return comparator.negated;
}

/** Whether a statement applies to the request (principal, action, resource and every condition). */
export function statementApplies(s: Statement, r: Request): boolean {
    if (!principalMatches(s, r.principal)) return false;
    const actions = list(s.Action);
    if (s.NotAction !== undefined || s.NotResource !== undefined || s.NotPrincipal !== undefined) throw new Error(`${s.Sid}: Not* elements are not supported here`);
    if (!actions.some((a) => globMatch(a, r.action, true))) return false;
    if (s.Resource !== undefined && !list(s.Resource).some((p) => globMatch(p, r.resource))) return false;
    for (const [operator, block] of Object.entries(s.Condition ?? {})) {
        for (const [key, value] of Object.entries(block)) {
            if (!conditionHolds(operator, key, list(value).map(String), r.context ?? {})) return false;
        }
    }
    return true;
}

/** The decision of a resource policy alone: an explicit deny wins, then any allow. */
export function evaluate(doc: PolicyDocument | { Statement: readonly Statement[] }, r: Request): Decision {
    const applying = doc.Statement.filter((s) => statementApplies(s, r));
    if (applying.some((s) => s.Effect === "Deny")) return "ExplicitlyDenied";
    return applying.some((s) => s.Effect === "Allow") ? "Allowed" : "ImplicitlyDenied";
}
