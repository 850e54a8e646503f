/**
 * The registry: every rule of the pack, in a stable order. `index.ts`, the harness, the docs
 * generator and the offline `check`/`audit` commands all read this list.
 */
import type { Rule } from "./lib/rule";
import { cloudtrailLogFileValidation } from "./policies/cloudtrail/log-file-validation";
import { cloudwatchLogGroupRetention } from "./policies/cloudwatch/log-group-retention";

export type { Rule } from "./lib/rule";

export const ALL_RULES: readonly Rule[] = [
    cloudtrailLogFileValidation,
    cloudwatchLogGroupRetention,
];

const byName = new Map(ALL_RULES.map((r) => [r.name, r]));

/** The rule with this name, or undefined. */
export function ruleByName(name: string): Rule | undefined {
    return byName.get(name);
}
