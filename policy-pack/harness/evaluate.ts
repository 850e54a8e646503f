/**
 * Evaluates the pack in-process through the `@pulumi/policy` SDK's own analyzer code path.
 *
 * `serve()` in `@pulumi/policy/server` builds the Analyzer service implementation (configure,
 * configureStack, analyze, analyzeStack, remediate) and hands it to a gRPC server. We call that
 * same `serve()` once, with the pack's own arguments, while the gRPC `Server` class is swapped for
 * one that only records the service implementation and never binds a socket. Evaluations then call
 * those handlers with real protobuf requests (`@pulumi/pulumi/proto/analyzer_pb`) and decode the
 * protobuf responses, as the Pulumi engine does over gRPC: per resource Remediate then Analyze (on
 * the remediated properties), then AnalyzeStack over every resource.
 *
 * Like the engine, inputs are marshalled without resource references or output values: a resource
 * reference becomes its id (custom) or URN, an output value its plain value, unknown or secret.
 */
import * as path from "path";
import { PACK_NAME, PACK_VERSION, packArgs } from "../pack";
import { ALL_RULES, ruleByName } from "../rules";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const policyDir = path.dirname(require.resolve("@pulumi/policy/package.json"));
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [policyDir] }));
const policyServer = require("@pulumi/policy/server") as {
    serve(name: string, version: string, level: string, args: unknown, initialConfig: unknown): void;
};
const analyzerproto = require("@pulumi/pulumi/proto/analyzer_pb");
const structproto = require(require.resolve("google-protobuf/google/protobuf/struct_pb", {
    paths: [path.dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb"))],
}));
/* eslint-enable @typescript-eslint/no-require-imports */

export interface EvalResource {
    urn: string;
    type: string;
    name: string;
    /** Pulumi wire format: unknown sentinel "04da6b54-80e4-46f7-96ec-b56ff0331ba9", secret objects {"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270", value}. */
    props: Record<string, unknown>;
    parent?: string;
    provider?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    protect?: boolean;
    custom?: boolean;
}

export interface PackViolation {
    policy: string;
    urn: string | null;
    name: string | null;
    type: string | null;
    level: "mandatory" | "advisory" | "remediate";
    message: string;
}

export interface PackResult {
    violations: PackViolation[];
}

export interface EvaluateOptions {
    /** Policy config as in a Pulumi policy config file: `{ all?: level, "<rule>": level | { enforcementLevel?, ...properties } }`. */
    config?: Record<string, unknown>;
    preview?: boolean;
    stackName?: string;
    stackTags?: Record<string, string>;
}

type Handler = (call: { request: unknown }, callback: (err: unknown, resp?: any) => void) => unknown;
interface Handlers {
    configure: Handler;
    configureStack: Handler;
    analyze: Handler;
    analyzeStack: Handler;
    remediate: Handler;
}

let handlers: Handlers | undefined;

/** Runs the SDK's `serve()` once with a recording stand-in for the gRPC server. */
function analyzer(): Handlers {
    if (handlers) return handlers;
    const original = Object.getOwnPropertyDescriptor(grpc, "Server");
    let impl: Handlers | undefined;
    class RecordingServer {
        addService(_service: unknown, implementation: Handlers): void {
            impl = implementation;
        }
        bindAsync(): void {
            // Deliberately never binds: the handlers are called in-process.
        }
    }
    Object.defineProperty(grpc, "Server", { configurable: true, enumerable: true, get: () => RecordingServer });
    try {
        policyServer.serve(PACK_NAME, PACK_VERSION, "advisory", packArgs(), undefined);
    } finally {
        if (original) Object.defineProperty(grpc, "Server", original);
    }
    if (!impl) throw new Error("the @pulumi/policy analyzer did not register its service");
    handlers = impl;
    return impl;
}

function rpc(fn: Handler, request: unknown): Promise<any> {
    return new Promise((resolve, reject) => {
        fn({ request }, (err, resp) => (err ? reject(err) : resolve(resp)));
    });
}

const LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
type Level = (typeof LEVELS)[number];

function levelEnum(level: Level): number {
    const e = analyzerproto.EnforcementLevel;
    return { advisory: e.ADVISORY, mandatory: e.MANDATORY, remediate: e.REMEDIATE, disabled: e.DISABLED }[level];
}

function levelName(n: number): Level {
    const e = analyzerproto.EnforcementLevel;
    if (n === e.MANDATORY) return "mandatory";
    if (n === e.REMEDIATE) return "remediate";
    if (n === e.DISABLED) return "disabled";
    return "advisory";
}

// ---- config: the CLI's job (normalise, apply schema defaults, validate) before Configure ----

function schemaErrors(schema: any, value: unknown, where: string, out: string[]): void {
    if (!schema || typeof schema !== "object") return;
    const t = schema.type as string | undefined;
    const ok =
        t === undefined ||
        (t === "string" && typeof value === "string") ||
        (t === "boolean" && typeof value === "boolean") ||
        (t === "number" && typeof value === "number" && Number.isFinite(value)) ||
        (t === "integer" && Number.isInteger(value)) ||
        (t === "array" && Array.isArray(value)) ||
        (t === "object" && value !== null && typeof value === "object" && !Array.isArray(value));
    if (!ok) {
        out.push(`${where}: expected ${t}, got ${JSON.stringify(value)}`);
        return;
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${where}: must be one of ${schema.enum.join(", ")}`);
    if (typeof value === "string") {
        if (typeof schema.minLength === "number" && value.length < schema.minLength) out.push(`${where}: must not be empty`);
        if (typeof schema.pattern === "string" && !new RegExp(schema.pattern).test(value)) out.push(`${where}: "${value}" does not match ${schema.pattern}`);
    }
    if (typeof value === "number" && typeof schema.minimum === "number" && value < schema.minimum) out.push(`${where}: must be ≥ ${schema.minimum}`);
    if (Array.isArray(value) && schema.items) value.forEach((v, i) => schemaErrors(schema.items, v, `${where}[${i}]`, out));
    if (t === "object" && value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        for (const req of (schema.required ?? []) as string[]) if (obj[req] === undefined) out.push(`${where}.${req}: required`);
        if (schema.properties) {
            for (const [k, v] of Object.entries(obj)) {
                if (schema.properties[k]) schemaErrors(schema.properties[k], v, `${where}.${k}`, out);
            }
        }
    }
}

interface Effective {
    level: Level;
    properties: Record<string, unknown>;
}

/** Per-rule effective config; throws once listing every problem. */
export function resolveConfig(config: Record<string, unknown> = {}): Map<string, Effective> {
    const errors: string[] = [];
    const all = config.all;
    let allLevel: Level | undefined;
    if (all !== undefined) {
        const l = typeof all === "string" ? all : (all as { enforcementLevel?: unknown })?.enforcementLevel;
        if (LEVELS.includes(l as Level)) allLevel = l as Level;
        else errors.push(`policy config: all: "${String(l)}" is not an enforcement level (${LEVELS.join(", ")})`);
    }
    for (const key of Object.keys(config)) {
        if (key !== "all" && !ruleByName(key)) errors.push(`policy config: "${key}" is not a rule of ${PACK_NAME}`);
    }
    const out = new Map<string, Effective>();
    for (const rule of ALL_RULES) {
        const given = config[rule.name];
        let level: Level = allLevel ?? (rule.meta.enforcementLevel as Level);
        const properties: Record<string, unknown> = {};
        for (const [k, s] of Object.entries(rule.configSchema.properties)) properties[k] = (s as { default?: unknown }).default;
        if (typeof given === "string") {
            if (LEVELS.includes(given as Level)) level = given as Level;
            else errors.push(`policy config: ${rule.name}: "${given}" is not an enforcement level`);
        } else if (given && typeof given === "object") {
            for (const [k, v] of Object.entries(given as Record<string, unknown>)) {
                if (k === "enforcementLevel") {
                    if (LEVELS.includes(v as Level)) level = v as Level;
                    else errors.push(`policy config: ${rule.name}.enforcementLevel: "${String(v)}" is not an enforcement level`);
                    continue;
                }
                const schema = rule.configSchema.properties[k];
                if (!schema) {
                    errors.push(`policy config: ${rule.name}.${k}: not a setting of this rule (settings: ${Object.keys(rule.configSchema.properties).join(", ")})`);
                    continue;
                }
                schemaErrors(schema, v, `policy config: ${rule.name}.${k}`, errors);
                properties[k] = v;
            }
        } else if (given !== undefined) {
            errors.push(`policy config: ${rule.name}: expected an enforcement level or an object`);
        }
        if (level === "remediate" && !rule.remediates) level = "mandatory";
        out.set(rule.name, { level, properties });
    }
    if (errors.length) throw new Error(errors.join("\n"));
    return out;
}

// ---- marshalling: what the engine sends an analyzer ----

const SIG = "4dabf18193072939515e22adb298388d";
const SIG_SECRET = "1b47061264138c4ac30d75fd1eb44270";
const SIG_RESOURCE = "5cf8f73096256a8f31e491e813e4eb8e";
const SIG_OUTPUT = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function marshal(v: unknown): unknown {
    if (v === undefined) return undefined;
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (Array.isArray(v)) return v.map((e) => {
        const m = marshal(e);
        return m === undefined ? null : m;
    });
    if (typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (o[SIG] === SIG_RESOURCE) {
            return typeof o.id === "string" && o.id !== "" ? o.id : typeof o.urn === "string" ? o.urn : null;
        }
        if (o[SIG] === SIG_OUTPUT) {
            const inner = o.value === undefined ? UNKNOWN : marshal(o.value);
            return o.secret ? { [SIG]: SIG_SECRET, value: inner ?? null } : inner;
        }
        const out: Record<string, unknown> = {};
        for (const [k, e] of Object.entries(o)) {
            const m = marshal(e);
            if (m !== undefined) out[k] = m;
        }
        return out;
    }
    return String(v);
}

function struct(props: Record<string, unknown>): any {
    return structproto.Struct.fromJavaScript((marshal(props) ?? {}) as Record<string, unknown>);
}

/** A provider reference (`urn::id`) or plain URN → the provider's URN. */
function providerUrn(ref: string | undefined): string | undefined {
    if (!ref) return undefined;
    const parts = ref.split("::");
    return parts.length > 4 ? parts.slice(0, 4).join("::") : ref;
}

function options(r: EvalResource): any {
    const o = new analyzerproto.AnalyzerResourceOptions();
    o.setProtect(Boolean(r.protect));
    if (r.parent) o.setParent(r.parent);
    return o;
}

function providerOf(r: EvalResource, byUrn: Map<string, EvalResource>, cache: Map<string, any>): any {
    const urn = providerUrn(r.provider);
    const p = urn ? byUrn.get(urn) : undefined;
    if (!p) return undefined;
    const cached = cache.get(p.urn);
    if (cached) return cached;
    const msg = new analyzerproto.AnalyzerProviderResource();
    msg.setType(p.type);
    msg.setUrn(p.urn);
    msg.setName(p.name);
    msg.setProperties(struct(p.props));
    cache.set(p.urn, msg);
    return msg;
}

function analyzeRequest(r: EvalResource, props: any, provider: any): any {
    const req = new analyzerproto.AnalyzeRequest();
    req.setType(r.type);
    req.setUrn(r.urn);
    req.setName(r.name);
    req.setProperties(props);
    req.setOptions(options(r));
    if (provider) req.setProvider(provider);
    return req;
}

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

// The analyzer keeps config and stack tags in module state: evaluations run one at a time.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Evaluates the pack on a stack's resources through the SDK analyzer. Rejects only on invalid
 * policy config (every problem listed) or a failure of the analyzer itself.
 */
export function evaluatePack(resources: EvalResource[], opts: EvaluateOptions = {}): Promise<PackResult> {
    const run = queue.then(() => evaluate(resources, opts));
    queue = run.catch(() => undefined);
    return run;
}

async function evaluate(resources: EvalResource[], opts: EvaluateOptions): Promise<PackResult> {
    const effective = resolveConfig(opts.config ?? {});
    const h = analyzer();

    const configure = new analyzerproto.ConfigureAnalyzerRequest();
    const map = configure.getPolicyconfigMap();
    for (const [name, e] of effective) {
        const pc = new analyzerproto.PolicyConfig();
        pc.setEnforcementlevel(levelEnum(e.level));
        pc.setProperties(structproto.Struct.fromJavaScript(e.properties));
        map.set(name, pc);
    }
    await rpc(h.configure, configure);

    const stackReq = new analyzerproto.AnalyzerStackConfigureRequest();
    stackReq.setStack(opts.stackName ?? "stack");
    stackReq.setProject("lz");
    stackReq.setDryRun(Boolean(opts.preview));
    const tagMap = stackReq.getTagsMap();
    for (const [k, v] of Object.entries(opts.stackTags ?? {})) tagMap.set(k, v);
    await rpc(h.configureStack, stackReq);

    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const providers = new Map<string, any>();
    const violations: PackViolation[] = [];
    const finalProps = new Map<string, any>();
    const descriptions = new Map(ALL_RULES.map((r) => [r.name, r.meta.description]));

    for (const r of resources) {
        let props = struct(r.props);
        const provider = providerOf(r, byUrn, providers);
        if (r.custom !== false) {
            const rem = await rpc(h.remediate, analyzeRequest(r, props, provider));
            for (const x of rem.getRemediationsList()) {
                const policy: string = x.getPolicyname();
                const fixed = x.getProperties();
                if (fixed) {
                    const before = props.toJavaScript();
                    const after = fixed.toJavaScript();
                    const keys = changedKeys(before, after);
                    props = fixed;
                    violations.push({
                        policy,
                        urn: r.urn,
                        name: r.name,
                        type: r.type,
                        level: "remediate",
                        message: `${descriptions.get(policy) ?? x.getDescription()}\nRemediated in place: ${keys.map((k) => `${k} ${JSON.stringify(before[k])} → ${JSON.stringify(after[k])}`).join(", ")}. Set ${keys.length > 1 ? "these values" : "this value"} in the program so the code matches what is deployed.`,
                    });
                }
                const diag: string = x.getDiagnostic();
                if (diag) violations.push({ policy, urn: r.urn, name: r.name, type: r.type, level: "advisory", message: diag });
            }
            const resp = await rpc(h.analyze, analyzeRequest(r, props, provider));
            for (const d of resp.getDiagnosticsList()) {
                violations.push({
                    policy: d.getPolicyname(),
                    urn: d.getUrn() || r.urn,
                    name: r.name,
                    type: r.type,
                    level: levelName(d.getEnforcementlevel()) as PackViolation["level"],
                    message: d.getMessage(),
                });
            }
        }
        finalProps.set(r.urn, props);
    }

    const stackRequest = new analyzerproto.AnalyzeStackRequest();
    stackRequest.setResourcesList(
        resources.map((r) => {
            const ar = new analyzerproto.AnalyzerResource();
            ar.setType(r.type);
            ar.setUrn(r.urn);
            ar.setName(r.name);
            ar.setProperties(finalProps.get(r.urn));
            ar.setOptions(options(r));
            const provider = providerOf(r, byUrn, providers);
            if (provider) ar.setProvider(provider);
            if (r.parent) ar.setParent(r.parent);
            ar.setDependenciesList(r.dependencies ?? []);
            const pd = ar.getPropertydependenciesMap();
            for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
                const deps = new analyzerproto.AnalyzerPropertyDependencies();
                deps.setUrnsList(urns);
                pd.set(k, deps);
            }
            return ar;
        }),
    );
    const stackResp = await rpc(h.analyzeStack, stackRequest);
    for (const d of stackResp.getDiagnosticsList()) {
        const urn: string = d.getUrn();
        const res = urn ? byUrn.get(urn) : undefined;
        violations.push({
            policy: d.getPolicyname(),
            urn: urn || null,
            name: res?.name ?? null,
            type: res?.type ?? null,
            level: levelName(d.getEnforcementlevel()) as PackViolation["level"],
            message: d.getMessage(),
        });
    }
    return { violations };
}
