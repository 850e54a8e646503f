import { orgSchema } from "./org";
import { ROLES } from "./model";
import { ROLE_SETTINGS, NAMESPACE } from "./stack";
import { describeSchema, type Schema } from "./schema";
import { costlySettings } from "./costs";

function defaultOf(s: Schema): string {
    if (s.default === undefined) return s.optional ? "(optional)" : "**required**";
    return "`" + JSON.stringify(s.default) + "`";
}

/** A default in a table cell: JSON in code, or "unset". */
function shown(value: unknown): string {
    return value === undefined ? "unset" : "`" + JSON.stringify(value) + "`";
}

/** The meaning column: the doc, then what the key costs and its default under a profile that changes it. */
function meaning(s: Schema): string {
    const parts = [s.doc ?? ""];
    if (s.cost) parts.push(`**Cost:** ${s.cost.unit} ([pricing](${s.cost.pricing})).`);
    for (const [profile, value] of Object.entries(s.profiles ?? {})) parts.push(`**\`${profile}\` profile:** \`${JSON.stringify(value)}\`.`);
    return parts.filter(Boolean).join(" ").replace(/\|/g, "\\|");
}

function rows(schema: Schema, path: string, out: string[]): void {
    if (path) {
        const type = schema.kind === "object" ? "map" : describeSchema(schema);
        out.push(`| \`${path}\` | ${type.replace(/\|/g, "\\|")} | ${defaultOf(schema)} | ${meaning(schema)} |`);
    }
    if (schema.kind === "object") {
        for (const [k, v] of Object.entries(schema.fields)) rows(v, path ? `${path}.${k}` : k, out);
    } else if (schema.kind === "array" && schema.items.kind === "object") {
        rows(schema.items, `${path}[]`, out);
    }
}

/** The configuration reference, generated from the schemas the validator uses (so it cannot drift). */
export function renderConfigReference(): string {
    const out: string[] = [
        "# Configuration reference",
        "",
        "Generated from the validator's schemas by `npm run docs`; a test fails when this file is out of date.",
        "",
        "## `stacks/org.yaml` — organisation facts shared by every stack",
        "",
        "| key | allowed | default | meaning |",
        "|---|---|---|---|",
    ];
    rows(orgSchema, "", out);
    out.push(
        "",
        "## What costs money, and the `essential` profile",
        "",
        "Every setting below costs money when on, priced by the unit shown. `profile: essential` in `stacks/org.yaml` turns the",
        "costly extras off in one line (the `essential` column); a value a stack file sets still wins. The rows come from the",
        "same schemas (`cost`, `profiles`), which `costlySettings()` in `infra/config/costs.ts` returns for cost estimates.",
        "",
        "| where | key | priced | `full` (default) | `essential` |",
        "|---|---|---|---|---|",
        ...costlySettings().map(
            (c) => `| ${c.where} | \`${c.key}\` | ${c.cost.unit} ([pricing](${c.cost.pricing})) | ${shown(c.defaults.full)} | ${shown(c.defaults.essential)} |`,
        ),
    );
    out.push(
        "",
        "## `stacks/Pulumi.<stack>.yaml` — one stack",
        "",
        "| key | allowed | default | meaning |",
        "|---|---|---|---|",
        `| \`${NAMESPACE}:role\` | one of ${ROLES.join(", ")} | **required** | The account role the stack deploys. |`,
        `| \`${NAMESPACE}:account\` | an account name from org.yaml | core roles: their account | For role \`member\`: the account the baseline deploys into. |`,
        `| \`${NAMESPACE}:orgFile\` | a path | \`"stacks/org.yaml"\` | Organisation facts file, relative to the repository root. |`,
    );
    for (const role of ROLES) {
        const { key, schema } = ROLE_SETTINGS[role];
        out.push(`| \`${NAMESPACE}:${key}\` | map | \`{}\` | Settings of role \`${role}\` (below); only a \`${role}\` stack may set it. |`);
    }
    for (const role of ROLES) {
        const { key, schema } = ROLE_SETTINGS[role];
        const lines: string[] = [];
        rows(schema, "", lines);
        out.push("", `### \`${NAMESPACE}:${key}\` — role \`${role}\``, "");
        if (lines.length === 0) {
            out.push("No settings.");
        } else {
            out.push("| key | allowed | default | meaning |", "|---|---|---|---|", ...lines);
        }
    }
    return out.join("\n") + "\n";
}
