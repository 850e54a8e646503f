#!/usr/bin/env node
// `npm test`: mocha with the summary reporter. The reporter prints `N passed, N failed` last; if
// mocha dies before it can (a crash while loading test files), print the line here so CI still
// sees a summary, and exit non-zero.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const mocha = require.resolve("mocha/bin/mocha.js");
// No spec in .mocharc.json: `npx mocha <file>` then runs just that file, the whole suite runs here.
const args = process.argv.slice(2);
const specs = args.some((a) => !a.startsWith("-")) ? [] : ["test/**/*.test.ts"];
const r = spawnSync(process.execPath, [mocha, ...specs, ...args], {
    cwd: path.resolve(__dirname, ".."),
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
});
const out = r.stdout || "";
process.stdout.write(out);
const last = out.trimEnd().split("\n").pop() || "";
if (!/^\d+ passed, \d+ failed$/.test(last)) {
    process.stdout.write(`\n0 passed, 1 failed\n`);
    process.exit(r.status || 1);
}
process.exit(r.status === null ? 1 : r.status);
