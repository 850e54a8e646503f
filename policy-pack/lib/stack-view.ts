/**
 * The stack as stack rules see it, with indexed lookups so rules stay linear in the stack size.
 *
 * The view is lazy: the SDK hands every stack rule its own deserialized copy of the whole stack, and
 * most rules look at a few types (a baseline rule on an unselected stack at none), so a resource is
 * turned into a `Res` only when a lookup returns it, and every index covers only the types asked for.
 * Lookups return exactly what an eager filter over the whole stack would, in stack order.
 */
import type { PolicyResource } from "@pulumi/policy";
import { NO_DEPS, NO_PROP_DEPS, toRes } from "./resource";
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

/** A stack resource as the SDK hands it to `validateStack`. */
export function resOf(r: PolicyResource): Res {
    return toRes(
        r.urn,
        r.name,
        r.type,
        r.props,
        r.parent?.urn,
        r.dependencies?.length ? r.dependencies.map((d) => d.urn) : NO_DEPS,
        propertyDependencyUrns(r.propertyDependencies),
    );
}

const isEnumerable = Object.prototype.propertyIsEnumerable;

/** A view over `raw` (the SDK's resources, or `Res` objects already built, with `convert` the identity). */
export function makeView<R extends { readonly urn: string; readonly type: string }>(
    raw: readonly R[],
    stackTags: ReadonlyMap<string, string>,
    convert: (r: R) => Res,
    dependencyUrns: (r: R) => readonly string[],
): StackView {
    const converted: (Res | undefined)[] = new Array(raw.length);
    const at = (i: number): Res => converted[i] ?? (converted[i] = convert(raw[i]));
    let all: Res[] | undefined;
    let byType: Map<string, number[]> | undefined;
    let byUrn: Map<string, number> | undefined;
    let dependentsOf: Map<string, number[]> | undefined;
    const dependentsCache = new Map<string, Res[]>();
    const typeCache = new Map<string, Res[]>();
    const depCache = new Map<string, Map<string, Res[]>>();
    const valueCache = new Map<string, Map<string, Res[]>>();
    const memos = new Map<string, unknown>();
    const push = <K>(m: Map<K, Res[]>, k: K, r: Res) => {
        const l = m.get(k);
        if (l) l.push(r);
        else m.set(k, [r]);
    };
    const ofType = (ts: readonly string[]): Res[] => {
        const key = ts.join("|");
        let l = typeCache.get(key);
        if (l) return l;
        if (!byType) {
            byType = new Map();
            for (let i = 0; i < raw.length; i++) {
                const t = raw[i].type;
                const idx = byType.get(t);
                if (idx) idx.push(i);
                else byType.set(t, [i]);
            }
        }
        const seen = new Set<string>();
        let idx: number[] = [];
        for (const t of ts) {
            if (seen.has(t)) continue;
            seen.add(t);
            const found = byType.get(t);
            if (found) idx = idx.length ? idx.concat(found) : found;
        }
        // Several types: back to stack order.
        if (seen.size > 1) idx = [...idx].sort((a, b) => a - b);
        typeCache.set(key, (l = idx.map(at)));
        return l;
    };
    /** Resources of `ts` by the URNs their property `prop` depends on. */
    const depIndex = (ts: readonly string[], prop: string) => {
        const key = `${ts.join("|")}\u0000${prop}`;
        let m = depCache.get(key);
        if (!m) {
            m = new Map();
            for (const r of ofType(ts)) {
                const pd = r.propertyDependencies;
                if (!isEnumerable.call(pd, prop)) continue;
                for (const u of pd[prop]) push(m, u, r);
            }
            depCache.set(key, m);
        }
        return m;
    };
    /** Resources of `ts` by their literal (string) value of `prop`. */
    const valueIndex = (ts: readonly string[], prop: string) => {
        const key = `${ts.join("|")}\u0000${prop}`;
        let m = valueCache.get(key);
        if (!m) {
            m = new Map();
            for (const r of ofType(ts)) {
                const v = plain(r.props[prop]);
                if (typeof v === "string" && v !== "") push(m, v, r);
            }
            valueCache.set(key, m);
        }
        return m;
    };
    const view: StackView = {
        get resources() {
            return (all ??= raw.map((_, i) => at(i)));
        },
        tags: stackTags,
        byUrn: (urn) => {
            if (!byUrn) {
                byUrn = new Map();
                for (let i = 0; i < raw.length; i++) byUrn.set(raw[i].urn, i);
            }
            const i = byUrn.get(urn);
            return i === undefined ? undefined : at(i);
        },
        ofType,
        linked: (target, ts, prop, targetKeys = []) => {
            // Built from the target (property dependency) first, then equal literal values, each in stack order.
            const found = new Set<Res>(depIndex(ts, prop).get(target.urn) ?? []);
            for (const k of targetKeys) {
                const v = plain(target.props[k]);
                if (typeof v === "string" && v !== "") for (const r of valueIndex(ts, prop).get(v) ?? []) found.add(r);
            }
            found.delete(target);
            return [...found];
        },
        dependents: (target) => {
            let l = dependentsCache.get(target.urn);
            if (l) return l;
            if (!dependentsOf) {
                dependentsOf = new Map();
                for (let i = 0; i < raw.length; i++) {
                    for (const d of dependencyUrns(raw[i])) {
                        const idx = dependentsOf.get(d);
                        if (idx) idx.push(i);
                        else dependentsOf.set(d, [i]);
                    }
                }
            }
            l = (dependentsOf.get(target.urn) ?? []).map(at);
            dependentsCache.set(target.urn, l);
            return l;
        },
        memo: <T>(key: string, compute: () => T): T => {
            if (!memos.has(key)) memos.set(key, compute());
            return memos.get(key) as T;
        },
    };
    return view;
}

/** The view of the SDK's stack resources, converted on demand. */
export function stackViewOf(resources: readonly PolicyResource[], stackTags: ReadonlyMap<string, string>): StackView {
    return makeView(resources, stackTags, resOf, (r) => (r.dependencies?.length ? r.dependencies.map((d) => d.urn) : NO_DEPS));
}
