/**
 * How a rule is written: metadata once (controls, level, config schema with defaults, remediation
 * steps) and a `check` that reports findings. `resourceRule`/`stackRule` turn that into the
 * `@pulumi/policy` policy object and add what every rule must do the same way: type filtering
 * across every type token, config defaults, exceptions with expiry, unknowns reported as advisory
 * "cannot verify until apply", and never throwing (an internal error becomes an advisory finding
 * rather than aborting the preview).
 */
import type {
    EnforcementLevel,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { Secret } from "@pulumi/policy";
import { EXCEPTIONS_SCHEMA, exceptionFor, expiredNote, type ExceptionState } from "./exceptions";
import { toRes } from "./resource";
import { stackViewOf } from "./stack-view";
import type { Unknown } from "./values";

/** The frameworks every rule maps to (empty list: the framework has no matching item). */
export interface Controls {
    /** CIS AWS Foundations Benchmark items (v3/v5 numbering). */
    readonly cis: readonly string[];
    /** AWS Security Hub (FSBP) control ids. */
    readonly securityHub: readonly string[];
    /** AWS Config managed rule identifiers. */
    readonly awsConfig: readonly string[];
    /** NIST SP 800-53 rev. 5 controls (AU family and relatives). */
    readonly nist: readonly string[];
    /** SOC 2 trust services criteria (CC7.x). */
    readonly soc2: readonly string[];
}

/** One config property: a JSON schema with a default (the pack's documented default). */
export interface ConfigProperty {
    readonly type: "string" | "number" | "integer" | "boolean" | "array" | "object";
    readonly description: string;
    readonly default: unknown;
    readonly [extra: string]: unknown;
}

export type Severity = "low" | "medium" | "high" | "critical";

/**
 * The definition a rule follows where frameworks and peers disagree on what "logged" means (one
 * wants an export, another a parameter too; one accepts any log type, another two): the control,
 * the AWS page that defines it, and what the rule does because of it.
 */
export interface Basis {
    /** E.g. `Security Hub DocumentDB.4`, or the AWS guide section when no framework has a control. */
    readonly control: string;
    /** The AWS documentation page (https://docs.aws.amazon.com/…) that defines the behaviour. */
    readonly page: string;
    /** What the rule requires because of it, and where peers differ. */
    readonly note: string;
}

export interface RuleMeta {
    /** `lz-<service>-<what>`, stable forever. */
    readonly name: string;
    readonly description: string;
    readonly controls: Controls;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity: Severity;
    /** Every type token (across @pulumi/aws v5/v6/v7) the rule looks at. */
    readonly types: readonly string[];
    /** Rule-specific config (`exceptions` is added to every rule). */
    readonly config?: Readonly<Record<string, ConfigProperty>>;
    /** What to change to comply, in steps. */
    readonly remediation: string;
    /** The control the rule follows where peers disagree (shown in the rule reference). */
    readonly follows?: Basis;
}

export type Config = Readonly<Record<string, unknown>>;

/** A resource as rules see it: raw props (unknown sentinels kept, read them with `get`). */
export interface Res {
    readonly urn: string;
    readonly name: string;
    readonly type: string;
    readonly props: Record<string, unknown>;
    readonly tags: Record<string, string> | Unknown;
    readonly parent: string | undefined;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /** The value at a dotted path (see `values.get`). */
    get(path: string): unknown;
}

export interface Findings {
    /** The resource violates the rule; the message says what to change. */
    fail(message: string): void;
    /** The rule cannot decide because `what` is unknown in preview. */
    unknown(what: string): void;
    /**
     * The rule cannot judge the resource from this stack at all (what decides lives elsewhere, e.g.
     * a parameter group managed by another stack): an advisory whatever the rule's level, saying
     * what to check, so the resource neither passes nor fails silently.
     */
    advise(message: string): void;
}

export interface StackFindings {
    fail(resource: Res | null, message: string): void;
    unknown(resource: Res | null, what: string): void;
    advise(resource: Res | null, message: string): void;
    /**
     * The rule does not apply to this stack (a baseline rule on a stack that carries no such
     * baseline): reported to the engine as not applicable, so reports show n/a rather than a pass.
     */
    notApplicable(reason: string): void;
}

export interface StackView {
    readonly resources: readonly Res[];
    readonly tags: ReadonlyMap<string, string>;
    byUrn(urn: string): Res | undefined;
    ofType(types: readonly string[]): Res[];
    /**
     * Resources of `types` whose `prop` refers to `target`: built from it (property dependency) or,
     * for literal values, equal to one of the target's `targetKeys` inputs. Indexed, so rules stay
     * linear in the stack size.
     */
    linked(target: Res, types: readonly string[], prop: string, targetKeys?: readonly string[]): Res[];
    /** Resources that depend on `target` (explicitly or through any property). */
    dependents(target: Res): Res[];
    /** A value computed once per evaluation of this stack. */
    memo<T>(key: string, compute: () => T): T;
}

export interface ResourceRuleSpec extends RuleMeta {
    check(resource: Res, config: Config, findings: Findings): void;
    /** Safe in-place fix: the top-level properties to overwrite, or undefined when nothing to fix (or unknown). */
    remediate?(resource: Res, config: Config): Record<string, unknown> | undefined;
}

export interface StackRuleSpec extends RuleMeta {
    /**
     * The one type token without which the rule has nothing to judge (a VPC for flow logs). The
     * analyzer then skips the rule, without deserializing the stack, when no such resource exists.
     */
    readonly subject?: string;
    check(stack: StackView, config: Config, findings: StackFindings): void;
}

/** What the registry keeps about each rule. */
export interface Rule {
    readonly name: string;
    readonly kind: "resource" | "stack";
    readonly meta: RuleMeta;
    readonly types: readonly string[];
    readonly policy: ResourceValidationPolicy | StackValidationPolicy;
    /** Effective config schema (rule properties + `exceptions`). */
    readonly configSchema: { readonly properties: Record<string, unknown> };
    readonly remediates: boolean;
}

/** Prefix of the advisory a rule reports if its own code fails (the fuzz test asserts it never appears). */
export const INTERNAL_ERROR = "internal error in the policy pack";
/** Prefix of every "cannot decide in preview" advisory. */
export const CANNOT_VERIFY = "cannot verify until apply";

function schemaOf(meta: RuleMeta): { properties: Record<string, unknown> } {
    return { properties: { ...(meta.config ?? {}), exceptions: EXCEPTIONS_SCHEMA } };
}

/** Rule config: the schema defaults overlaid with what the stack configured. */
function configOf(meta: RuleMeta, given: unknown): Config {
    const out: Record<string, unknown> = { exceptions: [] };
    for (const [k, p] of Object.entries(meta.config ?? {})) out[k] = p.default;
    if (given && typeof given === "object") {
        for (const [k, v] of Object.entries(given as Record<string, unknown>)) {
            if (v !== undefined && v !== null) out[k] = v;
        }
    }
    return out;
}

/** Same own enumerable keys holding the very same values. */
function sameEntries(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
    let n = 0;
    for (const k in a) {
        if (!Object.hasOwn(a, k)) continue;
        if (!Object.hasOwn(b, k) || a[k] !== b[k]) return false;
        n++;
    }
    for (const k in b) if (Object.hasOwn(b, k)) n--;
    return n === 0;
}

/**
 * `configOf` for one rule, computed again only when the config changes. The SDK's `getConfig()`
 * returns a fresh shallow copy of the configured object on every call, so the same values (by
 * identity) mean the same config; a new Configure deserializes new values.
 */
function configResolver(meta: RuleMeta): (given: unknown) => Config {
    let lastGiven: Record<string, unknown> | undefined;
    let last: Config | undefined;
    return (given) => {
        if (!given || typeof given !== "object") return configOf(meta, given);
        const g = given as Record<string, unknown>;
        if (last && lastGiven && sameEntries(g, lastGiven)) return last;
        last = configOf(meta, g);
        lastGiven = { ...g };
        return last;
    };
}

type Violation = { message: string; urn?: string; enforcementLevel?: EnforcementLevel };

/** The SDK's reportViolation also takes an object (per-finding level and URN); its typings only show the string form. */
function report(reportViolation: ReportViolation, v: Violation): void {
    (reportViolation as unknown as (v: Violation) => void)(v);
}

function emit(rv: ReportViolation, state: ExceptionState, kind: "fail" | "unknown" | "advise", message: string, urn?: string): void {
    if (state.kind === "active") return;
    const note = state.kind === "expired" ? expiredNote(state.exception) : "";
    if (kind === "fail") report(rv, { message: message + note, urn });
    else if (kind === "advise") report(rv, { message: message + note, urn, enforcementLevel: "advisory" });
    else report(rv, { message: `${CANNOT_VERIFY}: ${message} is unknown in preview; the rule checks it again when the update runs.${note}`, urn, enforcementLevel: "advisory" });
}

function errorText(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}

function basePolicy(meta: RuleMeta) {
    return {
        name: meta.name,
        description: meta.description,
        enforcementLevel: meta.enforcementLevel,
        severity: meta.severity,
        remediationSteps: meta.remediation,
        tags: [
            ...meta.controls.cis.map((c) => `CIS-${c}`),
            ...meta.controls.securityHub,
            ...meta.controls.nist.map((c) => `NIST-${c}`),
            ...meta.controls.soc2.map((c) => `SOC2-${c}`),
        ],
        configSchema: schemaOf(meta) as never,
    };
}

/** A rule about one resource at a time. */
export function resourceRule(spec: ResourceRuleSpec): Rule {
    const types = new Set(spec.types);
    const notApplicable = `applies to ${spec.types.join(", ")}`;
    const resolve = configResolver(spec);
    const validate = (args: ResourceValidationArgs, rv: ReportViolation): void => {
        if (!types.has(args.type)) {
            args.notApplicable(notApplicable);
        }
        let config: Config;
        let res: Res;
        let state: ExceptionState = { kind: "none" };
        try {
            config = resolve(args.getConfig());
            res = toRes(args.urn, args.name, args.type, args.props, args.opts?.parent);
            state = exceptionFor(config.exceptions, res);
        } catch (e) {
            report(rv, { message: `${INTERNAL_ERROR} (${spec.name}): ${errorText(e)}`, enforcementLevel: "advisory" });
            return;
        }
        if (state.kind === "active") return;
        try {
            spec.check(res, config, {
                fail: (m) => emit(rv, state, "fail", m),
                unknown: (w) => emit(rv, state, "unknown", w),
                advise: (m) => emit(rv, state, "advise", m),
            });
        } catch (e) {
            report(rv, { message: `${INTERNAL_ERROR} (${spec.name}): ${errorText(e)}`, enforcementLevel: "advisory" });
        }
    };
    // A single type token lets the analyzer skip other resources without deserializing them.
    if (spec.types.length === 1) (validate as unknown as { __pulumiType: string }).__pulumiType = spec.types[0];

    const policy: ResourceValidationPolicy = { ...basePolicy(spec), validateResource: validate };
    const fix = spec.remediate;
    if (fix) {
        const remediate = (args: ResourceValidationArgs): Record<string, unknown> | undefined => {
            if (!types.has(args.type)) return undefined;
            try {
                const config = resolve(args.getConfig());
                const res = toRes(args.urn, args.name, args.type, args.props, args.opts?.parent);
                if (exceptionFor(config.exceptions, res).kind === "active") return undefined;
                const patch = fix(res, config);
                if (!patch) return undefined;
                const fixed: Record<string, unknown> = { ...res.props };
                // A fixed value stays secret when the value it replaces was.
                for (const [k, v] of Object.entries(patch)) fixed[k] = res.props[k] instanceof Secret ? new Secret(v) : v;
                return fixed;
            } catch {
                // The analyze step reports the problem; a failed fix must not abort the preview.
                return undefined;
            }
        };
        if (spec.types.length === 1) (remediate as unknown as { __pulumiType: string }).__pulumiType = spec.types[0];
        policy.remediateResource = remediate;
    }
    return { name: spec.name, kind: "resource", meta: spec, types: spec.types, policy, configSchema: schemaOf(spec), remediates: Boolean(fix) };
}

/** A rule about the whole stack (related resources, baselines). */
export function stackRule(spec: StackRuleSpec): Rule {
    const resolve = configResolver(spec);
    const validateStack = (args: StackValidationArgs, rv: ReportViolation): void => {
        let config: Config;
        let view: StackView;
        try {
            config = resolve(args.getConfig());
            // Resources become `Res` objects only when the rule looks them up (see stack-view.ts).
            view = stackViewOf(args.resources, args.stackTags ?? new Map());
        } catch (e) {
            report(rv, { message: `${INTERNAL_ERROR} (${spec.name}): ${errorText(e)}`, enforcementLevel: "advisory" });
            return;
        }
        // A stack-level finding concerns no resource: its exceptions match the stack's own tags.
        const stackTarget = { urn: "", name: "", tags: Object.fromEntries(view.tags) };
        const stateOf = (r: Res | null): ExceptionState => exceptionFor(config.exceptions, r ?? stackTarget);
        let notApplicable: string | undefined;
        try {
            spec.check(view, config, {
                fail: (r, m) => emit(rv, stateOf(r), "fail", m, r?.urn),
                unknown: (r, w) => emit(rv, stateOf(r), "unknown", w, r?.urn),
                advise: (r, m) => emit(rv, stateOf(r), "advise", m, r?.urn),
                notApplicable: (reason) => void (notApplicable = reason),
            });
        } catch (e) {
            report(rv, { message: `${INTERNAL_ERROR} (${spec.name}): ${errorText(e)}`, enforcementLevel: "advisory" });
        }
        // The SDK's notApplicable throws its own error for the analyzer to catch: outside the try above.
        if (notApplicable !== undefined) args.notApplicable(notApplicable);
    };
    if (spec.subject) (validateStack as unknown as { __pulumiType: string }).__pulumiType = spec.subject;
    const policy: StackValidationPolicy = { ...basePolicy(spec), validateStack };
    return { name: spec.name, kind: "stack", meta: spec, types: spec.types, policy, configSchema: schemaOf(spec), remediates: false };
}
