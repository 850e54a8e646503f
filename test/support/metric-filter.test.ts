import * as assert from "assert";
import { matchesMetricFilter as m, parseMetricFilter } from "./metric-filter";

const signIn = {
    eventName: "ConsoleLogin",
    errorMessage: "Failed authentication",
    userIdentity: { type: "IAMUser", userName: "alice", sessionContext: null },
    additionalEventData: { MFAUsed: "No", LoginTo: "https://console.aws.amazon.com" },
    responseElements: { ConsoleLogin: "Failure" },
    resources: [{ ARN: "arn:aws:s3:::bucket/key", type: "AWS::S3::Object" }],
    bytes: 512,
    readOnly: false,
};

describe("metric filter evaluator", () => {
    it("matches a quoted string equality and rejects a different value", () => {
        assert.strictEqual(m('{ $.eventName = "ConsoleLogin" }', signIn), true);
        assert.strictEqual(m('{ $.eventName = "GetObject" }', signIn), false);
    });
    it("matches unquoted values the way CIS patterns write them", () => {
        assert.strictEqual(m("{ ($.eventName = ConsoleLogin) }", signIn), true);
        assert.strictEqual(m("{ $.eventSource = kms.amazonaws.com }", { eventSource: "kms.amazonaws.com" }), true);
    });
    it("treats * in a value as a wildcard at either end or inside", () => {
        assert.strictEqual(m('{ $.errorCode = "*UnauthorizedOperation" }', { errorCode: "Client.UnauthorizedOperation" }), true);
        assert.strictEqual(m('{ $.errorCode = "AccessDenied*" }', { errorCode: "AccessDeniedException" }), true);
        assert.strictEqual(m('{ $.errorCode = "Access*Exception" }', { errorCode: "AccessDeniedException" }), true);
        assert.strictEqual(m('{ $.errorCode = "AccessDenied*" }', { errorCode: "ThrottlingException" }), false);
    });
    it("does not treat regex characters in a value as special", () => {
        assert.strictEqual(m('{ $.eventSource = "kms.amazonaws.com" }', { eventSource: "kmsXamazonawsYcom" }), false);
    });
    it("matches != only when the field exists with another value", () => {
        assert.strictEqual(m('{ $.additionalEventData.MFAUsed != "Yes" }', signIn), true);
        assert.strictEqual(m('{ $.additionalEventData.MFAUsed != "No" }', signIn), false);
        assert.strictEqual(m('{ $.additionalEventData.Missing != "Yes" }', signIn), false);
    });
    it("matches NOT EXISTS only on an absent field, not on a null one", () => {
        assert.strictEqual(m("{ $.userIdentity.invokedBy NOT EXISTS }", signIn), true);
        assert.strictEqual(m("{ $.userIdentity.sessionContext NOT EXISTS }", signIn), false);
        assert.strictEqual(m("{ $.eventName NOT EXISTS }", signIn), false);
    });
    it("matches IS NULL only on a JSON null", () => {
        assert.strictEqual(m("{ $.userIdentity.sessionContext IS NULL }", signIn), true);
        assert.strictEqual(m("{ $.userIdentity.invokedBy IS NULL }", signIn), false);
        assert.strictEqual(m("{ $.eventName IS NULL }", signIn), false);
    });
    it("matches IS TRUE and IS FALSE on booleans only", () => {
        assert.strictEqual(m("{ $.readOnly IS FALSE }", signIn), true);
        assert.strictEqual(m("{ $.readOnly IS TRUE }", signIn), false);
        assert.strictEqual(m("{ $.eventName IS TRUE }", signIn), false);
    });
    it("compares numbers numerically", () => {
        assert.strictEqual(m("{ $.bytes > 500 }", signIn), true);
        assert.strictEqual(m("{ $.bytes >= 512 }", signIn), true);
        assert.strictEqual(m("{ $.bytes < 512 }", signIn), false);
        assert.strictEqual(m("{ $.bytes <= 511.5 }", signIn), false);
        assert.strictEqual(m("{ $.bytes = 512 }", signIn), true);
        assert.strictEqual(m("{ $.bytes != 512 }", signIn), false);
        assert.strictEqual(m("{ $.eventName > 1 }", signIn), false);
    });
    it("indexes arrays", () => {
        assert.strictEqual(m('{ $.resources[0].type = "AWS::S3::Object" }', signIn), true);
        assert.strictEqual(m('{ $.resources[1].type = "AWS::S3::Object" }', signIn), false);
    });
    it("gives && precedence over ||", () => {
        // false && false || true → true;   true || false && false → true
        assert.strictEqual(m('{ $.eventName = "X" && $.eventName = "Y" || $.bytes = 512 }', signIn), true);
        assert.strictEqual(m('{ $.bytes = 512 || $.eventName = "X" && $.eventName = "Y" }', signIn), true);
        assert.strictEqual(m('{ ($.bytes = 512 || $.eventName = "X") && $.eventName = "Y" }', signIn), false);
    });
    it("evaluates nested parentheses", () => {
        assert.strictEqual(m('{ ($.eventName = "ConsoleLogin") && (($.errorMessage = "Nope") || ($.userIdentity.type = "IAMUser")) }', signIn), true);
        assert.strictEqual(m('{ ($.eventName = "ConsoleLogin") && (($.errorMessage = "Nope") || ($.userIdentity.type = "Root")) }', signIn), false);
    });
    it("rejects patterns outside the syntax instead of guessing", () => {
        assert.throws(() => parseMetricFilter('$.eventName = "X"'), /expected \{/);
        assert.throws(() => parseMetricFilter('{ $.eventName = "X" '), /expected \}/);
        assert.throws(() => parseMetricFilter('{ $.eventName = "X }'), /unterminated string/);
        assert.throws(() => parseMetricFilter('{ ($.eventName = "X" }'), /expected \)/);
        assert.throws(() => parseMetricFilter('{ $.eventName EXISTS }'), /expected op/);
        assert.throws(() => parseMetricFilter('{ $.eventName IS MISSING }'), /unknown test IS MISSING/);
        assert.throws(() => parseMetricFilter('{ $.bytes > "big" }'), /> needs a number/);
        assert.throws(() => parseMetricFilter('{ $.a = "x" } trailing'), /unexpected trailing/);
    });
});

describe("metric filter evaluator properties", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fc = require("fast-check") as typeof import("fast-check");
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/);

    it("matches a field exactly equal to a quoted value and nothing else", () => {
        fc.assert(
            fc.property(word, word, (a, b) => {
                const pattern = `{ $.eventName = "${a}" }`;
                return m(pattern, { eventName: a }) && m(pattern, { eventName: b }) === (a === b) && !m(pattern, {});
            }),
            { seed: 5, numRuns: 300 },
        );
    });

    it("matches an OR of names exactly when the event name is one of them", () => {
        fc.assert(
            fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), word, (names, probe) => {
                const pattern = `{ ${names.map((n) => `($.eventName = "${n}")`).join(" || ")} }`;
                return m(pattern, { eventName: probe }) === names.includes(probe);
            }),
            { seed: 5, numRuns: 300 },
        );
    });

    it("treats a prefix wildcard as startsWith", () => {
        fc.assert(
            fc.property(word, word, (prefix, rest) => m(`{ $.e = "${prefix}*" }`, { e: prefix + rest }) && m(`{ $.e = "${prefix}*" }`, { e: rest }) === rest.startsWith(prefix)),
            { seed: 5, numRuns: 300 },
        );
    });
});
