import * as pulumi from "@pulumi/pulumi";
import * as publicSettings from "@pulumi/pulumi/runtime/settings";
import { runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { RecordingMonitor, type InvokeHandler, type PlannedResource } from "./monitor";
import type { Json } from "./wire";

// Internal SDK functions (marked @internal, so absent from the type declarations) that the mock
// runtime itself uses; pinned SDK version 3.248.0.
/* eslint-disable @typescript-eslint/no-require-imports */
const settings = require("@pulumi/pulumi/runtime/settings") as typeof publicSettings & { waitForRPCs(): Promise<void> };
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): Record<string, unknown> };
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Speed: for every resource the SDK captures a full call-site list (it lifts the stack-trace limit
 * to infinity and, under ts-node, source-maps every frame) only to send the source position to the
 * engine. Plans do not contain source positions, so the offline engine skips that walk; what is
 * registered is otherwise identical. Measured ~4x faster per resource (see `npm run bench`).
 */
(pulumi.Resource as unknown as { callsites: () => unknown[] }).callsites = () => [];

/** Everything the offline engine learned about one stack. */
export interface StackPlan {
    readonly project: string;
    readonly stack: string;
    readonly preview: boolean;
    readonly resources: readonly PlannedResource[];
    /** Stack outputs as plain JSON (secrets masked). */
    readonly outputs: Record<string, Json>;
    /** Stack outputs with secret values, for later stacks' StackReferences. */
    readonly outputValues: Record<string, unknown>;
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
}

/**
 * Runs a Pulumi program under the mock engine as `pulumi up` (or preview) would run it, inside a
 * `pulumi:pulumi:Stack` root resource, and returns every registration. Stacks run one after the
 * other in one process: each run installs a fresh monitor and configuration.
 */
export async function runStack(o: RunStackOptions): Promise<StackPlan> {
    const monitor = new RecordingMonitor(o.project, o.stack, {
        preview: o.preview,
        stackOutputs: o.stackOutputs ?? (() => undefined),
        invoke: o.invoke ?? (() => undefined),
        defaultAccount: o.defaultAccount ?? "123456789012",
        defaultRegion: o.defaultRegion ?? "us-east-1",
        partition: o.partition ?? "aws",
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

    // The SDK also records a stack trace on every promise it creates (for leak reports that plans
    // never show); with source maps that costs ~8 ms per resource. Traces are off while the
    // program runs; errors still carry their messages.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let programError: unknown;
    const done = runInPulumiStack(async () => {
        try {
            return await o.program();
        } catch (e) {
            programError = e;
            throw e;
        }
    });
    try {
        await done;
        await settings.waitForRPCs();
    } catch (e) {
        throw programError ?? e;
    } finally {
        Error.stackTraceLimit = stackTraceLimit;
    }
    if (programError) throw programError;
    return {
        project: o.project,
        stack: o.stack,
        preview: o.preview,
        resources: monitor.resources,
        outputs: monitor.stackOutputs,
        outputValues: monitor.stackOutputValues,
    };
}
