/** Throws one error listing every problem of a component's arguments, before any child exists. */
export function failIfAny(component: string, name: string, problems: readonly string[]): void {
    if (problems.length > 0) throw new Error(`${component} ${name}:\n  ${problems.join("\n  ")}`);
}

/** Problems of a per-region component's region list and of its per-region adoption ids (`what` names that argument). */
export function regionProblems(regions: readonly string[], adopt: Readonly<Record<string, string>>, what: string): string[] {
    const problems: string[] = [];
    if (regions.length === 0) problems.push("regions: at least one region is required");
    if (new Set(regions).size !== regions.length) problems.push(`regions: ${JSON.stringify(regions)} lists a region twice`);
    for (const r of Object.keys(adopt)) {
        if (!regions.includes(r)) problems.push(`${what}: ${r} is not one of the enabled regions ${regions.join(", ")}`);
    }
    return problems;
}

/** IAM role names: 1-64 characters of letters, digits and + = , . @ _ - (the configuration schema uses the same rule). */
export const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
/** What {@link ROLE_NAME_PATTERN} admits, for messages: `is not <ROLE_NAME_DESCRIPTION>`. */
export const ROLE_NAME_DESCRIPTION = "an IAM role name (1-64 of A-Z a-z 0-9 + = , . @ _ -)";

/** The problem of an IAM role name argument (`field` names it in the message), or undefined when it is valid. */
export function roleNameProblem(field: string, value: string): string | undefined {
    return ROLE_NAME_PATTERN.test(value) ? undefined : `${field}: ${JSON.stringify(value)} is not ${ROLE_NAME_DESCRIPTION}`;
}
