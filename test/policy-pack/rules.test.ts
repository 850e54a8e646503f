import * as assert from "assert";
import { evaluatePack, type EvalResource } from "../../policy-pack/harness/evaluate";
import { ALL_RULES } from "../../policy-pack/rules";
import { CASES } from "./cases";
import { RULE_TYPES } from "./rule-types";
import { of, res } from "./support";

/** Types no rule of the pack looks at, to prove rules ignore the wrong type. */
const FOREIGN = "aws:sns/topic:Topic";

for (const rule of ALL_RULES) {
    const c = CASES[rule.name];
    describe(`${rule.name} (${rule.kind} rule)`, () => {
        it("has a case table", () => assert.ok(c, `add ${rule.name} to test/policy-pack/cases.ts`));
        if (!c) return;
        const expectedLevel = rule.meta.enforcementLevel === "remediate" ? "remediate" : rule.meta.enforcementLevel;
        const run = (resources: EvalResource[], preview = false) => evaluatePack(resources, { config: c.config, stackTags: c.stackTags, preview });

        const types = RULE_TYPES[rule.name] ?? [];
        it("judges exactly the type tokens test/policy-pack/rule-types.ts lists for it", () => {
            assert.ok(types.length > 0, `add ${rule.name} to test/policy-pack/rule-types.ts`);
            assert.deepStrictEqual([...rule.types].sort(), [...types].sort());
        });
        for (const t of types) {
            it(`passes a compliant ${t}`, async () => {
                const v = of(await run(c.compliant(t)), rule.name);
                assert.deepStrictEqual(v, []);
            });
            it(`reports a violating ${t} at the ${expectedLevel} level, saying what to change`, async () => {
                const v = of(await run(c.violating(t)), rule.name);
                assert.ok(v.length >= 1, "expected a violation");
                for (const x of v) assert.strictEqual(x.level, expectedLevel);
                if (expectedLevel !== "remediate") assert.ok(v.some((x) => c.says.test(x.message)), v.map((x) => x.message).join("\n"));
                else for (const x of v) assert.match(x.message, /Remediated in place: \w+ .+ → /);
                for (const x of v) assert.ok(!/\[object Object\]|\bundefined\b/.test(x.message), x.message);
            });
            if (c.unknown) {
                const unknown = c.unknown;
                it(`reports an unknown ${t} value as an advisory 'cannot verify until apply', never mandatory`, async () => {
                    const v = of(await run(unknown(t), true), rule.name);
                    assert.ok(v.length >= 1, "expected an advisory");
                    for (const x of v) {
                        assert.strictEqual(x.level, "advisory");
                        assert.match(x.message, /^cannot verify until apply: /);
                    }
                });
            } else if (c.unknownPasses) {
                const u = c.unknownPasses;
                it(`passes a ${t} whose deciding value is unknown, because ${u.reason}`, async () => {
                    assert.deepStrictEqual(of(await run(u.resources(t), true), rule.name), []);
                });
            }
        }

        const retype = (rs: EvalResource[]) => rs.map((r) => ({ ...r, type: FOREIGN, urn: r.urn.replace(r.type, FOREIGN) }));
        if (rule.name.startsWith("lz-baseline-")) {
            it("does not count resources of other types toward the baseline, even with compliant properties", async () => {
                assert.ok(of(await run(retype(c.compliant(rule.types[0]))), rule.name).length >= 1);
            });
        } else {
            it("ignores resources of a type it does not cover, even with violating properties", async () => {
                assert.deepStrictEqual(of(await run(retype(c.violating(rule.types[0]))), rule.name), []);
            });
        }

        it("is silenced by an unexpired exception (resource URN, or stack tag for stack-level findings), and reports again once it has expired", async () => {
            const resources = c.violating(rule.types[0]);
            const found = of(await run(resources), rule.name);
            const urns = found.map((v) => v.urn).filter((u): u is string => Boolean(u));
            if (!urns.length) {
                // Stack-level findings (baselines) are excepted by a stack tag.
                const tags = { ...(c.stackTags ?? {}), "lz:exception": "pilot-account" };
                const tagCfg = (expires: string) => ({ ...(c.config ?? {}), [rule.name]: { exceptions: [{ tag: { key: "lz:exception", value: "pilot-account" }, reason: "pilot without subscription, LZ-9", expires }] } });
                assert.deepStrictEqual(of(await evaluatePack(resources, { config: tagCfg("2999-12-31"), stackTags: tags }), rule.name), []);
                const stale = of(await evaluatePack(resources, { config: tagCfg("2001-01-01"), stackTags: tags }), rule.name);
                assert.ok(stale.length >= 1);
                for (const v of stale) assert.match(v.message, /expired on 2001-01-01 and no longer applies/);
                return;
            }
            const exceptions = (expires: string) => urns.map((urn) => ({ urn, reason: "accepted risk LZ-1", expires }));
            const cfg = (expires: string) => ({ ...(c.config ?? {}), [rule.name]: { ...((c.config?.[rule.name] as object) ?? {}), exceptions: exceptions(expires) } });
            const active = await evaluatePack(resources, { config: cfg("2999-12-31"), stackTags: c.stackTags });
            assert.deepStrictEqual(of(active, rule.name), []);
            const expired = await evaluatePack(resources, { config: cfg("2001-01-01"), stackTags: c.stackTags });
            const again = of(expired, rule.name);
            assert.ok(again.length >= 1);
            if (expectedLevel !== "remediate") for (const v of again) assert.match(v.message, /expired on 2001-01-01 and no longer applies/);
        });
    });
}

