/**
 * Evaluates the pack in-process through the `@pulumi/policy` SDK's own analyzer code path.
 *
 * `analyzer()` (harness/analyzer.ts) obtains the SDK's Analyzer service implementation without a
 * server. Evaluations call its handlers with real protobuf requests
 * (`@pulumi/pulumi/proto/analyzer_pb`) and decode the protobuf responses, as the Pulumi engine
 * does over gRPC: Configure and ConfigureStack, then per resource Remediate and Analyze (on the
 * remediated properties), then one AnalyzeStack over every resource.
 */
import { ALL_RULES } from "../rules";
import { analyzer, analyzerproto, levelEnum, levelName, rpc, structproto } from "./analyzer";
import { resolveConfig } from "./config";
import { providerUrn, struct } from "./marshal";

export { resolveConfig } from "./config";

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
    /** Stack policies that declared themselves not applicable to this stack (a baseline the stack does not carry). */
    notApplicable: string[];
}

export interface EvaluateOptions {
    /** Policy config as in a Pulumi policy config file: `{ all?: level, "<rule>": level | { enforcementLevel?, ...properties } }`. */
    config?: Record<string, unknown>;
    preview?: boolean;
    stackName?: string;
    stackTags?: Record<string, string>;
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

function analyzeRequest(r: EvalResource, props: any, opts: any, provider: any): any {
    const req = new analyzerproto.AnalyzeRequest();
    req.setType(r.type);
    req.setUrn(r.urn);
    req.setName(r.name);
    req.setProperties(props);
    req.setOptions(opts);
    if (provider) req.setProvider(provider);
    return req;
}

/** A wire value for a message: secrets masked, absent values named. */
function render(v: unknown): string {
    if (v === undefined) return "(not set)";
    if (v !== null && typeof v === "object" && (v as Record<string, unknown>)["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270") return "[secret]";
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** `obj[k]` if `obj` has it as its own key: a property named `constructor` must not read Object's. */
const own = (obj: Record<string, unknown>, k: string): unknown => (Object.hasOwn(obj, k) ? obj[k] : undefined);

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].filter((k) => JSON.stringify(own(before, k)) !== JSON.stringify(own(after, k))).sort();
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
    const resourceOptions: any[] = [];
    const descriptions = new Map(ALL_RULES.map((r) => [r.name, r.meta.description]));

    for (const r of resources) {
        const wire = struct(r.props);
        let props = wire;
        const provider = providerOf(r, byUrn, providers);
        const opts = options(r);
        resourceOptions.push(opts);
        if (r.custom !== false) {
            // The messages are read-only to the analyzer: Analyze reuses the Remediate request unless a fix changed the properties.
            const request = analyzeRequest(r, wire, opts, provider);
            const rem = await rpc(h.remediate, request);
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
                        message: `${descriptions.get(policy) ?? x.getDescription()}\nRemediated in place: ${keys.map((k) => `${k} ${render(own(before, k))} → ${render(own(after, k))}`).join(", ")}. Set ${keys.length > 1 ? "these values" : "this value"} in the program so the code matches what is deployed.`,
                    });
                }
                const diag: string = x.getDiagnostic();
                if (diag) violations.push({ policy, urn: r.urn, name: r.name, type: r.type, level: "advisory", message: diag });
            }
            const resp = await rpc(h.analyze, props === wire ? request : analyzeRequest(r, props, opts, provider));
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
        resources.map((r, i) => {
            const ar = new analyzerproto.AnalyzerResource();
            ar.setType(r.type);
            ar.setUrn(r.urn);
            ar.setName(r.name);
            ar.setProperties(finalProps.get(r.urn));
            ar.setOptions(resourceOptions[i]);
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
    const notApplicable = [...new Set<string>(stackResp.getNotApplicableList().map((n: any) => n.getPolicyName()))].sort();
    return { violations, notApplicable };
}
