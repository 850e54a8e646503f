/**
 * The scheduled integrity validation's role, decided both ways with iam-simulate: its identity
 * policy together with the archive's bucket and key policies (cross-account: both halves must
 * allow), the central bus's policy, and the organisation's guardrail SCPs.
 */
import { loadOrg } from "../../../infra/config/load";
import { archiveBucketPolicy } from "../../../infra/iam/archive-bucket-policy";
import { archiveKeyPolicy } from "../../../infra/iam/archive-key-policy";
import { integrityJobPermissionsPolicy } from "../../../infra/iam/integrity-job-permissions";
import { lambdaTrustPolicy } from "../../../infra/iam/lambda-trust";
import { functionRuntimePolicy } from "../../../infra/iam/function-runtime";
import { INTEGRITY_EVENT_SOURCE } from "../../../infra/integrity/validation-job";
import { arn, centralBusArn, integrityValidationLogGroupName, integrityValidationName, roleArn } from "../../../infra/naming";
import { ARCHIVE_BUCKET_ARN, ARCHIVE_BUCKET_POLICY_ARGS, ARCHIVE_KEY_ARN, ARCHIVE_KEY_POLICY_ARGS, INVESTIGATOR, LOG_ARCHIVE, ORG, SECURITY } from "../../support/archive-policies";
import { ASSUME_ANY_ROLE, decide, decideAs, itDecides, outsiderAssumes, type DecisionCase } from "../../support/iam";
import { scpLevels } from "../../support/guardrails";
import { REPO_ROOT } from "../../support/plan";
import * as assert from "assert";

const org = loadOrg(REPO_ROOT);
const SCPS = scpLevels(org, org.security.id);
const JOB = roleArn(org, SECURITY, integrityValidationName(org));
const LOG_GROUP = arn(org, "logs", org.homeRegion, SECURITY, `log-group:${integrityValidationLogGroupName(org)}`);
const BUS = centralBusArn(org);

const identity = integrityJobPermissionsPolicy({
    archiveBucketArn: ARCHIVE_BUCKET_ARN,
    archiveKeyArn: ARCHIVE_KEY_ARN,
    trailFilesPrefix: `AWSLogs/${ORG}/`,
    s3ViaService: "s3.us-east-1.amazonaws.com",
    busArn: BUS,
    eventSource: INTEGRITY_EVENT_SOURCE,
});
const runtime = functionRuntimePolicy({ logGroupArn: LOG_GROUP, deadLetterQueueArn: arn(org, "sqs", org.homeRegion, SECURITY, `${integrityValidationName(org)}-dead-letter`) });
const bucketPolicy = archiveBucketPolicy({ ...ARCHIVE_BUCKET_POLICY_ARGS, integrityValidatorRoleArn: JOB });
const keyPolicy = archiveKeyPolicy({ ...ARCHIVE_KEY_POLICY_ARGS, integrityValidator: { roleArn: JOB, viaService: "s3.us-east-1.amazonaws.com" } });
const digest = `${ARCHIVE_BUCKET_ARN}/AWSLogs/${ORG}/444444444444/CloudTrail-Digest/eu-west-1/2026/03/02/444444444444_CloudTrail-Digest_eu-west-1_acme-lz-org-trail_us-east-1_20260302T120131Z.json.gz`;
const logFile = `${ARCHIVE_BUCKET_ARN}/AWSLogs/${ORG}/444444444444/CloudTrail/eu-west-1/2026/03/02/444444444444_CloudTrail_eu-west-1_20260302T1155Z_abcdefghijklmnop.json.gz`;

interface JobCase extends DecisionCase {
    readonly account: string;
    readonly resourcePolicy?: unknown;
    /** Another principal than the job's role, with the job's own identity policies (the grant must name the role). */
    readonly principal?: string;
}

