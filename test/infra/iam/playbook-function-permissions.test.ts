/**
 * A playbook function's execution role (security account), decided with iam-simulate under the
 * security account's guardrails: it assumes its own playbook's response role in the organisation,
 * claims findings in the dedup table under its own playbook's keys, and puts its result on the
 * central bus under the response source; and only Lambda of the security account becomes it.
 */
import { strict as assert } from "assert";
import { loadOrg } from "../../../infra/config/load";
import { dedupKey, RESPONSE_EVENT_SOURCE, responseExternalId, type PlaybookId } from "../../../infra/config/playbooks";
import { lambdaTrustPolicy } from "../../../infra/iam/lambda-trust";
import { playbookFunctionPermissionsPolicy } from "../../../infra/iam/playbook-function-permissions";
import { responseRoleTrustPolicy } from "../../../infra/iam/response-role-trust";
import { arn, centralBusArn, playbookFunctionName, responseDedupTableName, responseRoleName, roleArn } from "../../../infra/naming";
import { ASSUME_ANY_ROLE, decide, decideAs, itDecides, outsiderAssumes, type DecisionCase } from "../../support/iam";
import { scpLevels } from "../../support/guardrails";
import { REPO_ROOT } from "../../support/plan";

const org = loadOrg(REPO_ROOT);
const MEMBER = "444444444444";
const OUTSIDE = "999999999999";
const SECURITY = org.security.id;
const PLAYBOOK: PlaybookId = "public-bucket";
const FUNCTION = roleArn(org, SECURITY, playbookFunctionName(org, PLAYBOOK));
const TABLE = arn(org, "dynamodb", org.homeRegion, SECURITY, `table/${responseDedupTableName(org)}`);
const BUS = centralBusArn(org);
const EXTERNAL_ID = responseExternalId(org.namePrefix, PLAYBOOK, SECURITY);

const policy = playbookFunctionPermissionsPolicy({
    playbook: PLAYBOOK,
    partition: org.partition,
    responseRoleName: responseRoleName(org, PLAYBOOK),
    organizationId: org.organizationId,
    dedupTableArn: TABLE,
    busArn: BUS,
    eventSource: RESPONSE_EVENT_SOURCE,
});

/** A role trusting this function with this playbook's external id: only the function's own policy can refuse. */
const admitsFunction = responseRoleTrustPolicy({ functionRoleArn: FUNCTION, externalId: EXTERNAL_ID });

interface FunctionCase extends DecisionCase {
    readonly account: string;
    readonly resourcePolicy?: unknown;
}

const assume = (it: string, account: string, roleName: string, orgId: string, expect: FunctionCase["expect"]): FunctionCase => ({
    it,
    action: "sts:AssumeRole",
    resource: roleArn(org, account, roleName),
    account,
    resourcePolicy: admitsFunction,
    context: { "aws:ResourceOrgID": orgId, "sts:ExternalId": EXTERNAL_ID },
    expect,
});
const claim = (it: string, action: string, keys: string[] | undefined, expect: FunctionCase["expect"], resource = TABLE): FunctionCase => ({
    it,
    action,
    resource,
    account: SECURITY,
    context: keys === undefined ? {} : { "dynamodb:LeadingKeys": keys },
    expect,
});
const put = (it: string, sources: string[], expect: FunctionCase["expect"], resource = BUS): FunctionCase => ({ it, action: "events:PutEvents", resource, account: SECURITY, context: { "events:source": sources }, expect });

