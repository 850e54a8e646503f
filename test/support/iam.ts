/**
 * IAM decisions for tests, evaluated by @cloud-copilot/iam-simulate. Every decision fails the test
 * when the simulator reports a policy error or ignores a context key: an ignored key silently turns
 * a condition off, which would make an "allowed"/"denied" assertion meaningless.
 */
import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";

export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

export interface DecisionRequest {
    /** Principal ARN (a role/user ARN, an account root ARN) or a service principal such as `cloudtrail.amazonaws.com`. */
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    /** Account that owns the resource. */
    readonly resourceAccount: string;
    /** Request context, e.g. `{ "aws:SecureTransport": "true", "aws:SourceOrgID": "o-…" }`. */
    readonly context?: Record<string, string | string[]>;
    /** Identity policies of the principal (default: none). */
    readonly identityPolicies?: readonly unknown[];
    /** Resource policy (bucket, key, bus, topic, queue policy). */
    readonly resourcePolicy?: unknown;
    /** SCPs that apply to the principal's account, outermost (root) level first; each level a list of documents. */
    readonly scps?: readonly (readonly unknown[])[];
    /** Organisation id the SCPs belong to. */
    readonly orgId?: string;
}

/** A policy that allows everything: the identity side when a test is about resource policies or SCPs. */
export const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Sid: "AllowAll", Effect: "Allow", Action: "*", Resource: "*" }] };

/** Evaluates one request; throws on simulator errors and on any ignored context key. */
export async function decide(r: DecisionRequest): Promise<Decision> {
    const sim: Simulation = {
        request: {
            principal: r.principal,
            action: r.action,
            resource: { resource: r.resource, accountId: r.resourceAccount },
            contextVariables: { ...(r.context ?? {}) },
        },
        identityPolicies: (r.identityPolicies ?? []).map((policy, i) => ({ name: `identity-${i}`, policy })),
        serviceControlPolicies: (r.scps ?? []).map((level, i) => ({
            orgIdentifier: i === 0 ? (r.orgId ?? "o-root") : `ou-level-${i}`,
            policies: level.map((policy, j) => ({ name: `scp-${i}-${j}`, policy })),
        })),
        resourceControlPolicies: [],
        resourcePolicy: r.resourcePolicy,
    };
    const result = await runSimulation(sim, {});
    if (result.resultType === "error") {
        throw new Error(`iam-simulate rejected the request: ${JSON.stringify(result.errors)}`);
    }
    const results = result.resultType === "single" ? [result.result] : result.results;
    const ignored = results.flatMap((x) => x.ignoredContextKeys ?? []);
    if (ignored.length > 0) {
        throw new Error(`iam-simulate ignored context keys ${ignored.join(", ")}: the decision would not reflect those conditions`);
    }
    return result.overallResult as Decision;
}
