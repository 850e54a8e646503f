import * as assert from "assert";
import { GetPublicAccessBlockCommand, PutPublicAccessBlockCommand } from "@aws-sdk/client-s3";
import { awsError, calls, useAwsMocks } from "./aws-mocks";
import { config, PROD, sample } from "./fixtures";
import { firstDelivery, itSendsOnlyAllowedActions, memberCalls, NOW_SECONDS, posted, ROLE_KEY, run } from "./harness";

const S38 = sample("Security Hub S3.8 FAILED: a workload-prod bucket without Block Public Access (us-east-1)");
const S32 = sample("Security Hub S3.2 FAILED: a workload-prod bucket readable by anyone, aggregated from eu-west-1");
const AA = sample("Access Analyzer: a workload-prod bucket readable by everyone");
const FINDING = S38.event.detail.findings[0].Id as string;
const ALL = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

describe("public-bucket playbook (enforce)", () => {
    const m = useAwsMocks();
    beforeEach(() => firstDelivery(m));

    it("claims the finding, assumes the member role, blocks all public access of a bucket that has no configuration, and posts succeeded", async () => {
        m.s3.on(GetPublicAccessBlockCommand).rejects(awsError("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found"));
        const { member } = await run(config("public-bucket"), S38.event);
        assert.deepStrictEqual(calls(m.dynamodb), [
            [
                "PutItemCommand",
                {
                    TableName: "acme-lz-response-dedup",
                    // A lease until the invocation's deadline (90 s left) and 30 s.
                    Item: { findingKey: { S: `public-bucket#${FINDING}#${PROD}#prod-uploads#2026-11-20T06:00:00.000Z` }, expiresAt: { N: String(NOW_SECONDS + 90 + 30) }, status: { S: "running" } },
                    ConditionExpression: "attribute_not_exists(findingKey) OR expiresAt < :now",
                    ExpressionAttributeValues: { ":now": { N: String(NOW_SECONDS) } },
                    ReturnValuesOnConditionCheckFailure: "ALL_OLD",
                },
            ],
            [
                "PutItemCommand",
                {
                    // The result is posted: the finding is done for dedupMinutes.
                    TableName: "acme-lz-response-dedup",
                    Item: { findingKey: { S: `public-bucket#${FINDING}#${PROD}#prod-uploads#2026-11-20T06:00:00.000Z` }, expiresAt: { N: String(NOW_SECONDS + 3600) }, status: { S: "done" } },
                },
            ],
        ]);
        assert.deepStrictEqual(calls(m.sts), [
            ["AssumeRoleCommand", { RoleArn: `arn:aws:iam::${PROD}:role/acme-lz-response-public-bucket`, RoleSessionName: "public-bucket-ding6d0382a8-d346-49b5-a03c-055728b57365", ExternalId: "acme-lz-public-bucket-333333333333" }],
        ]);
        assert.deepStrictEqual(member, [{ region: "us-east-1", accessKeyId: ROLE_KEY }]);
        assert.deepStrictEqual(memberCalls(m, "s3"), [
            ["GetPublicAccessBlockCommand", { Bucket: "prod-uploads", ExpectedBucketOwner: PROD }],
            ["PutPublicAccessBlockCommand", { Bucket: "prod-uploads", ExpectedBucketOwner: PROD, PublicAccessBlockConfiguration: ALL }],
        ]);
        assert.deepStrictEqual(posted(m), [
            {
                playbook: "public-bucket",
                mode: "enforce",
                outcome: "succeeded",
                findingId: FINDING,
                findingSource: "aws.securityhub",
                account: PROD,
                region: "us-east-1",
                resource: "prod-uploads",
                actions: [{ action: "s3:PutBucketPublicAccessBlock", target: "prod-uploads", status: "done" }],
                summary: `Blocked all public access to bucket prod-uploads (account ${PROD}, us-east-1); BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets had been off. Its policy and ACLs are unchanged: check with the owner whether anything must be public.`,
            },
        ]);
        const [[, put]] = calls(m.events);
        assert.deepStrictEqual(
            put.Entries.map((e: Record<string, unknown>) => [e.Source, e.DetailType, e.EventBusName, e.Resources]),
            [["lz.response", "Response Playbook Result", "arn:aws:events:us-east-1:333333333333:event-bus/acme-lz-security-events", ["arn:aws:s3:::prod-uploads"]]],
        );
    });

    it("turns on only what is off, in the bucket's own region (a finding aggregated from eu-west-1)", async () => {
        m.s3.on(GetPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } });
        const { member } = await run(config("public-bucket"), S32.event);
        assert.deepStrictEqual(member, [{ region: "eu-west-1", accessKeyId: ROLE_KEY }]);
        assert.deepStrictEqual(memberCalls(m, "s3")[1], ["PutPublicAccessBlockCommand", { Bucket: "prod-reports-eu", ExpectedBucketOwner: PROD, PublicAccessBlockConfiguration: ALL }]);
        assert.match(posted(m)[0].summary, /; BlockPublicPolicy, RestrictPublicBuckets had been off\./);
    });

    it("changes nothing on a bucket that already blocks everything, and posts no-change (Access Analyzer finding)", async () => {
        m.s3.on(GetPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: ALL });
        await run(config("public-bucket"), AA.event);
        assert.deepStrictEqual(memberCalls(m, "s3"), [["GetPublicAccessBlockCommand", { Bucket: "prod-share", ExpectedBucketOwner: PROD }]]);
        assert.deepStrictEqual(
            posted(m).map((d) => [d.outcome, d.findingSource, d.actions, d.summary]),
            [["no-change", "aws.access-analyzer", [{ action: "s3:PutBucketPublicAccessBlock", target: "prod-share", status: "skipped" }], `Bucket prod-share (account ${PROD}) already blocks all public access: nothing changed.`]],
        );
    });

    it("acts on the S3.3 finding of a two-finding event and posts one result, none for the S3.5 finding", async () => {
        m.s3.on(GetPublicAccessBlockCommand).resolves({});
        await run(config("public-bucket"), sample("Security Hub event of two findings: S3.3 FAILED (public write) acted on, S3.5 (SSL) on the same bucket left alone").event);
        assert.deepStrictEqual(calls(m.sts).length, 1);
        assert.deepStrictEqual(posted(m).map((d) => [d.resource, d.outcome, d.region]), [["prod-dropbox-usw2", "succeeded", "us-west-2"]]);
    });

    it("posts failed with the call and AWS's error when S3 refuses, and releases the claim", async () => {
        m.s3.on(GetPublicAccessBlockCommand).resolves({});
        m.s3.on(PutPublicAccessBlockCommand).rejects(awsError("AccessDenied", "User is not authorized to perform: s3:PutBucketPublicAccessBlock with an explicit deny in a service control policy"));
        await run(config("public-bucket"), S38.event);
        const [d] = posted(m);
        assert.deepStrictEqual([d.outcome, d.actions], [
            "failed",
            [{ action: "s3:PutBucketPublicAccessBlock", target: "prod-uploads", status: "failed", error: "AccessDenied: User is not authorized to perform: s3:PutBucketPublicAccessBlock with an explicit deny in a service control policy" }],
        ]);
        assert.deepStrictEqual(calls(m.dynamodb).map(([c, i]) => [c, i.Key ?? i.Item.findingKey]), [
            ["PutItemCommand", { S: `public-bucket#${FINDING}#${PROD}#prod-uploads#2026-11-20T06:00:00.000Z` }],
            ["DeleteItemCommand", { findingKey: { S: `public-bucket#${FINDING}#${PROD}#prod-uploads#2026-11-20T06:00:00.000Z` } }],
        ]);
    });

    itSendsOnlyAllowedActions("public-bucket", m, ["s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"]);
});
