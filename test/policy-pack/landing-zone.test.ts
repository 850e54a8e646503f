/**
 * The landing zone passes its own pack: every stack of the reference organisation, planned by the
 * offline engine (update and preview), has no mandatory (or remediate) violation, with the
 * destination rules configured from the log-archive stack's outputs and the baseline rules
 * selected the way the organisation tags its stacks (member-* → account, security → security).
 */
import * as assert from "assert";
import { evaluatePack, type PackResult } from "../../policy-pack/harness/evaluate";
import { INTERNAL_ERROR } from "../../policy-pack/lib/rule";
import { planReference, REPO_ROOT } from "../support/plan";
import { accessLogBucketPrefix } from "../../infra/naming";
import { loadModel } from "../../infra/program";

/** The reference organisation's validated model (for names derived from its facts). */
const referenceModel = () => loadModel({ root: REPO_ROOT, stack: "log-archive", config: { "lz:role": "log-archive" } });
import { fromPlan } from "./support";

/** Outputs of the log-archive stack other stacks read. */

/** Stack tags the organisation sets (`pulumi stack tag set lz:baseline …`). */
export function baselineTags(stack: string): Record<string, string> {
    if (stack.startsWith("member-")) return { "lz:baseline": "account" };
    if (stack === "security") return { "lz:baseline": "security" };
    return {};
}

/** Pack config from the organisation's facts: the log-archive stack's outputs. */
export function orgConfig(outputs: Record<string, unknown>): Record<string, unknown> {
    const s = (k: string) => {
        const v = outputs[k];
        assert.ok(typeof v === "string" && v !== "", `log-archive output ${k} is missing`);
        return v as string;
    };
    const destinations = outputs.logDestinationArns;
    assert.ok(destinations && typeof destinations === "object", "log-archive output logDestinationArns is missing");
    /** A region → bucket-name output: every region's bucket is approved (load balancers and access logs deliver in their own region). */
    const byRegion = (k: string) => {
        const v = outputs[k];
        assert.ok(v && typeof v === "object" && Object.values(v).length > 0, `log-archive output ${k} is missing`);
        return Object.values(v as Record<string, string>);
    };
    return {
        "lz-cloudtrail-archive-destination": { approvedBuckets: [s("archiveBucketName")] },
        // The log archive's own access-log buckets, and every member account's per-region ones (by prefix).
        "lz-s3-access-log-destination": { approvedBuckets: [...new Set([s("accessLogBucketName"), ...byRegion("accessLogBucketNames")]), `${accessLogBucketPrefix(referenceModel().org)}*`] },
        "lz-elb-access-log-destination": { approvedBuckets: [...new Set([s("elbLogBucketName"), ...byRegion("elbLogBucketNames")])] },
        "lz-cloudfront-log-destination": { approvedBuckets: [s("accessLogBucketName")] },
        "lz-vpc-flow-log-destination": { approvedDestinations: [`${s("archiveBucketArn")}*`] },
        "lz-cloudwatch-log-subscription-destination": { approvedDestinations: Object.values(destinations as Record<string, string>) },
    };
}

for (const preview of [false, true]) {
    describe(`the landing zone passes its own pack (${preview ? "preview" : "update"})`, function () {
        this.timeout(600_000);
        const results = new Map<string, PackResult>();

        before(async function () {
            const plans = await planReference({ preview });
            const archive = (await planReference({ preview: false })).find((p) => p.stack === "log-archive");
            assert.ok(archive, "the reference org has a log-archive stack");
            const config = orgConfig(archive.outputs as Record<string, unknown>);
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
