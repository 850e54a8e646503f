import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { mockResource } from "./mock-values";
import { stackReferenceState } from "./stack-reference-state";
import { resourceUrn, ROOT_STACK_TYPE } from "./urn";
import { wireToPlain, wireToReference, type Json } from "./wire";

export { resourceUrn };

// The generated protobuf modules have no type declarations; only constructors and setters are used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resproto = require("@pulumi/pulumi/proto/resource_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const provproto = require("@pulumi/pulumi/proto/provider_pb");

/** One registered resource, as the plan JSON shows it. */
export interface PlannedResource {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    provider: string | null;
    dependencies: string[];
    /** Property name → URNs its value was built from (the engine's property dependencies). */
    propertyDependencies: Record<string, string[]>;
    inputs: Record<string, Json>;
    /** Inputs in Pulumi's wire format (unknown sentinel, secret wrappers), as an analyzer receives them. */
    wireInputs: Record<string, unknown>;
    /** Outputs as the mock answered them (plain JSON, secrets masked). */
    outputs: Record<string, Json>;
    id: string | null;
    custom: boolean;
    protect: boolean;
    retainOnDelete: boolean;
    /** Set when the resource is adopted with the `import` option. */
    importId: string | null;
    /**
     * A component implemented by a provider plugin (a multi-language component such as awsx v2+,
     * eks v3+, aws-apigateway): the plugin creates its children at deploy time, so offline it has none.
     */
    remote: boolean;
    /** Input property paths of the `ignoreChanges` option: `pulumi up` keeps their deployed values. */
    ignoreChanges: string[];
}

/**
 * The result the monitor sends for a function it has no answer for, when the run allows unknown
 * lookups: the engine's invoke patch (`unknown-invokes.ts`) turns it into unknown values.
 */
export const UNANSWERED_KEY = "__lzOfflineUnanswered";

/** An invoke handler: returns the result, or undefined when it does not handle the token. */
export type InvokeHandler = (token: string, args: Record<string, unknown>, ctx: { account: string; region: string; partition: string }) => Record<string, unknown> | undefined;

export interface MonitorOptions {
    readonly preview: boolean;
    /**
     * Outputs of already-planned stacks, by full StackReference name: plain values, or Pulumi's wire
     * format (a wrapped secret stays secret, the unknown sentinel stays unknown in a preview).
     */
    readonly stackOutputs: (name: string) => Record<string, unknown> | undefined;
    readonly invoke: InvokeHandler;
    /** Account and partition used for resources without an explicit provider. */
    readonly defaultAccount: string;
    readonly defaultRegion: string;
    readonly partition: string;
    /**
     * Where a function the handler does not answer, or a StackReference to a stack this run cannot
     * see, goes. Without it the program fails (the landing zone's own plans: a lookup there is a
     * mistake, and every referenced stack is planned first); with it, as `check` runs other people's
     * programs, the answer is unknown and the call is counted here, by function token or as
     * `pulumi:pulumi:StackReference <name>`.
     */
    readonly unanswered?: Map<string, number>;
}

interface ProviderFacts {
    account: string;
    region: string;
}

/** Reads account and region out of an aws provider's inputs (they reach the monitor as JSON strings). */
function providerFacts(inputs: Record<string, unknown>, fallback: ProviderFacts): ProviderFacts {
    const parse = (v: unknown): unknown => {
        if (typeof v !== "string") return v;
        try {
            return JSON.parse(v);
        } catch {
            return v;
        }
    };
    const allowed = parse(inputs.allowedAccountIds);
    const account = Array.isArray(allowed) && typeof allowed[0] === "string" ? allowed[0] : fallback.account;
    const region = typeof inputs.region === "string" ? inputs.region : fallback.region;
    return { account, region };
}

/**
 * A resource monitor for Pulumi's mock mode that records every registration the way the engine
 * receives it — parent, provider, explicit and implicit dependencies, protect/retainOnDelete, the
 * raw wire inputs — and answers with deterministic, realistically shaped ids and ARNs.
 */
