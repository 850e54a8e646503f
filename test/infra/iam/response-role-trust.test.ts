/**
 * Who may become a member account's response role: the trust policy as the resource policy of
 * `sts:AssumeRole`, with the caller's own identity policy and its account's guardrails. Only the
 * playbook's own function role, with the playbook's external id.
 */
import { strict as assert } from "assert";
import { loadOrg } from "../../../infra/config/load";
import { responseExternalId, type PlaybookId } from "../../../infra/config/playbooks";
import { playbookFunctionPermissionsPolicy } from "../../../infra/iam/playbook-function-permissions";
import { responseRoleTrustPolicy } from "../../../infra/iam/response-role-trust";
import { arn, centralBusArn, playbookFunctionName, responseDedupTableName, responseRoleName, roleArn } from "../../../infra/naming";
import { RESPONSE_EVENT_SOURCE } from "../../../infra/config/playbooks";
import { ASSUME_ANY_ROLE, decide, itDecides, outsiderAssumes, type DecisionCase } from "../../support/iam";
import { scpLevels } from "../../support/guardrails";
import { REPO_ROOT } from "../../support/plan";

const org = loadOrg(REPO_ROOT);
const MEMBER = "444444444444";
const SECURITY = org.security.id;
const PLAYBOOK: PlaybookId = "exposed-key";
const functionRole = (p: PlaybookId) => roleArn(org, SECURITY, playbookFunctionName(org, p));
const externalId = (p: PlaybookId) => responseExternalId(org.namePrefix, p, SECURITY);
const ROLE = roleArn(org, MEMBER, responseRoleName(org, PLAYBOOK));
const trust = responseRoleTrustPolicy({ functionRoleArn: functionRole(PLAYBOOK), externalId: externalId(PLAYBOOK) });

/** A playbook function's own policy: what it is allowed to assume from its side. */
const functionPolicy = (p: PlaybookId) =>
    playbookFunctionPermissionsPolicy({
        playbook: p,
        partition: org.partition,
        responseRoleName: responseRoleName(org, p),
        organizationId: org.organizationId,
        dedupTableArn: arn(org, "dynamodb", org.homeRegion, SECURITY, `table/${responseDedupTableName(org)}`),
        busArn: centralBusArn(org),
        eventSource: RESPONSE_EVENT_SOURCE,
    });

interface TrustCase extends DecisionCase {
    readonly principal: string;
    readonly identity: unknown;
}

const assume = (it: string, principal: string, identity: unknown, context: Record<string, string>, expect: TrustCase["expect"]): TrustCase => ({ it, principal, identity, action: "sts:AssumeRole", resource: ROLE, context, expect });

const CASES: TrustCase[] = [
    assume("lets the playbook's function role assume it with the playbook's external id", functionRole(PLAYBOOK), functionPolicy(PLAYBOOK), { "sts:ExternalId": externalId(PLAYBOOK) }, "Allowed"),
    assume("refuses the playbook's function role without an external id", functionRole(PLAYBOOK), functionPolicy(PLAYBOOK), {}, "ImplicitlyDenied"),
    assume("refuses the playbook's function role with another external id", functionRole(PLAYBOOK), functionPolicy(PLAYBOOK), { "sts:ExternalId": externalId("public-bucket") }, "ImplicitlyDenied"),
    assume("refuses another playbook's function role, even with this playbook's external id and a policy allowing any role", functionRole("public-bucket"), ASSUME_ANY_ROLE, { "sts:ExternalId": externalId(PLAYBOOK) }, "ImplicitlyDenied"),
    assume("refuses the security account's root with the external id", `arn:aws:iam::${SECURITY}:root`, ASSUME_ANY_ROLE, { "sts:ExternalId": externalId(PLAYBOOK) }, "ImplicitlyDenied"),
    assume("refuses the security account's administrator with the external id", roleArn(org, SECURITY, "Administrator"), ASSUME_ANY_ROLE, { "sts:ExternalId": externalId(PLAYBOOK) }, "ImplicitlyDenied"),
    assume("refuses the security account's deployment role with the external id", roleArn(org, SECURITY, org.roles.deployment), ASSUME_ANY_ROLE, { "sts:ExternalId": externalId(PLAYBOOK) }, "ImplicitlyDenied"),
    assume("refuses the member account's own administrator with the external id", roleArn(org, MEMBER, "Administrator"), ASSUME_ANY_ROLE, { "sts:ExternalId": externalId(PLAYBOOK) }, "ImplicitlyDenied"),
    assume(
        "refuses a role of the function's name in an outside account, with the external id",
        `arn:aws:iam::999999999999:role/${playbookFunctionName(org, PLAYBOOK)}`,
        ASSUME_ANY_ROLE,
        { "sts:ExternalId": externalId(PLAYBOOK) },
        "ImplicitlyDenied",
    ),
    assume(
        "refuses a role of the function's name under a path in the security account (its ARN differs)",
        roleArn(org, SECURITY, `tools/${playbookFunctionName(org, PLAYBOOK)}`),
        ASSUME_ANY_ROLE,
        { "sts:ExternalId": externalId(PLAYBOOK) },
        "ImplicitlyDenied",
    ),
];

describe("response role trust", () => {
    itDecides(CASES, (c) => {
        const account = c.principal.split(":")[4];
        return decide({
            principal: c.principal,
            action: c.action,
            resource: c.resource,
            resourceAccount: MEMBER,
            resourcePolicy: trust,
            identityPolicies: [c.identity],
            scps: account === "999999999999" ? [] : scpLevels(org, account),
            orgId: org.organizationId,
            context: {
                "aws:PrincipalArn": c.principal,
                "aws:RequestedRegion": org.homeRegion,
                ...(account === "999999999999" ? {} : { "aws:ResourceOrgID": org.organizationId }),
                ...(c.context ?? {}),
            },
        });
    });

    it("refuses an outside account free to assume any role", async () => {
        assert.equal(await outsiderAssumes(ROLE, MEMBER, trust), "ImplicitlyDenied");
    });

    it("names the security account as principal and the function role by aws:PrincipalArn", () => {
        assert.deepEqual(trust.Statement, [
            {
                Sid: "PlaybookFunctionAssumes",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${SECURITY}:root` },
                Action: "sts:AssumeRole",
                Condition: { ArnEquals: { "aws:PrincipalArn": functionRole(PLAYBOOK) }, StringEquals: { "sts:ExternalId": externalId(PLAYBOOK) } },
            },
        ]);
    });

    it("keeps the function role's partition (GovCloud)", () => {
        const gov = responseRoleTrustPolicy({ functionRoleArn: `arn:aws-us-gov:iam::${SECURITY}:role/acme-lz-playbook-exposed-key`, externalId: "x-1" });
        assert.deepEqual(gov.Statement[0].Principal, { AWS: `arn:aws-us-gov:iam::${SECURITY}:root` });
    });

    it("refuses to build a trust for something that is not a role ARN", () => {
        assert.throws(() => responseRoleTrustPolicy({ functionRoleArn: `arn:aws:iam::${SECURITY}:user/alice`, externalId: "x-1" }), /functionRoleArn "arn:aws:iam::333333333333:user\/alice" is not an IAM role ARN/);
        assert.throws(() => responseRoleTrustPolicy({ functionRoleArn: functionRole(PLAYBOOK), externalId: "" }), /externalId must be at least 2 characters/);
    });
});
