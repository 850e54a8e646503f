import * as assert from "assert";
import { resolveGuardrailPoliciesArgs, SCP_MAX_CHARACTERS } from "../../../../infra/components/organization/guardrail-policies";

describe("GuardrailPolicies", () => {
    it("refuses a policy over the 5,120-character SCP limit and a missing target before creating anything", () => {
        assert.strictEqual(SCP_MAX_CHARACTERS, 5120);
        assert.throws(
            () => resolveGuardrailPoliciesArgs("g", { policies: [{ id: "big", policyName: "big", description: "", content: "x".repeat(5121) }], targetIds: [] }),
            (e: Error) =>
                e.message ===
                "GuardrailPolicies g:\n  policies.big: 5121 characters exceeds the 5120-character SCP limit; split it\n  targetIds: at least one root or OU id is required",
        );
    });

    it("accepts a policy of exactly 5,120 characters", () => {
        assert.doesNotThrow(() => resolveGuardrailPoliciesArgs("g", { policies: [{ id: "max", policyName: "max", description: "", content: "x".repeat(5120) }], targetIds: ["r-abcd"] }));
    });

    it("keeps two of AWS's five SCP slots per target free by default and refuses a fourth guardrail", () => {
        const p = (id: string) => ({ id, policyName: id, description: "", content: "{}" });
        assert.strictEqual(resolveGuardrailPoliciesArgs("g", { policies: [p("a")], targetIds: ["r-abcd"] }).reservedSlots, 2);
        assert.throws(
            () => resolveGuardrailPoliciesArgs("g", { policies: [p("a"), p("b"), p("c"), p("d")], targetIds: ["r-abcd"] }),
            (e: Error) => e.message === "GuardrailPolicies g:\n  policies: 4 guardrails + 2 reserved slots exceed the 5 SCPs AWS allows per target; merge guardrails",
        );
    });

    it("refuses the same guardrail twice", () => {
        const p = { id: "a", policyName: "a", description: "", content: "{}" };
        assert.throws(() => resolveGuardrailPoliciesArgs("g", { policies: [p, p], targetIds: ["r-abcd"] }), /policies: a is listed twice/);
    });
});
