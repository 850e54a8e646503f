import { createSeconds } from "./create-latency";
import type { EstimatedResource } from "./estimated-resource";

/** Cores of a GitHub-hosted `ubuntu-latest` runner for a private repository (public ones get 4). */
export const RUNNER_CORES = 2;
/**
 * Pulumi's default `--parallel`: 4 × GOMAXPROCS, i.e. four operations per core
 * (pulumi/pulumi pkg/cmd/pulumi/operations/up.go, `defaultParallel`, since pulumi/pulumi#15016 in 2024;
 * before it, unbounded); PULUMI_PARALLEL or `--parallel` overrides it.
 */
export const DEFAULT_PARALLEL = 4 * RUNNER_CORES;

/** How long creating a stack takes. */
export interface DeployTime {
    /** Wall time of `pulumi up` creating every resource with `parallel` operations at once. */
    readonly seconds: number;
    /** The longest chain of dependent creations: the floor no parallelism beats. */
    readonly criticalPathSeconds: number;
    /** Logical names along that chain, first to last. */
    readonly criticalPath: readonly string[];
    readonly parallel: number;
}

/**
 * Simulates `pulumi up` creating a planned stack: a resource starts once every resource it depends on
 * is created (depending on a component means depending on everything under it, as Pulumi does) and
 * a slot of the `parallel` is free; slots go to ready resources in registration order, as the engine
 * receives them. Components take no time.
 */
export function stackDeployTime(resources: readonly EstimatedResource[], parallel = DEFAULT_PARALLEL): DeployTime {
    const index = new Map(resources.map((r, i) => [r.urn, i]));
    const duration = resources.map((r) => createSeconds(r.type, { custom: r.custom, imported: Boolean(r.importId) }));
    const children = new Map<string, number[]>();
    resources.forEach((r, i) => {
        if (r.parent !== null) children.set(r.parent, [...(children.get(r.parent) ?? []), i]);
    });
    const descendants = (urn: string): number[] => (children.get(urn) ?? []).flatMap((i) => [i, ...descendants(resources[i].urn)]);
    const deps = resources.map((r) =>
        [...new Set(r.dependencies.flatMap((u) => {
            const i = index.get(u);
            if (i === undefined) return [];
            return resources[i].custom ? [i] : descendants(u).filter((d) => resources[d].custom);
        }))].filter((d) => d !== index.get(r.urn)),
    );

    // Critical path: longest chain of durations, in dependency order.
    const finish = new Array<number | undefined>(resources.length);
    const via = new Array<number>(resources.length).fill(-1);
    const visiting = new Set<number>();
    const longest = (i: number): number => {
        const known = finish[i];
        if (known !== undefined) return known;
        if (visiting.has(i)) throw new Error(`dependency cycle through ${resources[i].urn}`);
        visiting.add(i);
        let start = 0;
        for (const d of deps[i]) {
            const f = longest(d);
            if (f > start) [start, via[i]] = [f, d];
        }
        visiting.delete(i);
        return (finish[i] = start + duration[i]);
    };
    let end = -1;
    resources.forEach((_, i) => {
        if (end < 0 || longest(i) > longest(end)) end = i;
    });
    const path: string[] = [];
    for (let i = end; i >= 0; i = via[i]) if (duration[i] > 0) path.unshift(resources[i].name);

    // List scheduling with `parallel` slots.
    const done = new Array<number>(resources.length).fill(-1);
    const waiting = new Set(resources.map((_, i) => i));
    const running: { i: number; end: number }[] = [];
    let now = 0;
    while (waiting.size > 0 || running.length > 0) {
        for (const i of [...waiting].sort((a, b) => a - b)) {
            if (running.length >= parallel && duration[i] > 0) continue;
            if (!deps[i].every((d) => done[d] >= 0 && done[d] <= now)) continue;
            waiting.delete(i);
            if (duration[i] === 0) done[i] = now;
            else running.push({ i, end: now + duration[i] });
        }
        if (running.length === 0) {
            if (waiting.size === 0) break;
            // Only zero-time resources became ready: loop again at the same time.
            if ([...waiting].some((i) => deps[i].every((d) => done[d] >= 0))) continue;
            throw new Error("deploy simulation stalled: a dependency is never created");
        }
        running.sort((a, b) => a.end - b.end);
        const next = running.shift()!;
        now = next.end;
        done[next.i] = now;
        while (running.length > 0 && running[0].end === now) done[running.shift()!.i] = now;
    }
    return { seconds: Math.max(0, ...done), criticalPathSeconds: end < 0 ? 0 : longest(end), criticalPath: path, parallel };
}
