import * as pulumi from "@pulumi/pulumi";
import * as publicSettings from "@pulumi/pulumi/runtime/settings";
import { runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { recordDiagnostics, type Diagnostic } from "./diagnostics";
import { StackRunError } from "./errors";
import { RecordingMonitor, type InvokeHandler, type PlannedResource } from "./monitor";
import { installStackReferenceReaders } from "./stack-reference";
import type { Json } from "./wire";

// Internal SDK functions (marked @internal, so absent from the type declarations) that the mock
// runtime itself uses; pinned SDK version 3.248.0.
/* eslint-disable @typescript-eslint/no-require-imports */
const settings = require("@pulumi/pulumi/runtime/settings") as typeof publicSettings & { waitForRPCs(): Promise<void> };
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): Record<string, unknown> };
type SerializeResourceProperties = (label: string, props: unknown, opts: unknown) => Promise<unknown>;
const rpcModule = require("@pulumi/pulumi/runtime/rpc") as { serializeResourceProperties: SerializeResourceProperties };
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Speed: for every resource the SDK captures a full call-site list (it lifts the stack-trace limit
 * to infinity and, under ts-node, source-maps every frame) only to send the source position to the
 * engine. Plans do not contain source positions, so the offline engine skips that walk; what is
 * registered is otherwise identical. Measured ~4x faster per resource (see `npm run bench`).
 */
(pulumi.Resource as unknown as { callsites: () => unknown[] }).callsites = () => [];

/**
 * Which resource a failed input serialization belonged to. The SDK reports such a failure as
 * `error serializing property "k": <cause>` without naming the resource, and prefixes the same error
 * object again for every other resource that used the failing value. The engine notes the first
 * resource (and the message at that moment) so the report can name it.
 */
const failedSerializations = new WeakMap<object, { resource: string; message: string }>();
{
    const original = rpcModule.serializeResourceProperties;
    rpcModule.serializeResourceProperties = async function (label, props, opts) {
        try {
            return await original(label, props, opts);
        } catch (e) {
            if (e instanceof Error && !failedSerializations.has(e)) {
                // The SDK's label is `resource:<name>[<type>]`.
                const m = /^resource:(.*)\[([^\]]+)\]$/.exec(label);
                failedSerializations.set(e, { resource: m ? `resource ${JSON.stringify(m[1])} [${m[2]}]` : label, message: e.message });
            }
            throw e;
        }
    };
}
installStackReferenceReaders();

export { StackRunError };

