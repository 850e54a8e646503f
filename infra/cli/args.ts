/** A usage mistake on the command line: printed without a stack trace, exit 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

export interface ParsedArgs {
    readonly flags: Record<string, boolean>;
    readonly options: Record<string, string>;
    readonly repeated: Record<string, string[]>;
    readonly positional: string[];
}

/** Minimal `--flag`, `--option value`, `--option=value` parser that rejects what it does not know. */
export function parseArgs(
    argv: readonly string[],
    spec: { flags?: string[]; options?: string[]; repeatable?: string[] },
    usage: string,
): ParsedArgs {
    const out: ParsedArgs = { flags: {}, options: {}, repeated: {}, positional: [] };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith("--")) {
            out.positional.push(arg);
            continue;
        }
        const eq = arg.indexOf("=");
        const name = arg.slice(2, eq < 0 ? undefined : eq);
        const inline = eq < 0 ? undefined : arg.slice(eq + 1);
        if (spec.flags?.includes(name)) {
            out.flags[name] = true;
        } else if (spec.options?.includes(name) || spec.repeatable?.includes(name)) {
            const value = inline ?? argv[++i];
            if (value === undefined) throw new UsageError(`--${name} needs a value\n${usage}`);
            if (spec.repeatable?.includes(name)) (out.repeated[name] ??= []).push(value);
            else out.options[name] = value;
        } else {
            throw new UsageError(`unknown option --${name}\n${usage}`);
        }
    }
    return out;
}
