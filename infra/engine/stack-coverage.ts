import { coverageProblems } from "../config/coverage";
import { DEFAULT_ORG_FILE, loadOrg } from "../config/load";
import { NAMESPACE } from "../config/stack";
import type { ProjectSource, StackSource } from "./stacks";

/**
 * Fails with one ConfigError when the project's stacks do not cover the organisation exactly: an
 * account with no member stack, an account claimed twice, a member stack of an unknown account.
 * The org file is the one the stacks name (`lz:orgFile`, default `stacks/org.yaml`); an invalid
 * org file fails here with its own problems.
 */
export function assertStackCoverage(project: ProjectSource, stacks: readonly StackSource[]): void {
    const orgFiles = new Set(stacks.map((s) => s.config[`${NAMESPACE}:orgFile`] ?? DEFAULT_ORG_FILE));
    for (const orgFile of orgFiles.size > 0 ? orgFiles : [DEFAULT_ORG_FILE]) {
        const org = loadOrg(project.root, orgFile);
        const claims = stacks
            .filter((s) => (s.config[`${NAMESPACE}:orgFile`] ?? DEFAULT_ORG_FILE) === orgFile)
            .map((s) => ({ stack: s.stack, file: s.file, role: s.role, account: s.config[`${NAMESPACE}:account`] }));
        coverageProblems(org, claims).throwIfAny();
    }
}
