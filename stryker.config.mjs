// Mutation testing of the code that guards the logs: `npm run mutate [-- <glob> …]` (test/mutate.js).
// Not part of `npm test` or .ci/run (it takes hours on the whole scope); .github/workflows/mutation.yml
// runs it weekly and on demand and publishes the HTML report. README, "Mutation testing", says how to
// read the score.
export default {
    testRunner: "mocha",
    mochaOptions: {
        spec: ["test/**/*.test.ts"],
        // .mocharc.json's, plus the hook that keeps coverage of `before` hooks out of the previous test's.
        require: ["ts-node/register/transpile-only", "test/support/setup.ts", "test/support/stryker-hooks.ts"],
    },
    checkers: ["typescript"],
    tsconfigFile: "tsconfig.json",
    // Each mutant runs only the tests that executed its code in the dry run.
    coverageAnalysis: "perTest",
    // Code that runs only while test files load or in `before` hooks (documents built once at module
    // level, plans cached for a whole file) cannot be re-run under a mutant without reloading every
    // test file (minutes per mutant): Stryker reports such mutants as "Ignored", never as killed.
    ignoreStatic: true,
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
    incrementalFile: "reports/mutation/incremental.json",
    // The bar the issue sets for the default scope: 85 % of the mutants the tests cover.
    thresholds: { high: 90, low: 85, break: null },
    // Planning a stack under a mutant can take tens of seconds on a busy machine.
    timeoutMS: 60000,
    dryRunTimeoutMinutes: 30,
    tempDirName: ".stryker-tmp",
    cleanTempDir: "always",
};
