import { strict as assert } from "assert";
import fc from "fast-check";
import { parseOrg } from "../../../infra/config/org";
import { parseStack } from "../../../infra/config/stack";
import { ConfigError } from "../../../infra/config/errors";
import { referenceOrg } from "../../support/plan";

type Mutation = { kind: "set"; at: number; value: unknown } | { kind: "delete"; at: number } | { kind: "add"; at: number; key: string; value: unknown };

/** Every path (as key lists) to a value inside `obj`, including the root's children. */
function paths(obj: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (obj === null || typeof obj !== "object") return [];
    const out: (string | number)[][] = [];
    for (const [k, v] of Object.entries(obj)) {
        const key = Array.isArray(obj) ? Number(k) : k;
        out.push([...prefix, key], ...paths(v, [...prefix, key]));
    }
    return out;
}

function apply(org: any, m: Mutation): void {
    const all = paths(org);
    const path = all[m.at % all.length];
    const parent = path.slice(0, -1).reduce((o, k) => o[k], org);
    const last = path[path.length - 1];
    if (m.kind === "set") parent[last] = m.value;
    else if (m.kind === "delete") {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
    } else {
        const target = parent[last];
        if (target !== null && typeof target === "object" && !Array.isArray(target)) target[m.key] = m.value;
        else parent[last] = { [m.key]: m.value };
    }
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constantFrom("us-east-1", "123456789012", "a@b.co", "create", 365, 0, -1, null)) }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("add" as const), at: fc.nat(), key: fc.string(), value: fc.anything() }),
);

describe("config model (property)", () => {
    it("turns any mutation of the reference org into a valid model or a ConfigError listing problems, never another exception", () => {
        let valid = 0;
        let invalid = 0;
        fc.assert(
            fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
                const org = referenceOrg();
                for (const m of mutations) apply(org, m);
                try {
                    const model = parseOrg(org, "stacks/org.yaml");
                    // A valid model must also be usable by every reference stack shape.
                    parseStack("security", "stacks/Pulumi.security.yaml", { "lz:role": "security" }, model);
                    valid++;
                } catch (e) {
                    if (!(e instanceof ConfigError)) throw e;
                    assert.ok(e.problems.length > 0, "a ConfigError lists at least one problem");
                    for (const p of e.problems) assert.ok(p.file.length > 0 && p.message.length > 0);
                    invalid++;
                }
            }),
            { seed: 20261122, numRuns: 600 },
        );
        // Both outcomes occur, so the property exercised the validator rather than one branch.
        assert.ok(valid > 0 && invalid > 0, `valid=${valid} invalid=${invalid}`);
    });
});
