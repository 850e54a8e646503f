import * as assert from "assert";
import { runStack, type StackPlan } from "../../../../infra/engine/run";
import type { PlannedResource } from "../../../../infra/engine/monitor";

export const MEMBER = "444444444444";
export const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];
export const CENTRAL_BUS = "arn:aws:events:us-east-1:333333333333:event-bus/acme-lz-security-events";

/** Runs a program creating one component under the offline engine, as a member account. */
export function planComponent(program: () => unknown): Promise<StackPlan> {
    return runStack({ project: "lz", stack: "component-test", preview: false, config: {}, program, defaultAccount: MEMBER });
}

export function ofType(p: StackPlan, type: string): PlannedResource[] {
    return p.resources.filter((r) => r.type === type);
}

export function named(p: StackPlan, name: string): PlannedResource {
    const found = p.resources.filter((r) => r.name === name);
    assert.strictEqual(found.length, 1, `expected one resource named ${name}, found ${found.length}`);
    return found[0];
}

/** Regions resources are bound to (the v7 `region` input), sorted. */
export function regionsOf(rs: readonly PlannedResource[]): string[] {
    return rs.map((r) => String(r.inputs.region)).sort();
}

