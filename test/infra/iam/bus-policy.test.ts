import * as assert from "assert";
import { ALLOW_ALL, decideAs } from "../../support/iam";
import { busPolicy } from "../../../infra/iam/bus-policy";
import { forwardingPutEventsPolicy } from "../../../infra/iam/forwarding-put-events";

const ORG = "o-exampleorg1";
const SECURITY = "333333333333";
const BUS = `arn:aws:events:us-east-1:${SECURITY}:event-bus/acme-lz-security-events`;
const MEMBER_ROLE = "arn:aws:iam::444444444444:role/acme-lz-event-forwarding";
const policy = busPolicy({ busArn: BUS, organizationId: ORG });
/** The member's forwarding role: its identity policy allows PutEvents on the central bus. */
const identity = [forwardingPutEventsPolicy({ centralBusArn: BUS })];

const put = (principal: string, context: Record<string, string>, identityPolicies: unknown[] = identity, resource = BUS) =>
    decideAs({ principal, action: "events:PutEvents", resource, resourceAccount: SECURITY, context, identityPolicies, resourcePolicy: policy });

describe("central bus policy", () => {
    it("lets a member account's forwarding role of this organisation put events", async () => {
        assert.strictEqual(await put(MEMBER_ROLE, { "aws:PrincipalOrgID": ORG, "aws:PrincipalAccount": "444444444444" }), "Allowed");
    });
    it("lets an account added to the organisation later put events without a policy change", async () => {
        assert.strictEqual(await put("arn:aws:iam::777777777777:role/acme-lz-event-forwarding", { "aws:PrincipalOrgID": ORG, "aws:PrincipalAccount": "777777777777" }), "Allowed");
    });
    it("refuses an account of another organisation, even with an identity policy allowing everything", async () => {
        assert.strictEqual(await put("arn:aws:iam::999999999999:role/attacker", { "aws:PrincipalOrgID": "o-otherorg99", "aws:PrincipalAccount": "999999999999" }, [ALLOW_ALL]), "ImplicitlyDenied");
    });
    it("refuses an account outside any organisation", async () => {
        assert.strictEqual(await put("arn:aws:iam::999999999999:role/attacker", { "aws:PrincipalAccount": "999999999999" }, [ALLOW_ALL]), "ImplicitlyDenied");
    });
    it("grants PutEvents only: an organisation member cannot change the bus or its rules", async () => {
        const rule = `arn:aws:events:us-east-1:${SECURITY}:rule/acme-lz-security-events/acme-lz-route-root-activity`;
        for (const [action, resource] of [["events:DeleteEventBus", BUS], ["events:PutRule", rule], ["events:RemoveTargets", rule], ["events:DisableRule", rule]]) {
            const d = await decideAs({ principal: MEMBER_ROLE, action, resource, resourceAccount: SECURITY, context: { "aws:PrincipalOrgID": ORG }, resourcePolicy: policy });
            assert.strictEqual(d, "ImplicitlyDenied", action);
        }
    });
    it("names the central bus as its only resource", () => {
        assert.deepStrictEqual(policy.Statement.map((s) => s.Resource), [BUS]);
    });
});
