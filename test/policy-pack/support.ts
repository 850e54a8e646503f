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

/**
 * One case table per rule: a compliant input, a violating one, one with the deciding value unknown
 * (preview), for every type token the rule covers. `t` is the token under test; related resources
 * use the first token of their group unless `t` belongs to that group.
 */
export interface Case {
    /** Resources for a compliant stack. */
    compliant(t: string): EvalResource[];
    /** Resources for a violating stack. */
    violating(t: string): EvalResource[];
    /** Resources whose deciding value is unknown; undefined with `unknownPasses` when an unknown cannot change the verdict. */
    unknown?(t: string): EvalResource[];
    /** Why an unknown value cannot matter (e.g. the rule only checks presence). */
    unknownPasses?: { resources(t: string): EvalResource[]; reason: string };
    config?: Record<string, unknown>;
    stackTags?: Record<string, string>;
    /** A substring the violation message must contain (what to change). */
    says: RegExp;
}

/** `t` when it belongs to `group`, else the group's first token. */
export const pick = (t: string, group: readonly string[]) => (group.includes(t) ? t : group[0]);
/** A stack of one resource. */
export const one = (type: string, props: Record<string, unknown>, name = "subject", extra: Partial<EvalResource> = {}) => [res(type, props, name, extra)];
/** Property dependencies: `from` was built from `to`'s outputs. */
export const dep = (from: string, to: EvalResource) => ({ [from]: [to.urn] });
