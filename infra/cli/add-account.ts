/**
 * `npm run add-account -- --name <name> --email <e-mail> --ou <OU path> [--id <account-id>] [--root <dir>]`:
 * adds a member account to `stacks/org.yaml` and writes its member stack file, so the pull request
 * shows exactly what joins the organisation. Without `--id` the management stack creates the account;
 * run it again with `--id` once it exists to record the id.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, UsageError } from "./args";
import { runCli } from "./plan";
import { addAccount } from "../onboarding/add-account";

const USAGE = [
    "usage: npm run add-account -- --name <name> --email <e-mail> --ou <OU path> [--id <account-id>] [--root <dir>]",
    "  --name    kebab-case account name; its stack is member-<name>",
    "  --email   the account's root e-mail address (unique in AWS)",
    "  --ou      OU path below the root, e.g. Workloads/Prod",
    "  --id      an existing account to adopt, or the id of an account added before without one",
].join("\n");

export async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { flags: ["help"], options: ["name", "email", "ou", "id", "root"] }, USAGE);
    if (args.flags.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    for (const required of ["name", "email", "ou"]) if (args.options[required] === undefined) throw new UsageError(`--${required} is required\n${USAGE}`);
    const root = path.resolve(args.options.root ?? path.resolve(__dirname, "..", ".."));
    const orgFile = path.join(root, "stacks", "org.yaml");
    if (!fs.existsSync(orgFile)) throw new UsageError(`${orgFile} does not exist: run npm run import-org (or write it) first`);
    const result = addAccount({
        orgYaml: fs.readFileSync(orgFile, "utf8"),
        name: args.options.name,
        email: args.options.email,
        ou: args.options.ou,
        id: args.options.id,
        existingStackFiles: fs.readdirSync(path.join(root, "stacks")).map((f) => `stacks/${f}`),
    });
    fs.writeFileSync(orgFile, result.orgYaml);
    for (const [file, body] of Object.entries(result.stackFiles)) fs.writeFileSync(path.join(root, file), body);
    process.stdout.write(`${result.summary}\nchanged: stacks/org.yaml${Object.keys(result.stackFiles).map((f) => `, ${f}`).join("")}\n`);
    return 0;
}

if (require.main === module) runCli(main);
