import * as assert from "assert";
import { decideAs, itDecides, type DecisionCase } from "../../support/iam";
import { archiveBucketPolicy } from "../../../infra/iam/archive-bucket-policy";
import {
    ARCHIVE_BUCKET_ARN as BUCKET_ARN,
    ARCHIVE_BUCKET_POLICY_ARGS,
    BREAK_GLASS,
    DEPLOY,
    INVESTIGATOR,
    LOG_ARCHIVE as ARCHIVE_ACCOUNT,
    MGMT,
    ORG,
    SECURITY,
    TRAIL,
} from "../../support/archive-policies";

const ADMIN = `arn:aws:iam::${ARCHIVE_ACCOUNT}:role/Administrator`;
const ROOT = `arn:aws:iam::${ARCHIVE_ACCOUNT}:root`;
const OTHER_SECURITY_ROLE = `arn:aws:iam::${SECURITY}:role/Developer`;
const OUTSIDER = "arn:aws:iam::999999999999:role/Administrator";
const DETECTOR = `arn:aws:guardduty:us-east-1:${SECURITY}:detector/12abc34d567e8fa901bc2d34e56789f0`;

const policy = JSON.parse(JSON.stringify(archiveBucketPolicy(ARCHIVE_BUCKET_POLICY_ARGS)));

const TLS = { "aws:SecureTransport": "true" };
const ACL = { "s3:x-amz-acl": "bucket-owner-full-control" };
const inOrg = { ...TLS, "aws:PrincipalOrgID": ORG, "aws:PrincipalIsAWSService": "false" };
const service = { ...TLS, "aws:PrincipalIsAWSService": "true" };
const object = (key: string) => `${BUCKET_ARN}/${key}`;

/** IAM principals have administrator rights in their account (`decideAs`): only the bucket policy refuses them. */
interface Case extends DecisionCase {
    readonly principal: string;
}

