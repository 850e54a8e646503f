import * as assert from "assert";
import { resolveGuardrailPoliciesArgs, SCP_MAX_CHARACTERS } from "../../../../infra/components/organization/guardrail-policies";

describe("GuardrailPolicies", () => {
    it("refuses a policy over the 5,120-character SCP limit and a missing target before creating anything", () => {
        assert.strictEqual(SCP_MAX_CHARACTERS, 5120);
        assert.throws(
            () => resolveGuardrailPoliciesArgs("g", { policies: [{ id: "big", policyName: "big", description: "", content: "x".repeat(5121) }], targets: {} }),
            (e: Error) =>
                e.message ===
                "GuardrailPolicies g:\n  policies.big: 5121 characters exceeds the 5120-character SCP limit; split it\n  targets: at least one root, OU or account id is required",
        );
    });

    it("accepts a policy of exactly 5,120 characters", () => {
        assert.doesNotThrow(() => resolveGuardrailPoliciesArgs("g", { policies: [{ id: "max", policyName: "max", description: "", content: "x".repeat(5120) }], targets: { root: "r-abcd" } }));
    });

    it("keeps two of AWS's five SCP slots per target free by default and refuses a fourth guardrail on one target", () => {
        const p = (id: string, attachTo?: string[]) => ({ id, policyName: id, description: "", content: "{}", attachTo });
        assert.strictEqual(resolveGuardrailPoliciesArgs("g", { policies: [p("a")], targets: { root: "r-abcd" } }).reservedSlots, 2);
        assert.throws(
            () => resolveGuardrailPoliciesArgs("g", { policies: [p("a"), p("b"), p("c"), p("d")], targets: { root: "r-abcd" } }),
            (e: Error) => e.message === "GuardrailPolicies g:\n  targets.root: 4 guardrails + 2 reserved slots exceed the 5 SCPs AWS allows per target; merge guardrails",
        );
    });

    it("counts the slots of each target by the policies attached to it: three on the root and one on an account fit", () => {
        const p = (id: string, attachTo: string[]) => ({ id, policyName: id, description: "", content: "{}", attachTo });
        const policies = [p("a", ["root"]), p("b", ["root"]), p("c", ["root"]), p("d", ["security"])];
        assert.doesNotThrow(() => resolveGuardrailPoliciesArgs("g", { policies, targets: { root: "r-abcd", security: "333333333333" } }));
    });

    it("refuses a policy attached to a target it does not name", () => {
        const p = { id: "a", policyName: "a", description: "", content: "{}", attachTo: ["ou"] };
        assert.throws(() => resolveGuardrailPoliciesArgs("g", { policies: [p], targets: { root: "r-abcd" } }), (e: Error) => e.message === 'GuardrailPolicies g:\n  policies.a.attachTo: "ou" is not a key of targets (root)');
    });

    it("refuses the same guardrail twice", () => {
        const p = { id: "a", policyName: "a", description: "", content: "{}" };
        assert.throws(() => resolveGuardrailPoliciesArgs("g", { policies: [p, p], targets: { root: "r-abcd" } }), /policies: a is listed twice/);
    });
});
