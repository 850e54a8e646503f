import { FREE_TYPES } from "./free-types";
import { PRICING_RULES } from "./pricing-rules";

/** How the estimate accounts for a resource type: priced by a rule, free (with the reason), or not at all. */
export type Coverage = { readonly pricedBy: string } | { readonly free: string } | undefined;

/** The coverage of a type; components (not custom resources) create nothing in AWS and are always free. */
export function coverageOf(type: string, custom = true): Coverage {
    if (!custom) return { free: "a component: it groups resources and creates nothing in AWS" };
    const rule = PRICING_RULES.find((r) => r.types.includes(type));
    if (rule) return { pricedBy: rule.id };
    const free = FREE_TYPES[type];
    return free === undefined ? undefined : { free };
}
