/**
 * `npm run plan` — plans every stack offline (Pulumi's mock engine, no credentials) in deploy order,
 * or diffs two plans; USAGE below is what `--help` prints.
 */
import * as fs from "fs";
import * as path from "path";
import { ConfigError } from "../config/errors";
import { StackRunError } from "../engine/errors";
import { parseArgs, UsageError } from "./args";
import { projectRoot, PROJECT_LAYOUT } from "./project-root";

export const USAGE = [
    "usage: npm run plan -- [--stack <name>]... [--json <file>] [--preview] [--summary] [--estimate] [--root <dir>]",
    "       npm run plan -- --diff <base.json|base-dir> <head.json|head-dir> [--max-chars <n>]",
    "",
    "  --stack <name>     plan this stack (repeatable); its predecessors are planned quietly to feed its StackReferences",
    "  --json <file>      write the plan of the one --stack as JSON (the plan file format in README)",
    "  --preview          plan as `pulumi preview` sees it: values the provider computes are unknown",
    "  --summary          counts only, no resource tree",
    "  --estimate         estimated monthly cost (every line with quantity, unit price and assumption) and deploy time",
    "                     per stack and for the organisation (docs/cost.md); --json files always carry the stack's estimate",
    `  --root <dir>       plan the configuration in <dir> with this code: ${PROJECT_LAYOUT}`,
    "  --diff <base> <head>  Markdown diff of two plan files of one stack, or two folders of plan files (matched by stack)",
    "  --max-chars <n>    with --diff: cap the output at n characters (property details go first)",
    "  --help             this text",
].join("\n");

export async function main(argv: readonly string[]): Promise<number> {
    // `--diff` anywhere switches to diffing; options of planning are then unknown options.
    if (argv.includes("--diff")) return (await import("./diff")).diffMain(argv.filter((a) => a !== "--diff"));
    const args = parseArgs(argv, { flags: ["preview", "summary", "estimate", "help"], options: ["json", "root"], repeatable: ["stack"] }, USAGE);
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
    // --root plans another project folder with this code (a base branch, a generated org in tests).
    const root = args.options.root === undefined ? path.resolve(__dirname, "..", "..") : projectRoot(path.resolve(args.options.root), args.options.root);
    const project = readProject(root);
    const discovered = discoverStacks(project);
    // Before anything runs: an account without its member stack plans cleanly and deploys nothing.
    const pending = (await import("../engine/stack-coverage")).assertStackCoverage(project, discovered);
    const all = discovered.filter((s) => !pending.some((p) => p.stack === s));
    for (const p of pending) process.stderr.write(`${p.stack.stack}: not planned: ${p.reason}\n`);
    const targets = (args.repeated.stack ?? []).filter((t) => !pending.some((p) => p.stack.stack === t));
    if (targets.length === 0 && (args.repeated.stack ?? []).length > 0) return 0;
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
    const estimate = args.flags.estimate || args.options.json ? (await import("../estimate/estimate-plans")).estimateStackPlans(root, run, plans, shown) : undefined;
    if (args.flags.estimate && estimate) {
        const { renderEstimateText } = await import("../estimate/render-estimate");
        process.stdout.write("\n" + renderEstimateText(estimate, { linesPerStack: targets.length > 0 }) + "\n");
    }
    if (args.options.json) {
        const { planFileEstimate } = await import("../estimate/plan-file-estimate");
        fs.writeFileSync(args.options.json, serializePlanFile({ ...toPlanFile(shown[0]), estimate: planFileEstimate(estimate!, shown[0].stack) }));
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
