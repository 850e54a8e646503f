#!/usr/bin/env node
// `npm run mutate [-- <glob> …] [-- stryker options]`: Stryker on stryker.config.mjs's scope, or on the
// files the globs name (`npm run mutate -- infra/iam/archive-bucket-policy.ts`). Anything starting
// with `-` goes to `stryker run` as is, e.g. `--concurrency 1`, `--testFiles 'test/infra/iam/**'`
// (run only those tests: much faster, but a mutant only other tests kill then survives),
// `--incremental` (re-test only what changed since the last report).
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const args = process.argv.slice(2);
const globs = [];
const options = [];
for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("-")) {
        globs.push(a);
        continue;
    }
    options.push(a);
    // An option's value (`--concurrency 1`) stays with it.
    if (!a.includes("=") && i + 1 < args.length && !args[i + 1].startsWith("-") && !/^--(ignoreStatic|incremental|force|dryRunOnly|disableBail|allowEmpty|inPlace)$/.test(a)) options.push(args[++i]);
}
// The package exports no bin path: resolve its package.json and take the bin beside it.
const stryker = path.join(path.dirname(require.resolve("@stryker-mutator/core/package.json")), "bin", "stryker.js");
const mutate = globs.length > 0 ? ["--mutate", globs.join(",")] : [];
const r = spawnSync(process.execPath, [stryker, "run", ...mutate, ...options], { cwd: path.resolve(__dirname, ".."), stdio: "inherit" });
process.exitCode = r.status === null ? 1 : r.status;