/** The program's own message for an error, naming the resource whose inputs could not be serialized. */
export function describeFailure(e: unknown): string {
    if (!(e instanceof Error)) return String(e);
    const origin = failedSerializations.get(e);
    const message = origin ? `${origin.resource}: ${origin.message}` : e.message || e.name || "unknown error";
    // A value shared by several resources collects one identical prefix per resource: keep one.
    return message.replace(/(error serializing property "[^"]*": )\1+/g, "$1");
}

/** Everything the offline engine learned about one stack. */
export interface StackPlan {
    readonly project: string;
    readonly stack: string;
    readonly preview: boolean;
    readonly resources: readonly PlannedResource[];
    /** Stack outputs as plain JSON (secrets masked). */
    readonly outputs: Record<string, Json>;
    /**
     * Stack outputs as later stacks' StackReferences receive them: Pulumi's wire format, secrets
     * wrapped (values included), values a preview left unknown as the unknown sentinel.
     */
    readonly outputValues: Record<string, unknown>;
    /** What the program logged through `pulumi.log` (the SDK's own warnings included), in order. */
    readonly diagnostics: readonly Diagnostic[];
}

export interface RunStackOptions {
    readonly project: string;
    readonly stack: string;
    readonly preview: boolean;
    /** Stack config as the engine hands it to a program: `ns:key` → string. */
    readonly config: Readonly<Record<string, string>>;
    /** Names of config keys that hold secrets. */
    readonly secretKeys?: readonly string[];
    /** The program: creates resources, returns stack outputs. */
    readonly program: () => unknown;
    readonly stackOutputs?: (name: string) => Record<string, unknown> | undefined;
    readonly invoke?: InvokeHandler;
    readonly defaultAccount?: string;
    readonly defaultRegion?: string;
    readonly partition?: string;
    /**
     * Safety net for a program that stops making progress without failing (it waits on a promise or
     * Output that never settles): after this long without a request from the program, the run fails
     * with a clear error. Default 60 000 ms. In a process with nothing else to do (the CLI) such a
     * program is reported at once, when Node's event loop runs empty.
     */
    readonly idleTimeoutMs?: number;
    /**
     * A function the invoke handler does not answer fails the program, unless this map is given: then
     * the call is answered as unknown (for programs written against a real account, see
     * `unknown-invokes.ts`) and counted here by function token, even when the program fails later.
     */
    readonly unanswered?: Map<string, number>;
}

/**
 * Runs a Pulumi program under the mock engine as `pulumi up` (or preview) would run it, inside a
 * `pulumi:pulumi:Stack` root resource, and returns every registration. Stacks run one after the
 * other in one process: each run installs a fresh monitor and configuration.
 *
 * Failures reject with a {@link StackRunError} carrying the program's own error, however the program
 * fails: a synchronous throw, a rejected stack output, or — the way the SDK reports a resource whose
 * inputs cannot be serialized (an Output whose `apply` throws, a rejected promise as an input, a
 * `requireOutput` of a missing output) and a component whose async constructor throws — an unhandled
 * promise rejection. The Pulumi language host turns those into a failed run with a process-wide
 * handler; without one, the resources waiting on the failed one never resolve and the run never
 * finishes. The engine installs the same handlers while a program runs.
 */
export async function runStack(o: RunStackOptions): Promise<StackPlan> {
    const monitor = new RecordingMonitor(o.project, o.stack, {
        preview: o.preview,
        stackOutputs: o.stackOutputs ?? (() => undefined),
        invoke: o.invoke ?? (() => undefined),
        defaultAccount: o.defaultAccount ?? "123456789012",
        defaultRegion: o.defaultRegion ?? "us-east-1",
        partition: o.partition ?? "aws",
        unanswered: o.unanswered,
    });
    settings.setMockOptions(monitor, o.project, o.stack, o.preview);
    const store = state.getStore();
    store.supportsSecrets = true;
    store.supportsResourceReferences = true;
    store.supportsOutputValues = false;
    store.supportsDeletedWith = true;
    store.supportsAliasSpecs = true;
    store.supportsTransforms = false;
    store.supportsParameterization = true;
    pulumi.runtime.setAllConfig({ ...o.config }, [...(o.secretKeys ?? [])]);

    // The first failure wins; later ones (often the same error surfacing from other awaiters) are ignored.
    let failure: { error: unknown } | undefined;
    let signalFailure: (e: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
        signalFailure = (e) => {
            if (failure) return;
            failure = { error: e };
            reject(e);
        };
    });
    failed.catch(() => undefined);
    const onRejection = (reason: unknown) => signalFailure(reason);
    const onException = (error: unknown) => signalFailure(error);
    const stalled = (why: string) =>
        new Error(
            `the program ${why} and never finished: it waits on a promise or Output that never settles ` +
                `(${monitor.resources.length} resources registered so far)`,
        );
    // Nothing left to run but the program has not finished: it never will (only a process with
    // nothing else to do, such as the CLI, gets here).
    const onBeforeExit = () => signalFailure(stalled("stopped making progress"));
    const idleMs = o.idleTimeoutMs ?? 60_000;
    const idle = setInterval(
        () => {
            if (performance.now() - monitor.lastActivity > idleMs) {
                signalFailure(stalled(`sent nothing for ${idleMs / 1000} s`));
            }
        },
        Math.max(10, Math.min(1000, idleMs / 4)),
    );
    idle.unref();
    const diagnostics: Diagnostic[] = [];
    const stopRecording = recordDiagnostics(diagnostics);
    process.on("unhandledRejection", onRejection);
    process.on("uncaughtException", onException);
    process.on("beforeExit", onBeforeExit);

    // The SDK also records a stack trace on every promise it creates (for leak reports that plans
    // never show); with source maps that costs ~8 ms per resource. Traces are off while the
    // program runs; errors still carry their messages.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        const completed = runInPulumiStack(async () => {
            try {
                return await o.program();
            } catch (e) {
                // The program's own error, before the SDK's wrapping of it reaches the stack outputs.
                signalFailure(e);
                throw e;
            }
        }).then(() => settings.waitForRPCs());
        completed.catch(() => undefined);
        await Promise.race([completed, failed]);
    } catch (e) {
        signalFailure(e);
    } finally {
        Error.stackTraceLimit = stackTraceLimit;
        clearInterval(idle);
        stopRecording();
        process.off("beforeExit", onBeforeExit);
    }
    // A rejection nobody handled reaches the process after the current microtasks: let those of this
    // run arrive (a failure nobody awaited; the same failure surfacing from other awaiters) before
    // the handlers go.
    await new Promise((resolve) => setImmediate(resolve));
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
    if (failure) {
        // The failed program leaves registrations waiting forever; they are not leaks to report at
        // exit (the SDK's leak check would otherwise print them and set exit code 1 for the process).
        store.leakCandidates = new Set();
        throw new StackRunError(o.stack, describeFailure(failure.error), { cause: failure.error });
    }
    return {
        project: o.project,
        stack: o.stack,
        preview: o.preview,
        resources: monitor.resources,
        outputs: monitor.stackOutputs,
        outputValues: monitor.stackOutputValues,
        diagnostics,
    };
}
