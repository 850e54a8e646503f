/** `npm run docs` — regenerates docs/config-reference.md from the config schemas. */
import * as fs from "fs";
import * as path from "path";
import { renderConfigReference } from "../config/reference";

const file = path.resolve(__dirname, "..", "..", "docs", "config-reference.md");
fs.writeFileSync(file, renderConfigReference());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
