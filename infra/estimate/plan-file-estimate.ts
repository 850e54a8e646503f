import type { PlanEstimate } from "./plan-estimate";

/** One cost line as a plan file carries it. */
export interface PlanFileCostLine {
    key: string;
    item: string;
    quantity: number;
    unit: string;
    unitPrice: number;
    monthlyUsd: number;
    assumption: string;
}

/** The `estimate` section of a plan file (`npm run plan -- --stack S --json f`): one stack's estimate. */
export interface PlanFileEstimate {
    kind: "estimate";
    priceDate: string;
    priceRegion: string;
    monthlyUsd: number;
    lines: PlanFileCostLine[];
    createSeconds: number;
    criticalPathSeconds: number;
}

/**
 * Rounded so a plan file stays byte-identical across runs and readable in a diff; to 1/100 cent, not
 * to the cent, so that the stacks' sums in a diff comment agree with the organisation's total.
 */
const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** The plan-file section of one stack of an estimate. */
export function planFileEstimate(e: PlanEstimate, stack: string): PlanFileEstimate {
    const s = e.stacks.find((x) => x.stack === stack);
    if (s === undefined) throw new Error(`no estimate of stack ${stack}`);
    return {
        kind: "estimate",
        priceDate: e.priceDate,
        priceRegion: e.priceRegion,
        monthlyUsd: round(s.monthlyUsd, 4),
        lines: s.lines.map((l) => ({ key: l.key, item: l.item, quantity: round(l.quantity, 3), unit: l.unit, unitPrice: l.unitPrice, monthlyUsd: round(l.monthlyUsd, 4), assumption: l.assumption })),
        createSeconds: round(s.deploy.seconds, 1),
        criticalPathSeconds: round(s.deploy.criticalPathSeconds, 1),
    };
}
