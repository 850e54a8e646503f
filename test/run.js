#!/usr/bin/env node
// `npm test`: mocha with the summary reporter, its output passed through as it comes (each suite
// and test as it finishes). The reporter prints `N passed, N failed` last; if mocha dies before it
// can (a crash while loading test files), print the line here so CI still sees a summary, and
// exit non-zero.
"use strict";
const { spawn } = require("child_process");
const path = require("path");
const mocha = require.resolve("mocha/bin/mocha.js");
// No spec in .mocharc.json: `npx mocha <file>` then runs just that file, the whole suite runs here.
const args = process.argv.slice(2);
const specs = args.some((a) => !a.startsWith("-")) ? [] : ["test/**/*.test.ts"];
// Loading every test file (and the SDKs they import) takes a while before the first suite runs.
process.stdout.write(`loading ${specs.length ? "every test file" : args.filter((a) => !a.startsWith("-")).join(", ")}…\n`);
const child = spawn(process.execPath, [mocha, ...specs, ...args], {
    cwd: path.resolve(__dirname, ".."),
    stdio: ["ignore", "pipe", "inherit"],
});
// Only the end of the output matters for the summary check: keep its last line, not all of it.
let tail = "";
child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    tail = (tail + chunk.toString("utf8")).slice(-4096);
});
child.on("close", (status, signal) => {
    const last = tail.trimEnd().split("\n").pop() || "";
    if (!/^\d+ passed, \d+ failed$/.test(last)) {
        process.stdout.write(`\n0 passed, 1 failed\n`);
        process.exitCode = status || 1;
        return;
    }
    process.exitCode = status === null ? 1 : status;
    if (signal) process.exitCode = 1;
});
