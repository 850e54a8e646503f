import * as assert from "assert";
import {
    LogSubscriptionPolicy,
    MAX_EXCLUDED_LOG_GROUPS,
    resolveLogSubscriptionPolicyArgs,
    selectionCriteria,
    type LogSubscriptionPolicyArgs,
} from "../../../../infra/components/baseline/log-subscription-policy";
import { named, ofType, planComponent, REGIONS, regionsOf } from "./harness";
import type { StackPlan } from "../../../../infra/engine/run";

const destination = (region: string) => `arn:aws:logs:${region}:222222222222:destination:acme-lz-central-logs`;
const args: LogSubscriptionPolicyArgs = {
    regions: REGIONS,
    destinationArns: Object.fromEntries(REGIONS.map((r) => [r, destination(r)])),
    policyName: "acme-lz-central-logs",
    excludedLogGroups: ["/aws/kinesisfirehose/acme-lz-central-logs", "/acme-lz/cloudtrail/organization"],
};

describe("LogSubscriptionPolicy", () => {
    let p: StackPlan;
    before(async () => {
        p = await planComponent(() => new LogSubscriptionPolicy("central-logs", args));
    });

    it("has one account-wide subscription-filter policy in every enabled region", () => {
        const policies = ofType(p, "aws:cloudwatch/logAccountPolicy:LogAccountPolicy");
        assert.deepStrictEqual(regionsOf(policies), [...REGIONS].sort());
        for (const x of policies) {
            assert.strictEqual(x.inputs.policyType, "SUBSCRIPTION_FILTER_POLICY");
            assert.strictEqual(x.inputs.scope, "ALL");
            assert.strictEqual(x.inputs.policyName, "acme-lz-central-logs");
        }
    });

    it("sends every event of a region's log groups to that region's central destination", () => {
        for (const region of REGIONS) {
            const doc = JSON.parse(String(named(p, `central-logs-${region}`).inputs.policyDocument));
            assert.deepStrictEqual(doc, { DestinationArn: destination(region), FilterPattern: "", Distribution: "Random" });
        }
    });

    it("leaves the pipeline's own log groups out, so delivery errors never loop back into the pipeline", () => {
        for (const x of ofType(p, "aws:cloudwatch/logAccountPolicy:LogAccountPolicy")) {
            assert.strictEqual(x.inputs.selectionCriteria, 'LogGroupName NOT IN ["/acme-lz/cloudtrail/organization","/aws/kinesisfirehose/acme-lz-central-logs"]');
        }
    });

    it("selects every log group when nothing is excluded", () => {
        assert.strictEqual(selectionCriteria([]), undefined);
    });

    it("lists each excluded group once, sorted, so plans are stable", () => {
        assert.strictEqual(selectionCriteria(["b", "a", "b"]), 'LogGroupName NOT IN ["a","b"]');
    });

    it("refuses more exclusions than one selection may list", () => {
        const many = Array.from({ length: MAX_EXCLUDED_LOG_GROUPS + 1 }, (_, i) => `/g/${i}`);
        assert.throws(() => selectionCriteria(many), /excludedLogGroups: 51 log groups; an account subscription policy can exclude at most 50/);
    });

    it("refuses an enabled region without a central destination before creating anything", () => {
        const partial = { ...args, destinationArns: { "us-east-1": destination("us-east-1") } };
        assert.throws(
            () => resolveLogSubscriptionPolicyArgs("central-logs", partial),
            /destinationArns: no central log destination for enabled region\(s\) us-west-2, eu-west-1, eu-central-1/,
        );
    });

    it("validates names and regions before creating anything, and defaults to every event with no exclusion", () => {
        assert.throws(
            () => resolveLogSubscriptionPolicyArgs("central-logs", { ...args, regions: ["eu-west-1", "eu-west-1"], policyName: "bad name" }),
            (e: Error) =>
                e.message ===
                ["LogSubscriptionPolicy central-logs:", '  regions: ["eu-west-1","eu-west-1"] lists a region twice', '  policyName: "bad name" may contain only letters, digits and _-./#'].join("\n"),
        );
        const r = resolveLogSubscriptionPolicyArgs("central-logs", { regions: REGIONS, destinationArns: args.destinationArns, policyName: "p" });
        assert.strictEqual(r.filterPattern, "");
        assert.deepStrictEqual(r.excludedLogGroups, []);
    });
});
