import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson } from "../../iam/types";
import { configAggregatorTrustPolicy } from "../../iam/security-config-aggregator-trust";

export interface ConfigAggregatorArgs {
    /** Physical name of the aggregator. */
    readonly aggregatorName: string;
    /** This account's id: the only account whose Config may assume the role. */
    readonly accountId: string;
    /** AWS Config service principal of the partition. */
    readonly configPrincipal: string;
    /**
     * Physical name of the aggregator's role (the guardrails protect landing-zone roles by name).
     * @default autonamed
     */
    readonly roleName?: string;
    /** ARN of the AWS managed policy `AWSConfigRoleForOrganizations` in the partition. */
    readonly managedPolicyArn: string;
}

export function resolveConfigAggregatorArgs(name: string, args: ConfigAggregatorArgs): ConfigAggregatorArgs {
    if (!/^[\w-]{1,256}$/.test(args.aggregatorName)) {
        throw new Error(`ConfigAggregator ${name}:\n  aggregatorName: ${JSON.stringify(args.aggregatorName)} may contain only letters, digits, _ and -`);
    }
    return args;
}

/** The organisation-wide AWS Config aggregator (all regions, all accounts) and the role it uses. */
export class ConfigAggregator extends pulumi.ComponentResource {
    public readonly aggregatorArn: pulumi.Output<string>;
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: ConfigAggregatorArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:detection:ConfigAggregator", name, {}, opts);
        const a = resolveConfigAggregatorArgs(name, args);
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                name: a.roleName,
                description: "AWS Config reads the organisation's accounts for the organisation aggregator",
                assumeRolePolicy: policyJson(configAggregatorTrustPolicy({ configPrincipal: a.configPrincipal, accountId: a.accountId })),
            },
            { parent: this },
        );
        const attachment = new aws.iam.RolePolicyAttachment(`${name}-role-policy`, { role: role.name, policyArn: a.managedPolicyArn }, { parent: this });
        const aggregator = new aws.cfg.ConfigurationAggregator(
            `${name}-aggregator`,
            { name: a.aggregatorName, organizationAggregationSource: { allRegions: true, roleArn: role.arn } },
            { parent: this, dependsOn: [attachment] },
        );
        this.aggregatorArn = aggregator.arn;
        this.roleArn = role.arn;
        this.registerOutputs({ aggregatorArn: this.aggregatorArn, roleArn: this.roleArn });
    }
}
