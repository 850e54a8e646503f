import type { StackModel } from "./config/model";

/** Baseline tags every landing-zone resource carries (through the provider's `defaultTags`). */
export function baselineTags(model: StackModel): Record<string, string> {
    return {
        "landing-zone": model.org.namePrefix,
        "lz:stack": model.stack,
        "lz:role": model.role,
        "lz:managed-by": "pulumi",
    };
}
