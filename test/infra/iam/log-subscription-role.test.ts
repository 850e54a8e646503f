import * as assert from "assert";
import { decide, outsiderAssumes } from "../../support/iam";
import { evaluate } from "../../support/policy-evaluator";
import { logSubscriptionTrustPolicy } from "../../../infra/iam/log-subscription-trust";
import { LOG_SUBSCRIPTION_ACTIONS, logSubscriptionPutLogEventsPolicy } from "../../../infra/iam/log-subscription-put-log-events";
import type { PolicyDocument } from "../../../infra/iam/types";

const MEMBER = "444444444444";
const ARCHIVE = "222222222222";
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];
const ROLE = `arn:aws:iam::${MEMBER}:role/acme-lz-log-subscription`;
const destination = (region: string, account = ARCHIVE, name = "acme-lz-central-logs") => `arn:aws:logs:${region}:${account}:destination:${name}`;
const logGroup = (region: string, account = MEMBER) => `arn:aws:logs:${region}:${account}:log-group:/app/orders`;

const trust = JSON.parse(
    JSON.stringify(logSubscriptionTrustPolicy({ logsPrincipal: "logs.amazonaws.com", accountId: MEMBER, sourceArnPatterns: REGIONS.map((r) => `arn:aws:logs:${r}:${MEMBER}:*`) })),
);
const permissions: PolicyDocument = logSubscriptionPutLogEventsPolicy({ destinationArns: REGIONS.map((r) => destination(r)) });

describe("log subscription role trust", () => {
    const assume = (principal: string, context: Record<string, string>) =>
        decide({ principal, action: "sts:AssumeRole", resource: ROLE, resourceAccount: MEMBER, resourcePolicy: trust, context });

    it("lets CloudWatch Logs assume the role for this account's log groups in every enabled region", async () => {
        for (const region of REGIONS) {
            assert.strictEqual(await assume("logs.amazonaws.com", { "aws:SourceAccount": MEMBER, "aws:SourceArn": logGroup(region) }), "Allowed", region);
        }
    });

    it("refuses CloudWatch Logs acting for another account, even one of the organisation", async () => {
        for (const account of [ARCHIVE, "999999999999"]) {
            assert.strictEqual(await assume("logs.amazonaws.com", { "aws:SourceAccount": account, "aws:SourceArn": logGroup("eu-west-1", account) }), "ImplicitlyDenied", account);
        }
    });

    it("refuses a source ARN of another account even when the source account claims this one", async () => {
        assert.strictEqual(await assume("logs.amazonaws.com", { "aws:SourceAccount": MEMBER, "aws:SourceArn": logGroup("eu-west-1", "999999999999") }), "ImplicitlyDenied");
    });

    it("refuses log groups of a region that is not enabled, and a request without a source", async () => {
        assert.strictEqual(await assume("logs.amazonaws.com", { "aws:SourceAccount": MEMBER, "aws:SourceArn": logGroup("ap-south-1") }), "ImplicitlyDenied");
        assert.strictEqual(await assume("logs.amazonaws.com", {}), "ImplicitlyDenied");
    });

    it("refuses every other service principal, even with matching source conditions", async () => {
        for (const svc of ["firehose.amazonaws.com", "events.amazonaws.com", "lambda.amazonaws.com"]) {
            assert.strictEqual(await assume(svc, { "aws:SourceAccount": MEMBER, "aws:SourceArn": logGroup("eu-west-1") }), "ImplicitlyDenied", svc);
        }
    });

    it("refuses a principal of another account", async () => {
        assert.strictEqual(await outsiderAssumes(ROLE, MEMBER, trust), "ImplicitlyDenied");
    });
});

describe("log subscription role permissions", () => {
    /**
     * iam-simulate's service data lists only log streams as resources of logs:PutLogEvents, so it
     * refuses the request on a destination ARN — the very grant CloudWatch Logs documents for senders to
     * an organisation destination. Those decisions go through the tested statement evaluator instead,
     * with the role as the statements' principal (its identity policy, evaluated alone).
     */
    const asRole = { Statement: permissions.Statement.map((s) => ({ ...s, Principal: { AWS: ROLE } })) };
    const put = (resource: string, action = "logs:PutLogEvents") => evaluate(asRole, { principal: ROLE, action, resource });

    it("is decided by the statement evaluator because iam-simulate has no destination resource for PutLogEvents", async () => {
        await assert.rejects(
            decide({ principal: ROLE, action: "logs:PutLogEvents", resource: destination("eu-west-1"), resourceAccount: ARCHIVE, identityPolicies: [permissions] }),
            /no\.resource\.types/,
        );
    });

    it("allows PutLogEvents on the organisation's central destination of every enabled region", () => {
        for (const region of REGIONS) assert.strictEqual(put(destination(region)), "Allowed", region);
    });

    it("allows nothing on a destination of another account, another name or a region without one", () => {
        assert.strictEqual(put(destination("eu-west-1", "999999999999")), "ImplicitlyDenied");
        assert.strictEqual(put(destination("eu-west-1", ARCHIVE, "other-destination")), "ImplicitlyDenied");
        assert.strictEqual(put(destination("ap-south-1")), "ImplicitlyDenied");
    });

    it("allows no other action on the destinations", () => {
        for (const action of ["logs:PutSubscriptionFilter", "logs:PutDestination", "logs:PutDestinationPolicy", "logs:DeleteDestination", "logs:CreateLogStream"]) {
            assert.strictEqual(put(destination("eu-west-1"), action), "ImplicitlyDenied", action);
        }
        assert.deepStrictEqual([...LOG_SUBSCRIPTION_ACTIONS], ["logs:PutLogEvents"]);
    });

    it("cannot write into the account's own log groups (iam-simulate)", async () => {
        const stream = `arn:aws:logs:eu-west-1:${MEMBER}:log-group:/app/orders:log-stream:i-0abc`;
        assert.strictEqual(await decide({ principal: ROLE, action: "logs:PutLogEvents", resource: stream, resourceAccount: MEMBER, identityPolicies: [permissions] }), "ImplicitlyDenied");
    });

    it("cannot subscribe log groups to a destination itself (iam-simulate)", async () => {
        assert.strictEqual(
            await decide({ principal: ROLE, action: "logs:PutSubscriptionFilter", resource: destination("eu-west-1"), resourceAccount: ARCHIVE, identityPolicies: [permissions], resourcePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ROLE }, Action: "logs:*", Resource: destination("eu-west-1") }] } }),
            "ImplicitlyDenied",
        );
    });

    it("refuses to build a policy without destinations", () => {
        assert.throws(() => logSubscriptionPutLogEventsPolicy({ destinationArns: [] }), /at least one destination ARN is required/);
    });
});
