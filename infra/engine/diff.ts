/**
 * Offline plan diff: compares two plan files (`npm run plan -- --stack S --json f`) and renders the
 * difference as Markdown for a pull-request comment. Resources are matched by URN, so a rename or a
 * type change shows as one removal plus one addition — as `pulumi up` would treat it without aliases.
 * Values already masked as secrets in the plan files are never printed, on either side of a change.
 */
import type { PlanFile, PlanFileResource } from "./plan-json";
import { SECRET_MASK, type Json } from "./wire";

/** One difference at a property path. `before`/`after` are undefined when the path is absent. */
export interface PropertyChange {
    readonly path: string;
    readonly before?: Json;
    readonly after?: Json;
    /** For lists of plain values: the elements that left and joined (order ignored). */
    readonly removedElements?: readonly Json[];
    readonly addedElements?: readonly Json[];
}

export interface ResourceRef {
    readonly urn: string;
    readonly name: string;
    readonly type: string;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
}

export interface ResourceChange extends ResourceRef {
    readonly changes: readonly PropertyChange[];
}

export interface StackDiff {
    readonly stack: string;
    /** "added" when the stack exists only in head, "removed" when only in base. */
    readonly status: "changed" | "added" | "removed";
    readonly added: readonly ResourceRef[];
    readonly removed: readonly ResourceRef[];
    readonly changed: readonly ResourceChange[];
    readonly outputs: readonly PropertyChange[];
}

/** Fields of list elements that identify an element, so inserting one does not shift the rest. */
const ELEMENT_KEYS = ["Sid", "name", "key"];

/** The logical name in a URN (`urn:pulumi:stack::project::type::name`). */
export function urnName(urn: string): string {
    const i = urn.lastIndexOf("::");
    return i < 0 ? urn : urn.slice(i + 2);
}

function isObject(v: Json | undefined): v is { [k: string]: Json } {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

function sameJson(a: Json | undefined, b: Json | undefined): boolean {
    if (a === b) return true;
    if (a === undefined || b === undefined || a === null || b === null) return false;
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
        return a.every((x, i) => sameJson(x, b[i]));
    }
    if (isObject(a) && isObject(b)) {
        const ka = Object.keys(a);
        if (ka.length !== Object.keys(b).length) return false;
        return ka.every((k) => k in b && sameJson(a[k], b[k]));
    }
    return false;
}

/** A JSON document carried as a string (policies, event patterns): parsed, else undefined. */
function embeddedJson(v: Json | undefined): Json | undefined {
    if (typeof v !== "string" || !/^\s*[[{]/.test(v)) return undefined;
    try {
        return JSON.parse(v) as Json;
    } catch {
        return undefined;
    }
}

function keyPath(path: string, key: string): string {
    const seg = /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    return path === "" ? key : path + seg;
}

/** The field that identifies every element of both lists (unique, string valued), if any. */
function elementKey(a: Json[], b: Json[]): string | undefined {
    if (a.length + b.length === 0) return undefined;
    return ELEMENT_KEYS.find((k) =>
        [a, b].every((list) => {
            const ids = list.map((e) => (isObject(e) && typeof e[k] === "string" ? e[k] : undefined));
            return ids.every((id) => id !== undefined) && new Set(ids).size === ids.length;
        }),
    );
}

function isPlain(v: Json): boolean {
    return v === null || typeof v !== "object";
}

function diffLists(before: Json[], after: Json[], path: string, out: PropertyChange[]): void {
    if ([...before, ...after].every(isPlain)) {
        const count = (list: Json[], v: Json) => list.filter((x) => x === v).length;
        const removed = before.filter((v, i) => before.indexOf(v) === i && count(before, v) > count(after, v));
        const added = after.filter((v, i) => after.indexOf(v) === i && count(after, v) > count(before, v));
        out.push({ path, before, after, removedElements: removed, addedElements: added });
        return;
    }
    const key = elementKey(before, after);
    if (key !== undefined) {
        const find = (list: Json[], id: Json) => list.find((e) => isObject(e) && e[key] === id);
        const ids = [...before, ...after].map((e) => (e as { [k: string]: Json })[key]);
        for (const id of ids.filter((v, i) => ids.indexOf(v) === i)) {
            diffValues(find(before, id), find(after, id), `${path}[${key}=${String(id)}]`, out);
        }
        return;
    }
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
        diffValues(before[i], after[i], `${path}[${i}]`, out);
    }
}

/** Appends every difference between two JSON values under `path` to `out`. */
export function diffValues(before: Json | undefined, after: Json | undefined, path: string, out: PropertyChange[]): void {
    if (sameJson(before, after)) return;
    if (before === SECRET_MASK || after === SECRET_MASK || before === undefined || after === undefined) {
        out.push({ path, before, after });
        return;
    }
    const [docBefore, docAfter] = [embeddedJson(before), embeddedJson(after)];
    if (docBefore !== undefined && docAfter !== undefined) {
        diffValues(docBefore, docAfter, path, out);
    } else if (isObject(before) && isObject(after)) {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
        for (const k of keys) diffValues(before[k], after[k], keyPath(path, k), out);
    } else if (Array.isArray(before) && Array.isArray(after)) {
        diffLists(before, after, path, out);
    } else {
        out.push({ path, before, after });
    }
}

function ref(r: PlanFileResource): ResourceRef {
    return { urn: r.urn, name: r.name || urnName(r.urn), type: r.type, protect: r.protect, retainOnDelete: r.retainOnDelete };
}

/**
 * The segments of a property path: `a.b["c.d"][0]` → a, b, c.d, 0 (list elements named by
 * `[Sid=X]` keep that text). Used to compare diff paths with `ignoreChanges` paths, which Pulumi
 * writes in the same notation (`tags.Owner`, `ingress[*].cidrBlocks`, `tags["a.b"]`).
 */
export function pathSegments(path: string): string[] {
    const out: string[] = [];
    const re = /(?:^|\.)([A-Za-z_$][\w$-]*)|\["((?:[^"\\]|\\.)*)"\]|\[([^\]]*)\]|^(\*)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(path)) && m[0] !== "") out.push(m[1] ?? (m[2] !== undefined ? JSON.parse(`"${m[2]}"`) : (m[3] ?? m[4])));
    return out;
}

