/**
 * The program cannot be run or failed: its project or stack file is wrong, its entry point is
 * missing, or it threw. `message` is the program's own error (or names the file and key at fault);
 * `check` prints it and exits 2. Dependency-free, so the CLI can recognise it without loading the engine.
 */
export class ProgramError extends Error {
    constructor(
        message: string,
        /** Functions the program called that check answered as unknown before it failed (token → calls). */
        readonly unanswered: ReadonlyMap<string, number> = new Map(),
    ) {
        super(message);
        this.name = "ProgramError";
    }
}
