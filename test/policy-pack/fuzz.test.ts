/**
 * Property: no input makes a rule throw. 10,000 random resources of the covered types, with random,
 * missing, unknown, secret and wrongly-typed properties and random links between them, go through
 * the analyzer in stacks of 50; every finding is a well-formed violation and none is the pack's
 * internal-error advisory.
 */
import * as assert from "assert";
import * as fc from "fast-check";
import { evaluatePack, type EvalResource } from "../../policy-pack/harness/evaluate";
import { INTERNAL_ERROR } from "../../policy-pack/lib/rule";
import { ALL_RULES } from "../../policy-pack/rules";
import { KEYS, value } from "./arbitraries";
import { urnOf } from "./support";

const TYPES = [...new Set(ALL_RULES.flatMap((r) => r.types))].sort();

const resource = fc.record({
    type: fc.constantFrom(...TYPES),
    props: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }),
    link: fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.nat(49)), { maxLength: 3 }),
});

const stackArb = fc.array(resource, { minLength: 50, maxLength: 50 });

/** Config that switches on every conditional rule, so all of them run on the random input. */
const CONFIG: Record<string, unknown> = Object.fromEntries(
    ALL_RULES.flatMap((r) => {
        const props = r.meta.config ?? {};
        const cfg: Record<string, unknown> = {};
        for (const k of Object.keys(props)) if (k.startsWith("approved")) cfg[k] = ["org-archive", "arn:aws:*"];
        if ("enabled" in props) cfg.enabled = true;
        return Object.keys(cfg).length ? [[r.name, cfg]] : [];
    }),
);

describe("policy pack fuzz", function () {
    this.timeout(300_000);

    it("never throws on 10,000 random resources of the covered types (random, missing, unknown, secret, wrongly-typed properties)", async () => {
        let resources = 0;
        await fc.assert(
            fc.asyncProperty(stackArb, fc.boolean(), async (stack, preview) => {
                const urns = stack.map((r, i) => urnOf(r.type, `r${i}`));
                const evals: EvalResource[] = stack.map((r, i) => {
                    const propertyDependencies: Record<string, string[]> = Object.create(null);
                    for (const [k, j] of r.link) propertyDependencies[k] = [...(Object.hasOwn(propertyDependencies, k) ? propertyDependencies[k] : []), urns[j]];
                    return { urn: urns[i], type: r.type, name: `r${i}`, props: r.props, custom: true, propertyDependencies, dependencies: Object.values(propertyDependencies).flat() };
                });
                const result = await evaluatePack(evals, { preview, config: CONFIG, stackTags: { "lz:baseline": "account,security" } });
                for (const v of result.violations) {
                    assert.ok(!v.message.includes(INTERNAL_ERROR), v.message);
                    assert.ok(["mandatory", "advisory", "remediate"].includes(v.level));
                    assert.ok(v.message.length > 0);
                    assert.ok(!/\[object Object\]|\bundefined\b|\bNaN\b/.test(v.message), v.message);
                }
                resources += stack.length;
            }),
            { seed: 20261122, numRuns: 200, endOnFailure: true },
        );
        assert.strictEqual(resources, 10_000);
    });
});
