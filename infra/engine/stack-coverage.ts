import { coverageProblems } from "../config/coverage";
import { DEFAULT_ORG_FILE, loadOrg } from "../config/load";
import { NAMESPACE } from "../config/stack";
import type { ProjectSource, StackSource } from "./stacks";

/** A member stack whose account the management stack has yet to create: nothing to plan until its id is recorded. */
export interface PendingStack {
    readonly stack: StackSource;
    /** What to do, one line. */
    readonly reason: string;
}

/**
 * Fails with one ConfigError when the project's stacks do not cover the organisation exactly: an
 * account with no member stack, an account claimed twice, a member stack of an unknown account.
 * The org file is the one the stacks name (`lz:orgFile`, default `stacks/org.yaml`); an invalid
 * org file fails here with its own problems. Returns the member stacks of accounts still to be
 * created (`create: true`, no id), which plans and deployments skip until the id is recorded.
 */
export function assertStackCoverage(project: ProjectSource, stacks: readonly StackSource[]): PendingStack[] {
    const orgFileOf = (s: StackSource) => s.config[`${NAMESPACE}:orgFile`] ?? DEFAULT_ORG_FILE;
    const orgFiles = new Set(stacks.map(orgFileOf));
    const pending: PendingStack[] = [];
    for (const orgFile of orgFiles.size > 0 ? orgFiles : [DEFAULT_ORG_FILE]) {
        const org = loadOrg(project.root, orgFile);
        const mine = stacks.filter((s) => orgFileOf(s) === orgFile);
        coverageProblems(
            org,
            mine.map((s) => ({ stack: s.stack, file: s.file, role: s.role, account: s.config[`${NAMESPACE}:account`] })),
        ).throwIfAny();
        for (const s of mine.filter((x) => x.role === "member")) {
            const account = org.accounts.find((a) => a.name === s.config[`${NAMESPACE}:account`]);
            if (account && account.id === undefined) {
                pending.push({ stack: s, reason: `account ${account.name} is created by the management stack; once it exists, record its id (npm run add-account -- --name ${account.name} --email ${account.email} --ou ${account.ou} --id <id>)` });
            }
        }
    }
    return pending;
}
