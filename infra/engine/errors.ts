/**
 * A stack's program failed (it threw, an input could not be serialized, it never finished, or it did
 * not load): the message names the stack and carries the program's own error, which is `cause`.
 * Dependency-free, so the CLI can recognise it without loading the engine.
 */
export class StackRunError extends Error {
    /** The program's own error message, without the `stack <name>: ` prefix (what `check` shows). */
    readonly programMessage: string;

    constructor(
        readonly stackName: string,
        message: string,
        options?: { cause?: unknown },
    ) {
        super(`stack ${stackName}: ${message}`, options);
        this.name = "StackRunError";
        this.programMessage = message;
    }
}
