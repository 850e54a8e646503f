/**
 * The landing zone passes its own pack: every stack of the reference organisation, planned by the
 * offline engine (update and preview), has no mandatory (or remediate) violation, with the pack
 * config the repository ships (`policy-config/default.json`, generated from the log-archive and
 * security stacks' outputs by `npm run pack-config`, kept current by test/infra/cli/pack-config.test.ts)
 * and the baseline rules selected the way the organisation tags its stacks (member-* → account,
 * security → security).
 */
import * as assert from "assert";
import { evaluatePack, type PackResult } from "../../policy-pack/harness/evaluate";
import { INTERNAL_ERROR } from "../../policy-pack/lib/rule";
import { planReference } from "../support/plan";
import { DEFAULT_PACK_CONFIG, readPackConfigFile } from "../../infra/check/config";
import { fromPlan } from "./support";

/** Stack tags the organisation sets (`pulumi stack tag set lz:baseline …`). */
export function baselineTags(stack: string): Record<string, string> {
    if (stack.startsWith("member-")) return { "lz:baseline": "account" };
    if (stack === "security") return { "lz:baseline": "security" };
    return {};
}

for (const preview of [false, true]) {
    describe(`the landing zone passes its own pack (${preview ? "preview" : "update"})`, function () {
        this.timeout(600_000);
        const results = new Map<string, PackResult>();

        before(async function () {
            const plans = await planReference({ preview });
            const config = readPackConfigFile(DEFAULT_PACK_CONFIG);
            assert.ok(Object.keys(config).length > 0, "policy-config/default.json holds the organisation's pack config");
            for (const p of plans) {
                results.set(p.stack, await evaluatePack(fromPlan(p), { preview, config, stackName: p.stack, stackTags: baselineTags(p.stack) }));
            }
        });

        for (const stack of ["management", "log-archive", "security", "member-management", "member-log-archive", "member-security", "member-workload-prod", "member-workload-dev"]) {
            it(`${stack} has no mandatory or remediate violation`, () => {
                const r = results.get(stack);
                assert.ok(r, `stack ${stack} was planned`);
                const blocking = r.violations.filter((v) => v.level !== "advisory");
                assert.deepStrictEqual(blocking.map((v) => `${v.policy} ${v.name ?? "(stack)"}: ${v.message}`), []);
                assert.ok(!r.violations.some((v) => v.message.includes(INTERNAL_ERROR)));
            });
        }
    });
}
