import { containsSecret, UNKNOWN } from "./wire";

/**
 * What the engine answers when a program reads a StackReference: the referenced stack's outputs with
 * secrets wrapped, plus the names of the secret ones (so `getOutput` marks exactly those secret). A
 * value the earlier stack's preview left unknown is the unknown sentinel: it reaches the program as
 * unknown.
 *
 * A stack this run cannot see fails the program, unless `unanswered` is given (check runs one
 * program): then every output is unknown and the reference is counted as
 * `pulumi:pulumi:StackReference <name>`.
 */
export function stackReferenceState(refName: string, outputs: Record<string, unknown> | undefined, unanswered?: Map<string, number>): Record<string, unknown> {
    if (!outputs && unanswered) {
        const key = `pulumi:pulumi:StackReference ${refName}`;
        unanswered.set(key, (unanswered.get(key) ?? 0) + 1);
        return { name: refName, outputs: UNKNOWN, secretOutputNames: [] };
    }
    if (!outputs) {
        throw new Error(`StackReference ${JSON.stringify(refName)}: no such stack has been planned before this one (plan it first, or check pulumi.organization/project in the org file)`);
    }
    const secretOutputNames = Object.keys(outputs).filter((k) => containsSecret(outputs[k])).sort();
    return { name: refName, outputs, secretOutputNames };
}
