import { orgSchema } from "./org";
import { ROLES } from "./model";
import { ROLE_SETTINGS, NAMESPACE } from "./stack";
import { describeSchema, type Schema } from "./schema";

function defaultOf(s: Schema): string {
    if (s.default === undefined) return s.optional ? "(optional)" : "**required**";
    return "`" + JSON.stringify(s.default) + "`";
}

function rows(schema: Schema, path: string, out: string[]): void {
    if (path) {
        const type = schema.kind === "object" ? "map" : describeSchema(schema);
        out.push(`| \`${path}\` | ${type.replace(/\|/g, "\\|")} | ${defaultOf(schema)} | ${(schema.doc ?? "").replace(/\|/g, "\\|")} |`);
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
