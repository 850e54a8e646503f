import * as pulumi from "@pulumi/pulumi";
import { isUnknown, unknown } from "@pulumi/pulumi/output";

/**
 * StackReference outputs, one by one, as `pulumi preview` would show them.
 *
 * The SDK keeps all of a referenced stack's outputs in one `outputs` Output and derives
 * `getOutput(name)` / `requireOutput(name)` from it with an ordinary `apply`. Against a deployed stack
 * every output is known, so that is fine. Offline, a preview plans the earlier stacks in preview too,
 * and some of their outputs are unknown (a KMS key's ARN) while others are known (names computed
 * from config). One unknown entry makes the whole `outputs` Output unknown, and an `apply` on an
 * unknown Output does not run in a preview: every output of the reference would turn unknown, and
 * `requireOutput` could no longer tell a missing output from an unknown one.
 *
 * The engine therefore reads one output at a time with the SDK's run-with-unknowns apply (the one
 * its own `output()` uses internally): an output the earlier stack left unknown is unknown here, a
 * known one stays known, and `requireOutput` of a name the stack does not export still fails with the
 * SDK's message. Secretness follows `secretOutputNames`, as the SDK does. The SDK's other readers
 * (`getOutputValue`, `requireOutputValue`, `getOutputDetails`) go through these two methods.
 */

interface InternalOutput<T> {
    apply<U>(func: (t: T) => U, runWithUnknowns: boolean): InternalOutput<U>;
    resources(): Set<pulumi.Resource>;
    allResources(): Promise<Set<pulumi.Resource>>;
    promise(withUnknowns?: boolean): Promise<T>;
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
}

/** The SDK's Output constructor (its TypeScript declaration hides it). */
export type OutputConstructor = new (
    resources: Set<pulumi.Resource>,
    promise: Promise<unknown>,
    isKnown: Promise<boolean>,
    isSecret: Promise<boolean>,
    allResources: Promise<Set<pulumi.Resource>>,
) => pulumi.Output<unknown>;

function internal<T>(o: pulumi.Output<T>): InternalOutput<T> {
    return o as unknown as InternalOutput<T>;
}

/** Whether output `name` of the reference is secret: listed in `secretOutputNames`, else as `outputs` is. */
async function isSecretOutput(ref: pulumi.StackReference, name: pulumi.Input<string>): Promise<boolean> {
    const n = internal(pulumi.output(name));
    const names = internal(ref.secretOutputNames);
    if ((await n.isKnown) && (await names.isKnown)) {
        const list = await names.promise();
        if (Array.isArray(list)) return list.includes(await n.promise());
    }
    return internal(ref.outputs).isSecret;
}

function readOutput(ref: pulumi.StackReference, name: pulumi.Input<string>, required: boolean): pulumi.Output<unknown> {
    const all = internal(pulumi.all([pulumi.output(ref.name), pulumi.output(name), ref.outputs]));
    const value = all.apply(([stack, n, outputs]) => {
        // The whole outputs object unknown, or the name itself unknown: nothing to look up. Outputs the
        // engine sent as unknown arrive as undefined outside a preview (a stack `check` cannot see).
        if (isUnknown(outputs) || isUnknown(n) || outputs === undefined || outputs === null) return unknown;
        if (!Object.prototype.hasOwnProperty.call(outputs, n)) {
            if (required) throw new Error(`Required output '${n}' does not exist on stack '${stack}'.`);
            return undefined;
        }
        return outputs[n];
    }, /* runWithUnknowns */ true);
    const Output = pulumi.Output as unknown as OutputConstructor;
    return new Output(value.resources(), value.promise(/* withUnknowns */ true), value.isKnown, isSecretOutput(ref, name), value.allResources());
}

let installed = false;

/** Installs the per-output readers on `pulumi.StackReference` (once per process). */
export function installStackReferenceReaders(): void {
    if (installed) return;
    installed = true;
    const proto = pulumi.StackReference.prototype as unknown as {
        getOutput(name: pulumi.Input<string>): pulumi.Output<unknown>;
        requireOutput(name: pulumi.Input<string>): pulumi.Output<unknown>;
    };
    proto.getOutput = function (this: pulumi.StackReference, name: pulumi.Input<string>) {
        return readOutput(this, name, false);
    };
    proto.requireOutput = function (this: pulumi.StackReference, name: pulumi.Input<string>) {
        return readOutput(this, name, true);
    };
}
