import * as assert from "assert";
import { decide, decideAs, itDecides, type DecisionCase } from "../../support/iam";
import { replicationPermissionsPolicy, replicationTrustPolicy } from "../../../infra/iam/log-archive-replication-role";
import { readerKeyPolicy } from "../../../infra/iam/log-archive-reader-key-policy";

const ACCOUNT = "222222222222";
const SECURITY = "333333333333";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/acme-lz-archive-replication`;
const ARCHIVE = `arn:aws:s3:::acme-lz-archive-${ACCOUNT}-us-east-1`;
const REPLICA = `arn:aws:s3:::acme-lz-archive-${ACCOUNT}-eu-west-1`;
const STAGING_ELB = `arn:aws:s3:::acme-lz-staging-elb-${ACCOUNT}-us-east-1`;
const ARCHIVE_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const REPLICA_KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a`;
const HOME_S3 = "s3.us-east-1.amazonaws.com";
const REPLICA_S3 = "s3.eu-west-1.amazonaws.com";

const json = (d: unknown) => JSON.parse(JSON.stringify(d));
/** The archive → replica role. */
const archiveRole = json(
    replicationPermissionsPolicy({ sourceBucketArns: [ARCHIVE], sourceKeyArns: [ARCHIVE_KEY], sourceViaService: HOME_S3, destinations: [{ bucketArn: REPLICA, keyArn: REPLICA_KEY, viaService: REPLICA_S3 }] }),
);
/** An SSE-S3 staging bucket replicating into both the archive and the replica. */
const stagingRole = json(
    replicationPermissionsPolicy({
        sourceBucketArns: [STAGING_ELB],
        sourceKeyArns: [],
        sourceViaService: HOME_S3,
        destinations: [
            { bucketArn: ARCHIVE, keyArn: ARCHIVE_KEY, viaService: HOME_S3 },
            { bucketArn: REPLICA, keyArn: REPLICA_KEY, viaService: REPLICA_S3 },
        ],
    }),
);
/** Keys delegate to IAM in the account (as the archive's and the replica's key policies do). */
const keyPolicy = json(readerKeyPolicy({ accountRootArn: `arn:aws:iam::${ACCOUNT}:root`, exemptRoleArns: [`arn:aws:iam::${ACCOUNT}:role/LandingZoneDeployment`], securityAccountId: SECURITY, readerRoleArns: [`arn:aws:iam::${SECURITY}:role/SecurityInvestigator`] }));

const obj = (bucket: string) => `${bucket}/AWSLogs/o-exampleorg1/444444444444/CloudTrail/us-east-1/2026/11/22/x.json.gz`;

