/**
 * `npm run check -- <program-dir> [--json <file>] [--preview] [--config key=value ...]`
 *
 * Runs any Pulumi TypeScript program offline (mock engine, no credentials, no Pulumi CLI) and
 * evaluates the logging policy pack on it through the `@pulumi/policy` analyzer. Exit 0 clean,
 * 1 on a mandatory (or remediate) violation, 2 when the program fails or the command line is wrong.
 */
import * as fs from "fs";
import { evaluatePack } from "../../policy-pack/harness/evaluate";
import { parsePackConfig, parseStackTags } from "../check/config";
import { ProgramError, runProgram } from "../check/program";
import { renderCheck, toCheckViolations } from "../check/report";
import { parseArgs, UsageError } from "./args";
import { runCli } from "./plan";

const USAGE = "usage: npm run check -- <program-dir> [--json <file>] [--preview] [--config <rule>.<setting>=<value> | <rule>=<level> | all=<level>]... [--tag key=value]... [--stack <name>]";

export async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { flags: ["preview", "help"], options: ["json", "stack"], repeatable: ["config", "tag"] }, USAGE);
    if (args.flags.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    if (args.positional.length !== 1) throw new UsageError(USAGE);
    const dir = args.positional[0];
    const config = parsePackConfig(args.repeated.config ?? []);
    const preview = Boolean(args.flags.preview);
    let plan;
    try {
        plan = await runProgram(dir, { preview, stack: args.options.stack });
    } catch (e) {
        if (e instanceof ProgramError) {
            process.stderr.write(`The program in ${dir} failed:\n${e.message}\n`);
            return 2;
        }
        throw e;
    }
    // What the program (or the SDK for it) logged, as `pulumi preview` shows it, before the verdict.
    for (const d of plan.diagnostics) process.stderr.write(`${d.severity}: ${d.message}\n`);
    let result;
    try {
        result = await evaluatePack(
            plan.resources.map((r) => ({
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
            { config, preview, stackName: plan.stack, stackTags: parseStackTags(args.repeated.tag ?? []) },
        );
    } catch (e) {
        // Invalid pack config: the pack lists every problem.
        throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    const violations = toCheckViolations(result.violations);
    process.stdout.write(`${plan.resources.length} resources checked (${preview ? "preview" : "update"})\n`);
    process.stdout.write(renderCheck(violations));
    if (args.options.json) fs.writeFileSync(args.options.json, JSON.stringify({ violations }, null, 2) + "\n");
    return violations.some((v) => v.level === "mandatory") ? 1 : 0;
}

if (require.main === module) {
    runCli(main);
}
