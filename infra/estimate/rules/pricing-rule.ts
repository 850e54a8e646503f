import type { CostLine } from "../cost-line";
import type { EstimateContext, StackView } from "../estimate-context";

/** Prices the usage some resource types cause, for one stack. */
export interface PricingRule {
    /** Stable name of the rule (the coverage table cites it). */
    readonly id: string;
    /** Resource types whose usage this rule prices. */
    readonly types: readonly string[];
    readonly lines: (stack: StackView, ctx: EstimateContext) => CostLine[];
}
