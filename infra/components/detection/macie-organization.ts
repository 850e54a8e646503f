import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny, regionProblems } from "../validate";

export interface MacieOrganizationArgs {
    /** Enabled regions: Macie is regional. */
    readonly regions: readonly string[];
    /** This account: designating it as Macie's delegated administrator enabled Macie here, adopted by id. */
    readonly accountId: string;
    /** How often updated findings are published. */
    readonly findingPublishingFrequency: "FIFTEEN_MINUTES" | "ONE_HOUR" | "SIX_HOURS";
    /**
     * Adopt the Macie account the designation enabled (`import`) instead of enabling it.
     * @default true
     */
    readonly adoptAccount?: boolean;
}

export function resolveMacieOrganizationArgs(name: string, args: MacieOrganizationArgs): Required<MacieOrganizationArgs> {
    failIfAny("MacieOrganization", name, regionProblems(args.regions, {}, "regions"));
    return { adoptAccount: true, ...args };
}

/** Macie from the delegated administrator in every enabled region, auto-enabled for new accounts. */
export class MacieOrganization extends pulumi.ComponentResource {
    constructor(name: string, args: MacieOrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:detection:MacieOrganization", name, {}, opts);
        const a = resolveMacieOrganizationArgs(name, args);
        for (const region of a.regions) {
            const account = new aws.macie2.Account(
                `${name}-${region}-account`,
                { region, status: "ENABLED", findingPublishingFrequency: a.findingPublishingFrequency },
                { parent: this, ...(a.adoptAccount ? { import: a.accountId } : {}) },
            );
            new aws.macie2.OrganizationConfiguration(`${name}-${region}-organization`, { region, autoEnable: true }, { parent: this, dependsOn: [account] });
        }
        this.registerOutputs({});
    }
}
