import { strict as assert } from "assert";
import { loadOrg } from "../../../infra/config/load";
import { guardrails } from "../../../infra/iam/guardrails";
import { archiveBucketName, arn, logGroupPrefix, orgTrailArn, roleArn, stagingBucketName } from "../../../infra/naming";
import { ALLOW_ALL, decide, type Decision } from "../../support/iam";
import { REPO_ROOT } from "../../support/plan";

const org = loadOrg(REPO_ROOT);
/** AWS attaches its managed FullAWSAccess SCP to every root, OU and account; guardrails only subtract from it. */
const FULL_AWS_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const SCPS = [[FULL_AWS_ACCESS, ...guardrails(org, { regionDeny: true }).map((g) => g.document)]];
const MEMBER = "444444444444";
const admin = roleArn(org, MEMBER, "Administrator");
const deployer = roleArn(org, MEMBER, org.roles.deployment);
const breakGlass = roleArn(org, MEMBER, org.roles.breakGlass);
const archive = arn(org, "s3", "", "", archiveBucketName(org));
const LZ_KEY = arn(org, "kms", org.homeRegion, org.logArchive.id, "key/1234abcd-12ab-34cd-56ef-1234567890ab");

interface Case {
    readonly what: string;
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    readonly account?: string;
    readonly region?: string;
    readonly context?: Record<string, string | string[]>;
    readonly resourcePolicy?: unknown;
    readonly expect: Decision;
}

function c(what: string, principal: string, action: string, resource: string, expect: Decision, extra: Partial<Case> = {}): Case {
    return { what, principal, action, resource, expect, ...extra };
}

