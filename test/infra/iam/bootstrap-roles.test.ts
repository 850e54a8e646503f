/**
 * Who may use the roles the bootstrap creates, decided on the planned documents of the bootstrap
 * stack (the StackSet's template, the management account's template, the CI roles' trust and
 * permissions). Trust policies of AWS principals go to iam-simulate; the GitHub OIDC conditions
 * (`token.actions.githubusercontent.com:aud`/`:sub`), which iam-simulate ignores (its
 * `ignoredContextKeys` names them), go to the tested statement evaluator of test/support.
 */
import { strict as assert } from "assert";
import { byName, referenceStack } from "../../support/plan";
import { ASSUME_ANY_ROLE, decide, decideAs, type Decision } from "../../support/iam";
import { evaluate } from "../../support/policy-evaluator";
import type { StackPlan } from "../../../infra/engine/run";

const MGMT = "111111111111";
const MEMBER = "444444444444";
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const CI_DEPLOY = role(MGMT, "acme-lz-ci-deploy");
const CI_PREVIEW = role(MGMT, "acme-lz-ci-preview");
const MGMT_DEPLOYER = role(MGMT, "LandingZoneDeployment");
const MFA_USER = `arn:aws:iam::${MGMT}:user/break-glass-1`;
const MFA = { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "120" };
const PROVIDER = `arn:aws:iam::${MGMT}:oidc-provider/token.actions.githubusercontent.com`;
const STATE = `arn:aws:s3:::acme-lz-pulumi-state-${MGMT}`;
const json = (v: unknown): any => (typeof v === "string" ? JSON.parse(v) : v);

interface Docs {
    readonly memberTrust: (roleId: string) => unknown;
    readonly managementTrust: (roleId: string) => unknown;
    readonly ciTrust: (kind: "preview" | "deploy") => unknown;
    readonly ciPermissions: (kind: "preview" | "deploy") => unknown;
    readonly previewInline: unknown;
}

function docsOf(plan: StackPlan): Docs {
    const template = (name: string) => json(byName(plan, name).inputs.templateBody).Resources;
    const set = template("account-roles-stack-set");
    const management = template("account-roles-management");
    return {
        memberTrust: (id) => set[id].Properties.AssumeRolePolicyDocument,
        managementTrust: (id) => management[id].Properties.AssumeRolePolicyDocument,
        ciTrust: (kind) => json(byName(plan, `ci-${kind}`).inputs.assumeRolePolicy),
        ciPermissions: (kind) => json(byName(plan, `ci-${kind}-permissions`).inputs.policy),
        previewInline: set.PreviewRole.Properties.Policies[0].PolicyDocument,
    };
}

/** Whether `principal`, free to assume any role by its own IAM, may assume the role whose trust is `trust`. */
const assumes = (principal: string, roleArn: string, trust: unknown, context: Record<string, string> = {}) =>
    decideAs({ principal, action: "sts:AssumeRole", resource: roleArn, resourceAccount: roleArn.split(":")[4], resourcePolicy: trust, identityPolicies: [ASSUME_ANY_ROLE], context });

interface Row {
    readonly it: string;
    readonly principal: string;
    readonly roleId: "DeploymentRole" | "BreakGlassRole" | "PreviewRole";
    readonly where: "member" | "management";
    readonly context?: Record<string, string>;
    readonly expect: Decision;
}

