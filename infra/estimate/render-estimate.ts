import { PRICES, pricePage } from "./prices";
import type { CostLine } from "./cost-line";
import type { PlanEstimate, StackCostEstimate } from "./plan-estimate";

/** USD with cents and thousands separators. */
export function usd(n: number): string {
    return `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A quantity, rounded to what a reader can use. */
export function quantity(n: number): string {
    return n.toLocaleString("en-US", { maximumFractionDigits: n < 10 ? 2 : 0 });
}

/** A unit price with enough digits to be non-zero. */
function unitUsd(n: number): string {
    if (n === 0) return "free";
    const digits = Math.min(10, Math.max(2, 2 - Math.floor(Math.log10(n))));
    return `$${n.toFixed(digits)}`;
}

/** Seconds as "12 min 5 s". */
export function duration(seconds: number): string {
    const s = Math.round(seconds);
    return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The first line every rendering starts with: says it is an estimate, and of when. */
export function estimateHeading(e: PlanEstimate): string {
    return `Estimate (not a bill): prices of ${e.priceDate} for ${e.priceRegion}, other regions by multiplier; profile ${e.profile}, workload ${e.workload}`;
}

function lineText(l: CostLine): string {
    return `${usd(l.monthlyUsd).padStart(12)}  ${l.item}: ${quantity(l.quantity)} ${l.unit} × ${unitUsd(l.unitPrice)} — ${l.assumption}`;
}

/** The plain-text estimate `npm run plan -- --estimate` prints: per stack, the organisation, the deploy workflow. */
export function renderEstimateText(e: PlanEstimate, o: { linesPerStack?: boolean; top?: number } = {}): string {
    const out = [estimateHeading(e), "", `  ${"stack".padEnd(28)} ${"USD/month".padStart(12)}  create (critical path)`];
    for (const s of e.stacks) {
        out.push(`  ${s.stack.padEnd(28)} ${usd(s.monthlyUsd).padStart(12)}  ${duration(s.deploy.seconds)} (${duration(s.deploy.criticalPathSeconds)})`);
        if (s.unpricedTypes.length > 0) out.push(`    not priced: ${s.unpricedTypes.join(", ")}`);
        if (o.linesPerStack) for (const l of s.lines.filter((x) => x.monthlyUsd > 0)) out.push(`    ${lineText(l)}`);
    }
    const top = o.top ?? 10;
    out.push(`  ${"organisation".padEnd(28)} ${usd(e.organisation.monthlyUsd).padStart(12)}`, "", `  top ${top} cost lines of the organisation:`);
    for (const l of e.organisation.lines.slice(0, top)) out.push(`  ${lineText(l)}`);
    const w = e.organisation.workflow;
    out.push(
        "",
        `  deploy workflow (${w.runnerConcurrency} concurrent jobs): first deploy ${duration(w.firstDeploySeconds)}, a baseline change reaches every account in ${duration(w.changeSeconds)}`,
        `    ${w.phases.map((p) => `${p.name}${p.stacks > 1 ? ` (${p.stacks} stacks)` : ""} ${duration(p.firstDeploySeconds)}`).join(" → ")}`,
        `  archive tiering from ${e.archiveSource}`,
    );
    return out.join("\n");
}

/** A Markdown table of cost lines. */
export function linesTable(lines: readonly CostLine[]): string[] {
    return [
        "| USD/month | line | quantity | unit price | assumption |",
        "|---:|---|---:|---:|---|",
        ...lines.map((l) => `| ${usd(l.monthlyUsd)} | ${l.item} | ${quantity(l.quantity)} ${l.unit} | ${unitUsd(l.unitPrice)} | ${l.assumption.replace(/\|/g, "\\|")} |`),
    ];
}

/** A Markdown table of stacks: cost and create time. */
export function stacksTable(stacks: readonly StackCostEstimate[], limit = Infinity): string[] {
    const shown = stacks.length > limit ? [...stacks.slice(0, limit - 1), stacks[stacks.length - 1]] : stacks;
    const rows = shown.map((s) => `| \`${s.stack}\` | ${usd(s.monthlyUsd)} | ${duration(s.deploy.seconds)} | ${duration(s.deploy.criticalPathSeconds)} |`);
    if (stacks.length > limit) rows.splice(limit - 1, 0, `| … ${stacks.length - limit} more member stacks like these | | | |`);
    return ["| stack | USD/month | create | critical path |", "|---|---:|---:|---:|", ...rows];
}

/** The price table as Markdown: every price with its unit, page and how it was checked. */
export function pricesTable(): string[] {
    return [
        "| price | USD | per | AWS page | checked |",
        "|---|---:|---|---|---|",
        ...Object.entries(PRICES).map(([id, p]) => `| \`${id}\`: ${p.what} | ${p.usd} | ${p.per === 1 ? "" : `${p.per.toLocaleString("en-US")} `}${p.unit} | [${p.service}](${pricePage(id as keyof typeof PRICES)}) | ${p.source} |`),
    ];
}
