import type { PlanFileEstimate } from "./plan-file-estimate";

/** The estimated monthly cost of one stack before and after a change (undefined: no estimate on that side). */
export interface StackCostDelta {
    readonly stack: string;
    readonly before: number | undefined;
    readonly after: number | undefined;
}

/** One cost line that changed, summed over the stacks. */
export interface LineCostDelta {
    readonly key: string;
    readonly item: string;
    readonly before: number;
    readonly after: number;
}

export interface CostDelta {
    readonly stacks: readonly StackCostDelta[];
    /** Lines whose cost changed, largest change first. */
    readonly lines: readonly LineCostDelta[];
    /** Price dates of the two sides (they differ when the price table itself changed). */
    readonly priceDates: readonly string[];
}

/**
 * The cost change between two sets of plan files, from the estimates they carry (each computed by
 * its own side's code and prices). Undefined when neither side has an estimate (files of versions
 * before the estimate existed).
 */
export function costDelta(stacks: readonly string[], base: (s: string) => PlanFileEstimate | undefined, head: (s: string) => PlanFileEstimate | undefined): CostDelta | undefined {
    const rows = stacks.map((s) => ({ stack: s, before: base(s)?.monthlyUsd, after: head(s)?.monthlyUsd }));
    if (rows.every((r) => r.before === undefined && r.after === undefined)) return undefined;
    const lines = new Map<string, { key: string; item: string; before: number; after: number }>();
    const add = (e: PlanFileEstimate | undefined, side: "before" | "after") => {
        for (const l of e?.lines ?? []) {
            const row = lines.get(l.key) ?? { key: l.key, item: l.item, before: 0, after: 0 };
            row[side] += l.monthlyUsd;
            lines.set(l.key, row);
        }
    };
    for (const s of stacks) {
        add(base(s), "before");
        add(head(s), "after");
    }
    const changed = [...lines.values()].filter((l) => Math.abs(l.after - l.before) >= 0.005).sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.key.localeCompare(b.key));
    const dates = [...new Set(stacks.flatMap((s) => [base(s)?.priceDate, head(s)?.priceDate]).filter((d): d is string => d !== undefined))];
    return { stacks: rows, lines: changed, priceDates: dates };
}
