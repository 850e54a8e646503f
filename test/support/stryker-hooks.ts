/**
 * Loaded only by Stryker (stryker.config.mjs). Stryker's mocha runner marks the test whose code runs
 * by setting `currentTestId` before each test and never clears it, so code a `before` hook runs is
 * counted as covered by whichever test ran last (often in another file), and that unrelated test is
 * then the only one run against the mutant. Clearing it after each test makes hook code count as
 * "static": run by no single test, which is what it is.
 */
export const mochaHooks = {
    afterEach(): void {
        const ns = (globalThis as { __stryker__?: { currentTestId?: string } }).__stryker__;
        if (ns) delete ns.currentTestId;
    },
};
