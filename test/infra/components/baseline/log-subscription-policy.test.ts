import * as assert from "assert";
import {
    LogSubscriptionPolicy,
    MAX_EXCLUDED_LOG_GROUPS,
    resolveLogSubscriptionPolicyArgs,
    selectionCriteria,
    type LogSubscriptionPolicyArgs,
} from "../../../../infra/components/baseline/log-subscription-policy";
import { MEMBER, planComponent, REGIONS } from "./harness";
import { byName, ofType, regionsOf } from "../../../support/plan";
import { logSubscriptionTrustPolicy } from "../../../../infra/iam/log-subscription-trust";
import { logSubscriptionPutLogEventsPolicy } from "../../../../infra/iam/log-subscription-put-log-events";
import type { StackPlan } from "../../../../infra/engine/run";

const destination = (region: string) => `arn:aws:logs:${region}:222222222222:destination:acme-lz-central-logs`;
const args: LogSubscriptionPolicyArgs = {
    regions: REGIONS,
    destinationArns: Object.fromEntries(REGIONS.map((r) => [r, destination(r)])),
    policyName: "acme-lz-central-logs",
    excludedLogGroups: ["/aws/kinesisfirehose/acme-lz-central-logs", "/acme-lz/cloudtrail/organization"],
    accountId: MEMBER,
    logsPrincipal: "logs.amazonaws.com",
    logsArnPrefix: "arn:aws:logs",
    roleName: "acme-lz-log-subscription",
};
const ROLE = `arn:aws:iam::${MEMBER}:role/acme-lz-log-subscription`;

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

    it("sends every event of a region's log groups to that region's central destination, as the subscription role", () => {
        for (const region of REGIONS) {
            const doc = JSON.parse(String(byName(p, `central-logs-${region}`).inputs.policyDocument));
            assert.deepStrictEqual(doc, { DestinationArn: destination(region), RoleArn: ROLE, FilterPattern: "", Distribution: "Random" });
        }
    });

    it("has one role for every region, named with the organisation's prefix so the role guardrail covers it", () => {
        const roles = ofType(p, "aws:iam/role:Role");
        assert.strictEqual(roles.length, 1);
        assert.strictEqual(roles[0].inputs.name, "acme-lz-log-subscription");
        assert.strictEqual(roles[0].inputs.region, undefined);
        assert.strictEqual(ofType(p, "aws:iam/rolePolicy:RolePolicy").length, 1);
    });

    it("lets only CloudWatch Logs of this account's log groups in the enabled regions assume the role", () => {
        const trust = JSON.parse(String(byName(p, "central-logs-role").inputs.assumeRolePolicy));
        const expected = logSubscriptionTrustPolicy({ logsPrincipal: "logs.amazonaws.com", accountId: MEMBER, sourceArnPatterns: REGIONS.map((r) => `arn:aws:logs:${r}:${MEMBER}:*`) });
        assert.deepStrictEqual(trust, JSON.parse(JSON.stringify(expected)));
    });

    it("lets the role put log events on the enabled regions' central destinations only", () => {
        const policy = JSON.parse(String(byName(p, "central-logs-role-policy").inputs.policy));
        assert.deepStrictEqual(policy, JSON.parse(JSON.stringify(logSubscriptionPutLogEventsPolicy({ destinationArns: REGIONS.map(destination) }))));
        assert.strictEqual(byName(p, "central-logs-role-policy").inputs.role, "acme-lz-log-subscription");
    });

    it("puts each region's policy only after the role has its permissions", () => {
        const permissions = byName(p, "central-logs-role-policy").urn;
        for (const region of REGIONS) assert.ok(byName(p, `central-logs-${region}`).dependencies.includes(permissions), region);
    });

    it("grants only the destinations of enabled regions, even when the log archive exports more", async () => {
        const q = await planComponent(
            () => new LogSubscriptionPolicy("central-logs", { ...args, regions: ["eu-west-1"], destinationArns: { ...(args.destinationArns as Record<string, string>), "ap-south-1": destination("ap-south-1") } }),
        );
        const policy = JSON.parse(String(byName(q, "central-logs-role-policy").inputs.policy));
        assert.deepStrictEqual(policy.Statement[0].Resource, [destination("eu-west-1")]);
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
            () =>
                resolveLogSubscriptionPolicyArgs("central-logs", {
                    ...args,
                    regions: ["eu-west-1", "eu-west-1"],
                    policyName: "bad name",
                    accountId: "4444",
                    logsArnPrefix: "arn:aws:events",
                    roleName: "x".repeat(65),
                }),
            (e: Error) =>
                e.message ===
                [
                    "LogSubscriptionPolicy central-logs:",
                    '  regions: ["eu-west-1","eu-west-1"] lists a region twice',
                    '  policyName: "bad name" may contain only letters, digits and _-./#',
                    '  accountId: "4444" is not a 12-digit AWS account id',
                    '  logsArnPrefix: "arn:aws:events" must be arn:<partition>:logs',
                    `  roleName: "${"x".repeat(65)}" must be 1-64 characters of letters, digits and +=,.@_-`,
                ].join("\n"),
        );
        const { excludedLogGroups: _e, ...required } = args;
        const r = resolveLogSubscriptionPolicyArgs("central-logs", { ...required, policyName: "p" });
        assert.strictEqual(r.filterPattern, "");
        assert.deepStrictEqual(r.excludedLogGroups, []);
    });
});
