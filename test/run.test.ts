/**
 * `npm test` (test/run.js) shows each result as mocha reports it, instead of everything at the end,
 * and still ends with the `N passed, N failed` line CI reads.
 */
import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "./support/plan";

describe("npm test (test/run.js)", () => {
    it("passes each test result on while mocha is still running and ends with the summary line", async function () {
        this.timeout(60_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-runner-"));
        const marker = path.join(dir, "first-seen");
        try {
            const child = spawn(process.execPath, ["test/run.js", "test/fixtures/runner/streams.spec.ts"], {
                cwd: REPO_ROOT,
                env: { ...process.env, LZ_RUNNER_MARKER: marker },
                stdio: ["ignore", "pipe", "pipe"],
            });
            let out = "";
            let seenWhileRunning = false;
            child.stdout.on("data", (chunk: Buffer) => {
                out += chunk.toString("utf8");
                if (!seenWhileRunning && out.includes("reports its first test")) {
                    seenWhileRunning = true;
                    fs.writeFileSync(marker, "");
                }
            });
            const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
            assert.ok(seenWhileRunning, `the first result only appeared after the run:\n${out}`);
            assert.strictEqual(out.trimEnd().split("\n").pop(), "2 passed, 0 failed", out);
            assert.strictEqual(code, 0);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
