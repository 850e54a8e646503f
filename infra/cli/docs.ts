/** `npm run docs` — regenerates docs/config-reference.md and README's components table from the sources. */
import * as fs from "fs";
import * as path from "path";
import { renderConfigReference } from "../config/reference";
import { renderComponentsTable, scanComponents, withComponentsTable } from "../docs/components";
import { renderGuardrailsTable, withGuardrailsTable } from "../docs/guardrails";
import { loadOrg } from "../config/load";

const root = path.resolve(__dirname, "..", "..");
const reference = path.join(root, "docs", "config-reference.md");
fs.writeFileSync(reference, renderConfigReference());
const readme = path.join(root, "README.md");
fs.writeFileSync(readme, withComponentsTable(fs.readFileSync(readme, "utf8"), renderComponentsTable(scanComponents(path.join(root, "infra")))));
const management = path.join(root, "docs", "management.md");
fs.writeFileSync(management, withGuardrailsTable(fs.readFileSync(management, "utf8"), renderGuardrailsTable(loadOrg(root))));
process.stdout.write(`wrote ${path.relative(process.cwd(), reference)}, the components table of ${path.relative(process.cwd(), readme)} and the guardrails table of ${path.relative(process.cwd(), management)}\n`);
