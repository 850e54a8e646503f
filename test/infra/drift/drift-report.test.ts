import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { driftMarkdown, stackDrift, urnParts } from "../../../infra/drift/drift-report";
import { main } from "../../../infra/cli/drift-report";
import { REPO_ROOT } from "../../support/plan";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "pulumi-preview");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8"));

describe("drift report", () => {
    it("splits a component child's URN into stack, own type and name", () => {
        assert.deepEqual(urnParts("urn:pulumi:security::lz::lz:alerting:SeverityTopics$aws:sns/topic:Topic::topics-high"), {
            stack: "security",
            type: "aws:sns/topic:Topic",
            name: "topics-high",
        });
    });

    it("lists every resource changed, deleted or replaced outside Pulumi with the properties that differ", () => {
        const drift = stackDrift(read("security-drifted.json"), "fallback");
        assert.equal(drift.stack, "security");
        assert.deepEqual(drift.drifted, [
            { name: "topics-high", type: "aws:sns/topic:Topic", op: "update", properties: ["policy", "tags.Owner"] },
            { name: "cis-root-usage", type: "aws:cloudwatch/metricAlarm:MetricAlarm", op: "create", properties: [] },
            { name: "routing-guardduty-high", type: "aws:cloudwatch/eventRule:EventRule", op: "replace", properties: ["eventBusName"] },
        ]);
    });

    it("does not count the provider's switch to the read-only preview role as drift", () => {
        assert.deepEqual(stackDrift(read("member-clean.json"), "fallback"), { stack: "member-workload-prod", drifted: [] });
    });

    it("counts a provider change beyond its assumed role as drift", () => {
        const preview = {
            steps: [{ op: "update", urn: "urn:pulumi:log-archive::lz::pulumi:providers:aws::account-log-archive", detailedDiff: { "assumeRoles[0].roleArn": {}, region: {} } }],
        };
        assert.deepEqual(stackDrift(preview, "x").drifted, [{ name: "account-log-archive", type: "pulumi:providers:aws", op: "update", properties: ["assumeRoles[0].roleArn", "region"] }]);
    });

    it("names a preview without steps by its file", () => {
        assert.deepEqual(stackDrift({}, "member-sandbox"), { stack: "member-sandbox", drifted: [] });
    });

    it("writes one issue body: a table of every stack, then the drifted stacks' resources and properties", () => {
        const md = driftMarkdown([stackDrift(read("member-clean.json"), "a"), stackDrift(read("security-drifted.json"), "b")], { runUrl: "https://github.com/acme/lz/actions/runs/1" });
        assert.equal(
            md,
            [
                "## Drift report",
                "",
                "1 of 2 stacks differ from their state: something changed them outside Pulumi. Review each change; `pulumi up` puts the code's values back, `pulumi refresh` accepts the live ones.",
                "",
                "Run: https://github.com/acme/lz/actions/runs/1",
                "",
                "| Stack | Drifted resources |",
                "|---|---:|",
                "| `member-workload-prod` | 0 |",
                "| `security` | 3 |",
                "",
                "### `security`",
                "",
                "- `topics-high` (`aws:sns/topic:Topic`): update — `policy`, `tags.Owner`",
                "- `cis-root-usage` (`aws:cloudwatch/metricAlarm:MetricAlarm`): create",
                "- `routing-guardduty-high` (`aws:cloudwatch/eventRule:EventRule`): replace — `eventBusName`",
                "",
            ].join("\n"),
        );
    });

    it("says so when no stack drifted", () => {
        assert.equal(driftMarkdown([stackDrift(read("member-clean.json"), "a")]).split("\n")[2], "No drift: 1 stack matches its state.");
    });
});

describe("npm run drift-report", () => {
    const quiet = async (argv: string[]) => {
        const write = process.stdout.write;
        process.stdout.write = (() => true) as typeof process.stdout.write;
        try {
            return await main(argv);
        } finally {
            process.stdout.write = write;
        }
    };

    it("exits 1 and writes the Markdown and JSON when a stack drifted, 0 when none did", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drift-"));
        try {
            const md = path.join(dir, "drift.md");
            const json = path.join(dir, "drift.json");
            assert.equal(await quiet([path.join(FIXTURES, "member-clean.json"), path.join(FIXTURES, "security-drifted.json"), "--markdown", md, "--json", json]), 1);
            assert.match(fs.readFileSync(md, "utf8"), /^### `security`$/m);
            assert.deepEqual(JSON.parse(fs.readFileSync(json, "utf8")).stacks.map((s: { stack: string; drifted: unknown[] }) => [s.stack, s.drifted.length]), [["member-workload-prod", 0], ["security", 3]]);
            assert.equal(await quiet([path.join(FIXTURES, "member-clean.json")]), 0);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("refuses a file that is not preview JSON, naming it", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drift-"));
        try {
            const bad = path.join(dir, "security.json");
            fs.writeFileSync(bad, "error: no stack named 'security' found\n");
            await assert.rejects(quiet([bad]), (e: Error) => e.message.startsWith(`${bad}: not the JSON of pulumi preview --json`));
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