export class RecordingMonitor {
    readonly resources: PlannedResource[] = [];
    stackOutputs: Record<string, Json> = {};
    /** Stack outputs as a later stack's StackReference receives them (see `wireToReference`). */
    stackOutputValues: Record<string, unknown> = {};
    /** `performance.now()` of the last request the program sent (the engine's no-progress detector reads it). */
    lastActivity = performance.now();
    /** Requests received so far. */
    requests = 0;
    private readonly byUrn = new Map<string, { urn: string; id: string | null; state: unknown }>();
    private readonly providers = new Map<string, ProviderFacts>();
    private stackUrn: string | undefined;

    constructor(
        private readonly project: string,
        private readonly stack: string,
        private readonly options: MonitorOptions,
    ) {}

    private newUrn(parent: string, type: string, name: string): string {
        return resourceUrn(this.stack, this.project, parent, type, name);
    }

    private factsFor(providerRef: string): ProviderFacts {
        const urn = providerRef.split("::").slice(0, -1).join("::");
        return this.providers.get(urn) ?? { account: this.options.defaultAccount, region: this.options.defaultRegion };
    }

    private touch(): void {
        this.lastActivity = performance.now();
        this.requests++;
    }

    async registerResource(req: any, callback: (err: unknown, resp?: unknown) => void): Promise<void> {
        this.touch();
        try {
            const type: string = req.getType();
            const name: string = req.getName();
            const parent: string = req.getParent();
            const custom: boolean = req.getCustom();
            // Remote components send no outputs of their own: the plugin would compute them.
            const remote = !custom && typeof req.getRemote === "function" && req.getRemote() === true;
            const urn = this.newUrn(parent, type, name);
            const rawInputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
            const inputs = (await rpc.deserializeProperties(req.getObject())) as Record<string, unknown>;
            const providerRef: string = req.getProvider();
            const importId: string = req.getImportid();

            let id: string | null = null;
            let state: Record<string, unknown> = {};
            if (type === ROOT_STACK_TYPE) {
                this.stackUrn = urn;
            } else if (custom) {
                if (type.startsWith("pulumi:providers:")) {
                    this.providers.set(urn, providerFacts(inputs, { account: this.options.defaultAccount, region: this.options.defaultRegion }));
                }
                const facts = this.factsFor(providerRef);
                const region = typeof inputs.region === "string" && inputs.region ? inputs.region : facts.region;
                const mocked = mockResource({
                    type,
                    name,
                    urn,
                    inputs: importId ? { ...inputs, __importId: importId } : inputs,
                    account: facts.account,
                    region,
                    partition: this.options.partition,
                });
                // A preview does not know what the provider will compute: only inputs are known, the id is not.
                id = this.options.preview && !importId ? null : mocked.id;
                state = this.options.preview && !importId ? { ...inputs } : { ...inputs, ...mocked.outputs, id: mocked.id };
                if (type.startsWith("pulumi:providers:")) {
                    id = mocked.id;
                }
            }
            const serializedState = await rpc.serializeProperties("", state);
            this.byUrn.set(urn, { urn, id, state: serializedState });

            const propertyDependencies: Record<string, string[]> = {};
            req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
                propertyDependencies[key] = [...deps.getUrnsList()].sort();
            });
            this.resources.push({
                urn,
                type,
                name,
                parent: parent || null,
                provider: providerRef ? providerRef.split("::").slice(0, -1).join("::") : null,
                dependencies: [...new Set<string>(req.getDependenciesList())].sort(),
                propertyDependencies,
                inputs: wireToPlain(rawInputs) as Record<string, Json>,
                wireInputs: rawInputs,
                outputs: wireToPlain(serializedState) as Record<string, Json>,
                id,
                custom,
                protect: req.getProtect() === true,
                retainOnDelete: req.getRetainondelete() === true,
                importId: importId || null,
                remote,
                ignoreChanges: [...req.getIgnorechangesList()],
            });

