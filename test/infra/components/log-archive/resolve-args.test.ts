import * as assert from "assert";
import { resolveArchiveBucketArgs, type ArchiveBucketArgs } from "../../../../infra/components/log-archive/archive-bucket";
import { resolveStagingBucketArgs, type StagingBucketArgs } from "../../../../infra/components/log-archive/staging-bucket";
import { resolveLogDestinationsArgs } from "../../../../infra/components/log-archive/log-destinations";
import { resolveQueryResultsArgs } from "../../../../infra/components/log-archive/query-results";
import { resolveLogQueryArgs, type LogQueryArgs } from "../../../../infra/components/log-archive/log-query";
import { resolveArchiveReplicationArgs, type ArchiveReplicationArgs } from "../../../../infra/components/log-archive/archive-replication";
import { logTables } from "../../../../infra/components/log-archive/log-tables";
import { SAVED_QUERIES } from "../../../../infra/components/log-archive/saved-queries";
import { DEFAULT_ARCHIVE_PREFIXES } from "../../../../infra/iam/archive-bucket-policy";
import { policyDocument } from "../../../../infra/iam/types";

const archive: ArchiveBucketArgs = {
    bucketName: "b",
    keyPolicy: policyDocument([]),
    bucketPolicy: policyDocument([{ Sid: "X", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::b" }]),
    objectLockDays: 365,
    expireAfterDays: 2557,
    glacierInstantRetrievalAfterDays: 90,
    deepArchiveAfterDays: 365,
    noncurrentVersionExpiryDays: 2557,
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
    it("rejects keeping a replaced version for less than the retention, one day short included", () => {
        assert.throws(
            () => resolveArchiveBucketArgs("a", { ...archive, noncurrentVersionExpiryDays: 2556 }),
            (e: Error) => e.message === "ArchiveBucket a:\n  noncurrentVersionExpiryDays: 2556 is shorter than expireAfterDays (2557); a replaced original would expire before the version written over it",
        );
        assert.doesNotThrow(() => resolveArchiveBucketArgs("a", { ...archive, noncurrentVersionExpiryDays: 2557 }));
    });
    it("rejects a non-positive lock", () => {
        assert.throws(() => resolveArchiveBucketArgs("a", { ...archive, objectLockDays: 0 }), /objectLockDays: 0 must be a whole number of days ≥ 1/);
    });
    it("rejects a bucket policy that does not name the bucket", () => {
        assert.throws(() => resolveArchiveBucketArgs("a", { ...archive, bucketName: "other" }), /bucketPolicy: no statement names the bucket "other"/);
    });
});

const staging: StagingBucketArgs = {
    bucketName: "s",
    bucketPolicy: policyDocument([]),
    destinations: [{ name: "archive", bucketArn: "a", keyArn: "k", viaService: "s3.us-east-1.amazonaws.com" }],
    viaService: "s3.us-east-1.amazonaws.com",
    logClass: "elb",
    s3Principal: "s3.amazonaws.com",
    replicationRoleName: "acme-lz-staging-elb-us-east-1-replication",
    logBucketKind: "staging",
    accountId: "222222222222",
};

describe("StagingBucket arguments", () => {
    it("keeps staged copies 30 days and protects the bucket by default", () => {
        const r = resolveStagingBucketArgs("s", staging);
        assert.strictEqual(r.expireAfterDays, 30);
        assert.strictEqual(r.protect, true);
        assert.strictEqual(r.region, undefined);
    });
    it("rejects a replication role name longer than IAM's 64 characters", () => {
        assert.throws(() => resolveStagingBucketArgs("s", { ...staging, replicationRoleName: "r".repeat(65) }), /replicationRoleName: "r{65}" is not an IAM role name \(1-64 of A-Z a-z 0-9 \+ = , \. @ _ -\)/);
    });
    it("rejects a bucket with no destination and a destination named twice, in one error", () => {
        assert.throws(() => resolveStagingBucketArgs("s", { ...staging, destinations: [] }), /^Error: StagingBucket s:\n {2}destinations: at least the archive is required$/);
        const twice = [staging.destinations[0], staging.destinations[0]];
        assert.throws(() => resolveStagingBucketArgs("s", { ...staging, expireAfterDays: 0, destinations: twice }), /expireAfterDays: 0 must be a whole number of days ≥ 1\n {2}destinations: \["archive","archive"\] names a destination twice/);
    });
});

describe("LogDestinations arguments", () => {
    const base = {
        regions: ["us-east-1"],
        destinationName: "d",
        organizationId: "o-x",
        accountId: "1",
        bucketArn: "b",
        keyArn: "k",
        principals: { logs: "logs.amazonaws.com", firehose: "firehose.amazonaws.com" },
        logsArnPrefix: "arn:aws:logs",
        roleNames: { subscription: "acme-lz-central-logs-subscription", delivery: "acme-lz-central-logs-delivery" },
        errorLogging: { logGroupName: "/acme-lz/central-logs/delivery-errors", logStreamName: "S3Delivery", logGroupArns: {} },
    };
    it("defaults the archive prefix to cloudwatch-logs", () => {
        assert.strictEqual(resolveLogDestinationsArgs("c", base).prefix, "cloudwatch-logs");
    });
    it("rejects a region listed twice and a role name IAM refuses, in one error", () => {
        assert.throws(
            () => resolveLogDestinationsArgs("c", { ...base, regions: ["us-east-1", "us-east-1"], roleNames: { ...base.roleNames, delivery: "has space" } }),
            /^Error: LogDestinations c:\n {2}regions: \["us-east-1","us-east-1"\] lists a region twice\n {2}roleNames.delivery: "has space" is not an IAM role name \(1-64 of A-Z a-z 0-9 \+ = , \. @ _ -\)$/,
        );
    });
});

describe("QueryResults arguments", () => {
    const results = { bucketName: "r", keyPolicy: policyDocument([]), bucketPolicy: policyDocument([{ Sid: "X", Effect: "Deny" as const, Principal: "*" as const, Action: "s3:*", Resource: "arn:aws:s3:::r/*" }]) };
    it("keeps results 30 days and protects the bucket and key by default", () => {
        const r = resolveQueryResultsArgs("q", results);
        assert.strictEqual(r.expireAfterDays, 30);
        assert.strictEqual(r.protect, true);
    });
    it("rejects a zero-day expiry and a bucket policy that does not name the bucket, in one error", () => {
        assert.throws(() => resolveQueryResultsArgs("q", { ...results, bucketName: "other", expireAfterDays: 0 }), /expireAfterDays: 0 must be a whole number of days ≥ 1\n {2}bucketPolicy: no statement names the bucket "other"/);
    });
});

describe("LogQuery arguments", () => {
    const query: LogQueryArgs = {
        workgroupName: "acme-lz-log-queries",
        databaseName: "acme_lz_logs",
        roleName: "acme-lz-log-query",
        trustedRoleArns: ["arn:aws:iam::333333333333:role/SecurityInvestigator"],
        tables: logTables({ organizationId: "o-x", prefixes: DEFAULT_ARCHIVE_PREFIXES, regions: ["us-east-1"], cloudTrailRegions: ["us-east-1"] }),
        queries: SAVED_QUERIES,
        archive: { bucketName: "a", bucketArn: "arn:aws:s3:::a", keyArn: "k" },
        results: { bucketName: "r", bucketArn: "arn:aws:s3:::r", keyArn: "rk" },
        accountIds: ["111111111111"],
        retentionDays: 2557,
        accountId: "222222222222",
        partition: "aws",
        region: "us-east-1",
        athenaPrincipal: "athena.amazonaws.com",
        s3ViaService: "s3.us-east-1.amazonaws.com",
    };
    it("defaults the per-query scan limit to 10 GiB", () => {
        assert.strictEqual(resolveLogQueryArgs("l", query).bytesScannedCutoffPerQuery, 10737418240);
    });
    it("rejects a scan limit below Athena's 10 MB minimum", () => {
        assert.throws(() => resolveLogQueryArgs("l", { ...query, bytesScannedCutoffPerQuery: 1024 }), /bytesScannedCutoffPerQuery: 1024 is below Athena's minimum of 10485760 bytes \(10 MB\)/);
    });
    it("rejects a database name Athena cannot query unquoted and an account id that is not 12 digits, in one error", () => {
        assert.throws(
            () => resolveLogQueryArgs("l", { ...query, databaseName: "acme-lz-logs", accountIds: ["12345"] }),
            /databaseName: "acme-lz-logs" must be lowercase letters, digits and _ \(Athena cannot query other names unquoted\)\n {2}accountIds: \["12345"\] are not 12-digit account ids/,
        );
    });
    it("rejects no accounts, no trusted role and a saved query id used twice", () => {
        assert.throws(
            () => resolveLogQueryArgs("l", { ...query, accountIds: [], trustedRoleArns: [], queries: [SAVED_QUERIES[0], SAVED_QUERIES[0]] }),
            /accountIds: at least one account is required, or every table is empty\n {2}trustedRoleArns: at least one role must be able to query\n {2}queries: \["failed-console-logins"\] used as the id of more than one query/,
        );
    });
    it("rejects a saved query of a table that is not defined", () => {
        const { albAccessLogs: _alb, ...rest } = query.tables;
        assert.throws(() => resolveLogQueryArgs("l", { ...query, tables: rest as LogQueryArgs["tables"], queries: [{ ...SAVED_QUERIES[0], table: "albAccessLogs" }] }), /queries: failed-console-logins reads table "albAccessLogs", which is not defined/);
    });
});

describe("ArchiveReplication arguments", () => {
    const replication: ArchiveReplicationArgs = {
        sourceBucketName: "a",
        sourceBucketArn: "arn:aws:s3:::a",
        sourceKeyArn: "k",
        sourceViaService: "s3.us-east-1.amazonaws.com",
        destinationBucketArn: "arn:aws:s3:::b",
        destinationKeyArn: "k2",
        destinationViaService: "s3.eu-west-1.amazonaws.com",
        roleName: "acme-lz-archive-replication",
        s3Principal: "s3.amazonaws.com",
        accountId: "222222222222",
    };
    it("accepts a replica in another region", () => {
        assert.strictEqual(resolveArchiveReplicationArgs("r", replication).roleName, "acme-lz-archive-replication");
    });
    it("rejects a replica in the archive's own region and a role name IAM refuses, in one error", () => {
        assert.throws(
            () => resolveArchiveReplicationArgs("r", { ...replication, destinationViaService: "s3.us-east-1.amazonaws.com", roleName: "bad name" }),
            /destinationViaService: "s3.us-east-1.amazonaws.com" is the source's; the replica must be in another region\n {2}roleName: "bad name" is not an IAM role name/,
        );
    });
});
