import * as assert from "assert";
import * as net from "net";
import * as path from "path";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { CreateSnapshotCommand, DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import { GetAccessKeyLastUsedCommand } from "@aws-sdk/client-iam";
import { GetPublicAccessBlockCommand } from "@aws-sdk/client-s3";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { bundleHandler, PROJECT_ROOT } from "../../../infra/components/compute/bundle";
import { RESPONSE_CONFIG_VARIABLE } from "../../../infra/config/playbooks";
import { MEMBER_REQUEST_TIMEOUTS, memberClients, memberClientsWith, parsePlaybookConfig } from "../../../infra/response/playbook-lambda";
import { loadBundle } from "../../support/bundle";
import { accessKeyOf, calls, regionOf, useAwsMocks } from "./aws-mocks";
import { config, PROD, sample } from "./fixtures";

const ENTRY = path.join(PROJECT_ROOT, "infra", "response", "playbook-lambda.ts");

describe("playbook function configuration (LZ_RESPONSE_CONFIG)", () => {
    it("accepts the configuration the security stack writes, for each playbook and mode", () => {
        for (const c of [config("public-bucket"), config("exposed-key", "dry-run"), config("compromised-instance")]) assert.deepStrictEqual(parsePlaybookConfig(JSON.stringify(c)), c);
    });

    it("lists every problem of a bad configuration in one error naming the variable", () => {
        const bad = { playbook: "delete-everything", mode: "off", partition: "aws-iso", roleName: "", externalId: "x", accounts: ["4444"], dedupTable: "t", dedupMinutes: 0, eventBusArn: "acme-lz-security-events" };
        assert.throws(
            () => parsePlaybookConfig(JSON.stringify(bad)),
            (e: Error) =>
                e.message ===
                `${RESPONSE_CONFIG_VARIABLE}: playbook: one of public-bucket, exposed-key, compromised-instance; mode: "dry-run" or "enforce" (a playbook "off" has no function); partition: one of aws, aws-us-gov, aws-cn; ` +
                    "roleName: an IAM role name; externalId: an STS external id (2 to 1224 characters); accounts: a non-empty list of 12-digit account ids; dedupTable: a DynamoDB table name; " +
                    "dedupMinutes: a whole number of at least 1; eventBusArn: the ARN of the central event bus; tagKey: the quarantine tag key",
        );
        assert.throws(() => parsePlaybookConfig(undefined), /^Error: LZ_RESPONSE_CONFIG is not set$/);
        assert.throws(() => parsePlaybookConfig("{"), /^Error: LZ_RESPONSE_CONFIG is not JSON: /);
        assert.throws(() => parsePlaybookConfig("[]"), /^Error: LZ_RESPONSE_CONFIG is not a JSON object$/);
    });
});

describe("playbook function bundle", () => {
    it("bundles the entry with esbuild, without Pulumi: only the response handlers and the playbooks' contract", () => {
        const bundle = bundleHandler(ENTRY, { cached: false });
        assert.deepStrictEqual(bundle.sources, [
            "infra/config/json-variable.ts",
            "infra/config/playbooks.ts",
            "infra/response/action-log.ts",
            "infra/response/compromised-instance.ts",
            "infra/response/exposed-key.ts",
            "infra/response/finding-requests.ts",
            "infra/response/playbook-config.ts",
            "infra/response/playbook-lambda.ts",
            "infra/response/playbook-request.ts",
            "infra/response/playbook-triggers.ts",
            "infra/response/public-bucket.ts",
            "infra/response/run-playbook.ts",
        ]);
        assert.ok(!bundle.code.includes("@pulumi/"), "the bundle pulls in Pulumi");
        for (const sdk of ["client-sts", "client-dynamodb", "client-eventbridge", "client-ec2", "client-iam", "client-s3"]) assert.ok(bundle.code.includes(`require("@aws-sdk/${sdk}")`), `${sdk} is not left to the runtime`);
    });

    describe("the bundled handler, run end to end on a fixture with the SDK clients mocked", () => {
        const m = useAwsMocks();
        let handler: (event: unknown, context?: { getRemainingTimeInMillis: () => number }) => Promise<{ results: { outcome: string; findingId: string; resource: string }[] }>;
        const saved: Record<string, string | undefined> = {};
        before(() => {
            handler = loadBundle(bundleHandler(ENTRY).code, "playbook").handler as typeof handler;
            for (const k of [RESPONSE_CONFIG_VARIABLE, "AWS_REGION"]) saved[k] = process.env[k];
            process.env[RESPONSE_CONFIG_VARIABLE] = JSON.stringify({ ...config("compromised-instance"), eventBusArn: "arn:aws:events:eu-central-1:333333333333:event-bus/acme-lz-security-events" });
            process.env.AWS_REGION = "us-east-1";
        });
        after(() => {
            for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        });

        it("isolates the instance of a GuardDuty finding: STS in the function's region, EC2 in the finding's with the role's credentials, the result on the bus in its region", async () => {
            m.sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: "ASIABUNDLEDSESSION01", SecretAccessKey: "s", SessionToken: "t", Expiration: new Date("2026-11-20T11:00:00Z") } });
            m.dynamodb.on(PutItemCommand).resolves({});
            m.ec2.on(DescribeInstancesCommand).resolves({
                Reservations: [{ Instances: [{ InstanceId: "i-0bb22cc33dd44ee55", NetworkInterfaces: [{ NetworkInterfaceId: "eni-0bbb2222cccc3333d", VpcId: "vpc-0prodeuw1e5f6a7b8", Groups: [{ GroupId: "sg-0batch" }] }], BlockDeviceMappings: [{ Ebs: { VolumeId: "vol-0batch000000001" } }] }] }],
            });
            m.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-0quarantineeuw1" }] });
            m.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
            m.ec2.on(CreateSnapshotCommand).resolves({ SnapshotId: "snap-1" });
            const log = console.log;
            const lines: string[] = [];
            console.log = (line: string) => lines.push(line);
            let out: Awaited<ReturnType<typeof handler>>;
            const before = Math.floor(Date.now() / 1000);
            try {
                out = await handler(sample("GuardDuty Backdoor:EC2/C&CActivity.B (8.0): an instance talking to a command-and-control server").event, { getRemainingTimeInMillis: () => 61_000 });
            } finally {
                console.log = log;
            }
            const after = Math.floor(Date.now() / 1000);
            // The claim is a lease until the invocation's deadline (what the Lambda context says is left) and 30 s, then done for an hour.
            const claims = calls(m.dynamodb).map(([, i]) => [i.Item.status.S, Number(i.Item.expiresAt.N)] as const);
            assert.deepStrictEqual(claims.map(([status]) => status), ["running", "done"]);
            assert.ok(claims[0][1] >= before + 91 && claims[0][1] <= after + 91, `lease ${claims[0][1] - before} s`);
            assert.ok(claims[1][1] >= before + 3600 && claims[1][1] <= after + 3600, `done ${claims[1][1] - before} s`);
            assert.deepStrictEqual(out, { results: [{ outcome: "succeeded", findingId: "a1b9f6d7c8e95af0a1b2c3d4e5f6a7b8", resource: "i-0bb22cc33dd44ee55" }] });
            assert.deepStrictEqual(calls(m.ec2).map(([c]) => c), [
                "DescribeInstancesCommand",
                "DescribeSecurityGroupsCommand",
                "ModifyNetworkInterfaceAttributeCommand",
                "DescribeSnapshotsCommand",
                "CreateSnapshotCommand",
                "CreateTagsCommand",
            ]);
            assert.deepStrictEqual(
                await Promise.all([regionOf(m.sts, 0), regionOf(m.dynamodb, 0), regionOf(m.ec2, 0), regionOf(m.events, 0)]),
                ["us-east-1", "us-east-1", "eu-west-1", "eu-central-1"],
            );
            assert.strictEqual(await accessKeyOf(m.ec2, 0), "ASIABUNDLEDSESSION01");
            assert.deepStrictEqual(calls(m.sts)[0][1].RoleArn, `arn:aws:iam::${PROD}:role/acme-lz-response-compromised-instance`);
            assert.deepStrictEqual(JSON.parse(lines[lines.length - 1]).result.outcome, "succeeded");
        });
    });
});

