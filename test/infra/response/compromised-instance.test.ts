import * as assert from "assert";
import { CreateSnapshotCommand, DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeSnapshotsCommand, ModifyNetworkInterfaceAttributeCommand, type Instance } from "@aws-sdk/client-ec2";
import { awsError, calls, useAwsMocks } from "./aws-mocks";
import { config, PROD, sample } from "./fixtures";
import { firstDelivery, itSendsOnlyAllowedActions, memberCalls, posted, ROLE_KEY, run } from "./harness";

const MINER = sample("GuardDuty CryptoCurrency:EC2/BitcoinTool.B!DNS (8.0) on a workload-prod instance with two interfaces");
const FINDING = "f0a8e5c6b7d849e0f1a2b3c4d5e6f7a8";
const VPC = "vpc-0produsw2a1b2c3d4";
const QUARANTINE = "sg-0quarantine000001";
const TAGS = [
    { Key: "lz:quarantine", Value: "true" },
    { Key: "lz:response-finding", Value: FINDING },
];

function instance(o: Partial<Instance> = {}): Instance {
    return {
        InstanceId: "i-0aa11bb22cc33dd44",
        State: { Name: "running" },
        NetworkInterfaces: [
            { NetworkInterfaceId: "eni-0aaa1111bbbb2222c", VpcId: VPC, Groups: [{ GroupId: "sg-0123456789abcdef0", GroupName: "web" }] },
            { NetworkInterfaceId: "eni-0ddd3333eeee4444f", VpcId: VPC, Groups: [{ GroupId: "sg-0123456789abcdef0", GroupName: "web" }, { GroupId: "sg-0fedcba9876543210", GroupName: "admin" }] },
        ],
        BlockDeviceMappings: [
            { DeviceName: "/dev/xvda", Ebs: { VolumeId: "vol-0root000000000001", Status: "attached" } },
            { DeviceName: "/dev/xvdf", Ebs: { VolumeId: "vol-0data000000000002", Status: "attached" } },
        ],
        Tags: [{ Key: "Name", Value: "web-1" }],
        ...o,
    };
}

