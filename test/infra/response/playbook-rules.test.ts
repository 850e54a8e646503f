import { strict as assert } from "assert";
import { PLAYBOOK_IDS } from "../../../infra/config/playbooks";
import { MAX_EVENT_PATTERN_CHARS, playbookRules, playbookTriggers } from "../../../infra/response/playbook-triggers";
import { matches } from "../../support/event-pattern";
import { SAMPLES } from "./fixtures";

const accounts = (n: number) => Array.from({ length: n }, (_, i) => String(100000000000 + i));

describe("playbookRules", () => {
    it("keeps one rule per trigger, with the triggers' own ids, while the patterns fit", () => {
        for (const id of PLAYBOOK_IDS) {
            const scope = { accounts: accounts(10), partition: "aws" };
            assert.deepEqual(playbookRules(id, scope), playbookTriggers(id, scope));
        }
    });

    it("spreads 300 accounts over rules whose patterns all fit EventBridge's 2,048 characters, each account in exactly one rule per trigger", () => {
        for (const id of PLAYBOOK_IDS) {
            const all = accounts(300);
            const rules = playbookRules(id, { accounts: all, partition: "aws" });
            const base = playbookTriggers(id, { accounts: all, partition: "aws" });
            assert.ok(rules.length > base.length, `${id}: one rule per trigger cannot hold 300 accounts`);
            assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, `${id}: rule ids unique`);
            for (const r of rules) assert.ok(JSON.stringify(r.pattern).length <= MAX_EVENT_PATTERN_CHARS, `${r.id}: ${JSON.stringify(r.pattern).length} characters`);
            for (const t of base) {
                const shares = rules.filter((r) => r.id.startsWith(`${t.id}-`));
                assert.ok(shares.length > 1, `${t.id} split`);
                const named = shares.flatMap((r) => JSON.stringify(r.pattern).match(/\d{12}/g) ?? []);
                assert.deepEqual([...named].sort(), [...all].sort(), `${t.id}: every account once`);
            }
        }
    });

    it("routes every fixture that reaches a playbook to exactly one of its split rules when its account is among 300", () => {
        const fixtures = SAMPLES.filter((f) => f.playbook !== null);
        assert.ok(fixtures.length > 0);
        for (const f of fixtures) {
            const scope = { accounts: [...accounts(299), "444444444444"], partition: "aws" };
            const hits = playbookRules(f.playbook!, scope).filter((r) => matches(r.pattern, f.event));
            assert.equal(hits.length, 1, `${f.name}: ${hits.map((h) => h.id).join(", ")}`);
        }
    });
});
