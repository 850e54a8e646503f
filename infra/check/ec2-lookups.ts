/**
 * Offline answers to the EC2 lookups ordinary programs make: machine images and the default VPC.
 *
 * Each answer is deterministic (the same arguments give the same ids) and shaped like the provider's,
 * and is given only where the value does not depend on what the account holds: an AMI found by
 * owner and name pattern, the default VPC and its default subnets (AWS creates them the same way in
 * every account: 172.31.0.0/16 with one /20 per availability zone, Amazon VPC User Guide, "Default
 * VPCs"). A lookup of the account's own things (a VPC by tag, a security group) is left unanswered:
 * it becomes unknown.
 */
import { hex } from "../engine/mock-values";

type Args = Record<string, unknown>;
export interface LookupContext {
    readonly account: string;
    readonly region: string;
    readonly partition: string;
}

/** A stand-in 12-digit account for an owner alias (`amazon`, `aws-marketplace`): stable, not AWS's real one. */
function aliasAccount(alias: string): string {
    return String(100000000000 + (parseInt(hex(`ami-owner|${alias}`, 10), 16) % 899999999999));
}

export const AZ_SUFFIXES = ["a", "b", "c"];

/** Availability-zone ids as AWS names them (`use1-az1`): region initials, zone number. */
export function zoneIds(region: string): string[] {
    const [area, direction, number] = region.split("-");
    return AZ_SUFFIXES.map((_, i) => `${area}${(direction ?? "x")[0]}${number ?? "1"}-az${i + 1}`);
}

function filterValues(args: Args, name: string): string[] {
    const filters = (args.filters ?? []) as { name?: string; values?: string[] }[];
    return filters.filter((f) => f.name === name).flatMap((f) => f.values ?? []);
}

/** `aws.ec2.getAmi`: a stable image id for the arguments, named after the name pattern asked for. */
export function amiLookup(args: Args, ctx: LookupContext): Record<string, unknown> {
    const owners = ((args.owners ?? []) as string[]).filter(Boolean);
    const alias = owners.find((o) => !/^\d{12}$/.test(o) && o !== "self") ?? (owners.length ? "" : "amazon");
    const ownerId = owners.find((o) => /^\d{12}$/.test(o)) ?? (owners.includes("self") ? ctx.account : aliasAccount(alias));
    const namePattern = filterValues(args, "name")[0] ?? (args.nameRegex as string | undefined) ?? "image";
    const name = namePattern.replace(/[*?]/g, "20250101").replace(/[\^$\\[\]()+|]/g, "");
    const architecture = filterValues(args, "architecture")[0] ?? (name.includes("arm64") ? "arm64" : "x86_64");
    const id = `ami-0${hex(`${ctx.region}|${JSON.stringify(args)}`, 16)}`;
    return {
        id,
        imageId: id,
        arn: `arn:${ctx.partition}:ec2:${ctx.region}::image/${id}`,
        architecture,
        name,
        description: name,
        ownerId,
        imageOwnerAlias: alias,
        imageLocation: `${alias || ownerId}/${name}`,
        imageType: "machine",
        creationDate: "2025-01-01T00:00:00.000Z",
        deprecationTime: "2027-01-01T00:00:00.000Z",
        state: "available",
        public: ownerId !== ctx.account,
        platformDetails: "Linux/UNIX",
        usageOperation: "RunInstances",
        rootDeviceName: "/dev/xvda",
        rootDeviceType: "ebs",
        rootSnapshotId: `snap-0${hex(`${id}|snap`, 16)}`,
        virtualizationType: "hvm",
        hypervisor: "xen",
        enaSupport: true,
        sriovNetSupport: "simple",
        bootMode: "",
        imdsSupport: "v2.0",
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { delete_on_termination: "true", encrypted: "false", snapshot_id: `snap-0${hex(`${id}|snap`, 16)}`, volume_size: "8", volume_type: "gp3" }, noDevice: "", virtualName: "" }],
        productCodes: [],
        stateReason: { code: "UNSET", message: "UNSET" },
        tags: {},
        mostRecent: args.mostRecent ?? false,
        owners,
        filters: args.filters ?? [],
    };
}

/** The default VPC's id in an account and region (deterministic). */
export function defaultVpcId(ctx: LookupContext): string {
    return `vpc-0${hex(`default-vpc|${ctx.account}|${ctx.region}`, 16)}`;
}

function defaultSubnetIds(ctx: LookupContext): string[] {
    return AZ_SUFFIXES.map((s) => `subnet-0${hex(`default-subnet|${ctx.account}|${ctx.region}${s}`, 16)}`);
}

/** `aws.ec2.getVpc({ default: true })`; any other VPC is the account's own: unanswered. */
export function vpcLookup(args: Args, ctx: LookupContext): Record<string, unknown> | undefined {
    if (args.default !== true) return undefined;
    const id = defaultVpcId(ctx);
    return {
        id,
        arn: `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.account}:vpc/${id}`,
        cidrBlock: "172.31.0.0/16",
        cidrBlockAssociations: [{ associationId: `vpc-cidr-assoc-0${hex(id, 16)}`, cidrBlock: "172.31.0.0/16", state: "associated" }],
        default: true,
        dhcpOptionsId: `dopt-0${hex(`${id}|dhcp`, 16)}`,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        enableNetworkAddressUsageMetrics: false,
        instanceTenancy: "default",
        ipv6AssociationId: "",
        ipv6CidrBlock: "",
        mainRouteTableId: `rtb-0${hex(`${id}|rtb`, 16)}`,
        ownerId: ctx.account,
        state: "available",
        tags: {},
    };
}

/**
 * `aws.ec2.getSubnets` / `getSubnetIds` of the default VPC (filtered by its id, or `default-for-az`):
 * one default subnet per availability zone. Subnets of any other VPC are unanswered.
 */
export function subnetsLookup(args: Args, ctx: LookupContext): Record<string, unknown> | undefined {
    const vpc = defaultVpcId(ctx);
    const vpcIds = [...filterValues(args, "vpc-id"), ...(typeof args.vpcId === "string" ? [args.vpcId] : [])];
    const defaultForAz = filterValues(args, "default-for-az").includes("true");
    if (!(vpcIds.length > 0 && vpcIds.every((v) => v === vpc)) && !defaultForAz) return undefined;
    const ids = defaultSubnetIds(ctx);
    return { id: ctx.region, ids, filters: args.filters ?? [], tags: args.tags ?? {}, ...(args.vpcId ? { vpcId: args.vpcId } : {}) };
}
