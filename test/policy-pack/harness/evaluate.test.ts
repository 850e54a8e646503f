import * as assert from "assert";
import { evaluatePack, resolveConfig } from "../../../policy-pack/harness/evaluate";
import { of, res, UNKNOWN, secret } from "../support";

const TRAIL = "aws:cloudtrail/trail:Trail";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const VALIDATION = "lz-cloudtrail-log-file-validation";
const RETENTION = "lz-cloudwatch-log-group-retention";

describe("evaluatePack (SDK analyzer path)", () => {
    it("remediates a trail without log-file validation and reports it at the remediate level", async () => {
        const r = await evaluatePack([res(TRAIL, { s3BucketName: "b", enableLogFileValidation: false })]);
        const v = of(r, VALIDATION);
        assert.strictEqual(v.length, 1);
        assert.strictEqual(v[0].level, "remediate");
        assert.match(v[0].message, /enableLogFileValidation false → true/);
    });

    it("remediates only the resource's own properties, even when one is named like the SDK proxy's target key or an Object method", async () => {
        const r = await evaluatePack([res(TRAIL, { s3BucketName: "b", enableLogFileValidation: false, constructor: false, __getSpecialProxyTarget: secret({ isMultiRegionTrail: true }) })]);
        const v = of(r, VALIDATION);
        assert.strictEqual(v.length, 1);
        assert.match(v[0].message, /Remediated in place: enableLogFileValidation false → true\./);
    });

    it("rejects, instead of never answering, when the SDK cannot deserialize a value (a secret without its value), and evaluates the next stack", async () => {
        const malformed = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
        await assert.rejects(evaluatePack([res(TRAIL, { s3BucketName: malformed })]), /unexpected undefined property value/);
        assert.strictEqual(of(await evaluatePack([res(TRAIL, { enableLogFileValidation: false })]), VALIDATION).length, 1);
    });

    it("reports a mandatory violation when the rule is configured mandatory instead of remediate", async () => {
        const r = await evaluatePack([res(TRAIL, { enableLogFileValidation: false })], { config: { [VALIDATION]: "mandatory" } });
        const v = of(r, VALIDATION);
        assert.deepStrictEqual(v.map((x) => x.level), ["mandatory"]);
        assert.match(v[0].message, /Set `enableLogFileValidation: true`/);
    });

    it("reports an advisory 'cannot verify until apply' for an unknown value, never mandatory", async () => {
        const r = await evaluatePack([res(TRAIL, { enableLogFileValidation: UNKNOWN })], { preview: true });
        const v = of(r, VALIDATION);
        assert.deepStrictEqual(v.map((x) => x.level), ["advisory"]);
        assert.match(v[0].message, /^cannot verify until apply: enableLogFileValidation/);
    });

    it("reads secret values as their plain value", async () => {
        const r = await evaluatePack([res(LOG_GROUP, { retentionInDays: secret(7) })], { config: { [RETENTION]: "mandatory" } });
        assert.match(of(r, RETENTION)[0].message, /from 7 to at least 365/);
    });

    it("keeps a remediated value secret when the value it replaced was, and masks it in the message", async () => {
        const r = await evaluatePack([res(LOG_GROUP, { retentionInDays: secret(7) })]);
        assert.match(of(r, RETENTION)[0].message, /retentionInDays \[secret\] → \[secret\]/);
    });

    it("passes rule config (minimumDays) through the Configure call", async () => {
        const r = await evaluatePack([res(LOG_GROUP, { retentionInDays: 90 })], { config: { [RETENTION]: { enforcementLevel: "mandatory", minimumDays: 60 } } });
        assert.deepStrictEqual(of(r, RETENTION), []);
    });

    it("turns off a rule with the all-level 'disabled'", async () => {
        const r = await evaluatePack([res(TRAIL, { enableLogFileValidation: false })], { config: { all: "disabled" } });
        assert.deepStrictEqual(r.violations, []);
    });

    it("suppresses findings for a resource under an unexpired exception and says when it expired", async () => {
        const future = { name: "subject", reason: "migration ticket LZ-12", expires: "2999-12-31" };
        const past = { name: "subject", reason: "migration ticket LZ-12", expires: "2020-01-31" };
        const cfg = (e: unknown) => ({ [RETENTION]: { enforcementLevel: "mandatory", exceptions: [e] } });
        const active = await evaluatePack([res(LOG_GROUP, { retentionInDays: 1 })], { config: cfg(future) });
        assert.deepStrictEqual(of(active, RETENTION), []);
        const expired = await evaluatePack([res(LOG_GROUP, { retentionInDays: 1 })], { config: cfg(past) });
        assert.match(of(expired, RETENTION)[0].message, /exception for this resource expired on 2020-01-31 and no longer applies; reason was: "migration ticket LZ-12"/);
    });

    it("matches exceptions by URN and by tag", async () => {
        const g = res(LOG_GROUP, { retentionInDays: 1, tags: { team: "payments" } });
        for (const match of [{ urn: g.urn }, { tag: { key: "team", value: "payments" } }, { tag: { key: "team" } }]) {
            const r = await evaluatePack([g], { config: { [RETENTION]: { enforcementLevel: "mandatory", exceptions: [{ ...match, reason: "r", expires: "2999-01-01" }] } } });
            assert.deepStrictEqual(of(r, RETENTION), [], JSON.stringify(match));
        }
        const other = await evaluatePack([g], { config: { [RETENTION]: { enforcementLevel: "mandatory", exceptions: [{ tag: { key: "team", value: "ops" }, reason: "r", expires: "2999-01-01" }] } } });
        assert.strictEqual(of(other, RETENTION).length, 1);
    });

    it("rejects config naming an unknown rule, a bad level, an unknown setting and a malformed exception, all at once", () => {
        assert.throws(
            () => resolveConfig({ "lz-nope": "mandatory", [VALIDATION]: "sometimes", [RETENTION]: { minimumDays: "x", exceptions: [{ name: "a", expires: "soon" }] } }),
            (e: Error) => {
                assert.match(e.message, /"lz-nope" is not a rule/);
                assert.match(e.message, /"sometimes" is not an enforcement level/);
                assert.match(e.message, /minimumDays: expected integer/);
                assert.match(e.message, /exceptions\[0\]\.reason: required/);
                assert.match(e.message, /"soon" does not match/);
                return true;
            },
        );
    });

    it("marshals resource references and output values the way the engine does", async () => {
        const ref = { "4dabf18193072939515e22adb298388d": "d0e6a833031e9bbcd3f4e8bde6ca49a4", value: 30, dependencies: [] };
        const r = await evaluatePack([res(LOG_GROUP, { retentionInDays: ref, kmsKeyId: { "4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:x", id: "key-1" } })], { config: { [RETENTION]: "mandatory" } });
        assert.match(of(r, RETENTION)[0].message, /from 30 to/);
    });
});