const CASES: Case[] = [
    // CloudTrail: the organisation trail only, owned by the management account.
    { it: "lets this organisation's trail PutObject under the org prefix with bucket-owner-full-control", principal: "cloudtrail.amazonaws.com", action: "s3:PutObject", resource: object(`AWSLogs/${ORG}/${SECURITY}/CloudTrail/us-east-1/2026/11/22/x.json.gz`), context: { ...service, ...ACL, "aws:SourceArn": TRAIL }, expect: "Allowed" },
    { it: "lets this organisation's trail PutObject under the management account prefix", principal: "cloudtrail.amazonaws.com", action: "s3:PutObject", resource: object(`AWSLogs/${MGMT}/CloudTrail/us-east-1/x.json.gz`), context: { ...service, ...ACL, "aws:SourceArn": TRAIL }, expect: "Allowed" },
    { it: "lets this organisation's trail check the bucket ACL", principal: "cloudtrail.amazonaws.com", action: "s3:GetBucketAcl", resource: BUCKET_ARN, context: { ...service, "aws:SourceArn": TRAIL }, expect: "Allowed" },
    { it: "refuses the trail's PutObject without bucket-owner-full-control", principal: "cloudtrail.amazonaws.com", action: "s3:PutObject", resource: object(`AWSLogs/${ORG}/x.json.gz`), context: { ...service, "s3:x-amz-acl": "private", "aws:SourceArn": TRAIL }, expect: "ImplicitlyDenied" },
    { it: "refuses a trail of another organisation", principal: "cloudtrail.amazonaws.com", action: "s3:PutObject", resource: object(`AWSLogs/${ORG}/x.json.gz`), context: { ...service, ...ACL, "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:999999999999:trail/acme-lz-org-trail" }, expect: "ImplicitlyDenied" },
    { it: "refuses a trail of the same name in the security account (the org trail ARN carries the management id)", principal: "cloudtrail.amazonaws.com", action: "s3:PutObject", resource: object(`AWSLogs/${ORG}/x.json.gz`), context: { ...service, ...ACL, "aws:SourceArn": `arn:aws:cloudtrail:us-east-1:${SECURITY}:trail/acme-lz-org-trail` }, expect: "ImplicitlyDenied" },
    { it: "refuses the trail writing outside its prefix", principal: "cloudtrail.amazonaws.com", action: "s3:PutObject", resource: object("guardduty/x.jsonl.gz"), context: { ...service, ...ACL, "aws:SourceArn": TRAIL }, expect: "ImplicitlyDenied" },
    { it: "refuses another account's trail ACL check", principal: "cloudtrail.amazonaws.com", action: "s3:GetBucketAcl", resource: BUCKET_ARN, context: { ...service, "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:999999999999:trail/t" }, expect: "ImplicitlyDenied" },
    // TLS.
    { it: "denies a non-TLS request even from this organisation's trail", principal: "cloudtrail.amazonaws.com", action: "s3:PutObject", resource: object(`AWSLogs/${ORG}/x.json.gz`), context: { "aws:SecureTransport": "false", "aws:PrincipalIsAWSService": "true", ...ACL, "aws:SourceArn": TRAIL }, expect: "ExplicitlyDenied" },
    { it: "denies a non-TLS GetObject to the investigator", principal: INVESTIGATOR, action: "s3:GetObject", resource: object("AWSLogs/x"), context: { ...inOrg, "aws:SecureTransport": "false" }, expect: "ExplicitlyDenied" },
    // Deletion: nobody.
    { it: "denies DeleteObjectVersion to the account root", principal: ROOT, action: "s3:DeleteObjectVersion", resource: object("AWSLogs/x"), context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies DeleteObjectVersion to an administrator of the log-archive account", principal: ADMIN, action: "s3:DeleteObjectVersion", resource: object("AWSLogs/x"), context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies DeleteObject to an administrator of the log-archive account", principal: ADMIN, action: "s3:DeleteObject", resource: object("AWSLogs/x"), context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies DeleteObjectVersion to the deployment role too", principal: DEPLOY, action: "s3:DeleteObjectVersion", resource: object("AWSLogs/x"), context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies DeleteObjectVersion to the break-glass role too", principal: BREAK_GLASS, action: "s3:DeleteObjectVersion", resource: object("AWSLogs/x"), context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies BypassGovernanceRetention to the break-glass role", principal: BREAK_GLASS, action: "s3:BypassGovernanceRetention", resource: object("AWSLogs/x"), context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies shortening an object's retention to an administrator", principal: ADMIN, action: "s3:PutObjectRetention", resource: object("AWSLogs/x"), context: inOrg, expect: "ExplicitlyDenied" },
    // Configuration: the deployment and break-glass roles only.
    { it: "denies PutBucketPolicy to the account root", principal: ROOT, action: "s3:PutBucketPolicy", resource: BUCKET_ARN, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies PutBucketPolicy to an administrator of the log-archive account", principal: ADMIN, action: "s3:PutBucketPolicy", resource: BUCKET_ARN, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies changing the Object Lock configuration to an administrator", principal: ADMIN, action: "s3:PutBucketObjectLockConfiguration", resource: BUCKET_ARN, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies suspending versioning to an administrator", principal: ADMIN, action: "s3:PutBucketVersioning", resource: BUCKET_ARN, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies changing the lifecycle to an administrator", principal: ADMIN, action: "s3:PutLifecycleConfiguration", resource: BUCKET_ARN, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies changing event notifications (the SIEM's new-object feed) to an administrator", principal: ADMIN, action: "s3:PutBucketNotification", resource: BUCKET_ARN, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "lets the deployment role change event notifications", principal: DEPLOY, action: "s3:PutBucketNotification", resource: BUCKET_ARN, context: inOrg, expect: "Allowed" },
    { it: "denies changing encryption to an administrator", principal: ADMIN, action: "s3:PutEncryptionConfiguration", resource: BUCKET_ARN, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies DeleteBucketPolicy to the account root", principal: ROOT, action: "s3:DeleteBucketPolicy", resource: BUCKET_ARN, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "lets the break-glass role change the bucket policy", principal: BREAK_GLASS, action: "s3:PutBucketPolicy", resource: BUCKET_ARN, context: inOrg, expect: "Allowed" },
    { it: "lets the deployment role change the bucket policy (the next deployment must succeed)", principal: DEPLOY, action: "s3:PutBucketPolicy", resource: BUCKET_ARN, context: inOrg, expect: "Allowed" },
    { it: "lets the deployment role change the lifecycle", principal: DEPLOY, action: "s3:PutLifecycleConfiguration", resource: BUCKET_ARN, context: inOrg, expect: "Allowed" },
    { it: "lets the deployment role change encryption", principal: DEPLOY, action: "s3:PutEncryptionConfiguration", resource: BUCKET_ARN, context: inOrg, expect: "Allowed" },
    // Investigator: read only.
    { it: "lets the security investigator GetObject", principal: INVESTIGATOR, action: "s3:GetObject", resource: object(`AWSLogs/${ORG}/x.json.gz`), context: inOrg, expect: "Allowed" },
    { it: "lets the security investigator list the bucket", principal: INVESTIGATOR, action: "s3:ListBucket", resource: BUCKET_ARN, context: inOrg, expect: "Allowed" },
    { it: "denies the security investigator PutObject (append-only: no IAM principal but the Firehose role writes)", principal: INVESTIGATOR, action: "s3:PutObject", resource: object("AWSLogs/x"), context: inOrg, expect: "ExplicitlyDenied" },
    { it: "refuses any other role of the security account GetObject", principal: OTHER_SECURITY_ROLE, action: "s3:GetObject", resource: object("AWSLogs/x"), context: inOrg, expect: "ImplicitlyDenied" },
    // Flow logs: own prefix, this organisation.
    { it: "lets VPC flow logs of this organisation write under vpc-flow-logs/", principal: "delivery.logs.amazonaws.com", action: "s3:PutObject", resource: object("vpc-flow-logs/AWSLogs/444444444444/vpcflowlogs/us-east-1/x.log.gz"), context: { ...service, ...ACL, "aws:SourceAccount": "444444444444" }, expect: "Allowed" },
    { it: "refuses VPC flow logs writing under the CloudTrail prefix", principal: "delivery.logs.amazonaws.com", action: "s3:PutObject", resource: object(`AWSLogs/${ORG}/x`), context: { ...service, ...ACL, "aws:SourceAccount": "444444444444" }, expect: "ImplicitlyDenied" },
    { it: "refuses VPC flow logs of an account outside the organisation", principal: "delivery.logs.amazonaws.com", action: "s3:PutObject", resource: object("vpc-flow-logs/AWSLogs/999999999999/x"), context: { ...service, ...ACL, "aws:SourceAccount": "999999999999" }, expect: "ImplicitlyDenied" },
    // GuardDuty: the security account's detectors, own prefix.
    { it: "lets the security account's GuardDuty publish under guardduty/", principal: "guardduty.amazonaws.com", action: "s3:PutObject", resource: object(`guardduty/AWSLogs/${SECURITY}/GuardDuty/us-east-1/x.jsonl.gz`), context: { ...service, "aws:SourceAccount": SECURITY, "aws:SourceArn": DETECTOR }, expect: "Allowed" },
    { it: "refuses GuardDuty writing under the flow-log prefix", principal: "guardduty.amazonaws.com", action: "s3:PutObject", resource: object("vpc-flow-logs/x"), context: { ...service, "aws:SourceAccount": SECURITY, "aws:SourceArn": DETECTOR }, expect: "ImplicitlyDenied" },
    { it: "refuses GuardDuty of another account", principal: "guardduty.amazonaws.com", action: "s3:PutObject", resource: object("guardduty/x"), context: { ...service, "aws:SourceAccount": "999999999999", "aws:SourceArn": "arn:aws:guardduty:us-east-1:999999999999:detector/abc" }, expect: "ImplicitlyDenied" },
    // Config does not deliver here (staging bucket), so the archive gives it nothing.
    { it: "refuses AWS Config writing directly into the archive", principal: "config.amazonaws.com", action: "s3:PutObject", resource: object("AWSLogs/444444444444/Config/x"), context: { ...service, ...ACL, "aws:SourceAccount": "444444444444" }, expect: "ImplicitlyDenied" },
    // Outsiders.
    { it: "denies GetObject to an administrator outside the organisation", principal: OUTSIDER, action: "s3:GetObject", resource: object("AWSLogs/x"), context: TLS, expect: "ExplicitlyDenied" },
    { it: "denies ListBucket to a principal of another organisation", principal: OUTSIDER, action: "s3:ListBucket", resource: BUCKET_ARN, context: { ...TLS, "aws:PrincipalOrgID": "o-otherorg99", "aws:PrincipalIsAWSService": "false" }, expect: "ExplicitlyDenied" },
    { it: "denies PutObject to an outsider even with bucket-owner-full-control", principal: OUTSIDER, action: "s3:PutObject", resource: object("AWSLogs/x"), context: { ...TLS, ...ACL }, expect: "ExplicitlyDenied" },
];

describe("archive bucket policy (decision table)", () => {
    it("has at least 30 cases, allowed and denied", () => {
        assert.ok(CASES.length >= 30, `${CASES.length} cases`);
        assert.ok(CASES.some((c) => c.expect === "Allowed") && CASES.some((c) => c.expect !== "Allowed"));
    });
    itDecides(CASES, (c) => decideAs({ ...c, resourceAccount: ARCHIVE_ACCOUNT, resourcePolicy: policy }));
});

describe("archiveBucketPolicy", () => {
    it("refuses to build a policy without an exempt configuration role", () => {
        assert.throws(
            () => archiveBucketPolicy({ ...JSON.parse("{}"), bucketArn: BUCKET_ARN, configurationRoleArns: [] }),
            /configurationRoleArns: at least the deployment role is required, or the next deployment cannot update the bucket/,
        );
    });
});
