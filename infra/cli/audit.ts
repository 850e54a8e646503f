/**
 * `npm run audit -- <stack-export.json ...> [--json <file>] [--markdown <file>] [--config key=value ...]`
 *
 * Evaluates the logging policy pack against `pulumi stack export` files, one stack at a time (read,
 * evaluate, keep only the per-rule results), and reports per stack and rule pass / fail / n/a with
 * resources and controls. Exit 0 no mandatory failure, 1 mandatory failures, 2 an unreadable export
 * (one line per file; the other files are still audited).
 */
import * as fs from "fs";
import { evaluatePack, resolveConfig } from "../../policy-pack/harness/evaluate";
import { parsePackConfig, parseStackTags } from "../check/config";
import { ExportError, readExport } from "../check/export-file";
import { auditResults, renderMarkdown, type StackReport } from "../check/report";
import { parseArgs, UsageError } from "./args";
import { runCli } from "./plan";

const USAGE = "usage: npm run audit -- <stack-export.json>... [--json <file>] [--markdown <file>] [--config key=value]... [--tag key=value]... [--quiet]";

export async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { flags: ["help", "quiet"], options: ["json", "markdown"], repeatable: ["config", "tag"] }, USAGE);
    const stackTags = parseStackTags(args.repeated.tag ?? []);
    if (args.flags.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    if (args.positional.length === 0) throw new UsageError(USAGE);
    const config = parsePackConfig(args.repeated.config ?? []);
    let levels: Map<string, string>;
    try {
        levels = new Map([...resolveConfig(config)].map(([k, e]) => [k, e.level]));
    } catch (e) {
        throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    const files = args.positional;
    const stacks: StackReport[] = [];
    let unreadable = 0;
    for (const [i, file] of files.entries()) {
        if (!args.flags.quiet) process.stderr.write(`[${i + 1}/${files.length}] ${file}\n`);
        let stack;
        try {
            stack = readExport(file);
        } catch (e) {
            if (!(e instanceof ExportError)) throw e;
            process.stderr.write(`error: ${e.message}\n`);
            unreadable++;
            continue;
        }
        for (const w of stack.warnings) process.stderr.write(`warning: ${w}\n`);
        let violations;
        let notApplicable: string[];
        try {
            ({ violations, notApplicable } = await evaluatePack(stack.resources, { config, stackName: stack.stack, stackTags }));
        } catch (e) {
            process.stderr.write(`error: ${file}: the pack could not evaluate this stack (${e instanceof Error ? e.message.split("\n")[0] : String(e)})\n`);
            unreadable++;
            continue;
        }
        stacks.push({ stack: stack.stack, results: auditResults(stack.resources, violations, levels, new Set(notApplicable)) });
    }
    let mandatoryFailures = 0;
    for (const s of stacks) {
        const fails = s.results.filter((r) => r.status === "fail");
        const m = fails.filter((r) => r.level === "mandatory");
        mandatoryFailures += m.length;
        const pass = s.results.filter((r) => r.status === "pass").length;
        process.stdout.write(`${s.stack}: ${pass} pass, ${m.length} mandatory fail, ${fails.length - m.length} advisory fail, ${s.results.length - pass - fails.length} n/a\n`);
        for (const r of fails) process.stdout.write(`  FAIL [${r.level}] ${r.policy}: ${r.resources.join(", ") || "(stack)"}  (${r.controls.join(", ")})\n`);
    }
    if (args.options.json) fs.writeFileSync(args.options.json, JSON.stringify({ stacks }, null, 2) + "\n");
    if (args.options.markdown) fs.writeFileSync(args.options.markdown, renderMarkdown(stacks));
    if (unreadable > 0) return 2;
    return mandatoryFailures > 0 ? 1 : 0;
}

if (require.main === module) {
    runCli(main);
}
