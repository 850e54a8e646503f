import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { renderConfigReference } from "../../../infra/config/reference";
import { REPO_ROOT } from "../../support/plan";

describe("configuration reference", () => {
    it("docs/config-reference.md matches the validator's schemas (run `npm run docs` after changing them)", () => {
        const committed = fs.readFileSync(path.join(REPO_ROOT, "docs", "config-reference.md"), "utf8");
        assert.equal(committed, renderConfigReference());
    });

    it("documents every organisation key with its default", () => {
        const text = renderConfigReference();
        for (const key of ["`organization.id`", "`retention.objectLockDays`", "`alerts.slack.channels.high`", "`accounts.members[].ou`"]) {
            assert.ok(text.includes(key), `${key} missing`);
        }
        assert.match(text, /\| `retention\.logGroupDays` \| a whole number >= 0 \| `365` \|/);
    });
});
