/**
 * `npm run drift-report -- <preview.json …> [--markdown <file>] [--json <file>]`: the drift of each
 * stack from `pulumi preview --refresh --json` output (one file per stack), as Markdown (the drift
 * issue's body) and JSON. Exit 0 no drift, 1 drift, 2 a file it cannot read.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, UsageError } from "./args";
import { runCli } from "./plan";
import { driftMarkdown, stackDrift, type StackDrift } from "../drift/drift-report";

const USAGE = "usage: npm run drift-report -- <preview.json …> [--markdown <file>] [--json <file>] [--run-url <url>]";

export async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { flags: ["help"], options: ["markdown", "json", "run-url"] }, USAGE);
    if (args.flags.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    if (args.positional.length === 0) throw new UsageError(`no preview file given\n${USAGE}`);
    const stacks: StackDrift[] = args.positional.map((file) => {
        let preview: unknown;
        try {
            preview = JSON.parse(fs.readFileSync(file, "utf8"));
        } catch (e) {
            throw new UsageError(`${file}: not the JSON of pulumi preview --json (${(e as Error).message})`);
        }
        if (preview === null || typeof preview !== "object" || ("steps" in preview && !Array.isArray((preview as { steps: unknown }).steps))) {
            throw new UsageError(`${file}: not the JSON of pulumi preview --json (no steps list)`);
        }
        return stackDrift(preview as { steps?: [] }, path.basename(file).replace(/\.json$/, ""));
    });
    const markdown = driftMarkdown(stacks, { runUrl: args.options["run-url"] });
    if (args.options.markdown) fs.writeFileSync(args.options.markdown, markdown);
    if (args.options.json) fs.writeFileSync(args.options.json, JSON.stringify({ stacks }, null, 2) + "\n");
    process.stdout.write(markdown);
    return stacks.some((s) => s.drifted.length > 0) ? 1 : 0;
}

if (require.main === module) runCli(main);
