import * as assert from "assert";
import { resolveArchiveBucketArgs, type ArchiveBucketArgs } from "../../../../infra/components/log-archive/archive-bucket";
import { resolveStagingBucketArgs } from "../../../../infra/components/log-archive/staging-bucket";
import { resolveLogDestinationsArgs } from "../../../../infra/components/log-archive/log-destinations";
import { policyDocument } from "../../../../infra/iam/types";

const archive: ArchiveBucketArgs = {
    bucketName: "b",
    keyPolicy: policyDocument([]),
    bucketPolicy: policyDocument([{ Sid: "X", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::b" }]),
    objectLockDays: 365,
    expireAfterDays: 2557,
    glacierInstantRetrievalAfterDays: 90,
    deepArchiveAfterDays: 365,
    noncurrentVersionExpiryDays: 30,
};

describe("ArchiveBucket arguments", () => {
    it("defaults to protected, with EventBridge notifications", () => {
        const r = resolveArchiveBucketArgs("a", archive);
        assert.strictEqual(r.protect, true);
        assert.strictEqual(r.eventBridgeNotifications, true);
    });
    it("rejects expiry before the Object Lock retention ends", () => {
        assert.throws(() => resolveArchiveBucketArgs("a", { ...archive, expireAfterDays: 100 }), /expireAfterDays: 100 is before the Object Lock retention of 365 days ends/);
    });
    it("rejects Deep Archive before Glacier Instant Retrieval", () => {
        assert.throws(() => resolveArchiveBucketArgs("a", { ...archive, deepArchiveAfterDays: 60 }), /deepArchiveAfterDays: 60 must come after glacierInstantRetrievalAfterDays \(90\)/);
    });
    it("rejects a non-positive lock", () => {
        assert.throws(() => resolveArchiveBucketArgs("a", { ...archive, objectLockDays: 0 }), /objectLockDays: 0 must be a whole number of days ≥ 1/);
    });
    it("rejects a bucket policy that does not name the bucket", () => {
        assert.throws(() => resolveArchiveBucketArgs("a", { ...archive, bucketName: "other" }), /bucketPolicy: no statement names the bucket "other"/);
    });
});

describe("StagingBucket arguments", () => {
    it("keeps staged copies 30 days and protects the bucket by default", () => {
        const r = resolveStagingBucketArgs("s", { bucketName: "s", bucketPolicy: policyDocument([]), archiveBucketArn: "a", archiveKeyArn: "k", logClass: "elb", s3Principal: "s3.amazonaws.com", accountId: "222222222222" });
        assert.strictEqual(r.expireAfterDays, 30);
        assert.strictEqual(r.protect, true);
    });
});

describe("LogDestinations arguments", () => {
    const base = { regions: ["us-east-1"], destinationName: "d", organizationId: "o-x", accountIds: ["1"], accountId: "1", bucketArn: "b", keyArn: "k", principals: { logs: "logs.amazonaws.com", firehose: "firehose.amazonaws.com" }, logsArnPrefix: "arn:aws:logs" };
    it("defaults the archive prefix to cloudwatch-logs", () => {
        assert.strictEqual(resolveLogDestinationsArgs("c", base).prefix, "cloudwatch-logs");
    });
    it("rejects a region listed twice and an empty account list, in one error", () => {
        assert.throws(() => resolveLogDestinationsArgs("c", { ...base, regions: ["us-east-1", "us-east-1"], accountIds: [] }), /regions: \["us-east-1","us-east-1"\] lists a region twice\n {2}accountIds: at least one account is required/);
    });
});
