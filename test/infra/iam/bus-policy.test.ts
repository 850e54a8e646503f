import * as assert from "assert";
import { ALLOW_ALL, decideAs, itDecides, type Decision, type DecisionCase } from "../../support/iam";
import { busPolicy } from "../../../infra/iam/bus-policy";
import { forwardingPutEventsPolicy } from "../../../infra/iam/forwarding-put-events";
import { integrityJobPermissionsPolicy } from "../../../infra/iam/integrity-job-permissions";

const ORG = "o-exampleorg1";
const SECURITY = "333333333333";
const MEMBER = "444444444444";
const BUS = `arn:aws:events:us-east-1:${SECURITY}:event-bus/acme-lz-security-events`;
const MEMBER_FORWARDER = `arn:aws:iam::${MEMBER}:role/acme-lz-event-forwarding`;
const FINDINGS_FORWARDER = `arn:aws:iam::${SECURITY}:role/acme-lz-findings-forwarding`;
const SELF_TEST_ROLE = `arn:aws:iam::${SECURITY}:role/acme-lz-security-selftest`;
const MEMBER_ADMIN = `arn:aws:iam::${MEMBER}:role/Administrator`;
const SECURITY_ADMIN = `arn:aws:iam::${SECURITY}:role/Administrator`;
const PATTERNS = ["arn:aws:events:*:*:rule/acme-lz-fwd-*", `arn:aws:events:*:${SECURITY}:rule/acme-lz-findings-*`];
const INTEGRITY_ROLE = `arn:aws:iam::${SECURITY}:role/acme-lz-log-integrity`;
const policy = JSON.parse(
    JSON.stringify(
        busPolicy({
            busArn: BUS,
            organizationId: ORG,
            forwardingRuleArnPatterns: PATTERNS,
            selfTest: { source: "lz.selftest", roleArn: SELF_TEST_ROLE },
            publishers: [{ name: "Integrity", source: "lz.integrity", roleArns: [INTEGRITY_ROLE] }],
        }),
    ),
);
/** The integrity job's own identity policy, as its role has it. */
const integrityIdentity = [
    integrityJobPermissionsPolicy({
        archiveBucketArn: "arn:aws:s3:::acme-lz-archive-222222222222-us-east-1",
        archiveKeyArn: "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        trailFilesPrefix: `AWSLogs/${ORG}/`,
        s3ViaService: "s3.us-east-1.amazonaws.com",
        busArn: BUS,
        eventSource: "lz.integrity",
    }),
];
/** The forwarding roles' identity policy: PutEvents on the central bus. */
const forwarderIdentity = [forwardingPutEventsPolicy({ centralBusArn: BUS })];
/** A forwarding rule of a member account, as EventBridge names it in `aws:SourceArn`. */
const memberRule = (id: string, region = "us-east-1") => `arn:aws:events:${region}:${MEMBER}:rule/acme-lz-fwd-${id}`;

interface Case extends DecisionCase {
    readonly principal: string;
    readonly identity?: unknown[];
}
/** A PutEvents request of `principal` carrying `context` (what EventBridge evaluates: source, sending rule, organisation). */
const put = (it: string, principal: string, context: Record<string, string | string[]>, expect: Decision, identity: unknown[] = [ALLOW_ALL]): Case => ({ it, principal, action: "events:PutEvents", resource: BUS, context, expect, identity });
const inOrg = (account: string) => ({ "aws:PrincipalOrgID": ORG, "aws:PrincipalAccount": account });

