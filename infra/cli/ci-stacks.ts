/**
 * The stacks CI previews, deploys and checks for drift, by role, as GitHub Actions step outputs
 * (`all`, `management`, `log_archive`, `security`, `member`: JSON lists, deploy order): every stack of
 * `stacks/` but the bootstrap (run once by hand, before CI has an identity) and member stacks whose
 * account the management stack has yet to create. Fails, like `plan`, when the stacks do not cover
 * the organisation. Appends to `$GITHUB_OUTPUT` when set; prints the lines either way.
 */
import * as fs from "fs";
import { discoverStacks, readProject } from "../engine/stacks";
import { assertStackCoverage } from "../engine/stack-coverage";
import { runCli } from "./plan";

export function ciStackOutputs(root: string): string[] {
    const project = readProject(root);
    const found = discoverStacks(project);
    const pending = new Set(assertStackCoverage(project, found).map((p) => p.stack));
    const stacks = found.filter((s) => s.role !== "bootstrap" && !pending.has(s));
    const names = (role?: string) => JSON.stringify(stacks.filter((s) => role === undefined || s.role === role).map((s) => s.stack));
    return [`all=${names()}`, ...([["management", "management"], ["log_archive", "log-archive"], ["security", "security"], ["member", "member"]] as const).map(([key, role]) => `${key}=${names(role)}`)];
}

export async function main(): Promise<number> {
    const lines = ciStackOutputs(process.cwd());
    if (process.env.GITHUB_OUTPUT) fs.appendFileSync(process.env.GITHUB_OUTPUT, lines.join("\n") + "\n");
    process.stdout.write(lines.join("\n") + "\n");
    return 0;
}

if (require.main === module) runCli(main);