/** Whether `pulumi up` leaves the input at `path` alone: it is, or is under, an `ignoreChanges` path (`*` = any one segment). */
export function ignoredInput(path: string, ignoreChanges: readonly string[]): boolean {
    const segments = pathSegments(path);
    return ignoreChanges.some((p) => {
        const pattern = pathSegments(p);
        return pattern.length > 0 && pattern.length <= segments.length && pattern.every((seg, i) => seg === "*" || seg === segments[i]);
    });
}

function resourceChanges(before: PlanFileResource, after: PlanFileResource): PropertyChange[] {
    const out: PropertyChange[] = [];
    const inputs: PropertyChange[] = [];
    diffValues(before.inputs, after.inputs, "", inputs);
    // Pulumi applies the head's options: inputs under its ignoreChanges keep their deployed values.
    const ignore = after.ignoreChanges ?? [];
    out.push(...inputs.filter((c) => !ignoredInput(c.path, ignore)).map((c) => ({ ...c, path: c.path === "" ? "inputs" : `inputs.${c.path}` })));
    diffValues(before.protect, after.protect, "protect", out);
    diffValues(before.retainOnDelete, after.retainOnDelete, "retainOnDelete", out);
    const names = (urns: readonly string[]) => urns.map(urnName).sort();
    diffValues(names(before.dependencies ?? []), names(after.dependencies ?? []), "dependencies", out);
    diffValues(before.provider && urnName(before.provider), after.provider && urnName(after.provider), "provider", out);
    return out;
}

/**
 * The difference between two plans of one stack. Either side may be missing (a stack that is new or
 * gone); resources keep the head's registration order (removed ones the base's).
 */
export function diffPlans(base: PlanFile | undefined, head: PlanFile | undefined): StackDiff {
    const stack = (head ?? base)?.stack;
    if (stack === undefined) throw new Error("diffPlans needs at least one plan");
    const baseResources = base?.resources ?? [];
    const headResources = head?.resources ?? [];
    const baseByUrn = new Map(baseResources.map((r) => [r.urn, r]));
    const headUrns = new Set(headResources.map((r) => r.urn));
    const changed: ResourceChange[] = [];
    for (const r of headResources) {
        const old = baseByUrn.get(r.urn);
        if (old === undefined) continue;
        const changes = resourceChanges(old, r);
        if (changes.length > 0) changed.push({ ...ref(r), changes });
    }
    const outputs: PropertyChange[] = [];
    diffValues(base?.outputs ?? {}, head?.outputs ?? {}, "outputs", outputs);
    return {
        stack,
        status: base === undefined ? "added" : head === undefined ? "removed" : "changed",
        added: headResources.filter((r) => !baseByUrn.has(r.urn)).map(ref),
        removed: baseResources.filter((r) => !headUrns.has(r.urn)).map(ref),
        changed,
        outputs,
    };
}

export function isEmptyDiff(d: StackDiff): boolean {
    return d.status === "changed" && d.added.length + d.removed.length + d.changed.length + d.outputs.length === 0;
}
