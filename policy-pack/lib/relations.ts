/**
 * How a stack rule finds the resources related to another: the engine's property dependencies
 * (`flowLog.vpcId` built from `vpc.id` lists the VPC's URN under `vpcId`), or — for literal
 * values — equality with one of the target's identifying inputs (a bucket's name).
 */
import type { Res } from "./rule";
import { plain, UNKNOWN } from "./values";

/** True if `from.<prop>` was built from `target` or equals one of `targetKeys` of target. */
export function refersTo(from: Res, prop: string, target: Res, targetKeys: readonly string[] = []): boolean {
    const deps = from.propertyDependencies[prop];
    if (deps && deps.includes(target.urn)) return true;
    const v = plain(from.props[prop]);
    if (typeof v !== "string" || v === "") return false;
    for (const k of targetKeys) {
        const t = plain(target.props[k]);
        if (typeof t === "string" && t !== "" && (t === v || v.endsWith(`:${t}`) || v.endsWith(`/${t}`))) return true;
    }
    return false;
}

/** Resources of `types` whose `prop` refers to `target`. */
export function referrers(all: readonly Res[], types: readonly string[], prop: string, target: Res, targetKeys: readonly string[] = []): Res[] {
    return all.filter((r) => types.includes(r.type) && refersTo(r, prop, target, targetKeys));
}

/** True when `prop` of `from` is unknown and not linked to any resource: the relation cannot be decided. */
export function unresolved(from: Res, prop: string): boolean {
    return plain(from.props[prop]) === UNKNOWN && !(from.propertyDependencies[prop]?.length);
}
