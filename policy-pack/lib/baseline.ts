/**
 * Account-baseline rules judge what a stack must CONTAIN, so they only make sense for the stacks
 * that are meant to carry a baseline. A stack is selected when its `lz:baseline` stack tag lists
 * the baseline (comma-separated, e.g. "account" or "account,security"), or when the rule's config
 * sets `enabled: true`.
 */
import type { Config, ConfigProperty, StackView } from "./rule";

export function baselineConfig(baseline: string): Record<string, ConfigProperty> {
    return {
        enabled: { type: "boolean", default: false, description: `Apply to this stack regardless of stack tags (otherwise only when the stack tag lists "${baseline}").` },
        stackTagKey: { type: "string", default: "lz:baseline", description: "Stack tag listing the baselines a stack carries (comma-separated)." },
    };
}

export function selected(stack: StackView, config: Config, baseline: string): boolean {
    if (config.enabled === true) return true;
    const v = stack.tags.get(String(config.stackTagKey));
    return typeof v === "string" && v.split(",").map((s) => s.trim()).includes(baseline);
}

/** Why a baseline rule does not apply to a stack that is not selected (see `selected`). */
export function notSelected(config: Config, baseline: string): string {
    return `applies only to stacks whose ${JSON.stringify(String(config.stackTagKey))} stack tag lists "${baseline}" (or with enabled: true in the rule's config)`;
}
