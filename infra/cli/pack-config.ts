/**
 * `npm run pack-config -- [--log-archive <outputs.json> --security <outputs.json>] [--out <file>] [--check] [--root <dir>]`
 * `npm run pack-config -- --merge <policy-config.json>... --out <file>`
 *
 * Writes the organisation's policy-pack config (approved destinations, baseline selection) from the
 * log-archive and security stacks' outputs: by default from the offline plan of those stacks (the
 * names the org file derives), or from `pulumi stack output --json` files of the deployed stacks.
 * `--check` writes nothing and exits 1 when the file differs from what the outputs give.
 *
 * `--merge` writes the organisation's config (`policy-config/default.json` of `--root`) with a team's
 * policy config file on top (its exceptions, stricter levels): `pulumi preview --policy-pack-config`
 * takes one file per pack, and the team's must not drop the organisation's destinations.
 */
import * as fs from "fs";
import * as path from "path";
import { mergePackConfigs, readPackConfigFile } from "../check/config";
import { ExportError } from "../check/export-file";
import { PackConfigError, packConfigFromOutputs, serializePackConfig, type StackOutputs } from "../check/pack-config";
import { accessLogBucketPrefix } from "../naming";
import { healthAlarmPrefix } from "../config/health";
import { parseArgs, UsageError } from "./args";
import { runCli } from "./plan";

const USAGE =
    "usage: npm run pack-config -- [--log-archive <outputs.json> --security <outputs.json>] [--out <file>] [--check] [--root <dir>]\n" +
    "       npm run pack-config -- --merge <policy-config.json>... --out <file> [--root <dir>]";
const REPO_ROOT = path.resolve(__dirname, "..", "..");

function readOutputs(file: string): StackOutputs {
    let doc: unknown;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new ExportError(`${file}: cannot be read as JSON (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new ExportError(`${file}: expected the object \`pulumi stack output --json\` prints`);
    return doc as StackOutputs;
}

/** The two stacks' outputs from the offline plan of `root` (their predecessors planned quietly). */
async function plannedOutputs(root: string): Promise<{ logArchive: StackOutputs; security: StackOutputs }> {
    const { discoverStacks, readProject } = await import("../engine/stacks");
    const { planStacks, withPredecessors } = await import("../engine/plan");
    const project = readProject(root);
    const all = discoverStacks(project);
    const byRole = (role: string) => {
        const s = all.filter((x) => x.role === role);
        if (s.length !== 1) throw new UsageError(`${root}/stacks: expected one ${role} stack, found ${s.length}`);
        return s[0].stack;
    };
    const wanted = [byRole("log-archive"), byRole("security")];
    const plans = await planStacks(project, withPredecessors(all, wanted), { preview: false });
    const outputs = (stack: string) => plans.find((p) => p.stack === stack)!.outputs as StackOutputs;
    return { logArchive: outputs(wanted[0]), security: outputs(wanted[1]) };
}

/** The names the pack config takes from the org file itself: the member access-log bucket prefix and the forwarded health alarms' prefix. */
async function orgNames(root: string): Promise<{ memberAccessLogPrefix: string; forwardedAlarmPrefix: string }> {
    const { loadModel } = await import("../program");
    const org = loadModel({ root, stack: "log-archive", config: { "lz:role": "log-archive" } }).org;
    return { memberAccessLogPrefix: accessLogBucketPrefix(org), forwardedAlarmPrefix: healthAlarmPrefix(org.namePrefix) };
}

/** The config text for `root`'s organisation, from files when both are given, else from the offline plan. */
export async function buildPackConfig(o: { root: string; logArchive?: string; security?: string }): Promise<string> {
    if ((o.logArchive === undefined) !== (o.security === undefined)) {
        throw new UsageError(`--log-archive and --security go together (both stacks' outputs, or neither for the offline plan)\n${USAGE}`);
    }
    const outputs = o.logArchive !== undefined ? { logArchive: readOutputs(o.logArchive), security: readOutputs(o.security!) } : await plannedOutputs(o.root);
    return serializePackConfig(packConfigFromOutputs({ ...outputs, ...(await orgNames(o.root)) }));
}

export async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { flags: ["check", "help"], options: ["log-archive", "security", "out", "root"], repeatable: ["merge"] }, USAGE);
    if (args.flags.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    if (args.positional.length) throw new UsageError(USAGE);
    const root = path.resolve(args.options.root ?? REPO_ROOT);
    const orgFile = path.join(root, "policy-config", "default.json");
    if (args.repeated.merge) return mergeMain(orgFile, args.repeated.merge, args.options.out);
    const out = path.resolve(args.options.out ?? orgFile);
    let text: string;
    try {
        text = await buildPackConfig({ root, logArchive: args.options["log-archive"], security: args.options.security });
    } catch (e) {
        if (e instanceof PackConfigError || e instanceof ExportError) {
            process.stderr.write(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
    if (args.flags.check) {
        const current = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : undefined;
        if (current === text) {
            process.stdout.write(`${path.relative(process.cwd(), out)} is up to date\n`);
            return 0;
        }
        process.stderr.write(`${path.relative(process.cwd(), out)} is ${current === undefined ? "missing" : "out of date"}: run npm run pack-config\n`);
        return 1;
    }
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
    process.stdout.write(`pack config written to ${path.relative(process.cwd(), out)}\n`);
    return 0;
}

/** `--merge`: the organisation's config with the given files on top, written to `out`. */
function mergeMain(orgFile: string, files: readonly string[], out: string | undefined): number {
    if (!out) throw new UsageError(`--merge needs --out: the organisation's ${path.relative(process.cwd(), orgFile)} is never overwritten\n${USAGE}`);
    if (!fs.existsSync(orgFile)) throw new UsageError(`${orgFile} does not exist: run npm run pack-config first`);
    const merged = mergePackConfigs(readPackConfigFile(orgFile), ...files.map((f) => readPackConfigFile(f, "--merge")));
    fs.writeFileSync(out, JSON.stringify(merged, null, 2) + "\n");
    process.stdout.write(`pack config (${[orgFile, ...files].map((f) => path.relative(process.cwd(), f)).join(" + ")}) written to ${path.relative(process.cwd(), out)}\n`);
    return 0;
}

if (require.main === module) {
    runCli(main);
}
