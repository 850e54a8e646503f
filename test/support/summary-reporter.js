// Mocha reporter: mocha's usual spec output, then one plain line `N passed, N failed` as the very
// last line, which is what CI reads.
"use strict";
const Mocha = require("mocha");
const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Spec {
    constructor(runner, options) {
        super(runner, options);
        runner.once(EVENT_RUN_END, () => {
            const s = runner.stats || {};
            // Spec prints its epilogue on the same event; print after it.
            setImmediate(() => process.stdout.write(`${s.passes || 0} passed, ${s.failures || 0} failed\n`));
        });
    }
}
module.exports = SummaryReporter;
