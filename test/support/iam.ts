/**
 * IAM decisions for tests, evaluated by @cloud-copilot/iam-simulate. Every decision fails the test
 * when the simulator reports a policy error or ignores a context key: an ignored key silently turns
 * a condition off, which would make an "allowed"/"denied" assertion meaningless.
 */
import * as assert from "assert";
import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import type { PolicyDocument, Statement } from "../../infra/iam/types";
import { evaluate } from "./policy-evaluator";

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

/**
 * The keys AWS puts in every signed request's context for this principal (IAM User Guide, "AWS global
 * condition context keys"): `aws:PrincipalIsAWSService` is true when a service principal acts
 * directly (CloudTrail writing to S3) and false for IAM principals, roles used by services included;
 * `aws:PrincipalServiceName` names the service principal; `aws:PrincipalAccount` is the account of an IAM
 * principal. The simulator does not add them itself.
 */
export function requestDefaults(principal: string): Record<string, string> {
    if (!isIamPrincipal(principal)) return { "aws:PrincipalIsAWSService": "true", "aws:PrincipalServiceName": principal };
    return { "aws:PrincipalIsAWSService": "false", "aws:PrincipalAccount": principal.split(":")[4] };
}

/** Evaluates one request; throws on simulator errors and on any ignored context key. */
export async function decide(r: DecisionRequest): Promise<Decision> {
    const sim: Simulation = {
        request: {
            principal: r.principal,
            action: r.action,
            resource: { resource: r.resource, accountId: r.resourceAccount },
            contextVariables: { ...requestDefaults(r.principal), ...(r.context ?? {}) },
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
    if (process.env.LZ_EXPLAIN_DECISIONS) console.error(JSON.stringify({ request: sim.request, result }, (k, v) => (k === "unmatchedStatements" ? undefined : v)));
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

/** An IAM principal (role, user, account root), as opposed to a service principal such as `logs.amazonaws.com`. */
export function isIamPrincipal(principal: string): boolean {
    return principal.startsWith("arn:");
}

/**
 * `decide` as AWS sees a request of `principal` against a resource policy: an IAM principal carries
 * `aws:PrincipalArn` (AWS sets it on every request; the simulator needs it spelled out) and, unless
 * `identityPolicies` says otherwise, administrator rights in its own account, so that only the
 * resource policy can refuse it; a service principal has no identity policy.
 */
export function decideAs(r: DecisionRequest): Promise<Decision> {
    const iam = isIamPrincipal(r.principal);
    return decide({
        ...r,
        context: iam ? { "aws:PrincipalArn": r.principal, ...(r.context ?? {}) } : (r.context ?? {}),
        identityPolicies: r.identityPolicies ?? (iam ? [ALLOW_ALL] : []),
    });
}

/** An identity policy that lets its principal assume any role: the trust policy alone decides. */
export const ASSUME_ANY_ROLE = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] };

/** Whether a role of an account outside the organisation, free to assume any role by its own IAM, may assume `roleArn`. */
export function outsiderAssumes(roleArn: string, roleAccount: string, trust: unknown): Promise<Decision> {
    return decide({
        principal: "arn:aws:iam::999999999999:role/attacker",
        action: "sts:AssumeRole",
        resource: roleArn,
        resourceAccount: roleAccount,
        resourcePolicy: trust,
        identityPolicies: [ASSUME_ANY_ROLE],
    });
}

/** A statement bound to a KMS encryption context, which iam-simulate cannot judge. */
export function usesEncryptionContext(s: Statement): boolean {
    return JSON.stringify(s.Condition ?? {}).includes("kms:EncryptionContext:");
}

/**
 * A key-policy decision: iam-simulate judges the statements without an encryption-context condition
 * (with `decideAs`, the request's encryption-context keys left out); what it leaves implicitly denied
 * goes to the tested statement evaluator, with the encryption-context statements and the whole context.
 */
export async function decideKeyPolicy(doc: PolicyDocument, r: Omit<DecisionRequest, "resourcePolicy">): Promise<Decision> {
    const context = r.context ?? {};
    const rest = Object.fromEntries(Object.entries(context).filter(([k]) => !k.startsWith("kms:EncryptionContext:")));
    const simulated = JSON.parse(JSON.stringify({ ...doc, Statement: doc.Statement.filter((s) => !usesEncryptionContext(s)) }));
    const sim = await decideAs({ ...r, context: rest, resourcePolicy: simulated });
    if (sim !== "ImplicitlyDenied") return sim;
    return evaluate({ Statement: doc.Statement.filter(usesEncryptionContext) }, { principal: r.principal, action: r.action, resource: r.resource, context });
}

/** A row of a decision table: a request, and the decision the policies must reach for it. */
export interface DecisionCase {
    /** The test's name: the behaviour and its condition. */
    readonly it: string;
    readonly action: string;
    readonly resource: string;
    readonly context?: Record<string, string | string[]>;
    readonly expect: Decision;
}

/** One test per row of the table, named by the row: `decision(row)` must be the row's `expect`. */
export function itDecides<C extends DecisionCase>(cases: readonly C[], decision: (c: C) => Promise<Decision>): void {
    for (const c of cases) {
        it(c.it, async () => {
            assert.strictEqual(await decision(c), c.expect);
        });
    }
}