/** KMS always needs the key policy to allow: the default key policy delegates to the account's IAM. */
function defaultKeyPolicy(account: string): unknown {
    return { Version: "2012-10-17", Statement: [{ Sid: "EnableIamPolicies", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" }] };
}

const lzKeyTag = { "aws:ResourceTag/landing-zone": org.namePrefix };
const otherKeyTag = { "aws:ResourceTag/landing-zone": "someone-else" };

const CASES: Case[] = [
    c("denies StopLogging on the organisation trail to a member administrator", admin, "cloudtrail:StopLogging", orgTrailArn(org), "ExplicitlyDenied"),
    c("denies DeleteTrail on the organisation trail to a member administrator", admin, "cloudtrail:DeleteTrail", orgTrailArn(org), "ExplicitlyDenied"),
    c("denies PutEventSelectors on the organisation trail to a member administrator", admin, "cloudtrail:PutEventSelectors", orgTrailArn(org), "ExplicitlyDenied"),
    c("allows StopLogging on a team's own trail", admin, "cloudtrail:StopLogging", arn(org, "cloudtrail", "us-east-1", MEMBER, "trail/team-trail"), "Allowed"),
    c("allows StopLogging on the organisation trail to the deployment role", deployer, "cloudtrail:StopLogging", orgTrailArn(org), "Allowed"),
    c("allows StopLogging on the organisation trail to the break-glass role", breakGlass, "cloudtrail:StopLogging", orgTrailArn(org), "Allowed"),
    c("denies DeleteLogGroup on a landing-zone log group", admin, "logs:DeleteLogGroup", arn(org, "logs", "us-east-1", MEMBER, `log-group:${logGroupPrefix(org)}cloudtrail/organization`), "ExplicitlyDenied"),
    c("denies PutRetentionPolicy on a landing-zone log group", admin, "logs:PutRetentionPolicy", arn(org, "logs", "eu-west-1", MEMBER, `log-group:${logGroupPrefix(org)}forwarding`), "ExplicitlyDenied"),
    c("allows DeleteLogGroup on an application log group", admin, "logs:DeleteLogGroup", arn(org, "logs", "us-east-1", MEMBER, "log-group:/app/web"), "Allowed"),
    c("denies deleting the account-level log subscription policy to a member administrator", admin, "logs:DeleteAccountPolicy", "*", "ExplicitlyDenied"),
    c("allows the deployment role to put the account-level log subscription policy", deployer, "logs:PutAccountPolicy", "*", "Allowed"),
    c("denies DeleteRule on a landing-zone forwarding rule", admin, "events:DeleteRule", arn(org, "events", "us-east-1", MEMBER, `rule/${org.namePrefix}-forward-security`), "ExplicitlyDenied"),
    c("allows DeleteRule on an application's rule", admin, "events:DeleteRule", arn(org, "events", "us-east-1", MEMBER, "rule/app-nightly"), "Allowed"),
    c("denies DeleteDetector to a member administrator", admin, "guardduty:DeleteDetector", arn(org, "guardduty", "us-east-1", MEMBER, "detector/12abc34d567e8fa901bc2d34e56789f0"), "ExplicitlyDenied"),
    c("denies DisassociateFromAdministratorAccount in GuardDuty to a member administrator", admin, "guardduty:DisassociateFromAdministratorAccount", "*", "ExplicitlyDenied"),
    c("allows DeleteDetector to the deployment role", deployer, "guardduty:DeleteDetector", arn(org, "guardduty", "us-east-1", MEMBER, "detector/12abc34d567e8fa901bc2d34e56789f0"), "Allowed"),
    c("denies StopConfigurationRecorder to a member administrator", admin, "config:StopConfigurationRecorder", "*", "ExplicitlyDenied"),
    c("denies DeleteDeliveryChannel to a member administrator", admin, "config:DeleteDeliveryChannel", "*", "ExplicitlyDenied"),
    c("allows PutConfigurationRecorder to the deployment role", deployer, "config:PutConfigurationRecorder", "*", "Allowed"),
    c("denies DisableSecurityHub to a member administrator", admin, "securityhub:DisableSecurityHub", arn(org, "securityhub", "us-east-1", MEMBER, "hub/default"), "ExplicitlyDenied"),
    c("denies DeleteAnalyzer to a member administrator", admin, "access-analyzer:DeleteAnalyzer", arn(org, "access-analyzer", "us-east-1", MEMBER, "analyzer/lz"), "ExplicitlyDenied"),
    c("denies DisableMacie to a member administrator", admin, "macie2:DisableMacie", "*", "ExplicitlyDenied"),
    c("allows DisableSecurityHub to the break-glass role", breakGlass, "securityhub:DisableSecurityHub", arn(org, "securityhub", "us-east-1", MEMBER, "hub/default"), "Allowed"),
    c("denies PutBucketPolicy on the archive even to the log-archive account's administrator", roleArn(org, org.logArchive.id, "Administrator"), "s3:PutBucketPolicy", archive, "ExplicitlyDenied", { account: org.logArchive.id }),
    c("denies PutBucketPolicy on the archive to the log-archive account root", `arn:aws:iam::${org.logArchive.id}:root`, "s3:PutBucketPolicy", archive, "ExplicitlyDenied", { account: org.logArchive.id }),
    c("denies PutBucketVersioning on a staging bucket", roleArn(org, org.logArchive.id, "Administrator"), "s3:PutBucketVersioning", arn(org, "s3", "", "", stagingBucketName(org, "config")), "ExplicitlyDenied", { account: org.logArchive.id }),
    c("allows PutBucketPolicy on the archive to the deployment role", roleArn(org, org.logArchive.id, org.roles.deployment), "s3:PutBucketPolicy", archive, "Allowed", { account: org.logArchive.id }),
    c("denies DeleteObjectVersion in the archive even to the deployment role", roleArn(org, org.logArchive.id, org.roles.deployment), "s3:DeleteObjectVersion", `${archive}/AWSLogs/o-exampleorg1/x.json.gz`, "ExplicitlyDenied", { account: org.logArchive.id }),
    c("allows PutBucketPolicy on an application bucket", admin, "s3:PutBucketPolicy", arn(org, "s3", "", "", "app-assets-444444444444"), "Allowed"),
    c("denies ScheduleKeyDeletion on a key tagged as landing-zone", roleArn(org, org.logArchive.id, "Administrator"), "kms:ScheduleKeyDeletion", LZ_KEY, "ExplicitlyDenied", { account: org.logArchive.id, context: lzKeyTag, resourcePolicy: defaultKeyPolicy(org.logArchive.id) }),
    c("denies PutKeyPolicy on a key tagged as landing-zone", roleArn(org, org.logArchive.id, "Administrator"), "kms:PutKeyPolicy", LZ_KEY, "ExplicitlyDenied", { account: org.logArchive.id, context: lzKeyTag, resourcePolicy: defaultKeyPolicy(org.logArchive.id) }),
    c("denies removing the landing-zone tag from its key", roleArn(org, org.logArchive.id, "Administrator"), "kms:UntagResource", LZ_KEY, "ExplicitlyDenied", { account: org.logArchive.id, context: lzKeyTag, resourcePolicy: defaultKeyPolicy(org.logArchive.id) }),
    c("allows ScheduleKeyDeletion on a key without the landing-zone tag", admin, "kms:ScheduleKeyDeletion", arn(org, "kms", "us-east-1", MEMBER, "key/abcd"), "Allowed", { context: otherKeyTag, resourcePolicy: defaultKeyPolicy(MEMBER) }),
    c("allows ScheduleKeyDeletion on a landing-zone key to the deployment role", roleArn(org, org.logArchive.id, org.roles.deployment), "kms:ScheduleKeyDeletion", LZ_KEY, "Allowed", { account: org.logArchive.id, context: lzKeyTag, resourcePolicy: defaultKeyPolicy(org.logArchive.id) }),
    c("denies LeaveOrganization to a member administrator", admin, "organizations:LeaveOrganization", "*", "ExplicitlyDenied"),
    c("allows LeaveOrganization to the break-glass role", roleArn(org, MEMBER, org.roles.breakGlass), "organizations:LeaveOrganization", "*", "Allowed"),
    c("denies launching instances outside the enabled regions", admin, "ec2:RunInstances", arn(org, "ec2", "ap-south-1", MEMBER, "instance/*"), "ExplicitlyDenied", { region: "ap-south-1" }),
    c("allows launching instances in an enabled region", admin, "ec2:RunInstances", arn(org, "ec2", "eu-west-1", MEMBER, "instance/*"), "Allowed", { region: "eu-west-1" }),
    c("allows IAM, a global service, whatever region the request names", admin, "iam:CreateRole", arn(org, "iam", "", MEMBER, "role/app"), "Allowed", { region: "ap-south-1" }),
    c("allows the deployment role to work outside the enabled regions", deployer, "ec2:DescribeInstances", "*", "Allowed", { region: "ap-south-1" }),
    c("denies deleting the deployment role to a member administrator", admin, "iam:DeleteRole", deployer, "ExplicitlyDenied"),
    c("denies rewriting the break-glass role's trust policy to a member administrator", admin, "iam:UpdateAssumeRolePolicy", breakGlass, "ExplicitlyDenied"),
    c("denies detaching policies from the event-forwarding role", admin, "iam:DetachRolePolicy", roleArn(org, MEMBER, `${org.namePrefix}-event-forwarding`), "ExplicitlyDenied"),
    c("allows deleting an application role", admin, "iam:DeleteRole", roleArn(org, MEMBER, "app-runner"), "Allowed"),
    c("denies a role named like the deployment role with a path prefix trick", roleArn(org, MEMBER, `x${org.roles.deployment}`), "cloudtrail:StopLogging", orgTrailArn(org), "ExplicitlyDenied"),
];

describe("guardrail SCP decisions (identity allows everything, SCPs at the root)", () => {
    for (const k of CASES) {
        it(k.what, async () => {
            const got = await decide({
                principal: k.principal,
                action: k.action,
                resource: k.resource,
                resourceAccount: k.account ?? MEMBER,
                identityPolicies: [ALLOW_ALL],
                resourcePolicy: k.resourcePolicy,
                scps: SCPS,
                orgId: org.organizationId,
                context: { "aws:RequestedRegion": k.region ?? org.homeRegion, "aws:PrincipalArn": k.principal, ...(k.context ?? {}) },
            });
            assert.equal(got, k.expect);
        });
    }

    it("has at least 25 cases", () => assert.ok(CASES.length >= 25));
});
