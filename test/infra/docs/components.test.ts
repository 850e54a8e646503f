import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { BEGIN, END, renderComponentsTable, scanComponents } from "../../../infra/docs/components";
import { REPO_ROOT } from "../../support/plan";

/**
 * Components built ahead of the role program that deploys them (the README shows "(not deployed)"):
 * SecurityHubInsights joins the security stack once that program's concurrent changes have landed.
 */
const AWAITING_WIRING: string[] = [];

describe("README components table", () => {
    const components = scanComponents(path.join(REPO_ROOT, "infra"));

    it("matches the sources (run `npm run docs` after adding or changing a component)", () => {
        const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
        const committed = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END) + END.length);
        assert.equal(committed, renderComponentsTable(components));
    });

    it("finds every component token registered under infra/components, each deployed by some stack role", () => {
        const registered = new Set<string>();
        const walk = (d: string): void => {
            for (const e of fs.readdirSync(d, { withFileTypes: true })) {
                const p = path.join(d, e.name);
                if (e.isDirectory()) walk(p);
                else for (const m of fs.readFileSync(p, "utf8").matchAll(/super\("(lz:[^"]+)"/g)) registered.add(m[1]);
            }
        };
        walk(path.join(REPO_ROOT, "infra", "components"));
        assert.deepEqual(components.map((c) => c.token).sort(), [...registered].sort());
        for (const c of components) assert.ok(c.roles.length > 0 || AWAITING_WIRING.includes(c.token), `${c.token} is not used by any stack role`);
        assert.deepEqual(components.filter((c) => c.roles.length === 0).map((c) => c.token), AWAITING_WIRING, "a component awaiting its wiring is now deployed: take it off AWAITING_WIRING");
    });

    it("names the role of each core component by the program that imports it", () => {
        const role = (token: string) => components.find((c) => c.token === token)?.roles;
        assert.deepEqual(role("lz:log-archive:ArchiveBucket"), ["log-archive"]);
        assert.deepEqual(role("lz:trail:OrganizationTrail"), ["security"]);
        assert.deepEqual(role("lz:baseline:ConfigRecorder"), ["member"]);
        assert.deepEqual(role("lz:organization:GuardrailPolicies"), ["management"]);
    });
});
