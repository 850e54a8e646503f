/**
 * `npm run import-org -- --organization <file> --accounts <file> --log-archive <id> --security <id>
 * [--ou-accounts <ou>=<file> …] [--ous <file> …] [--name-prefix p] [--home-region r] [--regions a,b]
 * [--break-glass-user u …] [--root <dir>]`: writes `stacks/org.yaml` and the stack files of an
 * existing organisation from the AWS CLI's JSON output, then lists the keys it could not decide.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, UsageError } from "./args";
import { runCli } from "./plan";
import { parseAccountList, parseDescribeOrganization, parseOuList } from "../onboarding/aws-cli-files";
import { importOrganization } from "../onboarding/import-org";

const USAGE = [
    "usage: npm run import-org -- --organization <file> --accounts <file> --log-archive <account-id> --security <account-id> [options]",
    "  --organization <file>      output of `aws organizations describe-organization`",
    "  --accounts <file>          output of `aws organizations list-accounts`",
    "  --log-archive <id>         the log archive account; --security <id> the security tooling account",
    "  --ou-accounts <ou>=<file>  output of `aws organizations list-accounts-for-parent --parent-id <ou>`; <ou> is an OU id",
    "                             (named through --ous), the root id (r-…) or an OU path such as Workloads/Prod; repeatable",
    "  --ous <file>               output of `aws organizations list-organizational-units-for-parent` (OU names by id); repeatable",
    "  --name-prefix <p>  --home-region <r>  --regions <a,b,…>  --break-glass-user <iam-user> (repeatable)",
    "  --root <dir>               project folder to write into (default: this repository); Pulumi.yaml is copied there when missing",
].join("\n");

export async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { flags: ["help"], options: ["organization", "accounts", "log-archive", "security", "name-prefix", "home-region", "regions", "root"], repeatable: ["ou-accounts", "ous", "break-glass-user"] }, USAGE);
    if (args.flags.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    for (const required of ["organization", "accounts", "log-archive", "security"]) {
        if (args.options[required] === undefined) throw new UsageError(`--${required} is required\n${USAGE}`);
    }
    const repo = path.resolve(__dirname, "..", "..");
    const root = path.resolve(args.options.root ?? repo);
    const read = (file: string) => {
        try {
            return fs.readFileSync(file, "utf8");
        } catch (e) {
            throw new UsageError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
    };
    const ouAccounts = (args.repeated["ou-accounts"] ?? []).map((spec) => {
        const eq = spec.indexOf("=");
        if (eq <= 0) throw new UsageError(`--ou-accounts ${spec}: expected <ou>=<file>`);
        const file = spec.slice(eq + 1);
        return { key: spec.slice(0, eq), accounts: parseAccountList(read(file), file) };
    });
    const orgFile = path.join(root, "stacks", "org.yaml");
    const stacksDir = path.join(root, "stacks");
    const result = importOrganization({
        organization: parseDescribeOrganization(read(args.options.organization), args.options.organization),
        accounts: parseAccountList(read(args.options.accounts), args.options.accounts),
        logArchiveId: args.options["log-archive"],
        securityId: args.options.security,
        ouAccounts,
        ous: (args.repeated.ous ?? []).flatMap((f) => parseOuList(read(f), f)),
        existingOrg: fs.existsSync(orgFile) ? fs.readFileSync(orgFile, "utf8") : undefined,
        existingStackFiles: fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir).map((f) => `stacks/${f}`) : [],
        namePrefix: args.options["name-prefix"],
        homeRegion: args.options["home-region"],
        regions: args.options.regions?.split(",").map((r) => r.trim()).filter((r) => r !== ""),
        breakGlassUsers: args.repeated["break-glass-user"],
    });
    fs.mkdirSync(stacksDir, { recursive: true });
    if (!fs.existsSync(path.join(root, "Pulumi.yaml"))) fs.copyFileSync(path.join(repo, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
    const before = fs.existsSync(orgFile) ? fs.readFileSync(orgFile, "utf8") : undefined;
    if (before !== result.orgYaml) fs.writeFileSync(orgFile, result.orgYaml);
    const written = Object.entries(result.stackFiles);
    for (const [file, body] of written) fs.writeFileSync(path.join(root, file), body);
    const changed = [...(before !== result.orgYaml ? ["stacks/org.yaml"] : []), ...written.map(([f]) => f)];
    process.stdout.write(changed.length === 0 ? "nothing to change: the configuration already matches the organisation\n" : `wrote ${changed.join(", ")}\n`);
    for (const n of result.notes) process.stdout.write(`note: ${n}\n`);
    if (result.undecided.length > 0) {
        process.stdout.write(`\nfill in these keys of stacks/org.yaml, then run npm run plan:\n${result.undecided.map((u) => `  - ${u}`).join("\n")}\n`);
    }
    return 0;
}

if (require.main === module) runCli(main);