const inArchive = (it: string, action: string, resource: string, expect: JobCase["expect"], extra: Partial<JobCase> = {}): JobCase => ({ it, action, resource, expect, account: LOG_ARCHIVE, resourcePolicy: bucketPolicy, ...extra });
const inSecurity = (it: string, action: string, resource: string, expect: JobCase["expect"], context: Record<string, string | string[]> = {}): JobCase => ({ it, action, resource, expect, account: SECURITY, context });
const viaS3 = { "kms:ViaService": "s3.us-east-1.amazonaws.com", "kms:CallerAccount": SECURITY };

const CASES: JobCase[] = [
    inArchive("reads a digest of the organisation trail in the archive", "s3:GetObject", digest, "Allowed"),
    inArchive("reads a log file of the organisation trail in the archive", "s3:GetObject", logFile, "Allowed"),
    inArchive("lists the archive (S3 then answers NoSuchKey for a deleted digest)", "s3:ListBucket", ARCHIVE_BUCKET_ARN, "Allowed"),
    inArchive("reads nothing while the archive's policy does not name it (cross-account: both policies must allow)", "s3:GetObject", digest, "ImplicitlyDenied", { resourcePolicy: archiveBucketPolicy(ARCHIVE_BUCKET_POLICY_ARGS) }),
    inArchive("reads nothing as another role of the security account (the archive's grant names the job's role)", "s3:GetObject", digest, "ImplicitlyDenied", { principal: roleArn(org, SECURITY, "Administrator") }),
    inArchive("reads no other log class of the archive (flow logs)", "s3:GetObject", `${ARCHIVE_BUCKET_ARN}/vpc-flow-logs/AWSLogs/444444444444/vpcflowlogs/eu-west-1/2026/03/02/x.log.gz`, "ImplicitlyDenied"),
    inArchive("reads no CloudTrail Insights files", "s3:GetObject", `${ARCHIVE_BUCKET_ARN}/AWSLogs/${ORG}/444444444444/CloudTrail-Insight/eu-west-1/2026/03/02/x.json.gz`, "ImplicitlyDenied"),
    inArchive("cannot overwrite a digest (the archive is append-only)", "s3:PutObject", digest, "ExplicitlyDenied"),
    inArchive("cannot delete a log file", "s3:DeleteObject", logFile, "ExplicitlyDenied"),
    inArchive("cannot change the archive's policy", "s3:PutBucketPolicy", ARCHIVE_BUCKET_ARN, "ExplicitlyDenied"),
    inArchive("decrypts archived logs through S3", "kms:Decrypt", ARCHIVE_KEY_ARN, "Allowed", { resourcePolicy: keyPolicy, context: viaS3 }),
    inArchive("cannot decrypt with the archive key outside S3", "kms:Decrypt", ARCHIVE_KEY_ARN, "ImplicitlyDenied", { resourcePolicy: keyPolicy, context: { "kms:ViaService": "lambda.us-east-1.amazonaws.com", "kms:CallerAccount": SECURITY } }),
    inArchive("cannot encrypt with the archive key", "kms:Encrypt", ARCHIVE_KEY_ARN, "ImplicitlyDenied", { resourcePolicy: keyPolicy, context: viaS3 }),
    inSecurity("lists CloudTrail's public keys (IAM authorises ListPublicKeys on * only)", "cloudtrail:ListPublicKeys", "*", "Allowed", { "aws:RequestedRegion": "eu-west-1" }),
    // PutEvents is decided on the role's own policy: the central bus's policy admits every principal of
    // the organisation with any source, so it cannot narrow this (the routing patterns match the job's
    // events on the security account instead; EventBridge itself refuses `aws.` sources from PutEvents).
    inSecurity("its own policy puts its result on the central bus under its own source", "events:PutEvents", BUS, "Allowed", { "events:source": [INTEGRITY_EVENT_SOURCE] }),
    inSecurity("its own policy does not let it pose as the alert self-test", "events:PutEvents", BUS, "ImplicitlyDenied", { "events:source": ["lz.selftest"] }),
    inSecurity("its own policy refuses a request mixing its source with another", "events:PutEvents", BUS, "ImplicitlyDenied", { "events:source": [INTEGRITY_EVENT_SOURCE, "lz.selftest"] }),
    inSecurity("its own policy puts nothing on another bus", "events:PutEvents", arn(org, "events", org.homeRegion, SECURITY, "event-bus/default"), "ImplicitlyDenied", { "events:source": [INTEGRITY_EVENT_SOURCE] }),
    inSecurity("writes its own log", "logs:PutLogEvents", `${LOG_GROUP}:log-stream:2026/03/03/[$LATEST]abc`, "Allowed"),
    inSecurity("writes no other landing-zone log group (the organisation trail's)", "logs:PutLogEvents", arn(org, "logs", org.homeRegion, SECURITY, "log-group:/acme-lz/cloudtrail/organization:log-stream:x"), "ImplicitlyDenied"),
    inSecurity("leaves a failed invocation in its own dead-letter queue", "sqs:SendMessage", arn(org, "sqs", org.homeRegion, SECURITY, "acme-lz-log-integrity-dead-letter"), "Allowed"),
    inSecurity("sends to no other queue (the SIEM queue)", "sqs:SendMessage", arn(org, "sqs", org.homeRegion, SECURITY, "acme-lz-security-siem"), "ImplicitlyDenied"),
    inArchive("cannot decrypt with the archive key as another role of the security account", "kms:Decrypt", ARCHIVE_KEY_ARN, "ImplicitlyDenied", { resourcePolicy: keyPolicy, context: viaS3, principal: roleArn(org, SECURITY, "Administrator") }),
    inSecurity("cannot stop the organisation trail (nor could it if its policy allowed: the guardrail denies it)", "cloudtrail:StopLogging", arn(org, "cloudtrail", org.homeRegion, org.management.id, "trail/acme-lz-org-trail"), "ExplicitlyDenied"),
];