const ROWS: Row[] = [
    { it: "lets the CI deploy role assume a member account's deployment role", principal: CI_DEPLOY, roleId: "DeploymentRole", where: "member", expect: "Allowed" },
    { it: "lets the management account's deployment role assume a member account's deployment role (the deploy path by hand)", principal: MGMT_DEPLOYER, roleId: "DeploymentRole", where: "member", expect: "Allowed" },
    { it: "refuses the CI preview role a member account's deployment role", principal: CI_PREVIEW, roleId: "DeploymentRole", where: "member", expect: "ImplicitlyDenied" },
    { it: "refuses another role of the management account a member account's deployment role", principal: role(MGMT, "Administrator"), roleId: "DeploymentRole", where: "member", expect: "ImplicitlyDenied" },
    { it: "refuses the management account's root user a member account's deployment role", principal: `arn:aws:iam::${MGMT}:root`, roleId: "DeploymentRole", where: "member", expect: "ImplicitlyDenied" },
    { it: "refuses a member administrator its own account's deployment role", principal: role(MEMBER, "Administrator"), roleId: "DeploymentRole", where: "member", expect: "ImplicitlyDenied" },
    { it: "refuses a member account's role named like the CI deploy role", principal: role(MEMBER, "acme-lz-ci-deploy"), roleId: "DeploymentRole", where: "member", expect: "ImplicitlyDenied" },
    { it: "refuses an outside account the deployment role", principal: "arn:aws:iam::999999999999:role/attacker", roleId: "DeploymentRole", where: "member", expect: "ImplicitlyDenied" },
    { it: "refuses a break-glass holder a member account's deployment role (people deploy through the management account's)", principal: MFA_USER, roleId: "DeploymentRole", where: "member", context: MFA, expect: "ImplicitlyDenied" },
    { it: "lets a break-glass holder with MFA assume the management account's deployment role", principal: MFA_USER, roleId: "DeploymentRole", where: "management", context: MFA, expect: "Allowed" },
    { it: "refuses a break-glass holder without MFA the management account's deployment role", principal: MFA_USER, roleId: "DeploymentRole", where: "management", context: { "aws:MultiFactorAuthPresent": "false", "aws:MultiFactorAuthAge": "120" }, expect: "ImplicitlyDenied" },
    { it: "lets the CI deploy role assume the management account's deployment role", principal: CI_DEPLOY, roleId: "DeploymentRole", where: "management", expect: "Allowed" },
    { it: "refuses the CI preview role the management account's deployment role", principal: CI_PREVIEW, roleId: "DeploymentRole", where: "management", expect: "ImplicitlyDenied" },
    { it: "lets a break-glass holder with MFA assume a member account's break-glass role from the StackSet", principal: MFA_USER, roleId: "BreakGlassRole", where: "member", context: MFA, expect: "Allowed" },
    { it: "refuses the CI deploy role the break-glass role", principal: CI_DEPLOY, roleId: "BreakGlassRole", where: "member", expect: "ImplicitlyDenied" },
    { it: "lets the CI preview role assume a member account's preview role", principal: CI_PREVIEW, roleId: "PreviewRole", where: "member", expect: "Allowed" },
    { it: "refuses the CI deploy role the preview role (one role, one purpose)", principal: CI_DEPLOY, roleId: "PreviewRole", where: "member", expect: "ImplicitlyDenied" },
    { it: "refuses a member administrator its own account's preview role", principal: role(MEMBER, "Administrator"), roleId: "PreviewRole", where: "member", expect: "ImplicitlyDenied" },
];

const ROLE_NAMES = { DeploymentRole: "LandingZoneDeployment", BreakGlassRole: "LandingZoneBreakGlass", PreviewRole: "LandingZonePreview" } as const;

describe("bootstrap roles: who may assume them (planned templates, iam-simulate)", () => {
    let d: Docs;
    before(async function () {
        d = docsOf(await referenceStack("bootstrap"));
    });
    for (const r of ROWS) {
        it(r.it, async () => {
            const account = r.where === "member" ? MEMBER : MGMT;
            const trust = r.where === "member" ? d.memberTrust(r.roleId) : d.managementTrust(r.roleId);
            assert.strictEqual(await assumes(r.principal, role(account, ROLE_NAMES[r.roleId]), trust, r.context), r.expect);
        });
    }
});

