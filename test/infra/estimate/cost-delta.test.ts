/** The cost change a pull request's diff comment shows, from the estimates its plan files carry. */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { costSection, diffLocations, readPlanFile, renderDiffMarkdown } from "../../../infra/cli/diff";
import type { PlanFile } from "../../../infra/engine/plan-json";
import type { PlanFileEstimate } from "../../../infra/estimate/plan-file-estimate";

function estimate(lines: [string, number][]): PlanFileEstimate {
    return {
        kind: "estimate",
        priceDate: "2026-12-03",
        priceRegion: "us-east-1",
        monthlyUsd: lines.reduce((n, [, usd]) => n + usd, 0),
        lines: lines.map(([key, usd]) => ({ key, item: `item ${key}`, quantity: 1, unit: "unit", unitPrice: usd, monthlyUsd: usd, assumption: "test" })),
        createSeconds: 10,
        criticalPathSeconds: 5,
    };
}

function plan(stack: string, e?: PlanFileEstimate): PlanFile {
    return { project: "lz", stack, resources: [], outputs: {}, ...(e ? { estimate: e } : {}) };
}

function write(dir: string, plans: PlanFile[]): string {
    fs.mkdirSync(dir, { recursive: true });
    for (const p of plans) fs.writeFileSync(path.join(dir, `${p.stack}.json`), JSON.stringify(p));
    return dir;
}

describe("cost delta in the plan diff", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lz-cost-delta-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("shows each changed stack's cost before and after, the total, and the lines that moved most", () => {
        const base = write(path.join(tmp, "a", "base"), [plan("security", estimate([["guardduty", 100], ["hub", 50]])), plan("member-x", estimate([["config", 3]]))]);
        const head = write(path.join(tmp, "a", "head"), [plan("security", estimate([["guardduty", 120], ["hub", 50]])), plan("member-x", estimate([["config", 3]])), plan("member-y", estimate([["config", 3]]))]);
        const { diffs, cost } = diffLocations(base, head);
        assert.ok(cost);
        const md = renderDiffMarkdown(diffs, { cost });
        assert.match(md, /\| `security` \| \$150\.00 \| \$170\.00 \| \+\$20\.00 \|/);
        assert.match(md, /\| `member-y` \| — \| \$3\.00 \| — \|/);
        const section = md.slice(md.indexOf("### Estimated monthly cost"), md.indexOf("### `security`"));
        assert.ok(section.length > 0 && !section.includes("| `member-x` |"), "a stack whose cost did not change is left out of the cost table");
        assert.match(md, /\| \*\*total\*\* \| \$153\.00 \| \$176\.00 \| \+\$23\.00 \|/);
        assert.match(md, /\| item guardduty \| \$100\.00 \| \$120\.00 \| \+\$20\.00 \|/);
        assert.match(md, /\| item config \| \$3\.00 \| \$6\.00 \| \+\$3\.00 \|/);
        assert.ok(!md.includes("| item hub |"), "an unchanged line is not listed");
        assert.match(md, /An estimate, not a bill: prices of 2026-12-03/);
    });

    it("leaves out a stack whose estimate moved by less than half a cent (the last rounded digit of two sides)", () => {
        const lines = costSection({ stacks: [{ stack: "security", before: 10, after: 10.0001 }, { stack: "log-archive", before: 5, after: 6 }], lines: [], priceDates: ["2026-12-03"] });
        assert.ok(lines.includes("| `log-archive` | $5.00 | $6.00 | +$1.00 |"));
        assert.ok(!lines.some((l) => l.startsWith("| `security` |")));
    });

    it("shows a saving with a minus sign", () => {
        const lines = costSection({ stacks: [{ stack: "security", before: 10, after: 4 }], lines: [{ key: "k", item: "item", before: 10, after: 4 }], priceDates: ["2026-12-03"] });
        assert.ok(lines.includes("| `security` | $10.00 | $4.00 | −$6.00 |"));
    });

    it("leaves the cost section out when neither side's plan files carry an estimate (files of older versions)", () => {
        const base = write(path.join(tmp, "b", "base"), [plan("security")]);
        const head = write(path.join(tmp, "b", "head"), [plan("security")]);
        const { diffs, cost } = diffLocations(base, head);
        assert.equal(cost, undefined);
        assert.ok(!renderDiffMarkdown(diffs, { cost }).includes("Estimated monthly cost"));
    });

    it("refuses a plan file whose estimate section is not one, naming the file", () => {
        const file = path.join(tmp, "bad.json");
        fs.writeFileSync(file, JSON.stringify({ ...plan("security"), estimate: { monthlyUsd: "lots" } }));
        assert.throws(() => readPlanFile(file), (e: Error) => e.message === `${file}: estimate is not an estimate section (expected { monthlyUsd, lines: [{ key, monthlyUsd, … }] } from npm run plan -- --json)`);
    });
});
