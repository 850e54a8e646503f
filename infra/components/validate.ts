import { ROLE_NAME_DESCRIPTION, ROLE_NAME_PATTERN } from "../config/iam-names";

export { ROLE_NAME_DESCRIPTION, ROLE_NAME_PATTERN };

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


/** The problem of an IAM role name argument (`field` names it in the message), or undefined when it is valid. */
export function roleNameProblem(field: string, value: string): string | undefined {
    return ROLE_NAME_PATTERN.test(value) ? undefined : `${field}: ${JSON.stringify(value)} is not ${ROLE_NAME_DESCRIPTION}`;
}
