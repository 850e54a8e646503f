import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { FINDING_KINDS } from "../../../infra/integrity/findings";
import { REPO_ROOT } from "../../support/plan";

describe("integrity findings", () => {
    it("are documented one by one, with their class, in docs/log-integrity.md", () => {
        const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "log-integrity.md"), "utf8");
        const kinds = Object.entries(FINDING_KINDS);
        assert.ok(kinds.length > 0);
        for (const [kind, { class: c }] of kinds) assert.ok(doc.includes(`| \`${kind}\` | ${c} |`), `docs/log-integrity.md lacks the row of ${kind} (${c})`);
    });
});
