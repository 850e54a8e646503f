/**
 * The investigator end to end: the role the security stack creates, judged with the policies the
 * log-archive stack plans (archive bucket and key, results bucket and key, query role trust). Each
 * cross-account decision needs both halves, so these cases fail if either stack drifts.
 */
import * as assert from "assert";
import { byName, referenceStack, REPO_ROOT } from "../../support/plan";
import { ASSUME_ANY_ROLE, decide, decideAs, type Decision } from "../../support/iam";
import { scpLevels } from "../../support/guardrails";
import type { StackPlan } from "../../../infra/engine/run";
import { loadOrg } from "../../../infra/config/load";

const SECURITY = "333333333333";
const LOG_ARCHIVE = "222222222222";
const ORG = "o-exampleorg1";
const INVESTIGATOR = `arn:aws:iam::${SECURITY}:role/SecurityInvestigator`;
const TLS = { "aws:SecureTransport": "true", "aws:PrincipalOrgID": ORG, "aws:PrincipalIsAWSService": "false" };

const json = (v: unknown) => JSON.parse(String(v));

describe("security investigator (role of the security stack, policies of the log-archive stack)", () => {
    let security: StackPlan;
    let archive: StackPlan;
    let identity: unknown;
    let trust: unknown;
    let archiveBucket: string;
    let resultsBucket: string;
    before(async () => {
        security = await referenceStack("security");
        archive = await referenceStack("log-archive");
        identity = json(byName(security, "investigator-permissions").inputs.policy);
        trust = json(byName(security, "investigator-role").inputs.assumeRolePolicy);
        archiveBucket = `arn:aws:s3:::${String(archive.outputs.archiveBucketName)}`;
        resultsBucket = `arn:aws:s3:::${String(archive.outputs.queryResultsBucketName)}`;
    });

    const asInvestigator = (action: string, resource: string, resourcePolicy: unknown, context: Record<string, string> = {}): Promise<Decision> =>
        decide({ principal: INVESTIGATOR, action, resource, resourceAccount: LOG_ARCHIVE, identityPolicies: [identity], resourcePolicy, context: { ...TLS, ...context } });

    it("is the role the log-archive stack's policies name, and the stack exports it", () => {
        assert.strictEqual(security.outputs.investigatorRoleArn, INVESTIGATOR);
        assert.strictEqual(byName(security, "investigator-role").inputs.name, "SecurityInvestigator");
    });

    it("reads archived CloudTrail logs, and lists the archive", async () => {
        const policy = json(byName(archive, "archive-policy").inputs.policy);
        assert.strictEqual(await asInvestigator("s3:GetObject", `${archiveBucket}/AWSLogs/${ORG}/444444444444/CloudTrail/us-east-1/2026/11/30/x.json.gz`, policy), "Allowed");
        assert.strictEqual(await asInvestigator("s3:ListBucket", archiveBucket, policy), "Allowed");
    });

    it("reads the trail's digests and lists CloudTrail's public keys in any enabled region, as validate-logs needs, under the guardrails", async () => {
        const org = loadOrg(REPO_ROOT);
        const scps = scpLevels(org, org.security.id);
        const policy = json(byName(archive, "archive-policy").inputs.policy);
        const digest = `${archiveBucket}/AWSLogs/${ORG}/444444444444/CloudTrail-Digest/eu-west-1/2026/11/30/444444444444_CloudTrail-Digest_eu-west-1_acme-lz-org-trail_us-east-1_20261130T010131Z.json.gz`;
        const ask = (action: string, resource: string, resourceAccount: string, resourcePolicy: unknown, region: string) =>
            decide({ principal: INVESTIGATOR, action, resource, resourceAccount, identityPolicies: [identity], resourcePolicy, scps, orgId: ORG, context: { ...TLS, "aws:PrincipalArn": INVESTIGATOR, "aws:PrincipalAccount": SECURITY, "aws:RequestedRegion": region } });
        assert.strictEqual(await ask("s3:GetObject", digest, LOG_ARCHIVE, policy, "us-east-1"), "Allowed");
        for (const region of org.regions) assert.strictEqual(await ask("cloudtrail:ListPublicKeys", "*", SECURITY, undefined, region), "Allowed", region);
        assert.strictEqual(await ask("cloudtrail:ListPublicKeys", "*", SECURITY, undefined, "ap-south-1"), "ExplicitlyDenied", "outside the enabled regions the region guardrail applies");
    });

    it("can neither write nor delete archived logs", async () => {
        const policy = json(byName(archive, "archive-policy").inputs.policy);
        const object = `${archiveBucket}/AWSLogs/${ORG}/x.json.gz`;
        for (const action of ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutBucketPolicy", "s3:PutObjectRetention"]) {
            const resource = action === "s3:PutBucketPolicy" ? archiveBucket : object;
            assert.notStrictEqual(await asInvestigator(action, resource, policy), "Allowed", action);
        }
    });

    it("decrypts archived logs through S3 only, never by calling KMS directly", async () => {
        const keyPolicy = json(byName(archive, "archive-key").inputs.policy);
        const key = String(archive.outputs.archiveKeyArn);
        const viaS3 = { "kms:ViaService": "s3.us-east-1.amazonaws.com", "kms:CallerAccount": SECURITY };
        assert.strictEqual(await asInvestigator("kms:Decrypt", key, keyPolicy, viaS3), "Allowed");
        assert.notStrictEqual(await asInvestigator("kms:Decrypt", key, keyPolicy, { "kms:ViaService": "lambda.us-east-1.amazonaws.com", "kms:CallerAccount": SECURITY }), "Allowed");
        assert.notStrictEqual(await asInvestigator("kms:Encrypt", key, keyPolicy, viaS3), "Allowed");
    });

    it("reads Athena results and assumes the query role that runs the saved queries", async () => {
        const results = json(byName(archive, "query-results-policy").inputs.policy);
        assert.strictEqual(await asInvestigator("s3:GetObject", `${resultsBucket}/results/abc.csv`, results), "Allowed");
        assert.notStrictEqual(await asInvestigator("s3:PutObject", `${resultsBucket}/results/abc.csv`, results), "Allowed");
        const queryTrust = json(byName(archive, "log-query-role").inputs.assumeRolePolicy);
        const queryRole = String(archive.outputs.queryRoleArn);
        assert.strictEqual(await asInvestigator("sts:AssumeRole", queryRole, queryTrust), "Allowed");
    });

    describe("who may become the investigator", () => {
        const assume = (principal: string, context: Record<string, string>): Promise<Decision> =>
            decideAs({ principal, action: "sts:AssumeRole", resource: INVESTIGATOR, resourceAccount: SECURITY, identityPolicies: [ASSUME_ANY_ROLE], resourcePolicy: trust, context });

        it("an IAM user of the security account signed in with MFA", async () => {
            assert.strictEqual(await assume(`arn:aws:iam::${SECURITY}:user/alice`, { "aws:MultiFactorAuthPresent": "true" }), "Allowed");
        });

        it("not the same user without MFA", async () => {
            assert.strictEqual(await assume(`arn:aws:iam::${SECURITY}:user/alice`, { "aws:MultiFactorAuthPresent": "false" }), "ImplicitlyDenied");
        });

        it("an IAM Identity Center session of the security account", async () => {
            const sso = `arn:aws:iam::${SECURITY}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_SecurityAudit_0123456789abcdef`;
            assert.strictEqual(await assume(sso, { "aws:MultiFactorAuthPresent": "false" }), "Allowed");
        });

        it("not a principal of another account of the organisation, even with MFA", async () => {
            assert.strictEqual(await assume(`arn:aws:iam::444444444444:user/bob`, { "aws:MultiFactorAuthPresent": "true" }), "ImplicitlyDenied");
        });
    });
});
