/** Builders for policy-pack tests: resources in the wire format the analyzer receives. */
import type { EvalResource, PackResult, PackViolation } from "../../policy-pack/harness/evaluate";

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

export function urnOf(type: string, name: string, stack = "test"): string {
    return `urn:pulumi:${stack}::lz::${type}::${name}`;
}

/** One custom resource of `type` named `name` with these wire-format props. */
export function res(type: string, props: Record<string, unknown>, name = "subject", extra: Partial<EvalResource> = {}): EvalResource {
    return { urn: urnOf(type, name), type, name, props, custom: true, ...extra };
}

/** The violations of one policy. */
export function of(result: PackResult, policy: string): PackViolation[] {
    return result.violations.filter((v) => v.policy === policy);
}

/** A mock-engine plan's resources as the analyzer receives them (wire inputs, real dependencies). */
export function fromPlan(plan: { resources: readonly PlannedLike[] }): EvalResource[] {
    return plan.resources.map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        props: r.wireInputs,
        parent: r.parent ?? undefined,
        provider: r.provider ?? undefined,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        protect: r.protect,
        custom: r.custom,
    }));
}

interface PlannedLike {
    urn: string;
    type: string;
    name: string;
    wireInputs: Record<string, unknown>;
    parent: string | null;
    provider: string | null;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect: boolean;
    custom: boolean;
}
