/**
 * `npm run plan` — plans every stack offline (Pulumi's mock engine, no credentials) in deploy order.
 *
 *   npm run plan                                 every stack, a tree per stack
 *   npm run plan -- --stack <name> [--json f]    one stack (its predecessors run quietly)
 *   npm run plan -- --preview                    as `pulumi preview` sees it: computed values unknown
 *   npm run plan -- --summary                    counts only, no tree
 */
import * as fs from "fs";
import * as path from "path";
import { ConfigError } from "../config/errors";
import { StackRunError } from "../engine/errors";
import { parseArgs, UsageError } from "./args";

const USAGE = `usage: npm run plan -- [--stack <name>]... [--json <file>] [--preview] [--summary] [--root <dir>]`;

export async function main(argv: readonly string[]): Promise<number> {
    if (argv[0] === "--diff") return (await import("./diff")).diffMain(argv.slice(1));
    const args = parseArgs(argv, { flags: ["preview", "summary", "help"], options: ["json", "root"], repeatable: ["stack"] }, USAGE);
    if (args.flags.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    // The engine and the program load only now: `--diff` reads JSON files and works even when a
    // stack program does not load.
    const { discoverStacks, readProject } = await import("../engine/stacks");
    const { planStacks, withPredecessors } = await import("../engine/plan");
    const { renderPlan } = await import("../engine/render");
    const { serializePlanFile, toPlanFile } = await import("../engine/plan-json");
    // --root plans another checkout of the project (a base branch, a generated org in tests).
    const root = path.resolve(args.options.root ?? path.resolve(__dirname, "..", ".."));
    const project = readProject(root);
    const all = discoverStacks(project);
    const targets = args.repeated.stack ?? [];
    for (const t of targets) {
        if (!all.some((s) => s.stack === t)) {
            throw new UsageError(`--stack ${t}: no such stack; stacks: ${all.map((s) => s.stack).join(", ")}`);
        }
    }
    if (args.options.json && targets.length !== 1) {
        throw new UsageError("--json needs exactly one --stack (a plan file holds one stack)");
    }
    const run = targets.length > 0 ? withPredecessors(all, targets) : all;
    const tty = process.stderr.isTTY;
    const plans = await planStacks(project, run, {
        preview: Boolean(args.flags.preview),
        onStack: (s, i, n) => {
            if (tty) process.stderr.write(`\r\x1b[Kplanning ${s.stack} (${i + 1}/${n})…`);
        },
    });
    if (tty) process.stderr.write("\r\x1b[K");
    const shown = targets.length > 0 ? plans.filter((p) => targets.includes(p.stack)) : plans;
    for (const plan of shown) {
        process.stdout.write(renderPlan(plan, { tree: !args.flags.summary }) + "\n\n");
    }
    const total = shown.reduce((n, p) => n + p.resources.length, 0);
    process.stdout.write(`${shown.length} stack${shown.length === 1 ? "" : "s"} planned, ${total} resources\n`);
    if (args.options.json) {
        fs.writeFileSync(args.options.json, serializePlanFile(toPlanFile(shown[0])));
        process.stdout.write(`plan of ${shown[0].stack} written to ${args.options.json}\n`);
    }
    return 0;
}

/**
 * Runs a CLI main: config and usage errors and a failing stack program print their message (no
 * stack trace) and exit 2; anything else is a bug of the tool itself: stack trace, exit 1.
 */
export function runCli(main: (argv: readonly string[]) => Promise<number>): void {
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e: unknown) => {
            if (e instanceof ConfigError || e instanceof UsageError || e instanceof StackRunError) {
                process.stderr.write(`${e.message}\n`);
                process.exit(2);
            }
            process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exit(1);
        },
    );
}

if (require.main === module) {
    runCli(main);
}