const ARCHIVE_CASES: DecisionCase[] = [
    { it: "reads the archive's replication configuration", action: "s3:GetReplicationConfiguration", resource: ARCHIVE, expect: "Allowed" },
    { it: "reads archive object versions for replication", action: "s3:GetObjectVersionForReplication", resource: obj(ARCHIVE), expect: "Allowed" },
    { it: "reads an archived object's retention, so replicas keep their Object Lock", action: "s3:GetObjectRetention", resource: obj(ARCHIVE), expect: "Allowed" },
    { it: "does not read objects of any other bucket", action: "s3:GetObjectVersionForReplication", resource: obj(STAGING_ELB), expect: "ImplicitlyDenied" },
    { it: "does not read archived objects with GetObject", action: "s3:GetObject", resource: obj(ARCHIVE), expect: "ImplicitlyDenied" },
    { it: "writes replicas into the replica", action: "s3:ReplicateObject", resource: obj(REPLICA), expect: "Allowed" },
    { it: "does not replicate into the archive (not its destination)", action: "s3:ReplicateObject", resource: obj(ARCHIVE), expect: "ImplicitlyDenied" },
    { it: "does not replicate deletions", action: "s3:ReplicateDelete", resource: obj(REPLICA), expect: "ImplicitlyDenied" },
    { it: "does not PutObject into the replica", action: "s3:PutObject", resource: obj(REPLICA), expect: "ImplicitlyDenied" },
    { it: "does not hand replicas to another owner", action: "s3:ObjectOwnerOverrideToBucketOwner", resource: obj(REPLICA), expect: "ImplicitlyDenied" },
    { it: "decrypts archived objects through S3 in the home region", action: "kms:Decrypt", resource: ARCHIVE_KEY, context: { "kms:ViaService": HOME_S3 }, expect: "Allowed" },
    { it: "does not decrypt with the archive key directly", action: "kms:Decrypt", resource: ARCHIVE_KEY, expect: "ImplicitlyDenied" },
    { it: "does not decrypt with the archive key through S3 in another region", action: "kms:Decrypt", resource: ARCHIVE_KEY, context: { "kms:ViaService": REPLICA_S3 }, expect: "ImplicitlyDenied" },
    { it: "re-encrypts replicas under the replica key through S3 in the replica region", action: "kms:GenerateDataKey", resource: REPLICA_KEY, context: { "kms:ViaService": REPLICA_S3 }, expect: "Allowed" },
    { it: "does not decrypt with the replica key", action: "kms:Decrypt", resource: REPLICA_KEY, context: { "kms:ViaService": REPLICA_S3 }, expect: "ImplicitlyDenied" },
    { it: "does not encrypt with the archive key", action: "kms:Encrypt", resource: ARCHIVE_KEY, context: { "kms:ViaService": HOME_S3 }, expect: "ImplicitlyDenied" },
];

const STAGING_CASES: DecisionCase[] = [
    { it: "writes staged objects into the archive", action: "s3:ReplicateObject", resource: obj(ARCHIVE), expect: "Allowed" },
    { it: "writes staged objects into the replica too (replicas are not replicated again)", action: "s3:ReplicateObject", resource: obj(REPLICA), expect: "Allowed" },
    { it: "encrypts under the archive key in the home region", action: "kms:Encrypt", resource: ARCHIVE_KEY, context: { "kms:ViaService": HOME_S3 }, expect: "Allowed" },
    { it: "encrypts under the replica key in the replica region", action: "kms:GenerateDataKey", resource: REPLICA_KEY, context: { "kms:ViaService": REPLICA_S3 }, expect: "Allowed" },
    { it: "decrypts nothing: an SSE-S3 source needs no key", action: "kms:Decrypt", resource: ARCHIVE_KEY, context: { "kms:ViaService": HOME_S3 }, expect: "ImplicitlyDenied" },
];

const run = (identity: unknown, cases: readonly DecisionCase[]) =>
    itDecides(cases, (c) => decideAs({ ...c, principal: ROLE, resourceAccount: ACCOUNT, identityPolicies: [identity], resourcePolicy: c.resource.includes(":kms:") ? keyPolicy : undefined }));

describe("archive replication role (decision table)", () => run(archiveRole, ARCHIVE_CASES));
describe("staging replication role with a replica (decision table)", () => run(stagingRole, STAGING_CASES));

describe("replication role trust and construction", () => {
    const trust = json(replicationTrustPolicy({ s3Principal: "s3.amazonaws.com", accountId: ACCOUNT }));
    const assume = (account: string) => decide({ principal: "s3.amazonaws.com", action: "sts:AssumeRole", resource: ROLE, resourceAccount: ACCOUNT, context: { "aws:SourceAccount": account }, resourcePolicy: trust });
    it("lets S3 assume the role for this account's buckets", async () => {
        assert.strictEqual(await assume(ACCOUNT), "Allowed");
    });
    it("refuses S3 acting for another account's bucket", async () => {
        assert.strictEqual(await assume("999999999999"), "ImplicitlyDenied");
    });
    it("refuses to build a policy with no destination", () => {
        assert.throws(() => replicationPermissionsPolicy({ sourceBucketArns: [ARCHIVE], sourceKeyArns: [], sourceViaService: HOME_S3, destinations: [] }), /destinations: at least one destination is required/);
    });
});
