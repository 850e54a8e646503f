/** Throws one error listing every problem of a component's arguments, before any child exists. */
export function failIfAny(component: string, name: string, problems: readonly string[]): void {
    if (problems.length > 0) throw new Error(`${component} ${name}:\n  ${problems.join("\n  ")}`);
}
