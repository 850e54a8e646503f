/**
 * The bootstrap stack as the reference org plans it: the state backend, the CI identity and the
 * account roles, judged on the planned resources (templates and policies read from the plan).
 */
import { strict as assert } from "assert";
import { byName, ofType, referenceStack } from "../../support/plan";
import { cloudFormationProblems } from "../../support/cloudformation";
import type { StackPlan } from "../../../infra/engine/run";

const MGMT = "111111111111";
const json = (v: unknown): any => (typeof v === "string" ? JSON.parse(v) : v);

describe("bootstrap stack", () => {
    let plan: StackPlan;
    before(async function () {
        plan = await referenceStack("bootstrap");
    });

    it("runs as its caller (the roles do not exist yet) and refuses every account but the management account", () => {
        const providers = ofType(plan, "pulumi:providers:aws");
        assert.equal(providers.length, 1);
        assert.equal(providers[0].inputs.assumeRoles, undefined);
        assert.deepEqual(json(providers[0].inputs.allowedAccountIds), [MGMT]);
    });

    it("keeps the state in a protected, versioned bucket under a rotating customer key, with access logs and TLS only", () => {
        const bucket = byName(plan, "state-bucket");
        assert.equal(bucket.inputs.bucket, `acme-lz-pulumi-state-${MGMT}`);
        assert.equal(bucket.protect, true);
        assert.equal(byName(plan, "state-bucket-versioning").inputs.versioningConfiguration && json(byName(plan, "state-bucket-versioning").inputs.versioningConfiguration).status, "Enabled");
        const key = byName(plan, "state-key");
        assert.equal(key.inputs.enableKeyRotation, true);
        const sse = json(byName(plan, "state-bucket-encryption").inputs.rules)[0].applyServerSideEncryptionByDefault;
        assert.deepEqual(sse, { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs.arn });
        assert.equal(byName(plan, "state-bucket-logging").inputs.targetBucket, `acme-lz-s3-access-logs-${MGMT}-pulumi-state`);
        const policy = json(byName(plan, "state-bucket-policy").inputs.policy);
        assert.deepEqual(policy.Statement.map((s: any) => [s.Effect, s.Condition]), [["Deny", { Bool: { "aws:SecureTransport": "false" } }]]);
        assert.equal(byName(plan, "state-key-alias").inputs.name, "alias/acme-lz-pulumi-state");
    });

    it("outputs the pulumi login URL and the secrets provider every stack uses", () => {
        assert.equal(plan.outputValues.backendUrl, `s3://acme-lz-pulumi-state-${MGMT}`);
        assert.equal(plan.outputValues.secretsProvider, "awskms://alias/acme-lz-pulumi-state?region=us-east-1");
    });

    it("fans the roles out with a service-managed StackSet that auto-deploys to new accounts of the org file's targets, in the home region", () => {
        const set = byName(plan, "account-roles-stack-set");
        assert.equal(set.inputs.permissionModel, "SERVICE_MANAGED");
        assert.deepEqual(json(set.inputs.autoDeployment), { enabled: true, retainStacksOnAccountRemoval: false });
        assert.deepEqual(json(set.inputs.capabilities), ["CAPABILITY_NAMED_IAM"]);
        assert.equal(set.protect, true);
        const targets = byName(plan, "account-roles-targets");
        assert.deepEqual(json(targets.inputs.deploymentTargets), { organizationalUnitIds: ["r-ex12"] });
        assert.equal(targets.inputs.stackSetInstanceRegion, "us-east-1");
        assert.deepEqual(json(targets.inputs.operationPreferences), { maxConcurrentPercentage: 25, failureTolerancePercentage: 10 });
    });

    it("creates the same three roles in the management account with a stack of its own (StackSets never deploy there)", () => {
        const roleNames = (templateBody: unknown) =>
            Object.values(json(templateBody).Resources)
                .map((r: any) => r.Properties.RoleName)
                .sort();
        const expected = ["LandingZoneBreakGlass", "LandingZoneDeployment", "LandingZonePreview"];
        assert.deepEqual(roleNames(byName(plan, "account-roles-stack-set").inputs.templateBody), expected);
        assert.deepEqual(roleNames(byName(plan, "account-roles-management").inputs.templateBody), expected);
    });

    it("plans valid CloudFormation templates in which every Ref, GetAtt and Sub resolves", () => {
        for (const name of ["account-roles-stack-set", "account-roles-management"]) {
            assert.deepEqual(cloudFormationProblems(json(byName(plan, name).inputs.templateBody)), [], name);
        }
    });

    it("keeps the exempt roles when their stack goes (the names must stay taken) and gives the preview role read-only access and no data reads", () => {
        const t = json(byName(plan, "account-roles-stack-set").inputs.templateBody);
        for (const id of ["DeploymentRole", "BreakGlassRole"]) assert.equal(t.Resources[id].DeletionPolicy, "Retain", id);
        const preview = t.Resources.PreviewRole.Properties;
        assert.deepEqual(preview.ManagedPolicyArns, [{ "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess" }]);
        const inline = preview.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
        assert.ok(inline.length > 0);
        assert.deepEqual([...new Set(inline.map((s: any) => s.Effect))], ["Deny"], "the preview role's own policy only takes away");
    });

    it("creates the GitHub OIDC provider for AWS STS as audience", () => {
        const provider = byName(plan, "ci-github");
        assert.equal(provider.inputs.url, "https://token.actions.githubusercontent.com");
        assert.deepEqual(json(provider.inputs.clientIdLists), ["sts.amazonaws.com"]);
    });
});

describe("cloudFormationProblems", () => {
    it("reports a Ref, GetAtt and Sub that resolve to nothing, an unknown property and a bad session length", () => {
        const broken = {
            AWSTemplateFormatVersion: "2010-09-09",
            Resources: { R: { Type: "AWS::IAM::Role", Properties: { AssumeRolePolicyDocument: {}, MaxSessionDuration: 60, Colour: "red", Description: { Ref: "Nope" } } } },
            Outputs: { A: { Value: { "Fn::GetAtt": ["R", "Colour"] } }, B: { Value: { "Fn::Sub": "arn:${AWS::Partition}:${Missing}" } } },
        };
        assert.deepEqual(cloudFormationProblems(broken), [
            "Resources.R.Properties.Colour: not a property of AWS::IAM::Role",
            "Resources.R.Properties.MaxSessionDuration: 60 is outside 3600-43200",
            'Resources.R.Properties.Description: Ref "Nope" resolves to nothing',
            "Outputs.A.Value: Fn::GetAtt R.Colour resolves to nothing",
            "Outputs.B.Value: Fn::Sub ${Missing} resolves to nothing",
        ]);
    });
});
