/**
 * `npm run check -- <program-dir> [--stack <name>] [--preview] [--json <file>] [--config key=value]...
 *   [--pack-config <file>|none] [--tag key=value]...`
 *
 * Runs a Pulumi program offline the way `pulumi preview` would (its Pulumi.yaml, stack config, entry
 * point and own SDK; mock engine, no credentials, no Pulumi CLI) and evaluates the logging policy
 * pack on it through the `@pulumi/policy` analyzer. Exit 0 clean, 1 on a mandatory (or remediate)
 * violation, 2 when the program fails or the command line is wrong.
 */
import * as fs from "fs";
import * as path from "path";
import { isStackConfigPair, packConfigFor, parseStackTags } from "../check/config";
import { ProgramError } from "../check/program-error";
import { renderCheck, renderCheckNotes, toCheckReport } from "../check/report";
import { parseArgs, UsageError } from "./args";
import { runCli } from "./plan";

const USAGE =
    "usage: npm run check -- <program-dir> [--stack <name>] [--preview] [--json <file>] " +
    "[--config <ns>:<key>=<value> | <rule>.<setting>=<value> | <rule>=<level> | all=<level>]... " +
    "[--pack-config <file>|none] [--tag key=value]...";

export async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { flags: ["preview", "help"], options: ["json", "stack", "pack-config"], repeatable: ["config", "tag"] }, USAGE);
    if (args.flags.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    if (args.positional.length !== 1) throw new UsageError(USAGE);
    const dir = args.positional[0];
    const pairs = args.repeated.config ?? [];
    const pack = packConfigFor(args.options["pack-config"], pairs.filter((p) => !isStackConfigPair(p)));
    const stackTags = parseStackTags(args.repeated.tag ?? []);
    const preview = Boolean(args.flags.preview);
    // The program changes the working directory while it runs: the report goes where the caller meant.
    const jsonFile = args.options.json ? path.resolve(args.options.json) : undefined;
    let run;
    try {
        // Loaded only now: the engine must load on the program's own SDK (see infra/check/sdk.ts).
        const { runProgram } = await import("../check/program");
        run = await runProgram(dir, { preview, stack: args.options.stack, config: pairs.filter(isStackConfigPair) });
    } catch (e) {
        if (e instanceof ProgramError) {
            process.stderr.write(`The program in ${dir} failed:\n${e.message}\n`);
            const notes = renderCheckNotes({ unknowns: [...e.unanswered].map(([fn, calls]) => ({ function: fn, calls })), unsupported: [] });
            if (notes) process.stderr.write(`\n${notes}`);
            return 2;
        }
        throw e;
    }
    const { evaluatePack } = await import("../../policy-pack/harness/evaluate");
    // What the program (or the SDK for it) logged, as `pulumi preview` shows it, before the verdict.
    for (const d of run.plan.diagnostics) process.stderr.write(`${d.severity}: ${d.message}\n`);
    let result;
    try {
        result = await evaluatePack(
            run.plan.resources.map((r) => ({
                urn: r.urn,
                type: r.type,
                name: r.name,
                props: r.wireInputs,
                parent: r.parent ?? undefined,
                provider: r.provider ?? undefined,
                dependencies: r.dependencies,
                propertyDependencies: r.propertyDependencies,
                protect: r.protect,
                custom: r.custom,
            })),
            { config: pack.config, preview, stackName: run.plan.stack, stackTags },
        );
    } catch (e) {
        // Invalid pack config: the pack lists every problem.
        throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    const report = toCheckReport(result.violations, run);
    const where = [`stack ${run.stack.stack}${run.stack.file ? ` (${path.basename(run.stack.file)})` : ""}`, `entry ${path.relative(run.project.dir, run.entry.path) || "."}`];
    where.push(`@pulumi/pulumi ${run.sdk.version}${run.sdk.own ? "" : " (this repository's)"}`);
    where.push(pack.file ? `pack config ${path.relative(process.cwd(), pack.file)}` : "no pack config");
    process.stdout.write(`${run.project.name}: ${where.join(", ")}\n`);
    process.stdout.write(`${run.plan.resources.length} resources checked (${preview ? "preview" : "update"})\n`);
    process.stdout.write(renderCheck(report.violations));
    const notes = renderCheckNotes(report);
    if (notes) process.stdout.write(`\n${notes}`);
    if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(report, null, 2) + "\n");
    return report.violations.some((v) => v.level === "mandatory") ? 1 : 0;
}

if (require.main === module) {
    runCli(main);
}