describe("compromised-instance playbook (enforce)", () => {
    const m = useAwsMocks();
    beforeEach(() => {
        firstDelivery(m);
        m.ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [instance()] }] });
        m.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: QUARANTINE, GroupName: "acme-lz-quarantine", VpcId: VPC }] });
        m.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
        m.ec2.on(CreateSnapshotCommand).resolves({ SnapshotId: "snap-0new" });
    });

    it("isolates every interface in its VPC's quarantine group, then snapshots every volume, then tags the instance, in the finding's region", async () => {
        const { member } = await run(config("compromised-instance"), MINER.event);
        assert.deepStrictEqual(member, [{ region: "us-west-2", accessKeyId: ROLE_KEY }]);
        const snapshots = (volume: string) => ["DescribeSnapshotsCommand", { OwnerIds: ["self"], Filters: [{ Name: "tag:lz:response-finding", Values: [FINDING] }, { Name: "volume-id", Values: [volume] }] }];
        const create = (volume: string) => [
            "CreateSnapshotCommand",
            { VolumeId: volume, Description: `Evidence of i-0aa11bb22cc33dd44: CryptoCurrency:EC2/BitcoinTool.B!DNS (aws.guardduty finding ${FINDING})`, TagSpecifications: [{ ResourceType: "snapshot", Tags: TAGS }] },
        ];
        assert.deepStrictEqual(memberCalls(m, "ec2"), [
            ["DescribeInstancesCommand", { InstanceIds: ["i-0aa11bb22cc33dd44"] }],
            ["DescribeSecurityGroupsCommand", { Filters: [{ Name: "vpc-id", Values: [VPC] }, { Name: "tag:lz:quarantine", Values: ["true"] }] }],
            ["ModifyNetworkInterfaceAttributeCommand", { NetworkInterfaceId: "eni-0aaa1111bbbb2222c", Groups: [QUARANTINE] }],
            ["ModifyNetworkInterfaceAttributeCommand", { NetworkInterfaceId: "eni-0ddd3333eeee4444f", Groups: [QUARANTINE] }],
            snapshots("vol-0root000000000001"),
            create("vol-0root000000000001"),
            snapshots("vol-0data000000000002"),
            create("vol-0data000000000002"),
            ["CreateTagsCommand", { Resources: ["i-0aa11bb22cc33dd44"], Tags: TAGS }],
        ]);
        assert.deepStrictEqual(posted(m), [
            {
                playbook: "compromised-instance",
                mode: "enforce",
                outcome: "succeeded",
                findingId: FINDING,
                findingSource: "aws.guardduty",
                account: PROD,
                region: "us-west-2",
                resource: "i-0aa11bb22cc33dd44",
                actions: [
                    { action: "ec2:ModifyNetworkInterfaceAttribute", target: "eni-0aaa1111bbbb2222c", status: "done" },
                    { action: "ec2:ModifyNetworkInterfaceAttribute", target: "eni-0ddd3333eeee4444f", status: "done" },
                    { action: "ec2:CreateSnapshot", target: "vol-0root000000000001", status: "done" },
                    { action: "ec2:CreateSnapshot", target: "vol-0data000000000002", status: "done" },
                    { action: "ec2:CreateTags", target: "i-0aa11bb22cc33dd44", status: "done" },
                ],
                summary: `Isolated instance i-0aa11bb22cc33dd44 (account ${PROD}, us-west-2) (CryptoCurrency:EC2/BitcoinTool.B!DNS, severity 8): 2 interface(s) moved to the quarantine group, 2 volume snapshot(s) started; not stopped or terminated.`,
            },
        ]);
        assert.deepStrictEqual(calls(m.events)[0][1].Entries[0].Resources, [`arn:aws:ec2:us-west-2:${PROD}:instance/i-0aa11bb22cc33dd44`]);
    });

    it("skips what is already done: an interface already alone in the quarantine group, a volume already snapshotted for this finding, the tags already there", async () => {
        const done = instance({
            NetworkInterfaces: [{ NetworkInterfaceId: "eni-0aaa1111bbbb2222c", VpcId: VPC, Groups: [{ GroupId: QUARANTINE }] }],
            BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeId: "vol-0root000000000001" } }],
            Tags: [{ Key: "Name", Value: "web-1" }, ...TAGS],
        });
        m.ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [done] }] });
        m.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [{ SnapshotId: "snap-0earlier", VolumeId: "vol-0root000000000001" }] });
        await run(config("compromised-instance"), MINER.event);
        assert.deepStrictEqual(memberCalls(m, "ec2").map(([c]) => c), ["DescribeInstancesCommand", "DescribeSecurityGroupsCommand", "DescribeSnapshotsCommand"]);
        assert.deepStrictEqual(posted(m).map((d) => [d.outcome, d.actions.map((a) => `${a.action} ${a.target} ${a.status}`)]), [
            ["no-change", ["ec2:ModifyNetworkInterfaceAttribute eni-0aaa1111bbbb2222c skipped", "ec2:CreateSnapshot vol-0root000000000001 skipped", "ec2:CreateTags i-0aa11bb22cc33dd44 skipped"]],
        ]);
    });

    it("fails when the VPC has no quarantine group, naming the VPC and the fix, still snapshots, and neither tags nor stops the instance", async () => {
        m.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
        await run(config("compromised-instance"), MINER.event);
        assert.deepStrictEqual(memberCalls(m, "ec2").map(([c]) => c), [
            "DescribeInstancesCommand",
            "DescribeSecurityGroupsCommand",
            "DescribeSnapshotsCommand",
            "CreateSnapshotCommand",
            "DescribeSnapshotsCommand",
            "CreateSnapshotCommand",
        ]);
        const [d] = posted(m);
        assert.deepStrictEqual([d.outcome, d.actions.filter((a) => a.status === "failed")], [
            "failed",
            [
                { action: "ec2:ModifyNetworkInterfaceAttribute", target: "eni-0aaa1111bbbb2222c", status: "failed", error: `no single quarantine security group in ${VPC}` },
                { action: "ec2:ModifyNetworkInterfaceAttribute", target: "eni-0ddd3333eeee4444f", status: "failed", error: `no single quarantine security group in ${VPC}` },
            ],
        ]);
        assert.strictEqual(
            d.summary,
            `Could not isolate instance i-0aa11bb22cc33dd44 (account ${PROD}, us-west-2): ${VPC} (no security groups tagged lz:quarantine=true). ` +
                `List the VPC under lz:member.response.quarantineVpcs in account ${PROD}'s stack file and deploy, then let the playbook run again or isolate by hand; its volumes were snapshotted, it was neither tagged nor stopped.`,
        );
        assert.deepStrictEqual(calls(m.dynamodb).map(([c]) => c), ["PutItemCommand", "DeleteItemCommand"]);
    });

    it("refuses to choose between two groups tagged as quarantine in one VPC", async () => {
        m.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: QUARANTINE }, { GroupId: "sg-0open" }] });
        await run(config("compromised-instance"), MINER.event);
        assert.deepStrictEqual(memberCalls(m, "ec2").filter(([c]) => c === "ModifyNetworkInterfaceAttributeCommand"), []);
        assert.match(posted(m)[0].summary, /vpc-0produsw2a1b2c3d4 \(2 security groups tagged lz:quarantine=true\)/);
    });

    it("stops at the failing call, reports what was done before it, and releases the claim", async () => {
        m.ec2.on(ModifyNetworkInterfaceAttributeCommand, { NetworkInterfaceId: "eni-0ddd3333eeee4444f" }).rejects(awsError("UnauthorizedOperation", "You are not authorized to perform this operation."));
        await run(config("compromised-instance"), MINER.event);
        assert.deepStrictEqual(memberCalls(m, "ec2").map(([c]) => c), ["DescribeInstancesCommand", "DescribeSecurityGroupsCommand", "ModifyNetworkInterfaceAttributeCommand", "ModifyNetworkInterfaceAttributeCommand"]);
        const [d] = posted(m);
        assert.deepStrictEqual([d.outcome, d.actions], [
            "failed",
            [
                { action: "ec2:ModifyNetworkInterfaceAttribute", target: "eni-0aaa1111bbbb2222c", status: "done" },
                { action: "ec2:ModifyNetworkInterfaceAttribute", target: "eni-0ddd3333eeee4444f", status: "failed", error: "UnauthorizedOperation: You are not authorized to perform this operation." },
            ],
        ]);
        assert.strictEqual(d.summary, `ec2:ModifyNetworkInterfaceAttribute on eni-0ddd3333eeee4444f (${PROD}, us-west-2) failed: UnauthorizedOperation: You are not authorized to perform this operation. The finding is released for a later delivery to retry; check the actions done so far.`);
        assert.deepStrictEqual(calls(m.dynamodb).map(([c]) => c), ["PutItemCommand", "DeleteItemCommand"]);
    });

    it("never stops, terminates or changes the instance's own attributes", () => {
        const forbidden = ["StopInstancesCommand", "TerminateInstancesCommand", "ModifyInstanceAttributeCommand", "DeleteSnapshotCommand"];
        assert.deepStrictEqual([...m.observed].filter((o) => forbidden.includes(o.split(" ")[1])), []);
    });

    itSendsOnlyAllowedActions("compromised-instance", m, ["ec2:CreateSnapshot", "ec2:CreateTags", "ec2:DescribeInstances", "ec2:DescribeSecurityGroups", "ec2:DescribeSnapshots", "ec2:ModifyNetworkInterfaceAttribute"]);
});
