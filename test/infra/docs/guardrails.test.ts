import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { loadOrg } from "../../../infra/config/load";
import { guardrails } from "../../../infra/iam/guardrails";
import { BEGIN, END, renderGuardrailsTable } from "../../../infra/docs/guardrails";
import { REPO_ROOT } from "../../support/plan";

const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "management.md"), "utf8");
const table = doc.slice(doc.indexOf(BEGIN), doc.indexOf(END) + END.length);

describe("docs/management.md guardrails table", () => {
    it("is what `npm run docs` generates from the guardrail documents (run it after changing an SCP)", () => {
        assert.strictEqual(table, renderGuardrailsTable(loadOrg(REPO_ROOT)));
    });

    it("has a row for every statement of every guardrail, and names every denied action", () => {
        const all = guardrails(loadOrg(REPO_ROOT), { regionDeny: true });
        const statements = all.flatMap((g) => g.document.Statement);
        assert.ok(statements.length >= 15);
        for (const s of statements) assert.ok(table.includes(`| \`${s.Sid}\` |`), s.Sid);
        for (const action of statements.flatMap((s) => [s.Action ?? []].flat())) assert.ok(table.includes(`\`${action}\``), action);
    });

    it("shows placeholders, not the reference organisation's names", () => {
        for (const literal of ["acme-lz", "222222222222", "333333333333", "LandingZoneBreakGlass"]) assert.ok(!table.includes(literal), literal);
    });
});
