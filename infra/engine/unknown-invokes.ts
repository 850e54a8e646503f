/**
 * Functions the offline engine cannot answer, answered the way a preview treats a value nobody knows
 * yet: as unknown.
 *
 * A program written for a real account looks things up (`aws.ec2.getSecurityGroup`, a private SSM
 * parameter, a secret): offline there is no true answer, and a made-up one could hide a violation.
 * When a run allows it (`RunStackOptions.unanswered`, a map counting such calls) the monitor answers one with
 * a marker (`UNANSWERED_KEY`), and the SDK's invoke functions, patched here, turn the marker into
 * unknown values: every field of a plain invoke's result is an unknown Output, an output-form invoke
 * (`getXOutput`) is an unknown Output. A resource input built from one is unknown, as in a preview,
 * so a rule that needs it reports "cannot verify" instead of passing or failing on a guess.
 *
 * The patch goes on the SDK copy the engine loaded (for `check`, the program's own `@pulumi/pulumi`),
 * on both the invoke module and `pulumi.runtime` (older SDKs copy the module's functions into it).
 */
import * as pulumi from "@pulumi/pulumi";
import { UNANSWERED_KEY } from "./monitor";
import type { OutputConstructor } from "./stack-reference";

type Invoke = (tok: string, props: unknown, opts?: unknown, packageRef?: unknown) => Promise<unknown>;
type InvokeOutput = (tok: string, props: unknown, opts?: unknown, packageRef?: unknown) => pulumi.Output<unknown>;

/* eslint-disable @typescript-eslint/no-require-imports */
const invokeModule = require("@pulumi/pulumi/runtime/invoke") as Record<string, unknown>;
const runtimeIndex = require("@pulumi/pulumi/runtime") as Record<string, unknown>;
/* eslint-enable @typescript-eslint/no-require-imports */

function unanswered(result: unknown): boolean {
    return result !== null && typeof result === "object" && Object.prototype.hasOwnProperty.call(result, UNANSWERED_KEY);
}

/** An Output with no value that is not known: what a preview holds for a value only a deployment computes. */
export function unknownOutput(): pulumi.Output<unknown> {
    const Output = pulumi.Output as unknown as OutputConstructor;
    return new Output(new Set(), Promise.resolve(undefined), Promise.resolve(false), Promise.resolve(false), Promise.resolve(new Set()));
}

/**
 * A plain invoke's result whose every field is unknown. `then` stays undefined (the result is
 * awaited), and so do symbols and `toJSON` (inspection and JSON see an empty object).
 */
export function unknownResult(): Record<string, unknown> {
    return new Proxy({} as Record<string, unknown>, {
        get(_target, prop) {
            if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
            return unknownOutput();
        },
    });
}

function firstValue(result: unknown): unknown {
    if (result === undefined || result === null) return result;
    const keys = Object.keys(result as object);
    return (result as Record<string, unknown>)[keys[0]];
}

let installed = false;

/** Installs the patch on the loaded SDK (once per process). */
export function answerUnansweredInvokesAsUnknown(): void {
    if (installed) return;
    installed = true;
    const invoke = invokeModule.invoke as Invoke;
    const invokeOutput = invokeModule.invokeOutput as InvokeOutput | undefined;
    const patched: Record<string, unknown> = {
        invoke: (tok: string, props: unknown, opts?: unknown, ref?: unknown) => invoke(tok, props, opts, ref).then((r) => (unanswered(r) ? unknownResult() : r)),
    };
    // The single-value forms return the first field of the result: the marker must be seen first.
    if (typeof invokeModule.invokeSingle === "function") {
        patched.invokeSingle = (tok: string, props: unknown, opts?: unknown, ref?: unknown) =>
            invoke(tok, props, opts, ref).then((r) => (unanswered(r) ? unknownOutput() : firstValue(r)));
    }
    if (invokeOutput) {
        patched.invokeOutput = (tok: string, props: unknown, opts?: unknown, ref?: unknown) =>
            invokeOutput(tok, props, opts, ref).apply((r) => (unanswered(r) ? unknownOutput() : r));
        if (typeof invokeModule.invokeSingleOutput === "function") {
            patched.invokeSingleOutput = (tok: string, props: unknown, opts?: unknown, ref?: unknown) =>
                invokeOutput(tok, props, opts, ref).apply((r) => (unanswered(r) ? unknownOutput() : firstValue(r)));
        }
    }
    for (const [name, fn] of Object.entries(patched)) {
        for (const target of [invokeModule, runtimeIndex]) {
            const own = Object.getOwnPropertyDescriptor(target, name);
            // A re-export compiled as a fixed getter reads the invoke module, which is patched first.
            if (own && !own.configurable && !own.writable) continue;
            Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: true });
        }
    }
}
