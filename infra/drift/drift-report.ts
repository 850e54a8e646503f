/**
 * The drift report: what `pulumi preview --refresh --json` of each stack found changed outside
 * Pulumi, as one Markdown issue body and a JSON summary. The input is the preview's own JSON
 * (`PreviewDigest` of pulumi/pkg/display/json.go: `steps[]` of `op`, `urn`, `diffReasons`,
 * `replaceReasons`, `detailedDiff`), so the report can be built and tested offline.
 *
 * One change is not drift: previews run as the read-only preview role (`LZ_ASSUME=preview`), so
 * each stack's provider shows its `assumeRoles` changed from the deployment role; a provider step
 * whose only differences are under `assumeRoles` is left out.
 */
export interface PreviewStep {
    readonly op: string;
    readonly urn: string;
    readonly diffReasons?: readonly string[];
    readonly replaceReasons?: readonly string[];
    readonly detailedDiff?: Readonly<Record<string, { readonly kind?: string }>>;
}

export interface DriftedResource {
    readonly name: string;
    readonly type: string;
    /** The preview's operation: update, replace, create (deleted outside Pulumi), delete, … */
    readonly op: string;
    /** Property paths that differ, as the preview names them. */
    readonly properties: readonly string[];
}

export interface StackDrift {
    readonly stack: string;
    readonly drifted: readonly DriftedResource[];
}

/** Operations that change nothing. */
const NO_CHANGE = new Set(["same", "read", "refresh", "discard"]);

/** `urn:pulumi:<stack>::<project>::<type chain>::<name>` → its parts. */
export function urnParts(urn: string): { stack: string; type: string; name: string } {
    const [, , stack = "", , chain = "", ...rest] = urn.split("::").flatMap((p, i) => (i === 0 ? p.split(":") : [p]));
    return { stack, type: chain.split("$").pop() ?? chain, name: rest.join("::") };
}

function propertiesOf(s: PreviewStep): string[] {
    const keys = Object.keys(s.detailedDiff ?? {});
    return [...new Set(keys.length > 0 ? keys : [...(s.diffReasons ?? []), ...(s.replaceReasons ?? [])])].sort();
}

/** The provider's switch to the preview role, which every read-only preview shows. */
function isRoleSwitch(s: PreviewStep, type: string, props: readonly string[]): boolean {
    return type.startsWith("pulumi:providers:") && s.op === "update" && props.length > 0 && props.every((p) => p === "assumeRoles" || p.startsWith("assumeRoles["));
}

/** The drift of one stack's preview JSON; `fallbackStack` names it when no step carries a URN. */
export function stackDrift(preview: { readonly steps?: readonly PreviewStep[] }, fallbackStack: string): StackDrift {
    const steps = preview.steps ?? [];
    const stack = steps.length > 0 ? urnParts(steps[0].urn).stack : fallbackStack;
    const drifted: DriftedResource[] = [];
    for (const s of steps) {
        if (NO_CHANGE.has(s.op)) continue;
        const { type, name } = urnParts(s.urn);
        if (type === "pulumi:pulumi:Stack") continue;
        const properties = propertiesOf(s);
        if (isRoleSwitch(s, type, properties)) continue;
        drifted.push({ name, type, op: s.op, properties });
    }
    return { stack: stack || fallbackStack, drifted };
}

/** The issue body: a summary table, then each drifted stack's resources and properties. */
export function driftMarkdown(stacks: readonly StackDrift[], o: { readonly runUrl?: string } = {}): string {
    const drifted = stacks.filter((s) => s.drifted.length > 0);
    const lines = ["## Drift report", ""];
    lines.push(
        drifted.length === 0
            ? stacks.length === 1
                ? "No drift: 1 stack matches its state."
                : `No drift: ${stacks.length} stacks match their state.`
            : `${drifted.length} of ${stacks.length} stacks differ from their state: something changed them outside Pulumi. Review each change; \`pulumi up\` puts the code's values back, \`pulumi refresh\` accepts the live ones.`,
    );
    if (o.runUrl) lines.push("", `Run: ${o.runUrl}`);
    lines.push("", "| Stack | Drifted resources |", "|---|---:|", ...stacks.map((s) => `| \`${s.stack}\` | ${s.drifted.length} |`));
    for (const s of drifted) {
        lines.push("", `### \`${s.stack}\``, "");
        for (const r of s.drifted) lines.push(`- \`${r.name}\` (\`${r.type}\`): ${r.op}${r.properties.length > 0 ? ` — ${r.properties.map((p) => `\`${p}\``).join(", ")}` : ""}`);
    }
    return lines.join("\n") + "\n";
}