describe("CI roles: which GitHub workflows may assume them (planned trust, statement evaluator)", () => {
    let d: Docs;
    before(async function () {
        d = docsOf(await referenceStack("bootstrap"));
    });
    const ask = (kind: "preview" | "deploy", sub: string, aud = "sts.amazonaws.com") =>
        evaluate(d.ciTrust(kind) as never, {
            principal: PROVIDER,
            action: "sts:AssumeRoleWithWebIdentity",
            resource: kind === "deploy" ? CI_DEPLOY : CI_PREVIEW,
            context: { "token.actions.githubusercontent.com:sub": sub, "token.actions.githubusercontent.com:aud": aud },
        });

    it("confirms iam-simulate cannot judge the OIDC conditions (it names them as ignored)", async () => {
        await assert.rejects(
            decide({ principal: PROVIDER, action: "sts:AssumeRoleWithWebIdentity", resource: CI_DEPLOY, resourceAccount: MGMT, resourcePolicy: d.ciTrust("deploy"), context: { "token.actions.githubusercontent.com:sub": "repo:acme/landing-zone:environment:production", "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }),
            /ignored context keys token\.actions\.githubusercontent\.com/,
        );
    });
    it("lets the deploy jobs of this repository's production environment assume the deploy role", () => assert.equal(ask("deploy", "repo:acme/landing-zone:environment:production"), "Allowed"));
    it("refuses the deploy role to a pull request of this repository", () => assert.equal(ask("deploy", "repo:acme/landing-zone:pull_request"), "ImplicitlyDenied"));
    it("refuses the deploy role to a job on main outside the production environment", () => assert.equal(ask("deploy", "repo:acme/landing-zone:ref:refs/heads/main"), "ImplicitlyDenied"));
    it("refuses the deploy role to another repository's production environment", () => assert.equal(ask("deploy", "repo:acme/other:environment:production"), "ImplicitlyDenied"));
    it("refuses the deploy role to a token for another audience", () => assert.equal(ask("deploy", "repo:acme/landing-zone:environment:production", "https://github.com/acme"), "ImplicitlyDenied"));
    it("lets a pull request of this repository assume the preview role", () => assert.equal(ask("preview", "repo:acme/landing-zone:pull_request"), "Allowed"));
    it("lets the scheduled drift check on main assume the preview role", () => assert.equal(ask("preview", "repo:acme/landing-zone:ref:refs/heads/main"), "Allowed"));
    it("refuses the preview role to a pull request of another repository", () => assert.equal(ask("preview", "repo:evil/landing-zone:pull_request"), "ImplicitlyDenied"));
});

describe("CI preview role cannot change anything; the CI deploy role can deploy (planned permissions, iam-simulate)", () => {
    let d: Docs;
    before(async function () {
        d = docsOf(await referenceStack("bootstrap"));
    });
    const as = (kind: "preview" | "deploy", action: string, resource: string, resourcePolicy?: unknown) =>
        decide({ principal: kind === "deploy" ? CI_DEPLOY : CI_PREVIEW, action, resource, resourceAccount: resource.split(":")[4] || MGMT, identityPolicies: [d.ciPermissions(kind)], resourcePolicy, context: { "aws:PrincipalArn": kind === "deploy" ? CI_DEPLOY : CI_PREVIEW } });

    it("lets the preview role reach the preview role of every account and take a stack's lock", async () => {
        assert.equal(await as("preview", "sts:AssumeRole", role(MEMBER, "LandingZonePreview"), d.memberTrust("PreviewRole")), "Allowed");
        assert.equal(await as("preview", "s3:PutObject", `${STATE}/.pulumi/locks/organization/lz/member-workload-prod/x.json`), "Allowed");
    });
    for (const [what, action, resource] of [
        ["assume a member account's deployment role", "sts:AssumeRole", role(MEMBER, "LandingZoneDeployment")],
        ["assume the management account's deployment role", "sts:AssumeRole", role(MGMT, "LandingZoneDeployment")],
        ["assume a break-glass role", "sts:AssumeRole", role(MEMBER, "LandingZoneBreakGlass")],
        ["write a stack's checkpoint", "s3:PutObject", `${STATE}/.pulumi/stacks/lz/member-workload-prod.json`],
        ["delete a checkpoint", "s3:DeleteObject", `${STATE}/.pulumi/stacks/lz/management.json`],
        ["create a role in its own account", "iam:CreateRole", role(MGMT, "anything")],
        ["change its own permissions", "iam:PutRolePolicy", CI_PREVIEW],
    ] as const) {
        it(`refuses the preview role to ${what}`, async () => {
            const trust = action === "sts:AssumeRole" ? (resource.includes(MEMBER) ? d.memberTrust(resource.endsWith("BreakGlass") ? "BreakGlassRole" : "DeploymentRole") : d.managementTrust("DeploymentRole")) : undefined;
            assert.equal(await as("preview", action, resource, trust), "ImplicitlyDenied");
        });
    }
    it("lets the deploy role assume every account's deployment role and write checkpoints", async () => {
        assert.equal(await as("deploy", "sts:AssumeRole", role(MEMBER, "LandingZoneDeployment"), d.memberTrust("DeploymentRole")), "Allowed");
        assert.equal(await as("deploy", "sts:AssumeRole", role(MGMT, "LandingZoneDeployment"), d.managementTrust("DeploymentRole")), "Allowed");
        assert.equal(await as("deploy", "s3:PutObject", `${STATE}/.pulumi/stacks/lz/member-workload-prod.json`), "Allowed");
    });
    it("denies the preview role's sessions data reads AWS's ReadOnlyAccess would allow (object contents, secrets), and keeps configuration reads", async () => {
        const readOnly = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:Get*", "s3:List*", "secretsmanager:GetSecretValue", "iam:Get*"], Resource: "*" }] };
        const session = (action: string, resource: string) => decide({ principal: role(MEMBER, "LandingZonePreview"), action, resource, resourceAccount: MEMBER, identityPolicies: [readOnly, d.previewInline] });
        assert.equal(await session("s3:GetObject", "arn:aws:s3:::acme-data/customers.csv"), "ExplicitlyDenied");
        assert.equal(await session("secretsmanager:GetSecretValue", `arn:aws:secretsmanager:us-east-1:${MEMBER}:secret:db-AbCdEf`), "ExplicitlyDenied");
        assert.equal(await session("s3:GetBucketPolicy", "arn:aws:s3:::acme-data"), "Allowed");
        assert.equal(await session("iam:GetRole", role(MEMBER, "LandingZoneDeployment")), "Allowed");
    });
});
