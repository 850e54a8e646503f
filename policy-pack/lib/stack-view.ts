/** The stack as stack rules see it, with indexed lookups so rules stay linear in the stack size. */
import type { PolicyResource } from "@pulumi/policy";
import { NO_PROP_DEPS } from "./resource";
import type { Res, StackView } from "./rule";
import { plain } from "./values";

export function propertyDependencyUrns(pd: Record<string, PolicyResource[]> | undefined): Readonly<Record<string, readonly string[]>> {
    if (!pd) return NO_PROP_DEPS;
    let out: Record<string, string[]> | undefined;
    for (const k in pd) {
        const v = pd[k];
        if (!v.length) continue;
        out ??= {};
        out[k] = v.map((d) => d.urn);
    }
    return out ?? NO_PROP_DEPS;
}

export function makeView(resources: readonly Res[], stackTags: ReadonlyMap<string, string>): StackView {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const typeCache = new Map<string, Res[]>();
    const memos = new Map<string, unknown>();
    let byDep: Map<string, Map<string, Res[]>> | undefined;
    let dependentsOf: Map<string, Res[]> | undefined;
    const byValue = new Map<string, Map<string, Res[]>>();
    const push = <K>(m: Map<K, Res[]>, k: K, r: Res) => {
        const l = m.get(k);
        if (l) l.push(r);
        else m.set(k, [r]);
    };
    const depIndex = () => {
        if (!byDep) {
            byDep = new Map();
            for (const r of resources) {
                for (const [prop, urns] of Object.entries(r.propertyDependencies)) {
                    for (const u of urns) {
                        let m = byDep.get(u);
                        if (!m) byDep.set(u, (m = new Map()));
                        push(m, prop, r);
                    }
                }
            }
        }
        return byDep;
    };
    const valueIndex = (prop: string) => {
        let m = byValue.get(prop);
        if (!m) {
            m = new Map();
            for (const r of resources) {
                const v = plain(r.props[prop]);
                if (typeof v === "string" && v !== "") push(m, v, r);
            }
            byValue.set(prop, m);
        }
        return m;
    };
    const view: StackView = {
        resources,
        tags: stackTags,
        byUrn: (urn) => byUrn.get(urn),
        ofType: (ts) => {
            const key = ts.join("|");
            let l = typeCache.get(key);
            if (!l) typeCache.set(key, (l = resources.filter((r) => ts.includes(r.type))));
            return l;
        },
        linked: (target, ts, prop, targetKeys = []) => {
            const found = new Set<Res>(depIndex().get(target.urn)?.get(prop) ?? []);
            for (const k of targetKeys) {
                const v = plain(target.props[k]);
                if (typeof v === "string" && v !== "") for (const r of valueIndex(prop).get(v) ?? []) found.add(r);
            }
            return [...found].filter((r) => ts.includes(r.type) && r !== target);
        },
        dependents: (target) => {
            if (!dependentsOf) {
                dependentsOf = new Map();
                for (const r of resources) for (const d of r.dependencies) push(dependentsOf, d, r);
            }
            return dependentsOf.get(target.urn) ?? [];
        },
        memo: <T>(key: string, compute: () => T): T => {
            if (!memos.has(key)) memos.set(key, compute());
            return memos.get(key) as T;
        },
    };
    return view;
}

