/**
 * Property, per rule: no input makes the rule throw. Each rule's own case tables (compliant,
 * violating, unknown, for every token) are mutated at random, where the rule reads: any value on
 * the way replaced by a random one (wrong type, unknown sentinel, secret, JSON string), removed,
 * or, inside a JSON document property (session documents, container definitions), changed in the
 * parsed document; resources are retyped among the rule's tokens and linked at random. Every
 * finding stays a well-formed violation and none is the pack's internal-error advisory. Seeds are
 * fixed per rule, so a failure replays.
 */
import * as assert from "assert";
import * as fc from "fast-check";
import { evaluatePack, type EvalResource } from "../../policy-pack/harness/evaluate";
import { INTERNAL_ERROR } from "../../policy-pack/lib/rule";
import { ALL_RULES } from "../../policy-pack/rules";
import { value } from "./arbitraries";
import { CASES } from "./cases";
import { UNKNOWN } from "./support";

type Path = readonly (string | number)[];

/** The wire form of a secret: the engine never sends one without its `value`. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/**
 * Every path into plain objects and arrays, and into JSON documents held in strings (marked
 * "json"). A secret's signature and `value` key are kept: only what is inside the value changes.
 */
function paths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
    if (prefix.length) out.push(prefix);
    if (v !== null && typeof v === "object" && !Array.isArray(v) && SECRET_SIG in v) {
        const inner = paths((v as Record<string, unknown>).value, [...prefix, "value"], []);
        out.push(...inner.slice(1));
        return out;
    }
    if (typeof v === "string" && /^[[{]/.test(v)) {
        try {
            paths(JSON.parse(v), [...prefix, "json"], out);
        } catch {
            // Not JSON: a plain string.
        }
    } else if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
    else if (v !== null && typeof v === "object") for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...prefix, k], out);
    return out;
}

type Change = { kind: "set"; value: unknown } | { kind: "delete" } | { kind: "unknown" };

/** A copy of `v` with `change` applied at `path` (JSON documents parsed, changed and written back). */
function apply(v: unknown, path: Path, change: Change): unknown {
    if (!path.length) return change.kind === "set" ? change.value : change.kind === "unknown" ? UNKNOWN : undefined;
    const [head, ...rest] = path;
    if (head === "json" && typeof v === "string") {
        try {
            return JSON.stringify(apply(JSON.parse(v), rest, change)) ?? "null";
        } catch {
            return v;
        }
    }
    if (Array.isArray(v)) {
        const copy = [...v];
        const i = Number(head);
        if (change.kind === "delete" && !rest.length) copy.splice(i, 1);
        else copy[i] = apply(copy[i], rest, change);
        return copy;
    }
    if (v !== null && typeof v === "object") {
        const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
        const k = String(head);
        if (change.kind === "delete" && !rest.length) delete copy[k];
        else copy[k] = apply(copy[k], rest, change);
        return copy;
    }
    return v;
}

const change: fc.Arbitrary<Change> = fc.oneof(
    { weight: 3, arbitrary: value.map((v) => ({ kind: "set" as const, value: v })) },
    { weight: 1, arbitrary: fc.constant({ kind: "delete" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "unknown" as const }) },
);

describe("per-rule property: a rule never throws on mutations of its own cases", function () {
    this.timeout(120_000);
    ALL_RULES.forEach((rule, index) => {
        const c = CASES[rule.name];
        if (!c) return;
        const bases: EvalResource[][] = rule.types.flatMap((t) => [c.compliant(t), c.violating(t), c.unknown?.(t), c.unknownPasses?.resources(t)].filter((x): x is EvalResource[] => Array.isArray(x)));
        const mutation = fc.record({
            base: fc.nat(bases.length - 1),
            edits: fc.array(fc.tuple(fc.nat(), fc.nat(), change), { minLength: 1, maxLength: 4 }),
            retype: fc.option(fc.tuple(fc.nat(), fc.constantFrom(...rule.types)), { nil: undefined }),
            link: fc.option(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 3 })), { nil: undefined }),
            preview: fc.boolean(),
        });

        it(`${rule.name} stays well-formed on ${bases.length} case stacks mutated where it reads (fast-check, seed ${20261122 + index})`, async () => {
            assert.ok(bases.length > 0 && bases.every((b) => b.length > 0), "the rule has case stacks to mutate");
            let runs = 0;
            await fc.assert(
                fc.asyncProperty(mutation, async (m) => {
                    const stack = bases[m.base].map((r) => ({ ...r, props: { ...r.props } }));
                    for (const [ri, pi, ch] of m.edits) {
                        const r = stack[ri % stack.length];
                        const ps = paths(r.props);
                        if (!ps.length) r.props = { ...r.props, [`k${pi % 3}`]: ch.kind === "set" ? ch.value : UNKNOWN };
                        else r.props = apply(r.props, ps[pi % ps.length], ch) as Record<string, unknown>;
                    }
                    if (m.retype) {
                        const r = stack[m.retype[0] % stack.length];
                        stack[m.retype[0] % stack.length] = { ...r, type: m.retype[1], urn: r.urn.replace(r.type, m.retype[1]) };
                    }
                    if (m.link) {
                        const from = stack[m.link[0] % stack.length];
                        const to = stack[m.link[1] % stack.length];
                        const key = m.link[2] || Object.keys(from.props)[0] || "x";
                        from.propertyDependencies = { ...(from.propertyDependencies ?? {}), [key]: [to.urn] };
                        from.dependencies = [...(from.dependencies ?? []), to.urn];
                    }
                    const result = await evaluatePack(stack, { preview: m.preview, config: c.config, stackTags: c.stackTags });
                    for (const v of result.violations) {
                        assert.ok(!v.message.includes(INTERNAL_ERROR), v.message);
                        assert.ok(["mandatory", "advisory", "remediate"].includes(v.level));
                        assert.ok(!/\[object Object\]|\bundefined\b|\bNaN\b|Symbol\(/.test(v.message), v.message);
                    }
                    runs++;
                }),
                { seed: 20261122 + index, numRuns: 25, endOnFailure: true },
            );
            assert.strictEqual(runs, 25);
        });
    });
});
