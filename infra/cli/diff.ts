/**
 * `npm run plan -- --diff <base> <head>` — Markdown summary of what a change does to each stack,
 * from two plan files or two folders of them (matched by the stack name inside each file). Needs no
 * credentials: CI plans the base and head checkouts offline and posts the output on the pull request.
 *
 *   npm run plan -- --diff base.json head.json
 *   npm run plan -- --diff plans/base plans/head [--max-chars 60000]
 */
import * as fs from "fs";
import * as path from "path";
import { diffPlans, isEmptyDiff, type PropertyChange, type ResourceRef, type StackDiff } from "../engine/diff";
import type { PlanFile } from "../engine/plan-json";
import { SECRET_MASK, type Json } from "../engine/wire";
import { parseArgs, UsageError } from "./args";
import { costDelta, type CostDelta } from "../estimate/cost-delta";
import { usd } from "../estimate/render-estimate";

const USAGE = "usage: npm run plan -- --diff <base.json|base-dir> <head.json|head-dir> [--max-chars <n>]";
/** Longest value shown in a table cell; the rest is elided. */
const VALUE_WIDTH = 80;

/** A plan file or folder that cannot be used: one line, exit 2. */
export class PlanReadError extends Error {}

/** Reads one plan file, checking the documented shape enough to diff it safely. */
export function readPlanFile(file: string): PlanFile {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new PlanReadError(`${file}: cannot read plan file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (e) {
        throw new PlanReadError(`${file}: not JSON (${(e as Error).message.split("\n")[0]})`);
    }
    const plan = data as Partial<PlanFile> | null;
    if (plan === null || typeof plan !== "object" || typeof plan.stack !== "string" || !Array.isArray(plan.resources)) {
        throw new PlanReadError(`${file}: not a plan file (expected { project, stack, resources, outputs } from npm run plan -- --json)`);
    }
    const bad = plan.resources.findIndex((r) => r === null || typeof r !== "object" || typeof r.urn !== "string" || typeof r.type !== "string");
    if (bad >= 0) throw new PlanReadError(`${file}: resources[${bad}] has no urn/type string`);
    const e = plan.estimate;
    if (e !== undefined && (e === null || typeof e !== "object" || typeof e.monthlyUsd !== "number" || !Array.isArray(e.lines) || e.lines.some((l) => typeof l?.key !== "string" || typeof l.monthlyUsd !== "number"))) {
        throw new PlanReadError(`${file}: estimate is not an estimate section (expected { monthlyUsd, lines: [{ key, monthlyUsd, … }] } from npm run plan -- --json)`);
    }
    return { project: String(plan.project ?? ""), stack: plan.stack, resources: plan.resources, outputs: plan.outputs ?? {}, ...(e === undefined ? {} : { estimate: e }) };
}

/** Plans of a file or folder, by stack name. */
function readPlans(location: string): Map<string, PlanFile> {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(location);
    } catch (e) {
        throw new PlanReadError(`${location}: cannot read plan file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    const files = stat.isDirectory()
        ? fs.readdirSync(location).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(location, f))
        : [location];
    const plans = new Map<string, PlanFile>();
    for (const file of files) {
        const plan = readPlanFile(file);
        if (plans.has(plan.stack)) throw new PlanReadError(`${file}: a second plan of stack ${plan.stack} in ${location}`);
        plans.set(plan.stack, plan);
    }
    return plans;
}

