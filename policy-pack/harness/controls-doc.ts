/**
 * Generates docs/controls.md: the controls matrix (rule → CIS / Security Hub / AWS Config /
 * NIST 800-53 / SOC 2), levels, types and settings, from the rules' own metadata. A test keeps the
 * committed file equal to this output; regenerate with
 * `node -r ts-node/register/transpile-only policy-pack/harness/controls-doc.ts`.
 */
import * as fs from "fs";
import * as path from "path";
import { ALL_RULES } from "../rules";

const cell = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "—");
const esc = (s: string) => s.replace(/\|/g, "\\|");

export function controlsMatrix(): string {
    const lines: string[] = [];
    lines.push("# Controls matrix of the logging policy pack");
    lines.push("");
    lines.push("<!-- Generated from policy-pack/rules.ts by policy-pack/harness/controls-doc.ts; a test fails when this file is out of date. -->");
    lines.push("");
    lines.push(`${ALL_RULES.length} rules. Levels are the defaults; every rule can be set to advisory, mandatory, remediate (where it has a fix) or disabled in the pack config. \`—\` means the framework has no matching item.`);
    lines.push("");
    lines.push("| Rule | Kind | Default level | CIS AWS Foundations | Security Hub | AWS Config rule | NIST 800-53 | SOC 2 |");
    lines.push("|---|---|---|---|---|---|---|---|");
    for (const r of ALL_RULES) {
        const c = r.meta.controls;
        lines.push(`| \`${r.name}\` | ${r.kind} | ${r.meta.enforcementLevel} | ${cell(c.cis)} | ${cell(c.securityHub)} | ${cell(c.awsConfig)} | ${cell(c.nist)} | ${cell(c.soc2)} |`);
    }
    lines.push("");
    lines.push("## Rules");
    lines.push("");
    for (const r of ALL_RULES) {
        lines.push(`### \`${r.name}\``);
        lines.push("");
        lines.push(esc(r.meta.description));
        lines.push("");
        lines.push(`- Level: ${r.meta.enforcementLevel}${r.remediates ? " (fixes in place at the remediate level)" : ""}; severity ${r.meta.severity}; ${r.kind} rule.`);
        lines.push(`- Types: ${r.types.map((t) => `\`${t}\``).join(", ")}.`);
        lines.push(`- Fix: ${r.meta.remediation}`);
        const f = r.meta.follows;
        if (f) lines.push(`- Follows: ${f.control} ([AWS documentation](${f.page})). ${esc(f.note)}`);
        const settings = Object.entries(r.meta.config ?? {});
        lines.push(`- Settings: ${settings.map(([k, p]) => `\`${k}\` (${p.type}, default \`${JSON.stringify(p.default)}\`): ${p.description}`).join("; ")}${settings.length ? "; " : ""}\`exceptions\` (array, default \`[]\`).`);
        lines.push("");
    }
    return lines.join("\n");
}

export const CONTROLS_DOC = path.resolve(__dirname, "..", "..", "docs", "controls.md");

if (require.main === module) {
    fs.writeFileSync(CONTROLS_DOC, controlsMatrix());
    process.stdout.write(`wrote ${path.relative(process.cwd(), CONTROLS_DOC)} (${ALL_RULES.length} rules)\n`);
}
