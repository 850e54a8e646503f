import { byCost, mergeLines, totalUsd, type CostLine } from "./cost-line";
import type { EstimateContext, StackView } from "./estimate-context";
import { PRICING_RULES } from "./pricing-rules";
import { coverageOf } from "./type-coverage";

/** The estimated monthly cost of one stack. */
export interface StackEstimate {
    readonly stack: string;
    readonly monthlyUsd: number;
    /** Lines merged by key, most expensive first. */
    readonly lines: readonly CostLine[];
    /** Custom resource types of the plan the estimate neither prices nor knows to be free (should be none). */
    readonly unpricedTypes: readonly string[];
}

/** Prices one planned stack: every pricing rule over its resources, lines merged and sorted by cost. */
export function estimateStack(stack: StackView, ctx: EstimateContext): StackEstimate {
    const lines = byCost(mergeLines(PRICING_RULES.flatMap((rule) => rule.lines(stack, ctx))));
    const unpriced = [...new Set(stack.resources.filter((r) => coverageOf(r.type, r.custom) === undefined).map((r) => r.type))].sort();
    return { stack: stack.stack, monthlyUsd: totalUsd(lines), lines, unpricedTypes: unpriced };
}

/** The organisation's estimate: every stack's total, and their lines merged by key. */
export interface OrganisationEstimate {
    readonly monthlyUsd: number;
    readonly stacks: readonly { readonly stack: string; readonly monthlyUsd: number }[];
    readonly lines: readonly CostLine[];
}

export function estimateOrganisation(stacks: readonly StackEstimate[]): OrganisationEstimate {
    const from = new Map<string, number>();
    for (const s of stacks) for (const l of s.lines) from.set(l.key, (from.get(l.key) ?? 0) + 1);
    const lines = byCost(mergeLines(stacks.flatMap((s) => s.lines))).map((l) => {
        const n = from.get(l.key) ?? 1;
        return n > 1 ? { ...l, assumption: `${n} stacks, e.g. ${l.assumption}` } : l;
    });
    return { monthlyUsd: totalUsd(lines), stacks: stacks.map((s) => ({ stack: s.stack, monthlyUsd: s.monthlyUsd })), lines };
}
