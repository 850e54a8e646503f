import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { QUARANTINE_TAG_KEY } from "../../config/playbooks";
import { failIfAny } from "../validate";

export interface QuarantineGroupsArgs {
    /** Name of every group (`naming.quarantineGroupName`); unique per VPC, as EC2 requires. */
    readonly groupName: string;
    /** VPC ids by region; at least one VPC. */
    readonly vpcs: Readonly<Record<string, readonly string[]>>;
}

const VPC_ID = /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/;

export function resolveQuarantineGroupsArgs(name: string, args: QuarantineGroupsArgs): QuarantineGroupsArgs {
    const problems: string[] = [];
    const all = Object.entries(args.vpcs).flatMap(([region, ids]) => ids.map((id) => ({ region, id })));
    if (all.length === 0) problems.push("vpcs: at least one VPC; create no component when the account lists none");
    for (const { region, id } of all) if (!VPC_ID.test(id)) problems.push(`vpcs.${region}: ${JSON.stringify(id)} is not a VPC id like vpc-0123456789abcdef0`);
    if (!/^[\w .:/()#,@[\]+=&;{}!$*-]{1,255}$/.test(args.groupName) || args.groupName.startsWith("sg-")) problems.push(`groupName: ${JSON.stringify(args.groupName)} is not a security group name (1-255 characters, not starting with sg-)`);
    failIfAny("QuarantineGroups", name, problems);
    return args;
}

/**
 * A quarantine security group in each listed VPC: no inbound and no outbound rule, tagged
 * `lz:quarantine=true` — the compromised-instance playbook finds it by that tag, and its role may
 * attach no group without it. The rule lists are declared empty, so a rule someone adds by hand is
 * removed again by the next `pulumi up` (and the provider drops the allow-all egress rule EC2 adds
 * to every new group; `aws.ec2.SecurityGroup`, "NOTE on Egress rules").
 *
 * A group stops new connections at once; connections EC2 already tracks may continue until they
 * idle out (Amazon EC2 User Guide, "Security group connection tracking"): docs/response.md says so.
 */
export class QuarantineGroups extends pulumi.ComponentResource {
    /** Group id by `<region>/<vpc id>`. */
    public readonly groupIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: QuarantineGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:response:QuarantineGroups", name, {}, opts);
        const a = resolveQuarantineGroupsArgs(name, args);
        const ids: Record<string, pulumi.Output<string>> = {};
        for (const [region, vpcIds] of Object.entries(a.vpcs)) {
            for (const vpcId of vpcIds) {
                const group = new aws.ec2.SecurityGroup(
                    `${name}-${region}-${vpcId}`,
                    {
                        region,
                        vpcId,
                        name: a.groupName,
                        description: "Quarantine: no traffic in or out (landing-zone response playbook, docs/response.md)",
                        ingress: [],
                        egress: [],
                        revokeRulesOnDelete: true,
                        tags: { [QUARANTINE_TAG_KEY]: "true", Name: a.groupName },
                    },
                    { parent: this },
                );
                ids[`${region}/${vpcId}`] = group.id;
            }
        }
        this.groupIds = pulumi.output(ids);
        this.registerOutputs({ groupIds: this.groupIds });
    }
}
