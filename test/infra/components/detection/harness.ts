import { planComponent as planAs } from "../../../support/plan";
import type { StackPlan } from "../../../../infra/engine/run";

export const SECURITY = "333333333333";
export const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];

/** Runs a program creating one component under the offline engine, as the security account. */
export function planComponent(program: () => unknown): Promise<StackPlan> {
    return planAs(program, SECURITY);
}
