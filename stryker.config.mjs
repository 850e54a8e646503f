// Mutation testing of the code that guards the logs: `npm run mutate [-- <glob> …]` (test/mutate.js
// runs it area by area; `mutate` below is the whole scope, for `npx stryker run` alone).
// Not part of `npm test` or .ci/run (it takes hours on the whole scope); .github/workflows/mutation.yml
// runs it weekly and on demand and publishes the HTML report. README, "Mutation testing", says how to
// read the score.
export default {
    testRunner: "mocha",
    mochaOptions: {
        // The area's tests, which test/mutate.js names in LZ_MUTATE_TESTS (not `--testFiles`, which
        // makes Stryker 9.6 run static mutants against no test at all: see strykerInvocation there).
        spec: process.env.LZ_MUTATE_TESTS ? process.env.LZ_MUTATE_TESTS.split(",") : ["test/**/*.test.ts"],
        // .mocharc.json's, plus the hook that keeps coverage of `before` hooks out of the previous test's.
        require: ["ts-node/register/transpile-only", "test/support/setup.ts", "test/support/stryker-hooks.ts"],
    },
    checkers: ["typescript"],
    tsconfigFile: "tsconfig.json",
    // Each mutant runs only the tests that executed its code in the dry run.
    coverageAnalysis: "perTest",
    // Code that runs while modules load (action lists, the CIS table, schemas) or in `before` hooks
    // (plans shared by a file's tests) is "static": Stryker reloads the tests with the mutant active and
    // runs all of them. Slow, but these tables are what guards the logs, so they are tested, not
    // ignored; test/mutate.js keeps it affordable by giving each area only its own tests.
    ignoreStatic: false,
    mutate: [
        "infra/iam/**/*.ts",
        "infra/components/trail/**/*.ts",
        "infra/components/events/**/*.ts",
        "infra/config/**/*.ts",
        "infra/engine/plan-json.ts",
        "policy-pack/policies/**/*.ts",
    ],
    ignorePatterns: [".bench", "bin", "reports", "/plan-*.json"],
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: "reports/mutation/index.html" },
    jsonReporter: { fileName: "reports/mutation/mutation.json" },
    // The bar the issue sets for the default scope: 85 % of the mutants the tests cover.
    thresholds: { high: 90, low: 85, break: null },
    // Planning a stack under a mutant can take tens of seconds on a busy machine.
    timeoutMS: 60000,
    dryRunTimeoutMinutes: 30,
    tempDirName: ".stryker-tmp",
    cleanTempDir: "always",
};