/** Diffs of every stack in either side (head's order first, then stacks only the base has) and the cost change. */
export function diffLocations(base: string, head: string): { diffs: StackDiff[]; cost: CostDelta | undefined } {
    const [b, h] = [readPlans(base), readPlans(head)];
    if (!fs.statSync(base).isDirectory() && !fs.statSync(head).isDirectory()) {
        // Two plans of different stacks share no resource: their "diff" would say everything changed.
        const [bp, hp] = [[...b.values()][0], [...h.values()][0]];
        if (bp.stack !== hp.stack || bp.project !== hp.project) {
            throw new UsageError(
                `${base} is a plan of stack ${JSON.stringify(bp.stack)} (project ${JSON.stringify(bp.project)}), ${head} of stack ${JSON.stringify(hp.stack)} (project ${JSON.stringify(hp.project)}): ` +
                    "a diff compares two plans of the same stack; plan the same --stack on both sides, or give two folders of plan files",
            );
        }
        return { diffs: [diffPlans(bp, hp)], cost: costDelta([hp.stack], () => bp.estimate, () => hp.estimate) };
    }
    const stacks = [...h.keys(), ...[...b.keys()].filter((s) => !h.has(s))];
    return { diffs: stacks.map((s) => diffPlans(b.get(s), h.get(s))), cost: costDelta(stacks, (s) => b.get(s)?.estimate, (s) => h.get(s)?.estimate) };
}

const signed = (n: number) => (n >= 0.005 ? "+" : n <= -0.005 ? "−" : "±") + usd(Math.abs(n));

/** The cost section of the comment: per stack and total, then the lines that changed most. */
export function costSection(c: CostDelta, maxLines = 10): string[] {
    const cell = (n: number | undefined) => (n === undefined ? "—" : usd(n));
    const total = (side: "before" | "after") => c.stacks.reduce((n, r) => n + (r[side] ?? 0), 0);
    // Sides estimated by different code may differ in the last rounded digit: a change under half a
    // cent is no change.
    const changed = c.stacks.filter((r) => (r.before === undefined || r.after === undefined ? r.before !== r.after : Math.abs(r.after - r.before) >= 0.005));
    const lines = [
        "### Estimated monthly cost",
        "",
        `_An estimate, not a bill: prices of ${c.priceDates.join(" / ")} (us-east-1, other regions by multiplier), volumes from \`estimate:\` in the org file; see docs/cost.md._`,
        "",
        "| Stack | Before | After | Change |",
        "|---|---:|---:|---:|",
        ...changed.map((r) => `| ${code(r.stack)} | ${cell(r.before)} | ${cell(r.after)} | ${r.before === undefined || r.after === undefined ? "—" : signed(r.after - r.before)} |`),
        `| **total** | ${usd(total("before"))} | ${usd(total("after"))} | ${signed(total("after") - total("before"))} |`,
        "",
    ];
    if (c.lines.length > 0) {
        lines.push("| Line | Before | After | Change |", "|---|---:|---:|---:|");
        for (const l of c.lines.slice(0, maxLines)) lines.push(`| ${l.item.replace(/\|/g, "\\|")} | ${usd(l.before)} | ${usd(l.after)} | ${signed(l.after - l.before)} |`);
        if (c.lines.length > maxLines) lines.push(`| … ${c.lines.length - maxLines} more lines | | | |`);
        lines.push("");
    }
    return lines;
}

/** An inline code span that survives backticks and table pipes in the text. */
function code(text: string): string {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
    const fence = "`".repeat(longest + 1);
    const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return `${fence}${pad}${text.replace(/\|/g, "\\|")}${pad}${fence}`;
}

function shown(v: Json): string {
    const s = JSON.stringify(v);
    return code(s.length > VALUE_WIDTH ? s.slice(0, VALUE_WIDTH - 1) + "…" : s);
}

/** The two cells of a change; a side that is or replaces a secret prints only the mask. */
function cells(c: PropertyChange): [string, string] {
    const secret = c.before === SECRET_MASK || c.after === SECRET_MASK;
    const side = (v: Json | undefined) => (v === undefined ? "—" : secret ? code(SECRET_MASK) : shown(v));
    if (!secret && c.removedElements !== undefined && c.addedElements !== undefined) {
        if (c.removedElements.length + c.addedElements.length === 0) return [side(c.before), side(c.after) + " (order only)"];
        const list = (sign: string, vs: readonly Json[]) => vs.map((v) => `${sign} ${shown(v)}`).join("<br>") || "—";
        return [list("−", c.removedElements), list("+", c.addedElements)];
    }
    return [side(c.before), side(c.after)];
}