describe("integrity validation job role (identity + archive, key and bus policies + guardrails)", () => {
    itDecides(CASES, (k) =>
        decide({
            principal: k.principal ?? JOB,
            action: k.action,
            resource: k.resource,
            resourceAccount: k.account,
            identityPolicies: [identity, runtime],
            resourcePolicy: k.resourcePolicy,
            scps: SCPS,
            orgId: ORG,
            context: {
                "aws:PrincipalArn": k.principal ?? JOB,
                "aws:PrincipalAccount": SECURITY,
                "aws:PrincipalOrgID": ORG,
                "aws:PrincipalIsAWSService": "false",
                "aws:SecureTransport": "true",
                "aws:RequestedRegion": org.homeRegion,
                ...(k.context ?? {}),
            },
        }),
    );

    it("has cases both ways", () => {
        assert.ok(CASES.some((c) => c.expect === "Allowed") && CASES.some((c) => c.expect !== "Allowed"));
    });
});

describe("integrity validation job trust", () => {
    const trust = lambdaTrustPolicy({ lambdaPrincipal: "lambda.amazonaws.com", accountId: SECURITY });
    const lambda = (sourceAccount: string) =>
        decide({ principal: "lambda.amazonaws.com", action: "sts:AssumeRole", resource: JOB, resourceAccount: SECURITY, resourcePolicy: trust, context: { "aws:SourceAccount": sourceAccount } });

    it("lets Lambda assume the role for a function of the security account", async () => {
        assert.strictEqual(await lambda(SECURITY), "Allowed");
    });

    it("refuses Lambda acting for a function of another account", async () => {
        assert.strictEqual(await lambda("444444444444"), "ImplicitlyDenied");
    });

    it("refuses an administrator of the security account and an outside account", async () => {
        const admin = roleArn(org, SECURITY, "Administrator");
        assert.strictEqual(await decideAs({ principal: admin, action: "sts:AssumeRole", resource: JOB, resourceAccount: SECURITY, identityPolicies: [ASSUME_ANY_ROLE], resourcePolicy: trust }), "ImplicitlyDenied");
        assert.strictEqual(await outsiderAssumes(JOB, SECURITY, trust), "ImplicitlyDenied");
    });
});
