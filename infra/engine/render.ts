import type { StackPlan } from "./run";
import type { PlannedResource } from "./monitor";

/** Resources by type, most frequent first, then by type name. */
export function countByType(resources: readonly PlannedResource[]): [string, number][] {
    const counts = new Map<string, number>();
    for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A readable tree of the stack: components with their children indented, then counts by type. */
export function renderPlan(plan: StackPlan, o: { readonly tree?: boolean } = {}): string {
    const lines: string[] = [];
    const children = new Map<string | null, PlannedResource[]>();
    for (const r of plan.resources) {
        const key = r.parent;
        children.set(key, [...(children.get(key) ?? []), r]);
    }
    const custom = plan.resources.filter((r) => r.custom).length;
    lines.push(`stack ${plan.stack} (${plan.preview ? "preview" : "update"}): ${plan.resources.length} resources, ${custom} in AWS`);
    if (o.tree !== false) {
        const walk = (parent: string | null, depth: number) => {
            for (const r of children.get(parent) ?? []) {
                const tags: string[] = [];
                if (r.protect) tags.push("protect");
                if (r.retainOnDelete) tags.push("retain");
                if (r.importId) tags.push(`import ${r.importId}`);
                const region = typeof r.inputs.region === "string" ? ` @${r.inputs.region}` : "";
                lines.push(`${"  ".repeat(depth)}${depth > 0 ? "└─ " : ""}${r.name}  ${r.type}${region}${tags.length ? `  [${tags.join(", ")}]` : ""}`);
                walk(r.urn, depth + 1);
            }
        };
        walk(null, 0);
    }
    lines.push("  resources by type:");
    for (const [type, n] of countByType(plan.resources)) lines.push(`    ${String(n).padStart(5)}  ${type}`);
    const outputs = Object.keys(plan.outputs);
    if (outputs.length > 0) lines.push(`  outputs: ${outputs.join(", ")}`);
    // As the Pulumi CLI shows them: under the stack whose program logged them.
    for (const d of plan.diagnostics) lines.push(`  ${d.severity}: ${d.message}`);
    return lines.join("\n");
}