const CASES: Case[] = [
    // Legitimate paths.
    put("admits a member's forwarding rule delivering a CloudTrail event", MEMBER_FORWARDER, { ...inOrg(MEMBER), "events:source": "aws.iam", "aws:SourceArn": memberRule("iam-changes") }, "Allowed", forwarderIdentity),
    put("admits the forwarding rule of an account that joined later, without a policy change", "arn:aws:iam::777777777777:role/acme-lz-event-forwarding", { ...inOrg("777777777777"), "events:source": "aws.config", "aws:SourceArn": "arn:aws:events:eu-west-1:777777777777:rule/acme-lz-fwd-config-changes" }, "Allowed", forwarderIdentity),
    put("admits the security account's findings forwarding from another region", FINDINGS_FORWARDER, { ...inOrg(SECURITY), "events:source": "aws.guardduty", "aws:SourceArn": `arn:aws:events:eu-west-1:${SECURITY}:rule/acme-lz-findings-guardduty` }, "Allowed", forwarderIdentity),
    put("admits the self-test's event from the self-test's role", SELF_TEST_ROLE, { ...inOrg(SECURITY), "events:source": "lz.selftest" }, "Allowed", forwarderIdentity),
    put("admits the integrity validation's result from the job's role", INTEGRITY_ROLE, { ...inOrg(SECURITY), "events:source": "lz.integrity" }, "Allowed", integrityIdentity),
    put("denies the security administrator the integrity validation's source (a forged passing run would stand as the day's evidence)", SECURITY_ADMIN, { ...inOrg(SECURITY), "events:source": "lz.integrity" }, "ExplicitlyDenied"),
    put("denies a member administrator the integrity validation's source", MEMBER_ADMIN, { ...inOrg(MEMBER), "events:source": "lz.integrity" }, "ExplicitlyDenied"),
    put("denies the self-test's role the integrity validation's source", SELF_TEST_ROLE, { ...inOrg(SECURITY), "events:source": "lz.integrity" }, "ExplicitlyDenied", [ALLOW_ALL]),
    put("denies the integrity job's role the self-test's source", INTEGRITY_ROLE, { ...inOrg(SECURITY), "events:source": "lz.selftest" }, "ExplicitlyDenied", [ALLOW_ALL]),
    put("denies a batch mixing the integrity result with a custom entry", INTEGRITY_ROLE, { ...inOrg(SECURITY), "events:source": ["lz.integrity", "acme.app"] }, "ExplicitlyDenied", [ALLOW_ALL]),
    // Forging pages.
    put("denies a member administrator a custom event shaped like a CloudTrail record", MEMBER_ADMIN, { ...inOrg(MEMBER), "events:source": "acme.cloudtrail" }, "ExplicitlyDenied"),
    put("denies the security administrator a custom event on the bus of its own account", SECURITY_ADMIN, { ...inOrg(SECURITY), "events:source": "acme.cloudtrail" }, "ExplicitlyDenied"),
    put("denies a member administrator the self-test's source (which would keep its missing alarm quiet)", MEMBER_ADMIN, { ...inOrg(MEMBER), "events:source": "lz.selftest" }, "ExplicitlyDenied"),
    put("denies the security administrator the self-test's source", SECURITY_ADMIN, { ...inOrg(SECURITY), "events:source": "lz.selftest" }, "ExplicitlyDenied"),
    put("denies a member's forwarding role a custom source (only AWS events are forwarded)", MEMBER_FORWARDER, { ...inOrg(MEMBER), "events:source": "acme.app", "aws:SourceArn": memberRule("health") }, "ExplicitlyDenied", forwarderIdentity),
    put("denies AWS events forwarded by an administrator's own rule in a member account", `arn:aws:iam::${MEMBER}:role/my-forwarder`, { ...inOrg(MEMBER), "events:source": "aws.iam", "aws:SourceArn": `arn:aws:events:us-east-1:${MEMBER}:rule/my-copy` }, "ExplicitlyDenied"),
    put("denies AWS events forwarded by an administrator's own rule in the security account", `arn:aws:iam::${SECURITY}:role/my-forwarder`, { ...inOrg(SECURITY), "events:source": "aws.guardduty", "aws:SourceArn": `arn:aws:events:us-east-1:${SECURITY}:rule/my-replay` }, "ExplicitlyDenied"),
    // Outsiders.
    put("refuses an account of another organisation, even forwarding AWS events with an identity policy allowing everything", "arn:aws:iam::999999999999:role/acme-lz-event-forwarding", { "aws:PrincipalOrgID": "o-otherorg99", "aws:PrincipalAccount": "999999999999", "events:source": "aws.iam", "aws:SourceArn": "arn:aws:events:us-east-1:999999999999:rule/acme-lz-fwd-iam-changes" }, "ImplicitlyDenied"),
    put("refuses an account outside any organisation", "arn:aws:iam::999999999999:role/attacker", { "aws:PrincipalAccount": "999999999999", "events:source": "aws.iam", "aws:SourceArn": "arn:aws:events:us-east-1:999999999999:rule/acme-lz-fwd-iam-changes" }, "ImplicitlyDenied"),
];

describe("central bus policy", () => {
    itDecides(CASES, (c) => decideAs({ principal: c.principal, action: c.action, resource: c.resource, resourceAccount: SECURITY, context: c.context, identityPolicies: c.identity, resourcePolicy: policy }));

    it("grants PutEvents only: an organisation member cannot change the bus or its rules", async () => {
        const rule = `arn:aws:events:us-east-1:${SECURITY}:rule/acme-lz-security-events/acme-lz-route-root-activity`;
        for (const [action, resource] of [["events:DeleteEventBus", BUS], ["events:PutRule", rule], ["events:RemoveTargets", rule], ["events:DisableRule", rule]]) {
            const d = await decideAs({ principal: MEMBER_FORWARDER, action, resource, resourceAccount: SECURITY, context: inOrg(MEMBER), resourcePolicy: policy });
            assert.strictEqual(d, "ImplicitlyDenied", action);
        }
    });
    it("admits no integrity result when no publisher of it is configured (the job switched off)", async () => {
        const off = JSON.parse(JSON.stringify(busPolicy({ busArn: BUS, organizationId: ORG, forwardingRuleArnPatterns: PATTERNS })));
        const d = await decideAs({ principal: INTEGRITY_ROLE, action: "events:PutEvents", resource: BUS, resourceAccount: SECURITY, context: { ...inOrg(SECURITY), "events:source": "lz.integrity" }, identityPolicies: integrityIdentity, resourcePolicy: off });
        assert.strictEqual(d, "ExplicitlyDenied");
    });
    it("admits no source but AWS's when the self-test is off", async () => {
        const off = JSON.parse(JSON.stringify(busPolicy({ busArn: BUS, organizationId: ORG, forwardingRuleArnPatterns: PATTERNS })));
        const d = await decideAs({ principal: SELF_TEST_ROLE, action: "events:PutEvents", resource: BUS, resourceAccount: SECURITY, context: { ...inOrg(SECURITY), "events:source": "lz.selftest" }, identityPolicies: forwarderIdentity, resourcePolicy: off });
        assert.strictEqual(d, "ExplicitlyDenied");
    });
    it("refuses to build a policy no forwarding rule could use", () => {
        assert.throws(() => busPolicy({ busArn: BUS, organizationId: ORG, forwardingRuleArnPatterns: [] }), /^Error: forwardingRuleArnPatterns: at least one forwarding rule pattern is required/);
    });
});