describe("destination rules", () => {
    const destinationRules = ALL_RULES.filter((r) => Object.keys(r.meta.config ?? {}).some((k) => k.startsWith("approved")));
    it("exist for trails, flow logs, S3/ELB/CloudFront access logs and log subscriptions", () => {
        assert.deepStrictEqual(destinationRules.map((r) => r.name).sort(), [
            "lz-cloudfront-log-destination",
            "lz-cloudtrail-archive-destination",
            "lz-cloudwatch-log-subscription-destination",
            "lz-elb-access-log-destination",
            "lz-s3-access-log-destination",
            "lz-vpc-flow-log-destination",
        ]);
    });
    for (const rule of destinationRules) {
        it(`${rule.name} does not apply while no approved destination is configured`, async () => {
            const r = await evaluatePack(CASES[rule.name].violating(rule.types[0]));
            assert.deepStrictEqual(of(r, rule.name), []);
        });
    }
});

describe("baseline rules", () => {
    const baselineRules = ALL_RULES.filter((r) => r.name.startsWith("lz-baseline-"));
    for (const rule of baselineRules) {
        it(`${rule.name} does not apply to a stack without the baseline stack tag`, async () => {
            assert.deepStrictEqual(of(await evaluatePack(CASES[rule.name].violating(rule.types[0])), rule.name), []);
        });
        it(`${rule.name} applies when its config sets enabled: true`, async () => {
            const r = await evaluatePack(CASES[rule.name].violating(rule.types[0]), { config: { [rule.name]: { enabled: true } } });
            assert.ok(of(r, rule.name).length >= 1);
        });
    }
});

describe("rule details", () => {
    it("skips gateway load balancers for access logs, and network ones unless configured", async () => {
        const lbs = [res("aws:lb/loadBalancer:LoadBalancer", { loadBalancerType: "gateway" }, "gwlb"), res("aws:lb/loadBalancer:LoadBalancer", { loadBalancerType: "network" }, "nlb")];
        assert.deepStrictEqual(of(await evaluatePack(lbs), "lz-elb-access-logs"), []);
        const withNlb = await evaluatePack(lbs, { config: { "lz-elb-access-logs": { loadBalancerTypes: ["application", "network"] } } });
        assert.deepStrictEqual(of(withNlb, "lz-elb-access-logs").map((v) => v.name), ["nlb"]);
    });
    it("remediates a log group's retention to the smallest valid value at or above the floor", async () => {
        const r = await evaluatePack([res("aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 30 })], { config: { "lz-cloudwatch-log-group-retention": { minimumDays: 366 } } });
        assert.match(of(r, "lz-cloudwatch-log-group-retention")[0].message, /retentionInDays 30 → 400/);
    });
    it("remediates a single-region trail to multi-region", async () => {
        const r = await evaluatePack([res("aws:cloudtrail/trail:Trail", { isMultiRegionTrail: false, enableLogFileValidation: true })]);
        const v = of(r, "lz-cloudtrail-multi-region");
        assert.strictEqual(v.length, 1);
        assert.match(v[0].message, /isMultiRegionTrail false → true/);
    });
    it("allows excluding an event source from management events only when configured", async () => {
        const trail = res("aws:cloudtrail/trail:Trail", { eventSelectors: [{ readWriteType: "All", excludeManagementEventSources: ["kms.amazonaws.com"] }] });
        const strict = await evaluatePack([trail]);
        assert.match(of(strict, "lz-cloudtrail-management-events")[0].message, /Stop excluding kms.amazonaws.com/);
        const allowed = await evaluatePack([trail], { config: { "lz-cloudtrail-management-events": { allowedExclusions: ["kms.amazonaws.com"] } } });
        assert.deepStrictEqual(of(allowed, "lz-cloudtrail-management-events"), []);
    });
    it("judges an RDS instance by its engine: postgres needs postgresql, sqlserver needs agent and error", async () => {
        const r = await evaluatePack([res("aws:rds/instance:Instance", { engine: "sqlserver-se", enabledCloudwatchLogsExports: ["error"] })]);
        assert.match(of(r, "lz-rds-instance-log-exports")[0].message, /Add "agent"/);
    });
    it("does not require log exports from engines it does not know", async () => {
        const r = await evaluatePack([res("aws:rds/instance:Instance", { engine: "neptune" })]);
        assert.deepStrictEqual(of(r, "lz-rds-instance-log-exports"), []);
    });
    it("skips private hosted zones for query logging", async () => {
        const r = await evaluatePack([res("aws:route53/zone:Zone", { name: "corp.internal", vpcs: [{ vpcId: "vpc-1" }] })]);
        assert.deepStrictEqual(of(r, "lz-route53-query-logging"), []);
    });
    it("exempts the access-log target bucket itself from access logging", async () => {
        const r = await evaluatePack([
            res("aws:s3/bucketV2:BucketV2", { bucket: "app", loggings: [{ targetBucket: "access-logs" }] }, "app"),
            res("aws:s3/bucket:Bucket", { bucket: "access-logs" }, "access-logs"),
        ]);
        assert.deepStrictEqual(of(r, "lz-s3-access-logging"), []);
    });
});
