import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny } from "../validate";

export interface SecurityHubCentralArgs {
    /** Home region: the aggregation region where central configuration is managed. */
    readonly homeRegion: string;
    /** The other enabled regions, linked to the home region. */
    readonly linkedRegions: readonly string[];
    /** This (delegated administrator) account: the hub AWS enabled on designation is adopted by its id. */
    readonly accountId: string;
    /** Standard ARNs the configuration policy enables, e.g. `arn:aws:securityhub:us-east-1::standards/…`. */
    readonly standardArns: readonly string[];
    /** Where the configuration policy applies: the organisation root id (`r-…`) or an OU id. */
    readonly targetId: pulumi.Input<string>;
    /**
     * Name of the configuration policy.
     * @default "landing-zone"
     */
    readonly policyName?: string;
    /**
     * Adopt the hub that designating the delegated administrator enabled in the home region (`import`).
     * @default true
     */
    readonly adoptHub?: boolean;
}

export type ResolvedSecurityHubCentralArgs = Required<SecurityHubCentralArgs>;

export function resolveSecurityHubCentralArgs(name: string, args: SecurityHubCentralArgs): ResolvedSecurityHubCentralArgs {
    const problems: string[] = [];
    if (args.linkedRegions.includes(args.homeRegion)) problems.push(`linkedRegions: must not contain the home region ${args.homeRegion}`);
    if (args.standardArns.length === 0) problems.push("standardArns: at least one standard is required");
    for (const s of args.standardArns) {
        if (!/^arn:[a-z-]+:securityhub:[a-z0-9-]*::(standards|ruleset)\//.test(s)) problems.push(`standardArns: ${JSON.stringify(s)} is not a Security Hub standard ARN`);
    }
    failIfAny("SecurityHubCentral", name, problems);
    return { policyName: "landing-zone", adoptHub: true, ...args };
}

/**
 * Security Hub central configuration from the delegated administrator: the hub in the home region,
 * a finding aggregator linking the other regions, the organisation switched to CENTRAL
 * configuration, and one configuration policy (standards) associated with the root so every
 * account in every linked region gets it, new accounts included.
 */
export class SecurityHubCentral extends pulumi.ComponentResource {
    public readonly aggregatorArn: pulumi.Output<string>;
    public readonly policyId: pulumi.Output<string>;

    constructor(name: string, args: SecurityHubCentralArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:detection:SecurityHubCentral", name, {}, opts);
        const a = resolveSecurityHubCentralArgs(name, args);
        const region = a.homeRegion;
        const hub = new aws.securityhub.Account(
            `${name}-hub`,
            // Standards come from the configuration policy, not from account defaults.
            { region, enableDefaultStandards: false, controlFindingGenerator: "SECURITY_CONTROL", autoEnableControls: true },
            { parent: this, ...(a.adoptHub ? { import: a.accountId } : {}) },
        );
        const aggregator = new aws.securityhub.FindingAggregator(
            `${name}-aggregator`,
            { region, linkingMode: "SPECIFIED_REGIONS", specifiedRegions: [...a.linkedRegions] },
            { parent: this, dependsOn: [hub] },
        );
        // Central configuration requires local auto-enable off: the policy does the enabling.
        const orgConfig = new aws.securityhub.OrganizationConfiguration(
            `${name}-organization`,
            { region, autoEnable: false, autoEnableStandards: "NONE", organizationConfiguration: { configurationType: "CENTRAL" } },
            { parent: this, dependsOn: [aggregator] },
        );
        const policy = new aws.securityhub.ConfigurationPolicy(
            `${name}-policy`,
            {
                region,
                name: a.policyName,
                description: "Landing zone: Security Hub on, with the standards chosen in the security stack settings",
                configurationPolicy: {
                    serviceEnabled: true,
                    enabledStandardArns: [...a.standardArns],
                    securityControlsConfiguration: { disabledControlIdentifiers: [] },
                },
            },
            { parent: this, dependsOn: [orgConfig] },
        );
        new aws.securityhub.ConfigurationPolicyAssociation(
            `${name}-root-association`,
            { region, policyId: policy.id, targetId: a.targetId },
            { parent: this },
        );
        this.aggregatorArn = aggregator.id;
        this.policyId = policy.id;
        this.registerOutputs({ aggregatorArn: this.aggregatorArn, policyId: this.policyId });
    }
}
