import { planComponent as planAs } from "../../../support/plan";
import type { StackPlan } from "../../../../infra/engine/run";

export const MEMBER = "444444444444";
export const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];
export const CENTRAL_BUS = "arn:aws:events:us-east-1:333333333333:event-bus/acme-lz-security-events";

/** Runs a program creating one component under the offline engine, as a member account. */
export function planComponent(program: () => unknown): Promise<StackPlan> {
    return planAs(program, MEMBER);
}
