/**
 * Answers to the data-source functions that ordinary programs call, so `check` can run programs
 * written for a real account: caller identity, region, partition, availability zones, and IAM
 * policy documents rendered to the JSON the provider would produce. Anything else is refused with
 * the function's name: a made-up answer could hide a violation.
 */
import type { InvokeHandler } from "../engine/monitor";

type Args = Record<string, unknown>;

const AZ_SUFFIXES = ["a", "b", "c"];

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

const SUPPORTED = ["getCallerIdentity", "getRegion", "getPartition", "getAvailabilityZones", "iam.getPolicyDocument"];

/** The invoke answers `check` gives; any other function is refused with its token. */
export const checkInvokes: InvokeHandler = (token, args, ctx) => {
    const region = (args.region as string | undefined) ?? (args.name as string | undefined) ?? ctx.region;
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                accountId: ctx.account,
                arn: `arn:${ctx.partition}:iam::${ctx.account}:user/check`,
                userId: "AIDACHECKOFFLINE00000",
                id: ctx.account,
            };
        case "aws:index/getRegion:getRegion":
            return { name: region, region, id: region, description: region, endpoint: `ec2.${region}.amazonaws.com` };
        case "aws:index/getPartition:getPartition":
            return {
                partition: ctx.partition,
                id: ctx.partition,
                dnsSuffix: ctx.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com",
                reverseDnsPrefix: ctx.partition === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws",
            };
        case "aws:index/getAvailabilityZones:getAvailabilityZones": {
            const r = (args.region as string | undefined) ?? ctx.region;
            return {
                id: r,
                region: r,
                names: AZ_SUFFIXES.map((s) => `${r}${s}`),
                zoneIds: AZ_SUFFIXES.map((_, i) => `${r.replace(/-/g, "").slice(0, 6)}-az${i + 1}`),
                groupNames: [r],
                state: (args.state as string | undefined) ?? "available",
            };
        }
        case "aws:iam/getPolicyDocument:getPolicyDocument": {
            const json = renderPolicyDocument(args);
            return { id: String(json.length), json, minifiedJson: JSON.stringify(JSON.parse(json)) };
        }
        default:
            throw new Error(`check has no offline answer for the function ${token} (it answers ${SUPPORTED.join(", ")}); pass the value in as config instead of looking it up`);
    }
};
