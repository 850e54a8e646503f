/**
 * What a user sees for a YAML mistake in `stacks/org.yaml` or a stack file: the file, the line and
 * column of the mistake, and for a value YAML silently turned into a number, how to quote it.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadOrg, parseYaml } from "../../../infra/config/load";
import { loadStackSource, readProject } from "../../../infra/engine/stacks";
import { configProblems } from "../../support/errors";
import { REPO_ROOT } from "../../support/plan";

const ORG_TEXT = fs.readFileSync(path.join(REPO_ROOT, "stacks", "org.yaml"), "utf8");

/** The reference org file with `from` replaced by `to` (which must occur once). */
function orgWith(from: string, to: string): string {
    assert.equal(ORG_TEXT.split(from).length, 2, `${JSON.stringify(from)} occurs once in stacks/org.yaml`);
    return ORG_TEXT.replace(from, to);
}

/** 1-based line of the first line of the reference org file that contains `text`. */
function lineOf(text: string): number {
    const i = ORG_TEXT.split("\n").findIndex((l) => l.includes(text));
    assert.ok(i >= 0, `${text} is in stacks/org.yaml`);
    return i + 1;
}

/** Writes `files` into a temporary folder and returns it. */
function tempRoot(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "lz-load-"));
    for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
    }
    return root;
}

describe("YAML syntax errors", () => {
    it("name the line and column of a list item that lost its - indicator in stacks/org.yaml", () => {
        const line = lineOf("email: aws-workload-dev@acme.example");
        const text = orgWith("      email: aws-workload-dev@acme.example", "      email: aws-workload-dev@acme.example\n    name: workload-qa");
        const root = tempRoot({ "stacks/org.yaml": text });
        try {
            const lines = configProblems(() => loadOrg(root));
            assert.ok(lines.length > 0);
            assert.equal(lines[0], `stacks/org.yaml: line ${line + 1}, column 1: All mapping items must start at the same column`);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it("name the line and column of a tab used for indentation", () => {
        const line = lineOf("  deployment: LandingZoneDeployment");
        const lines = configProblems(() => parseYaml(orgWith("  deployment: LandingZoneDeployment", "\tdeployment: LandingZoneDeployment"), "stacks/org.yaml"));
        assert.equal(lines[0], `stacks/org.yaml: line ${line}, column 1: Tabs are not allowed as indentation`);
    });

    it("name the line of a key given twice", () => {
        const line = lineOf("homeRegion: us-east-1");
        const lines = configProblems(() => parseYaml(orgWith("homeRegion: us-east-1\n", "homeRegion: us-east-1\nhomeRegion: us-west-2\n"), "stacks/org.yaml"));
        assert.deepEqual(lines, [`stacks/org.yaml: line ${line + 1}, column 1: Map keys must be unique`]);
    });

    it("name the stack file and the line of a mistake in a Pulumi.<stack>.yaml", () => {
        const root = tempRoot({
            "Pulumi.yaml": fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8"),
            "stacks/Pulumi.broken.yaml": "config:\n  lz:role: member\n lz:account: workload-dev\n",
        });
        try {
            const lines = configProblems(() => loadStackSource(readProject(root), "broken"));
            assert.ok(lines.length > 0);
            assert.match(lines[0], /^stacks\/Pulumi\.broken\.yaml: line 3, column 1: All mapping items must start at the same column$/);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});

describe("values YAML reads as numbers", () => {
    it("tell the user to quote an account id that lost its leading zero, with the value to write", () => {
        const root = tempRoot({ "stacks/org.yaml": orgWith('    id: "222222222222"', "    id: 012345678901") });
        try {
            const lines = configProblems(() => loadOrg(root));
            assert.deepEqual(lines, [
                'stacks/org.yaml: accounts.logArchive.id: must be a string (a 12-digit AWS account id), got a number 12345678901; write it in quotes (YAML read it as a number and dropped its leading zeros): "012345678901"',
            ]);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it("tell the user to quote an unquoted 12-digit account id", () => {
        const lines = configProblems(() => loadOrg(REPO_ROOT, path.relative(REPO_ROOT, writeTemp(orgWith('    id: "333333333333"', "    id: 333333333333")))));
        assert.deepEqual(lines.map((l) => l.replace(/^[^:]+: /, "")), [
            'accounts.security.id: must be a string (a 12-digit AWS account id), got a number 333333333333; write it in quotes: "333333333333"',
        ]);
    });
});

function writeTemp(text: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-org-"));
    const file = path.join(dir, "org.yaml");
    fs.writeFileSync(file, text);
    return file;
}