describe("member-account clients of the playbook function", () => {
    const credentials = { accessKeyId: "ASIAROLESESSION00001", secretAccessKey: "s", sessionToken: "t" };
    const handlerConfig = async (client: { config: { requestHandler: unknown } }) => {
        const h = client.config.requestHandler as { configProvider: Promise<Record<string, unknown>> };
        const c = await h.configProvider;
        return { connectionTimeout: c.connectionTimeout, requestTimeout: c.requestTimeout, throwOnRequestTimeout: c.throwOnRequestTimeout, socketTimeout: c.socketTimeout };
    };

    it("gives every member client (S3, IAM, EC2) a 3 s connection and a 10 s request limit that fails the call", async () => {
        const c = memberClients(credentials, "eu-west-1");
        const expected = { connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true, socketTimeout: 10_000 };
        assert.deepStrictEqual(await Promise.all([handlerConfig(c.s3), handlerConfig(c.iam), handlerConfig(c.ec2)]), [expected, expected, expected]);
        // Three attempts (the SDK's standard retries) of a call that never answers end well within the function's 120 s.
        assert.ok(3 * (MEMBER_REQUEST_TIMEOUTS.connectionTimeout + MEMBER_REQUEST_TIMEOUTS.requestTimeout) <= 120_000 / 2);
    });

    describe("against an endpoint that accepts connections and never answers", () => {
        let server: net.Server;
        const sockets: net.Socket[] = [];
        const saved: Record<string, string | undefined> = {};
        const ENDPOINTS = ["AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_S3"];
        before(async () => {
            server = net.createServer((s) => void sockets.push(s));
            await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
            const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
            for (const k of ENDPOINTS) {
                saved[k] = process.env[k];
                process.env[k] = url;
            }
        });
        after(() => {
            for (const s of sockets) s.destroy();
            server.close();
            for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        });

        it("fails a hung call as a TimeoutError after the SDK's attempts instead of waiting for Lambda to stop the run (the same options, shortened)", async function () {
            this.timeout(10_000);
            const c = memberClientsWith({ ...MEMBER_REQUEST_TIMEOUTS, connectionTimeout: 200, requestTimeout: 300, socketTimeout: 300 })(credentials, "eu-west-1");
            const started = Date.now();
            const errors = await Promise.all(
                [c.ec2.send(new DescribeInstancesCommand({ InstanceIds: ["i-0bb22cc33dd44ee55"] })), c.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: "AKIA2PRODEXAMPLE0042" })), c.s3.send(new GetPublicAccessBlockCommand({ Bucket: "prod-uploads" }))].map((p) =>
                    p.then(
                        () => "answered",
                        (e: Error) => e.name,
                    ),
                ),
            );
            assert.deepStrictEqual(errors, ["TimeoutError", "TimeoutError", "TimeoutError"]);
            assert.ok(Date.now() - started < 8_000, `${Date.now() - started} ms`);
        });
    });
});
