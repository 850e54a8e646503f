/**
 * The example plan diffs in README and docs/reviewing-changes.md are what the tool prints for the
 * change they describe, planned for real (run `npm run docs` after a change that alters them).
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { blockOf, EXCERPT_BEGIN, EXCERPT_END, exampleDiff, exampleExcerpt, FULL_BEGIN, FULL_END, withBlock } from "../../../infra/docs/example-diff";
import { planReference, REPO_ROOT } from "../../support/plan";

describe("example plan diffs in the docs", function () {
    this.timeout(120_000);
    let diff: string;
    before(async () => {
        diff = await exampleDiff(REPO_ROOT, await planReference());
    });

    it("show the deployment role rename in every stack and the new account's stack, leaving out the accounts' ignored roleName", () => {
        const summary = diff.split("\n### ")[0];
        assert.match(summary, /\| `management` \| 1 \| 0 \| \d+ \|/);
        assert.match(summary, /\| `member-workload-staging` \| \d+ \| 0 \| 0 \|/);
        assert.match(diff, /`inputs\.assumeRoles\[0\]\.roleArn` \| `"arn:aws:iam::111111111111:role\/LandingZoneDeployment"` \| `"arn:aws:iam::111111111111:role\/LandingZoneDeployer"`/);
        assert.doesNotMatch(diff, /- `organization-account-workload-(dev|prod)` \(`aws:organizations\/account:Account`\): /);
    });

    it("in docs/reviewing-changes.md match the diff of real plans of that change", () => {
        const file = fs.readFileSync(path.join(REPO_ROOT, "docs", "reviewing-changes.md"), "utf8");
        const committed = blockOf(file, FULL_BEGIN, FULL_END);
        assert.ok(committed, "docs/reviewing-changes.md has the example-diff markers");
        assert.equal(committed, blockOf(withBlock(file, "docs/reviewing-changes.md", FULL_BEGIN, FULL_END, diff), FULL_BEGIN, FULL_END));
    });

    it("in README match the summary and first stack of that diff", () => {
        const file = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
        const committed = blockOf(file, EXCERPT_BEGIN, EXCERPT_END);
        assert.ok(committed, "README.md has the example-diff-excerpt markers");
        assert.equal(committed, blockOf(withBlock(file, "README.md", EXCERPT_BEGIN, EXCERPT_END, exampleExcerpt(diff)), EXCERPT_BEGIN, EXCERPT_END));
    });
});
