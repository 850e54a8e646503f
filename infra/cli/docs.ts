/**
 * `npm run docs` — regenerates docs/config-reference.md, docs/cost.md, README's components table and
 * the example plan diffs (README excerpt, docs/reviewing-changes.md in full) and the guardrails table
 * of docs/management.md from the sources and real plans.
 */
import * as fs from "fs";
import * as path from "path";
import { renderConfigReference } from "../config/reference";
import { renderComponentsTable, scanComponents, withComponentsTable } from "../docs/components";
import { renderGuardrailsTable, withGuardrailsTable } from "../docs/guardrails";
import { loadOrg } from "../config/load";
import { renderCostDoc } from "../docs/cost";
import { essentialEstimate, largeEstimate, referenceEstimate } from "../docs/cost-organisations";
import { EXCERPT_BEGIN, EXCERPT_END, exampleDiff, exampleExcerpt, FULL_BEGIN, FULL_END, withBlock } from "../docs/example-diff";

async function main(): Promise<void> {
    const root = path.resolve(__dirname, "..", "..");
    const reference = path.join(root, "docs", "config-reference.md");
    fs.writeFileSync(reference, renderConfigReference());
    const readme = path.join(root, "README.md");
    const reviewing = path.join(root, "docs", "reviewing-changes.md");
    const management = path.join(root, "docs", "management.md");
    const diff = await exampleDiff(root);
    let text = withComponentsTable(fs.readFileSync(readme, "utf8"), renderComponentsTable(scanComponents(path.join(root, "infra"))));
    fs.writeFileSync(readme, withBlock(text, "README.md", EXCERPT_BEGIN, EXCERPT_END, exampleExcerpt(diff)));
    text = fs.readFileSync(reviewing, "utf8");
    fs.writeFileSync(reviewing, withBlock(text, "docs/reviewing-changes.md", FULL_BEGIN, FULL_END, diff));
    fs.writeFileSync(management, withGuardrailsTable(fs.readFileSync(management, "utf8"), renderGuardrailsTable(loadOrg(root))));
    const cost = path.join(root, "docs", "cost.md");
    fs.writeFileSync(cost, renderCostDoc({ reference: await referenceEstimate(root), essential: await essentialEstimate(root), large: await largeEstimate(root) }));
    const rel = (f: string) => path.relative(process.cwd(), f);
    process.stdout.write(`wrote ${rel(reference)}, ${rel(cost)}, the components table and example diff of ${rel(readme)}, the example diff of ${rel(reviewing)} and the guardrails table of ${rel(management)}\n`);
}

main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
