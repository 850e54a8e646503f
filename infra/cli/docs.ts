/**
 * `npm run docs` — regenerates docs/config-reference.md, docs/cost.md, README's components table and
 * the example plan diffs (README excerpt, docs/reviewing-changes.md in full), the guardrails table of
 * docs/management.md, and the health signals and their cost in docs/operations.md, from the sources and
 * real plans.
 */
import * as fs from "fs";
import * as path from "path";
import { renderConfigReference } from "../config/reference";
import { renderComponentsTable, scanComponents, withComponentsTable } from "../docs/components";
import { renderGuardrailsTable, withGuardrailsTable } from "../docs/guardrails";
import { loadOrg } from "../config/load";
import { healthCost, renderCost, renderSignalsTable, withOperations } from "../docs/operations";
import { planStacks } from "../engine/plan";
import { discoverStacks, readProject } from "../engine/stacks";
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
    const project = readProject(root);
    const plans = await planStacks(project, discoverStacks(project), { preview: false });
    const diff = await exampleDiff(root, plans);
    const operations = path.join(root, "docs", "operations.md");
    const org = loadOrg(root);
    fs.writeFileSync(operations, withOperations(fs.readFileSync(operations, "utf8"), renderSignalsTable(), renderCost(healthCost(plans, org.namePrefix))));
    let text = withComponentsTable(fs.readFileSync(readme, "utf8"), renderComponentsTable(scanComponents(path.join(root, "infra"))));
    fs.writeFileSync(readme, withBlock(text, "README.md", EXCERPT_BEGIN, EXCERPT_END, exampleExcerpt(diff)));
    text = fs.readFileSync(reviewing, "utf8");
    fs.writeFileSync(reviewing, withBlock(text, "docs/reviewing-changes.md", FULL_BEGIN, FULL_END, diff));
    fs.writeFileSync(management, withGuardrailsTable(fs.readFileSync(management, "utf8"), renderGuardrailsTable(org)));
    const cost = path.join(root, "docs", "cost.md");
    fs.writeFileSync(cost, renderCostDoc({ reference: await referenceEstimate(root), essential: await essentialEstimate(root), large: await largeEstimate(root) }));
    const rel = (f: string) => path.relative(process.cwd(), f);
    process.stdout.write(`wrote ${rel(reference)}, ${rel(cost)}, the components table and example diff of ${rel(readme)}, the example diff of ${rel(reviewing)}, the guardrails table of ${rel(management)} and the health signals of ${rel(operations)}\n`);
}

main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
