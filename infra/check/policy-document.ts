/**
 * `aws.iam.getPolicyDocument` rendered offline into the JSON the provider produces, so programs that
 * build policies with it are judged on the document AWS would receive.
 */
type Args = Record<string, unknown>;

/** One value or a list, as the provider renders single-item lists in policy JSON. */
function oneOrMany(v: unknown): unknown {
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return list.length === 1 ? list[0] : list;
}

function present(v: unknown): boolean {
    return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

function principals(list: unknown): unknown {
    const out: Record<string, unknown> = {};
    for (const p of (list ?? []) as { type: string; identifiers?: string[] }[]) {
        if (p.type === "*" && (p.identifiers ?? []).every((i) => i === "*")) return "*";
        const prev = out[p.type];
        const ids = [...(prev === undefined ? [] : Array.isArray(prev) ? prev : [prev]), ...(p.identifiers ?? [])];
        out[p.type] = oneOrMany(ids);
    }
    return out;
}

/** `aws.iam.getPolicyDocument` arguments → the policy JSON string (statement order kept). */
export function renderPolicyDocument(args: Args): string {
    const doc: Record<string, unknown> = { Version: (args.version as string) ?? "2012-10-17" };
    if (args.policyId) doc.Id = args.policyId;
    const statements = (args.statements ?? []) as Args[];
    doc.Statement = statements.map((s) => {
        const st: Record<string, unknown> = {};
        if (s.sid) st.Sid = s.sid;
        st.Effect = (s.effect as string) ?? "Allow";
        if (present(s.actions)) st.Action = oneOrMany(s.actions);
        if (present(s.notActions)) st.NotAction = oneOrMany(s.notActions);
        if (present(s.resources)) st.Resource = oneOrMany(s.resources);
        if (present(s.notResources)) st.NotResource = oneOrMany(s.notResources);
        if (present(s.principals)) st.Principal = principals(s.principals);
        if (present(s.notPrincipals)) st.NotPrincipal = principals(s.notPrincipals);
        if (present(s.conditions)) {
            const cond: Record<string, Record<string, unknown>> = {};
            for (const c of s.conditions as { test: string; variable: string; values: string[] }[]) {
                (cond[c.test] ??= {})[c.variable] = oneOrMany(c.values);
            }
            st.Condition = cond;
        }
        return st;
    });
    return JSON.stringify(doc, null, 2);
}
