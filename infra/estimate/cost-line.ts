import { PRICES, unitPrice, type PriceId } from "./prices";
import { regionalMultiplier } from "./regional-multipliers";

/** One line of an estimate: a quantity of a priced unit, what it costs a month, and why that quantity. */
export interface CostLine {
    /** Lines with the same key add up (across regions, accounts and stacks). */
    readonly key: string;
    readonly priceId: PriceId;
    /** What the line is for, e.g. "AWS Config: configuration items recorded (continuous)". */
    readonly item: string;
    readonly quantity: number;
    readonly unit: string;
    /** USD per unit in the price table's region. */
    readonly unitPrice: number;
    /** USD a month, regional multipliers applied. */
    readonly monthlyUsd: number;
    /** Where the quantity comes from: the planned resources and volumes it multiplies. */
    readonly assumption: string;
}

/**
 * A line for `quantity` units of `priceId` used in `region`. `key` defaults to the price id; give one
 * when a price is charged for two different reasons that should stay apart.
 */
export function charge(priceId: PriceId, quantity: number, region: string, assumption: string, o: { key?: string; item?: string } = {}): CostLine {
    const price = PRICES[priceId];
    return {
        key: o.key ?? priceId,
        priceId,
        item: o.item ?? price.what,
        quantity,
        unit: price.unit,
        unitPrice: unitPrice(priceId),
        monthlyUsd: quantity * unitPrice(priceId) * regionalMultiplier(region),
        assumption,
    };
}

/** Lines with the same key merged (quantities and costs added), the first line's texts kept, in first-seen order. */
export function mergeLines(lines: readonly CostLine[]): CostLine[] {
    const merged = new Map<string, CostLine>();
    for (const l of lines) {
        const seen = merged.get(l.key);
        merged.set(l.key, seen ? { ...seen, quantity: seen.quantity + l.quantity, monthlyUsd: seen.monthlyUsd + l.monthlyUsd } : l);
    }
    return [...merged.values()];
}

/** Total USD a month of some lines. */
export function totalUsd(lines: readonly CostLine[]): number {
    return lines.reduce((n, l) => n + l.monthlyUsd, 0);
}

/** Lines sorted by cost, most expensive first (then by key, so the order is stable). */
export function byCost(lines: readonly CostLine[]): CostLine[] {
    return [...lines].sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.key.localeCompare(b.key));
}