            const resp = new resproto.RegisterResourceResponse();
            resp.setUrn(urn);
            resp.setId(id ?? "");
            resp.setObject(structproto.Struct.fromJavaScript(serializedState as any));
            // A result other than SUCCESS makes the SDK resolve every output the response lacks as
            // unknown, in an update too (`keepUnknowns` in the SDK's resource.ts): a plugin component's
            // outputs are values nobody computed offline, so what depends on them must be unknown.
            if (remote && resproto.Result && typeof resp.setResult === "function") resp.setResult(resproto.Result.SKIP);
            callback(null, resp);
        } catch (err) {
            callback(err);
        }
    }

    async readResource(req: any, callback: (err: unknown, resp?: unknown) => void): Promise<void> {
        this.touch();
        try {
            const type: string = req.getType();
            const urn = this.newUrn(req.getParent(), type, req.getName());
            let state: Record<string, unknown>;
            if (type === "pulumi:pulumi:StackReference") {
                const refName: string = req.getId();
                state = stackReferenceState(refName, this.options.stackOutputs(refName), this.options.unanswered);
            } else {
                const inputs = (await rpc.deserializeProperties(req.getProperties())) as Record<string, unknown>;
                state = { ...inputs, id: req.getId() };
            }
            const serializedState = await rpc.serializeProperties("", state);
            this.byUrn.set(urn, { urn, id: req.getId(), state: serializedState });
            const resp = new resproto.ReadResourceResponse();
            resp.setUrn(urn);
            resp.setProperties(structproto.Struct.fromJavaScript(serializedState as any));
            callback(null, resp);
        } catch (err) {
            callback(err);
        }
    }

    async invoke(req: any, callback: (err: unknown, resp?: unknown) => void): Promise<void> {
        this.touch();
        try {
            const token: string = req.getTok();
            const args = (await rpc.deserializeProperties(req.getArgs())) as Record<string, unknown>;
            let result: Record<string, unknown> | undefined;
            if (token === "pulumi:pulumi:getResource") {
                const r = this.byUrn.get(args.urn as string);
                if (!r) throw new Error(`unknown resource ${String(args.urn)}`);
                result = r as unknown as Record<string, unknown>;
                const resp = new provproto.InvokeResponse();
                resp.setReturn(structproto.Struct.fromJavaScript(result as any));
                callback(null, resp);
                return;
            }
            const facts = this.factsFor(req.getProvider() ?? "");
            result = this.options.invoke(token, args, { ...facts, partition: this.options.partition });
            const unanswered = this.options.unanswered;
            if (result === undefined && unanswered) {
                unanswered.set(token, (unanswered.get(token) ?? 0) + 1);
                result = { [UNANSWERED_KEY]: token };
            }
            if (result === undefined) {
                throw new Error(`the offline engine has no answer for the function ${token}; landing-zone code derives such values from the org file instead of looking them up`);
            }
            const resp = new provproto.InvokeResponse();
            resp.setReturn(structproto.Struct.fromJavaScript((await rpc.serializeProperties("", result)) as any));
            callback(null, resp);
        } catch (err) {
            // The SDK reports a failed invoke with the gRPC error's `details`, as a real engine sends it.
            const e = err instanceof Error ? err : new Error(String(err));
            (e as Error & { details?: string }).details = e.message;
            callback(e);
        }
    }

    registerResourceOutputs(req: any, callback: (err: unknown, resp?: unknown) => void): void {
        this.touch();
        try {
            const urn: string = req.getUrn();
            const outputs = req.getOutputs()?.toJavaScript() ?? {};
            if (urn === this.stackUrn) {
                this.stackOutputs = wireToPlain(outputs) as Record<string, Json>;
                this.stackOutputValues = wireToReference(outputs) as Record<string, unknown>;
            }
            const r = this.byUrn.get(urn);
            if (r) r.state = outputs;
            callback(null, {});
        } catch (err) {
            callback(err);
        }
    }

    supportsFeature(req: any, callback: (err: unknown, resp?: unknown) => void): void {
        const id = req.getId();
        callback(null, { getHassupport: () => id !== "outputValues" });
    }

    registerPackage(_req: any, callback: (err: unknown, resp?: unknown) => void): void {
        const resp = new resproto.RegisterPackageResponse();
        resp.setRef("offline-engine");
        callback(null, resp);
    }
}