const CASES: FunctionCase[] = [
    assume("assumes its own playbook's response role in a member account", MEMBER, responseRoleName(org, PLAYBOOK), org.organizationId, "Allowed"),
    assume("assumes its own playbook's response role in the security account itself", SECURITY, responseRoleName(org, PLAYBOOK), org.organizationId, "Allowed"),
    assume("does not assume another playbook's response role, even one whose trust admits it", MEMBER, responseRoleName(org, "exposed-key"), org.organizationId, "ImplicitlyDenied"),
    assume("does not assume a member account's administrator role, even one whose trust admits it", MEMBER, "Administrator", org.organizationId, "ImplicitlyDenied"),
    assume("does not assume a role of its response role's name outside the organisation, even one whose trust admits it", OUTSIDE, responseRoleName(org, PLAYBOOK), "o-someoneelse1", "ImplicitlyDenied"),
    claim("claims a finding of its own playbook in the dedup table", "dynamodb:PutItem", [dedupKey(PLAYBOOK, "arn:aws:access-analyzer:eu-west-1:444444444444:analyzer/lz/finding/1")], "Allowed"),
    claim("releases a claim of its own playbook after a failure", "dynamodb:DeleteItem", [dedupKey(PLAYBOOK, "f-1")], "Allowed"),
    claim("cannot claim another playbook's finding (it would make that playbook ignore it)", "dynamodb:PutItem", [dedupKey("exposed-key", "f-1")], "ImplicitlyDenied"),
    claim("cannot delete another playbook's claim", "dynamodb:DeleteItem", [dedupKey("compromised-instance", "f-1")], "ImplicitlyDenied"),
    claim("cannot write items of its own and another playbook's keys in one request", "dynamodb:PutItem", [dedupKey(PLAYBOOK, "f-1"), dedupKey("exposed-key", "f-1")], "ImplicitlyDenied"),
    claim("cannot write an item whose key lacks the playbook prefix", "dynamodb:PutItem", ["f-1"], "ImplicitlyDenied"),
    claim("cannot write without a partition key in the request", "dynamodb:PutItem", undefined, "ImplicitlyDenied"),
    claim("cannot update items (a claim is put or deleted whole)", "dynamodb:UpdateItem", [dedupKey(PLAYBOOK, "f-1")], "ImplicitlyDenied"),
    claim("cannot scan the table", "dynamodb:Scan", undefined, "ImplicitlyDenied"),
    claim("cannot delete the table", "dynamodb:DeleteTable", undefined, "ImplicitlyDenied"),
    claim("cannot write another table", "dynamodb:PutItem", [dedupKey(PLAYBOOK, "f-1")], "ImplicitlyDenied", arn(org, "dynamodb", org.homeRegion, SECURITY, "table/app-sessions")),
    put("puts its result on the central bus under the response source", [RESPONSE_EVENT_SOURCE], "Allowed"),
    put("cannot pose as the integrity validation", ["lz.integrity"], "ImplicitlyDenied"),
    put("cannot pose as a GuardDuty finding", ["aws.guardduty"], "ImplicitlyDenied"),
    put("cannot mix its source with another in one request", [RESPONSE_EVENT_SOURCE, "lz.selftest"], "ImplicitlyDenied"),
    put("puts nothing on another bus", [RESPONSE_EVENT_SOURCE], "ImplicitlyDenied", arn(org, "events", org.homeRegion, SECURITY, "event-bus/default")),
];

describe("playbook function permissions (its policy + the security account's guardrails)", () => {
    itDecides(CASES, (c) =>
        decide({
            principal: FUNCTION,
            action: c.action,
            resource: c.resource,
            resourceAccount: c.account,
            identityPolicies: [policy],
            resourcePolicy: c.resourcePolicy,
            scps: scpLevels(org, SECURITY),
            orgId: org.organizationId,
            context: { "aws:PrincipalArn": FUNCTION, "aws:RequestedRegion": org.homeRegion, ...(c.context ?? {}) },
        }),
    );

    it("has cases both ways", () => {
        assert.ok(CASES.some((c) => c.expect === "Allowed") && CASES.some((c) => c.expect !== "Allowed"));
    });

    it("leaves logs, traces and dead letters to the function's runtime policy", () => {
        const actions = policy.Statement.flatMap((s) => [s.Action ?? []].flat());
        assert.deepEqual(actions, ["sts:AssumeRole", "dynamodb:PutItem", "dynamodb:DeleteItem", "events:PutEvents"]);
    });

    it("names its response role in every account and keys its claims by its own playbook", () => {
        const exposed = playbookFunctionPermissionsPolicy({
            playbook: "exposed-key",
            partition: "aws-us-gov",
            responseRoleName: "x-response-exposed-key",
            organizationId: "o-abcdefghij",
            dedupTableArn: "arn:aws-us-gov:dynamodb:us-gov-west-1:333333333333:table/x-response-dedup",
            busArn: "arn:aws-us-gov:events:us-gov-west-1:333333333333:event-bus/x-security",
            eventSource: RESPONSE_EVENT_SOURCE,
        });
        assert.deepEqual(exposed.Statement[0].Resource, "arn:aws-us-gov:iam::*:role/x-response-exposed-key");
        assert.deepEqual(exposed.Statement[0].Condition, { StringEquals: { "aws:ResourceOrgID": "o-abcdefghij" } });
        assert.deepEqual(exposed.Statement[1].Condition, { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": "exposed-key#*" }, Null: { "dynamodb:LeadingKeys": "false" } });
    });
});

describe("playbook function trust", () => {
    const trust = lambdaTrustPolicy({ lambdaPrincipal: "lambda.amazonaws.com", accountId: SECURITY });
    const lambda = (sourceAccount: string) =>
        decide({ principal: "lambda.amazonaws.com", action: "sts:AssumeRole", resource: FUNCTION, resourceAccount: SECURITY, resourcePolicy: trust, context: { "aws:SourceAccount": sourceAccount } });

    it("lets Lambda assume the role for a function of the security account", async () => {
        assert.equal(await lambda(SECURITY), "Allowed");
    });

    it("refuses Lambda acting for a function of another account", async () => {
        assert.equal(await lambda(MEMBER), "ImplicitlyDenied");
    });

    it("refuses the security account's administrator and an outside account", async () => {
        const admin = roleArn(org, SECURITY, "Administrator");
        assert.equal(await decideAs({ principal: admin, action: "sts:AssumeRole", resource: FUNCTION, resourceAccount: SECURITY, identityPolicies: [ASSUME_ANY_ROLE], resourcePolicy: trust }), "ImplicitlyDenied");
        assert.equal(await outsiderAssumes(FUNCTION, SECURITY, trust), "ImplicitlyDenied");
    });
});
