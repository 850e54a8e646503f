import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../support/plan";

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
/** Release headings, newest first: `## <version> — <date>`. */
const releases = (changelog: string) => [...changelog.matchAll(/^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})$/gm)].map((m) => ({ version: m[1], date: m[2] }));

for (const [changelog, manifest] of [
    ["CHANGELOG.md", "package.json"],
    ["policy-pack/CHANGELOG.md", "policy-pack/package.json"],
] as const) {
    describe(changelog, () => {
        const entries = releases(read(changelog));

        it(`opens with the version ${manifest} carries`, () => {
            assert.ok(entries.length > 0, "at least one release heading");
            assert.equal(entries[0].version, JSON.parse(read(manifest)).version);
        });

        it("lists releases newest first, each version once, with upgrade notes for every release after the first", () => {
            const key = (v: string) => v.split(".").map((n) => n.padStart(6, "0")).join(".");
            const sorted = [...entries].sort((a, b) => key(b.version).localeCompare(key(a.version)));
            assert.deepEqual(entries, sorted);
            assert.equal(new Set(entries.map((e) => e.version)).size, entries.length);
            const sections = read(changelog).split(/^## /m).slice(1);
            assert.equal(sections.length, entries.length);
            sections.slice(0, -1).forEach((s, i) => assert.match(s, /^### Upgrading/m, `${entries[i].version} has no upgrade notes`));
        });
    });
}
