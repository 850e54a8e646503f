import * as assert from "assert";
import { DeleteItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { CreateSnapshotCommand, DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import { GetPublicAccessBlockCommand } from "@aws-sdk/client-s3";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { PLAYBOOK_IDS } from "../../../infra/config/playbooks";
import { awsError, calls, callsInOrder, useAwsMocks } from "./aws-mocks";
import { config, PROD, SAMPLES, sample } from "./fixtures";
import { dedupTable, firstDelivery, NOW_SECONDS, posted, run } from "./harness";

const S38 = sample("Security Hub S3.8 FAILED: a workload-prod bucket without Block Public Access (us-east-1)");
const FINDING = S38.event.detail.findings[0].Id as string;
const KEY = `public-bucket#${FINDING}#${PROD}#prod-uploads#2026-11-20T06:00:00.000Z`;

describe("runPlaybook: the flow around the playbooks", () => {
    const m = useAwsMocks();
    /** Every call but the result's PutEvents. */
    const otherCalls = () => [m.sts, m.dynamodb, m.s3, m.iam, m.ec2].flatMap(calls);

    describe("dry-run", () => {
        it("posts the plan of every sample that reaches the playbook and makes no other AWS call (no STS, no DynamoDB, nothing in the member account)", async () => {
            for (const s of SAMPLES.filter((x) => x.playbook !== null)) await run(config(s.playbook!, "dry-run"), s.event);
            assert.deepStrictEqual(otherCalls(), []);
            assert.deepStrictEqual(
                posted(m).map((d) => [d.playbook, d.mode, d.outcome, d.resource, d.actions.map((a) => `${a.action} ${a.target} ${a.status}`)]),
                [
                    ["public-bucket", "dry-run", "dry-run", "prod-share", ["s3:PutBucketPublicAccessBlock prod-share planned"]],
                    ["exposed-key", "dry-run", "dry-run", "AKIA2PRODEXAMPLE0007", ["iam:UpdateAccessKey AKIA2PRODEXAMPLE0007 planned"]],
                    ["exposed-key", "dry-run", "dry-run", "AKIA2PRODEXAMPLE0011", ["iam:UpdateAccessKey AKIA2PRODEXAMPLE0011 planned"]],
                    ["exposed-key", "dry-run", "not-actionable", "ASIA2PRODEXAMPLE0042", []],
                    ["exposed-key", "dry-run", "not-actionable", "ASIA2PRODEXAMPLE0043", []],
                    [
                        "compromised-instance",
                        "dry-run",
                        "dry-run",
                        "i-0aa11bb22cc33dd44",
                        [
                            "ec2:ModifyNetworkInterfaceAttribute eni-0aaa1111bbbb2222c planned",
                            "ec2:ModifyNetworkInterfaceAttribute eni-0ddd3333eeee4444f planned",
                            "ec2:CreateSnapshot i-0aa11bb22cc33dd44 (each EBS volume) planned",
                            "ec2:CreateTags i-0aa11bb22cc33dd44 planned",
                        ],
                    ],
                    [
                        "compromised-instance",
                        "dry-run",
                        "dry-run",
                        "i-0bb22cc33dd44ee55",
                        ["ec2:ModifyNetworkInterfaceAttribute eni-0bbb2222cccc3333d planned", "ec2:CreateSnapshot i-0bb22cc33dd44ee55 (each EBS volume) planned", "ec2:CreateTags i-0bb22cc33dd44ee55 planned"],
                    ],
                    ["exposed-key", "dry-run", "dry-run", "AKIA2PRODEXAMPLE0042", ["iam:UpdateAccessKey AKIA2PRODEXAMPLE0042 planned"]],
                    ["public-bucket", "dry-run", "dry-run", "prod-uploads", ["s3:PutBucketPublicAccessBlock prod-uploads planned"]],
                    ["public-bucket", "dry-run", "dry-run", "prod-reports-eu", ["s3:PutBucketPublicAccessBlock prod-reports-eu planned"]],
                    ["public-bucket", "dry-run", "dry-run", "prod-dropbox-usw2", ["s3:PutBucketPublicAccessBlock prod-dropbox-usw2 planned"]],
                ],
            );
            assert.strictEqual(
                posted(m).find((d) => d.resource === "AKIA2PRODEXAMPLE0042")!.summary,
                `Dry run: Would deactivate access key AKIA2PRODEXAMPLE0042 of its user (looked up from the key) in account ${PROD} unless it is already inactive (AWS_RISK_CREDENTIALS_EXPOSED).`,
            );
        });
    });

    describe("enforce", () => {
        beforeEach(() => firstDelivery(m));

        it("does nothing at all for a benign, refused or out-of-scope event: no call, no event, a log line saying why", async () => {
            for (const s of SAMPLES.filter((x) => x.playbook === null || x.refused !== undefined)) for (const p of PLAYBOOK_IDS) await run(config(p), s.event);
            assert.deepStrictEqual([otherCalls(), calls(m.events)], [[], []]);
            const { log } = await run(config("public-bucket"), sample("Security Hub S3.8 FAILED in workload-dev, outside the playbook's scope").event);
            assert.deepStrictEqual(log, [{ playbook: "public-bucket", ignored: `Security Hub finding arn:aws:securityhub:us-east-1:555555555555:security-control/S3.8/finding/3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a: account 555555555555 is not in the playbook's scope` }]);
            const inbound = SAMPLES.find((x) => x.refused !== undefined)!;
            assert.deepStrictEqual((await run(config("compromised-instance"), inbound.event)).log, [
                { playbook: "compromised-instance", ignored: `GuardDuty finding ${inbound.event.detail.id}: action NETWORK_CONNECTION, INBOUND (a remote host connected to it): activity an outsider can cause without compromising the instance` },
            ]);
            assert.deepStrictEqual([otherCalls(), calls(m.events)], [[], []]);
        });

        it("acts on the first delivery of a finding and makes no call and posts nothing on the second (a table that honours the condition)", async () => {
            const table = dedupTable(m);
            m.s3.on(GetPublicAccessBlockCommand).resolves({});
            await run(config("public-bucket"), S38.event);
            const first = [calls(m.sts).length, calls(m.s3).length, calls(m.events).length];
            await run(config("public-bucket"), S38.event);
            assert.deepStrictEqual([first, [calls(m.sts).length, calls(m.s3).length, calls(m.events).length]], [[1, 2, 1], [1, 2, 1]]);
            // Once the claim has expired (the TTL sweep may lag for days), the finding is free again.
            table.set(KEY, { ...table.get(KEY)!, expiresAt: { N: "0" } });
            await run(config("public-bucket"), S38.event);
            assert.deepStrictEqual(calls(m.events).length, 2);
        });

        it("checks the bucket again when Security Hub sends an update of a finding it acted on minutes ago (the owner removed the block again), and still skips a second delivery of that update", async () => {
            dedupTable(m);
            m.s3.on(GetPublicAccessBlockCommand).resolves({});
            await run(config("public-bucket"), S38.event);
            // Ten minutes later Security Hub updates the same finding (same Id, new UpdatedAt), still FAILED / NEW / ACTIVE.
            const updated = JSON.parse(JSON.stringify(S38.event));
            updated.id = "7e1493b9-e457-4ac6-b14d-166839c68476";
            updated.time = "2026-11-20T06:10:06Z";
            updated.detail.findings[0].UpdatedAt = "2026-11-20T06:10:00.000Z";
            updated.detail.findings[0].LastObservedAt = "2026-11-20T06:10:00.000Z";
            await run(config("public-bucket"), updated);
            // EventBridge delivers the update a second time (at-least-once): nothing more.
            const { log } = await run(config("public-bucket"), updated);
            assert.deepStrictEqual(
                [calls(m.s3).map(([c]) => c), posted(m).map((d) => [d.findingId, d.outcome])],
                [
                    ["GetPublicAccessBlockCommand", "PutPublicAccessBlockCommand", "GetPublicAccessBlockCommand", "PutPublicAccessBlockCommand"],
                    [
                        [FINDING, "succeeded"],
                        [FINDING, "succeeded"],
                    ],
                ],
            );
            assert.deepStrictEqual(log.map((l) => l.skipped), [`already handled (${KEY.replace(/#[^#]*$/, "#2026-11-20T06:10:00.000Z")}): a result was posted within the last 60 minutes`]);
        });

        it("makes no call and posts nothing on a second delivery of a finding whose result was posted (the conditional put fails on a done claim)", async () => {
            const done = { findingKey: { S: KEY }, expiresAt: { N: String(NOW_SECONDS + 1800) }, status: { S: "done" } };
            m.dynamodb.on(PutItemCommand).rejects(Object.assign(awsError("ConditionalCheckFailedException", "The conditional request failed"), { Item: done }));
            const { results, log } = await run(config("public-bucket"), S38.event);
            assert.deepStrictEqual([results, calls(m.dynamodb).map(([c]) => c), calls(m.sts), calls(m.s3), calls(m.events)], [[], ["PutItemCommand"], [], [], []]);
            assert.deepStrictEqual(log, [{ playbook: "public-bucket", findingId: FINDING, resource: "prod-uploads", skipped: `already handled (${KEY}): a result was posted within the last 60 minutes` }]);
        });

        it("claims as a running lease until the invocation's deadline and 30 s, acts, posts, then marks the claim done for dedupMinutes, in that order", async () => {
            m.s3.on(GetPublicAccessBlockCommand).resolves({});
            await run(config("public-bucket"), S38.event, { remainingMillis: 42_500 });
            const order = callsInOrder(m.dynamodb, m.sts, m.s3, m.events).map(([c, i]) => (c === "PutItemCommand" ? `${c} ${i.Item.status.S} ${Number(i.Item.expiresAt.N) - NOW_SECONDS}` : c));
            assert.deepStrictEqual(order, ["PutItemCommand running 73", "AssumeRoleCommand", "GetPublicAccessBlockCommand", "PutPublicAccessBlockCommand", "PutEventsCommand", "PutItemCommand done 3600"]);
        });

        it("leases for Lambda's longest timeout (900 s) and 30 s when no Lambda context says what is left", async () => {
            m.s3.on(GetPublicAccessBlockCommand).resolves({});
            await run(config("public-bucket"), S38.event, { remainingMillis: undefined });
            assert.deepStrictEqual(calls(m.dynamodb).map(([, i]) => [i.Item.status.S, Number(i.Item.expiresAt.N) - NOW_SECONDS]), [["running", 930], ["done", 3600]]);
        });

        it("fails the delivery, making no call, when another run holds an unexpired running lease (Lambda retries it; a lease that never clears ends in the dead-letter queue)", async () => {
            const running = { findingKey: { S: KEY }, expiresAt: { N: String(NOW_SECONDS + 75) }, status: { S: "running" } };
            m.dynamodb.on(PutItemCommand).rejects(Object.assign(awsError("ConditionalCheckFailedException", "The conditional request failed"), { Item: running }));
            await assert.rejects(
                run(config("public-bucket"), S38.event),
                (e: Error) =>
                    e.message ===
                    `public-bucket: 1 of 1 finding(s) not handled: prod-uploads (${FINDING}): ${KEY} is claimed by a run in progress until 2026-11-20T10:01:15.000Z (or by one Lambda stopped, whose claim lapses then): this delivery fails so that Lambda retries it`,
            );
            assert.deepStrictEqual([calls(m.sts), calls(m.s3), calls(m.events)], [[], [], []]);
            // A refusal that does not say what holds the claim is treated the same way: never skipped silently.
            m.dynamodb.on(PutItemCommand).rejects(awsError("ConditionalCheckFailedException", "The conditional request failed"));
            await assert.rejects(run(config("public-bucket"), S38.event), (e: Error) => e.message.endsWith(`${KEY} is claimed by a run in progress (or by one Lambda stopped, whose claim lapses then): this delivery fails so that Lambda retries it`));
        });

        it("acts on Lambda's retry of a run killed at its timeout: the killed run's lease has lapsed, not the dedup window (a table that honours the condition)", async () => {
            const table = dedupTable(m);
            const event = sample("GuardDuty Backdoor:EC2/C&CActivity.B (8.0): an instance talking to a command-and-control server").event;
            const key = `compromised-instance#${event.detail.id}#${PROD}#i-0bb22cc33dd44ee55#${event.detail.updatedAt}`;
            // First attempt: EC2 never answers; Lambda stops the invocation (the run is abandoned mid-call).
            m.ec2.on(DescribeInstancesCommand).callsFake(() => new Promise(() => undefined));
            const killed = await Promise.race([run(config("compromised-instance"), event).then(() => "finished"), new Promise<string>((r) => setTimeout(() => r("stopped at the timeout"), 50))]);
            assert.deepStrictEqual([killed, table.get(key)], ["stopped at the timeout", { findingKey: { S: key }, expiresAt: { N: String(NOW_SECONDS + 120) }, status: { S: "running" } }]);
            // A duplicate delivery while the lease holds fails loudly instead of returning.
            await assert.rejects(run(config("compromised-instance"), event), /is claimed by a run in progress until 2026-11-20T10:02:00.000Z/);
            // Lambda's retry a minute or two later: the lease has lapsed (here: aged past it), EC2 answers, the playbook acts and posts.
            table.set(key, { ...table.get(key)!, expiresAt: { N: String(NOW_SECONDS - 1) } });
            m.ec2.on(DescribeInstancesCommand).resolves({
                Reservations: [{ Instances: [{ InstanceId: "i-0bb22cc33dd44ee55", NetworkInterfaces: [{ NetworkInterfaceId: "eni-0bbb2222cccc3333d", VpcId: "vpc-0prodeuw1e5f6a7b8", Groups: [{ GroupId: "sg-0batch" }] }], BlockDeviceMappings: [{ Ebs: { VolumeId: "vol-0batch000000001" } }] }] }],
            });
            m.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-0quarantineeuw1" }] });
            m.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
            m.ec2.on(CreateSnapshotCommand).resolves({ SnapshotId: "snap-1" });
            await run(config("compromised-instance"), event);
            assert.deepStrictEqual([posted(m).map((d) => [d.resource, d.outcome]), table.get(key)], [[["i-0bb22cc33dd44ee55", "succeeded"]], { findingKey: { S: key }, expiresAt: { N: String(NOW_SECONDS + 3600) }, status: { S: "done" } }]);
        });

        it("logs, and still returns the posted result, when the done claim cannot be written (the running lease lapses at the deadline)", async () => {
            m.s3.on(GetPublicAccessBlockCommand).resolves({});
            m.dynamodb.on(PutItemCommand).resolvesOnce({}).rejects(awsError("InternalServerError", "internal"));
            const { results, log } = await run(config("public-bucket"), S38.event);
            assert.deepStrictEqual([results.map((r) => r.outcome), log.filter((l) => "completeFailed" in l)], [["succeeded"], [{ playbook: "public-bucket", key: KEY, completeFailed: "InternalServerError: internal" }]]);
        });

        it("posts failed, touching nothing, when the member role cannot be assumed, and releases the claim", async () => {
            m.sts.on(AssumeRoleCommand).rejects(awsError("AccessDenied", `User: arn:aws:sts::333333333333:assumed-role/acme-lz-playbook-public-bucket/x is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${PROD}:role/acme-lz-response-public-bucket`));
            await run(config("public-bucket"), S38.event);
            assert.deepStrictEqual(calls(m.s3), []);
            const [d] = posted(m);
            assert.deepStrictEqual([d.outcome, d.actions.map((a) => [a.action, a.target, a.status])], ["failed", [["sts:AssumeRole", `arn:aws:iam::${PROD}:role/acme-lz-response-public-bucket`, "failed"]]]);
            assert.deepStrictEqual(calls(m.dynamodb), [calls(m.dynamodb)[0], ["DeleteItemCommand", { TableName: "acme-lz-response-dedup", Key: { findingKey: { S: KEY } } }]]);
        });

        it("throws when the result cannot be posted (Lambda retries, then the dead-letter queue pages) and releases the claim so the retry acts", async () => {
            m.s3.on(GetPublicAccessBlockCommand).resolves({});
            m.events.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: "InternalFailure", ErrorMessage: "try again" }] });
            await assert.rejects(run(config("public-bucket"), S38.event), (e: Error) => e.message === `public-bucket: 1 of 1 finding(s) not handled: prod-uploads (${FINDING}): the central bus refused the succeeded result: InternalFailure: try again`);
            assert.deepStrictEqual(calls(m.dynamodb).map(([c]) => c), ["PutItemCommand", "DeleteItemCommand"]);
        });

        it("throws when the claim itself fails for another reason than an existing claim, acting on nothing", async () => {
            m.dynamodb.on(PutItemCommand).rejects(awsError("ProvisionedThroughputExceededException", "Rate exceeded"));
            await assert.rejects(run(config("public-bucket"), S38.event), (e: Error) => e.message.endsWith(`: could not claim ${KEY} in acme-lz-response-dedup: ProvisionedThroughputExceededException: Rate exceeded`));
            assert.deepStrictEqual([calls(m.sts), calls(m.s3), calls(m.events)], [[], [], []]);
        });

        it("keeps the claim when a failed run's release fails, and logs it (the claim lapses after dedupMinutes)", async () => {
            m.s3.on(GetPublicAccessBlockCommand).rejects(awsError("AccessDenied", "Access Denied"));
            m.dynamodb.on(DeleteItemCommand).rejects(awsError("InternalServerError", "internal"));
            const { log } = await run(config("public-bucket"), S38.event);
            assert.deepStrictEqual(posted(m).map((d) => d.outcome), ["failed"]);
            assert.deepStrictEqual(log.filter((l) => "releaseFailed" in l), [{ playbook: "public-bucket", key: KEY, releaseFailed: "InternalServerError: internal" }]);
        });
    });
});
