/**
 * The compromised-instance playbook, through the member account's response role, in the
 * instance's region: isolate first (every network interface gets only the quarantine security
 * group of its VPC), then preserve evidence (a snapshot of every EBS volume), then tag the
 * instance. It never stops or terminates the instance: memory and running processes are evidence
 * too, and a person decides what happens to the workload.
 *
 * Interfaces are changed one by one with ModifyNetworkInterfaceAttribute, not with
 * ModifyInstanceAttribute, which refuses an instance with several interfaces (EC2 API Reference,
 * ModifyInstanceAttribute `Groups`: "...if the instance has more than one network interface, use
 * ModifyNetworkInterfaceAttribute"). Re-running it is harmless: what is already right is skipped.
 */
import {
    CreateSnapshotCommand,
    CreateTagsCommand,
    DescribeInstancesCommand,
    DescribeSecurityGroupsCommand,
    DescribeSnapshotsCommand,
    ModifyNetworkInterfaceAttributeCommand,
    type EC2Client,
    type Tag,
} from "@aws-sdk/client-ec2";
import { FINDING_TAG_KEY } from "../config/playbooks";
import { ActionLog } from "./action-log";
import type { CompromisedInstanceRequest } from "./playbook-request";
import type { PlaybookPlan, PlaybookResult } from "./playbook-result";

const A = {
    instances: "ec2:DescribeInstances",
    groups: "ec2:DescribeSecurityGroups",
    snapshots: "ec2:DescribeSnapshots",
    isolate: "ec2:ModifyNetworkInterfaceAttribute",
    snapshot: "ec2:CreateSnapshot",
    tag: "ec2:CreateTags",
} as const;

/** The two tags the playbook writes on the instance and its snapshots. */
export function quarantineTags(tagKey: string, findingId: string): Tag[] {
    return [
        { Key: tagKey, Value: "true" },
        { Key: FINDING_TAG_KEY, Value: findingId },
    ];
}

/** What an enforcing run would do, from the finding alone (the volumes are known only by asking EC2). */
export function planCompromisedInstance(r: CompromisedInstanceRequest): PlaybookPlan {
    return {
        actionable: true,
        actions: [
            ...r.networkInterfaces.map((eni) => ({ action: A.isolate, target: eni, status: "planned" as const })),
            { action: A.snapshot, target: `${r.instanceId} (each EBS volume)`, status: "planned" },
            { action: A.tag, target: r.instanceId, status: "planned" },
        ],
        summary: `Would isolate instance ${r.instanceId} (account ${r.finding.account}, ${r.finding.region}) in its VPC's quarantine security group, snapshot its EBS volumes and tag it (${r.findingType}, severity ${r.severity}); never stops or terminates it.`,
    };
}

export async function runCompromisedInstance(r: CompromisedInstanceRequest, ec2: EC2Client, tagKey: string): Promise<PlaybookResult> {
    const log = new ActionLog();
    const id = r.instanceId;
    const tags = quarantineTags(tagKey, r.finding.id);
    const instance = await log.read(A.instances, id, async () => {
        const found = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations?.flatMap((res) => res.Instances ?? []).find((i) => i.InstanceId === id);
        if (found === undefined) throw new Error(`EC2 returned no instance ${id}`);
        return found;
    });

    // 1. Isolate: each interface gets its VPC's quarantine group, and only that.
    const interfaces = (instance.NetworkInterfaces ?? []).map((n) => ({ id: n.NetworkInterfaceId!, vpc: n.VpcId!, groups: (n.Groups ?? []).map((g) => g.GroupId) }));
    const quarantine = new Map<string, string | undefined>();
    const missing: string[] = [];
    for (const vpc of [...new Set(interfaces.map((n) => n.vpc))]) {
        const groups = await log.read(A.groups, vpc, async () =>
            (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpc] }, { Name: `tag:${tagKey}`, Values: ["true"] }] }))).SecurityGroups ?? [],
        );
        // One group per VPC, as the member baseline creates it; several tagged groups are not ours to choose between.
        quarantine.set(vpc, groups.length === 1 ? groups[0].GroupId : undefined);
        if (groups.length !== 1) missing.push(`${vpc} (${groups.length === 0 ? "no" : groups.length} security group${groups.length === 1 ? "" : "s"} tagged ${tagKey}=true)`);
    }
    for (const n of interfaces) {
        const group = quarantine.get(n.vpc);
        if (group === undefined) log.fail(A.isolate, n.id, `no single quarantine security group in ${n.vpc}`);
        else if (n.groups.length === 1 && n.groups[0] === group) log.skip(A.isolate, n.id);
        else await log.change(A.isolate, n.id, () => ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: n.id, Groups: [group] })));
    }

    // 2. Preserve: a snapshot of every EBS volume, once per finding.
    const volumes = (instance.BlockDeviceMappings ?? []).map((b) => b.Ebs?.VolumeId).filter((v): v is string => v !== undefined);
    for (const volume of volumes) {
        const taken = await log.read(A.snapshots, volume, async () =>
            (
                await ec2.send(
                    new DescribeSnapshotsCommand({
                        OwnerIds: ["self"],
                        Filters: [
                            { Name: `tag:${FINDING_TAG_KEY}`, Values: [r.finding.id] },
                            { Name: "volume-id", Values: [volume] },
                        ],
                    }),
                )
            ).Snapshots ?? [],
        );
        if (taken.length > 0) log.skip(A.snapshot, volume);
        else
            await log.change(A.snapshot, volume, () =>
                ec2.send(new CreateSnapshotCommand({ VolumeId: volume, Description: `Evidence of ${id}: ${r.findingType} (${r.finding.source} finding ${r.finding.id})`.slice(0, 255), TagSpecifications: [{ ResourceType: "snapshot", Tags: tags }] })),
            );
    }

    const where = `instance ${id} (account ${r.finding.account}, ${r.finding.region})`;
    if (missing.length > 0) {
        // Not tagged: `lz:quarantine=true` on an instance says it is isolated.
        return {
            outcome: "failed",
            actions: log.actions,
            summary:
                `Could not isolate ${where}: ${missing.join("; ")}. List the VPC under lz:member.response.quarantineVpcs in account ${r.finding.account}'s stack file and deploy, then let the playbook run again or isolate by hand; ` +
                `its volumes were snapshotted, it was neither tagged nor stopped.`,
        };
    }

    // 3. Mark the instance, unless it already carries both tags.
    const current = new Map((instance.Tags ?? []).map((t) => [t.Key, t.Value]));
    if (tags.every((t) => current.get(t.Key) === t.Value)) log.skip(A.tag, id);
    else await log.change(A.tag, id, () => ec2.send(new CreateTagsCommand({ Resources: [id], Tags: tags })));

    const outcome = log.outcome();
    const done = log.actions.filter((a) => a.status === "done");
    return {
        outcome,
        actions: log.actions,
        summary:
            outcome === "no-change"
                ? `${where[0].toUpperCase()}${where.slice(1)} was already isolated, snapshotted and tagged for this finding: nothing changed.`
                : `Isolated ${where} (${r.findingType}, severity ${r.severity}): ${done.filter((a) => a.action === A.isolate).length} interface(s) moved to the quarantine group, ${done.filter((a) => a.action === A.snapshot).length} volume snapshot(s) started; not stopped or terminated.`,
    };
}
