/**
 * Stack coverage of the organisation: every account of the org file has exactly one member stack.
 * An account without one would plan and deploy cleanly yet get no Config recorder, no log
 * subscription and no forwarding; two stacks for one account would fight over the same resources
 * at deploy time. Both are reported before any stack runs, with every other such problem.
 */
import { ProblemList } from "./errors";
import type { OrgModel } from "./model";
import { closest, show } from "./schema";

/** The facts of one stack file coverage needs: its role and the account it names (raw, unvalidated). */
export interface StackClaim {
    readonly stack: string;
    /** Repository-relative stack file. */
    readonly file: string;
    /** `lz:role` as written (undefined when absent). */
    readonly role: string | undefined;
    /** `lz:account` as written (undefined or "" when absent). */
    readonly account: string | undefined;
}

/** The stack file a new member stack of `account` goes in (`npm run add-account` writes it). */
export function memberStackFile(account: string): string {
    return `stacks/Pulumi.member-${account}.yaml`;
}

/** The content of an account's member stack file, under a comment saying who wrote it. */
export function memberStackYaml(account: string, comment: string): string {
    return `# ${comment}\nconfig:\n  lz:role: member\n  lz:account: ${account}\n`;
}

/**
 * Problems of coverage, in org-file order then stack order: accounts with no member stack, accounts
 * claimed by several member stacks, member stacks naming an account the org file does not define.
 * Accounts still to be created (no id yet) need no stack until the management stack created them.
 */
export function coverageProblems(org: OrgModel, stacks: readonly StackClaim[]): ProblemList {
    const problems = new ProblemList();
    const members = stacks.filter((s) => s.role === "member");
    const names = org.accounts.map((a) => a.name);
    for (const account of org.accounts) {
        const claims = members.filter((s) => s.account === account.name);
        if (claims.length === 0 && account.id !== undefined) {
            problems.add(
                org.file,
                account.configPath,
                `account ${show(account.name)} (${account.id}) has no member stack, so it would get no Config recorder, log subscription or event forwarding; ` +
                    `create ${memberStackFile(account.name)} with lz:role: member and lz:account: ${account.name}`,
            );
        }
        for (const extra of claims.slice(1)) {
            problems.add(
                extra.file,
                "lz:account",
                `account ${show(account.name)} is already the account of ${claims[0].file}; one member stack per account (two would deploy the same baseline twice and collide), remove one of them`,
            );
        }
    }
    for (const s of members) {
        if (s.account === undefined || s.account === "" || names.includes(s.account)) continue;
        const hint = closest(s.account, names);
        problems.add(s.file, "lz:account", `${show(s.account)} is not an account defined in ${org.file}` + (hint ? ` (did you mean ${show(hint)}?)` : "") + `; defined: ${names.join(", ")}`);
    }
    return problems;
}