function changeTable(changes: readonly PropertyChange[]): string[] {
    return ["| Property | Before | After |", "|---|---|---|", ...changes.map((c) => `| ${code(c.path)} | ${cells(c).join(" | ")} |`)];
}

function removalNote(r: ResourceRef): string {
    if (r.protect) return " — **protected**: `pulumi up` refuses to delete it until `protect` is lifted";
    if (r.retainOnDelete) return " — retainOnDelete: leaves the stack but stays in AWS";
    return "";
}

function stackSection(d: StackDiff, details: boolean): string[] {
    const title = d.status === "added" ? " (new stack)" : d.status === "removed" ? " (stack removed)" : "";
    const lines = [`### ${code(d.stack)}${title}`, ""];
    if (isEmptyDiff(d)) return [...lines, "No changes.", ""];
    const item = (r: ResourceRef) => `- ${code(r.name)} (${code(r.type)})`;
    if (d.added.length > 0) lines.push(`**Added (${d.added.length})**`, "", ...d.added.map(item), "");
    if (d.removed.length > 0) lines.push(`**Removed (${d.removed.length})**`, "", ...d.removed.map((r) => item(r) + removalNote(r)), "");
    if (d.changed.length > 0) {
        lines.push(`**Changed (${d.changed.length})**`, "");
        for (const r of d.changed) {
            const n = r.changes.length;
            lines.push(`${item(r)}: ${n} propert${n === 1 ? "y" : "ies"}`);
            if (details) lines.push("", ...changeTable(r.changes).map((l) => "  " + l), "");
        }
        if (!details) lines.push("");
    }
    if (d.outputs.length > 0) lines.push("**Stack outputs**", "", ...(details ? changeTable(d.outputs) : d.outputs.map((c) => `- ${code(c.path)}`)), "");
    return lines;
}

/** The Markdown comment: a summary table, then one section per stack. */
export function renderDiffMarkdown(diffs: readonly StackDiff[], opts: { maxChars?: number; cost?: CostDelta } = {}): string {
    const render = (details: boolean) => {
        const lines = ["## Offline plan diff", "", "| Stack | Added | Removed | Changed |", "|---|---:|---:|---:|"];
        for (const d of diffs) lines.push(`| ${code(d.stack)} | ${d.added.length} | ${d.removed.length} | ${d.changed.length} |`);
        lines.push("");
        if (opts.cost) lines.push(...costSection(opts.cost));
        for (const d of diffs) lines.push(...stackSection(d, details));
        return lines.join("\n").trimEnd() + "\n";
    };
    const max = opts.maxChars ?? Infinity;
    const full = render(true);
    if (full.length <= max) return full;
    const note = "\n_Property details left out to fit the comment: run `npm run plan -- --diff` on the workflow's plan artifact for all of them._\n";
    const brief = render(false) + note;
    if (brief.length <= max) return brief;
    return brief.slice(0, Math.max(0, max - note.length - 2)) + "…\n" + note;
}

/** `argv` without the `--diff` flag, which may stand anywhere on the command line. */
export async function diffMain(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { options: ["max-chars"], flags: ["help"] }, USAGE);
    if (args.flags.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    if (args.positional.length !== 2) throw new UsageError(`--diff needs a base and a head plan (file or folder)\n${USAGE}`);
    const maxChars = args.options["max-chars"] === undefined ? undefined : Number(args.options["max-chars"]);
    if (maxChars !== undefined && !(Number.isInteger(maxChars) && maxChars > 0)) {
        throw new UsageError(`--max-chars ${args.options["max-chars"]}: not a positive whole number`);
    }
    try {
        const { diffs, cost } = diffLocations(args.positional[0], args.positional[1]);
        process.stdout.write(renderDiffMarkdown(diffs, { maxChars, cost }));
    } catch (e) {
        if (!(e instanceof PlanReadError)) throw e;
        process.stderr.write(`${e.message}\n`);
        return 2;
    }
    return 0;
}
