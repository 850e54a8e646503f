/** One problem found in the configuration: where it is, and what is wrong with it. */
export interface ConfigProblem {
    /** Repository-relative file the value comes from, e.g. `stacks/org.yaml`. */
    readonly file: string;
    /** Key path inside the file, e.g. `accounts.members[2].id`; empty for the whole file. */
    readonly path: string;
    /** What is wrong and what is allowed. */
    readonly message: string;
}

/** Formats one problem as a single line: `file: path: message`. */
export function formatProblem(p: ConfigProblem): string {
    return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

/**
 * The one configuration error type. Validation collects every problem and throws once, so a user
 * fixes the whole file in one pass instead of one error per run.
 */
export class ConfigError extends Error {
    readonly problems: readonly ConfigProblem[];

    constructor(problems: readonly ConfigProblem[]) {
        const lines = problems.map(formatProblem);
        super(
            `invalid landing-zone configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
                lines.map((l) => `  - ${l}`).join("\n"),
        );
        this.name = "ConfigError";
        this.problems = problems;
    }
}

/** Collects problems for one file; `throwIfAny` raises a single ConfigError with all of them. */
export class ProblemList {
    private readonly items: ConfigProblem[] = [];

    add(file: string, path: string, message: string): void {
        this.items.push({ file, path, message });
    }

    addAll(problems: readonly ConfigProblem[]): void {
        this.items.push(...problems);
    }

    get problems(): readonly ConfigProblem[] {
        return this.items;
    }

    get empty(): boolean {
        return this.items.length === 0;
    }

    throwIfAny(): void {
        if (this.items.length > 0) {
            throw new ConfigError(this.items);
        }
    }
}
