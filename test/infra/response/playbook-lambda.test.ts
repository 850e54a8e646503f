import * as assert from "assert";
import * as path from "path";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { CreateSnapshotCommand, DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { bundleHandler, PROJECT_ROOT } from "../../../infra/components/compute/bundle";
import { RESPONSE_CONFIG_VARIABLE } from "../../../infra/config/playbooks";
import { parsePlaybookConfig } from "../../../infra/response/playbook-lambda";
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
        let handler: (event: unknown) => Promise<{ results: { outcome: string; findingId: string; resource: string }[] }>;
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
            try {
                out = await handler(sample("GuardDuty Backdoor:EC2/C&CActivity.B (8.0): an instance talking to a command-and-control server").event);
            } finally {
                console.log = log;
            }
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
