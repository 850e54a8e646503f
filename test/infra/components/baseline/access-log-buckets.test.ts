import * as assert from "assert";
import { AccessLogBuckets, resolveAccessLogBucketsArgs, type AccessLogBucketsArgs } from "../../../../infra/components/baseline/access-log-buckets";
import { accessLogBucketPolicy } from "../../../../infra/iam/member-access-log-bucket-policy";
import { accessLogBucketName } from "../../../../infra/naming";
import { REGIONS as ALL_REGIONS } from "../../../../infra/config/regions";
import type { OrgModel } from "../../../../infra/config/model";
import { ALLOW_ALL, decide } from "../../../support/iam";
import { MEMBER, planComponent, REGIONS } from "./harness";
import { byName, ofType, regionsOf } from "../../../support/plan";
import type { StackPlan } from "../../../../infra/engine/run";

const bucketName = (region: string) => `acme-lz-s3-access-logs-${MEMBER}-${region}`;
const args: AccessLogBucketsArgs = {
    regions: REGIONS,
    accountId: MEMBER,
    bucketNames: Object.fromEntries(REGIONS.map((r) => [r, bucketName(r)])),
    loggingPrincipal: "logging.s3.amazonaws.com",
    expireAfterDays: 2557,
};

describe("AccessLogBuckets", () => {
    let p: StackPlan;
    before(async () => {
        p = await planComponent(() => new AccessLogBuckets("access-logs", args));
    });
    const each = (type: string) => {
        const rs = ofType(p, type);
        assert.deepStrictEqual(regionsOf(rs), [...REGIONS].sort(), type);
        return rs;
    };

    it("has one protected access-log bucket in every enabled region, named for the account and region and tagged as an access-log bucket", () => {
        for (const b of each("aws:s3/bucket:Bucket")) {
            assert.strictEqual(b.inputs.bucket, bucketName(String(b.inputs.region)));
            assert.strictEqual(b.inputs.forceDestroy, false);
            assert.deepStrictEqual(b.inputs.tags, { "lz:log-bucket": "access-logs" });
            assert.strictEqual(b.protect, true);
            assert.strictEqual(b.retainOnDelete, true);
        }
    });

    it("encrypts with SSE-S3, the only default encryption S3 server access logging accepts on its target", () => {
        for (const e of each("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")) {
            assert.deepStrictEqual(e.inputs.rules, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
        }
    });

    it("disables ACLs (bucket owner enforced) and blocks every kind of public access", () => {
        for (const o of each("aws:s3/bucketOwnershipControls:BucketOwnershipControls")) assert.deepStrictEqual(o.inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
        for (const b of each("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")) {
            for (const k of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.strictEqual(b.inputs[k], true, k);
        }
    });

    it("versions the logs and expires them after the archive retention, noncurrent versions after 30 days", () => {
        for (const v of each("aws:s3/bucketVersioning:BucketVersioning")) assert.deepStrictEqual(v.inputs.versioningConfiguration, { status: "Enabled" });
        for (const l of each("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")) {
            assert.deepStrictEqual(l.inputs.rules, [
                { id: "expire-access-logs", status: "Enabled", filter: { prefix: "" }, expiration: { days: 2557 }, noncurrentVersionExpiration: { noncurrentDays: 30 } },
            ]);
            assert.ok(l.dependencies.includes(byName(p, `access-logs-${l.inputs.region}-versioning`).urn), "lifecycle after versioning");
        }
    });

    it("attaches each region's policy to that region's bucket, and is the access-log target of nothing itself (no access logging on a log target)", () => {
        for (const x of each("aws:s3/bucketPolicy:BucketPolicy")) {
            const region = String(x.inputs.region);
            assert.strictEqual(x.inputs.bucket, bucketName(region));
            assert.deepStrictEqual(JSON.parse(String(x.inputs.policy)), JSON.parse(JSON.stringify(accessLogBucketPolicy({ bucketArn: `arn:aws:s3:::${bucketName(region)}`, accountId: MEMBER, loggingPrincipal: "logging.s3.amazonaws.com" }))));
        }
        assert.strictEqual(ofType(p, "aws:s3/bucketLogging:BucketLogging").length, 0);
    });

    it("exports the bucket name of every region", async () => {
        const q = await planComponent(() => {
            const c = new AccessLogBuckets("access-logs", args);
            return { bucketNames: c.bucketNames };
        });
        assert.deepStrictEqual(q.outputs.bucketNames, args.bucketNames);
    });

    it("costs seven resources per region and nothing else", () => {
        assert.strictEqual(p.resources.filter((r) => !r.type.startsWith("pulumi:") && !r.type.startsWith("lz:")).length, 7 * REGIONS.length);
    });

    describe("validation", () => {
        it("reports every problem at once with the component name", () => {
            assert.throws(
                () =>
                    resolveAccessLogBucketsArgs("access-logs", {
                        ...args,
                        regions: ["eu-west-1", "eu-west-1", "ap-south-1"],
                        accountId: "4444",
                        bucketNames: { "eu-west-1": "Bad_Name", "us-east-1": bucketName("us-east-1") },
                        expireAfterDays: 0,
                        noncurrentExpireAfterDays: 1.5,
                    }),
                (e: Error) =>
                    e.message ===
                    [
                        "AccessLogBuckets access-logs:",
                        '  regions: ["eu-west-1","eu-west-1","ap-south-1"] lists a region twice',
                        '  accountId: "4444" is not a 12-digit AWS account id',
                        '  bucketNames.eu-west-1: "Bad_Name" is not a valid S3 bucket name (3-63 characters of a-z, 0-9, . and -)',
                        "  bucketNames: no bucket name for enabled region ap-south-1",
                        "  bucketNames: us-east-1 not among the enabled regions",
                        "  expireAfterDays: 0 must be a whole number of days ≥ 1",
                        "  noncurrentExpireAfterDays: 1.5 must be a whole number of days ≥ 1",
                    ].join("\n"),
            );
        });

        it("keeps noncurrent versions 30 days by default", () => {
            assert.strictEqual(resolveAccessLogBucketsArgs("access-logs", args).noncurrentExpireAfterDays, 30);
        });
    });

    describe("bucket names", () => {
        const org = (namePrefix: string) => ({ namePrefix }) as OrgModel;

        it("names the bucket <prefix>-s3-access-logs-<account>-<region>", () => {
            assert.strictEqual(accessLogBucketName(org("acme-lz"), MEMBER, "eu-west-1"), "acme-lz-s3-access-logs-444444444444-eu-west-1");
        });

        it("stays a valid S3 bucket name with the longest prefix in every known region", () => {
            const longest = "a".repeat(16);
            for (const region of Object.keys(ALL_REGIONS)) {
                const n = accessLogBucketName(org(longest), MEMBER, region);
                assert.ok(n.length <= 63 && /^[a-z0-9][a-z0-9.-]+[a-z0-9]$/.test(n), n);
            }
        });
    });
});

describe("access-log bucket policy", () => {
    const BUCKET = `arn:aws:s3:::${bucketName("eu-west-1")}`;
    const policy = JSON.parse(JSON.stringify(accessLogBucketPolicy({ bucketArn: BUCKET, accountId: MEMBER, loggingPrincipal: "logging.s3.amazonaws.com" })));
    const put = (principal: string, context: Record<string, string>, identityPolicies: unknown[] = []) =>
        decide({ principal, action: "s3:PutObject", resource: `${BUCKET}/app-bucket/2026-11-22-07-00-00-ABCDEF`, resourceAccount: MEMBER, context, resourcePolicy: policy, identityPolicies });

    it("lets S3 log delivery write the access logs of this account's buckets", async () => {
        assert.strictEqual(await put("logging.s3.amazonaws.com", { "aws:SourceAccount": MEMBER, "aws:SourceArn": "arn:aws:s3:::app-bucket", "aws:SecureTransport": "true" }), "Allowed");
    });

    it("denies S3 log delivery acting for a bucket of another account", async () => {
        assert.strictEqual(await put("logging.s3.amazonaws.com", { "aws:SourceAccount": "999999999999", "aws:SourceArn": "arn:aws:s3:::other-bucket", "aws:SecureTransport": "true" }), "ExplicitlyDenied");
    });

    it("denies any request without TLS, even S3 log delivery for this account", async () => {
        assert.strictEqual(await put("logging.s3.amazonaws.com", { "aws:SourceAccount": MEMBER, "aws:SecureTransport": "false" }), "ExplicitlyDenied");
    });

    it("denies writes by the account's own principals, administrators and root included: only log delivery writes", async () => {
        for (const principal of [`arn:aws:iam::${MEMBER}:role/Administrator`, `arn:aws:iam::${MEMBER}:root`]) {
            assert.strictEqual(await put(principal, { "aws:SecureTransport": "true" }, [ALLOW_ALL]), "ExplicitlyDenied", principal);
        }
    });

    it("gives no other service a way in", async () => {
        for (const svc of ["cloudtrail.amazonaws.com", "delivery.logs.amazonaws.com", "logdelivery.elasticloadbalancing.amazonaws.com"]) {
            assert.strictEqual(await put(svc, { "aws:SourceAccount": MEMBER, "aws:SecureTransport": "true" }), "ImplicitlyDenied", svc);
        }
    });

    it("leaves reading the logs to the account's own IAM policies, over TLS", async () => {
        const read = (transport: string) =>
            decide({ principal: `arn:aws:iam::${MEMBER}:role/Investigator`, action: "s3:GetObject", resource: `${BUCKET}/app-bucket/x`, resourceAccount: MEMBER, context: { "aws:SecureTransport": transport }, resourcePolicy: policy, identityPolicies: [ALLOW_ALL] });
        assert.strictEqual(await read("true"), "Allowed");
        assert.strictEqual(await read("false"), "ExplicitlyDenied");
    });
});
