import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny, regionProblems } from "../validate";

export interface DelegatedAdministratorsArgs {
    /** The security (tooling) account that administers every detection service. */
    readonly accountId: string;
    /** Enabled regions, home region first: regional registrations are made in each. */
    readonly regions: readonly string[];
    /** Home region: Security Hub central configuration is administered from here. */
    readonly homeRegion: string;
    /**
     * Service principals registered through Organizations directly (services without a dedicated
     * API): AWS Config needs both `config` and `config-multiaccountsetup`, and IAM Access Analyzer.
     */
    readonly organizationsServicePrincipals: readonly string[];
}

export function resolveDelegatedAdministratorsArgs(name: string, args: DelegatedAdministratorsArgs): DelegatedAdministratorsArgs {
    const problems: string[] = [];
    if (!/^\d{12}$/.test(args.accountId)) problems.push(`accountId: ${JSON.stringify(args.accountId)} is not a 12-digit account id`);
    problems.push(...regionProblems(args.regions, {}, "regions"));
    if (!args.regions.includes(args.homeRegion)) problems.push(`homeRegion: ${args.homeRegion} is not one of the regions ${args.regions.join(", ")}`);
    failIfAny("DelegatedAdministrators", name, problems);
    return args;
}

/**
 * Registers the security account as delegated administrator of GuardDuty, Inspector, Macie and
 * Detective in every enabled region (each is regional), Security Hub in the home region (central
 * configuration reaches the linked regions from there), CloudTrail (so the organisation trail is
 * managed from the security account) and the Organizations-level services (Config, Access Analyzer).
 */
export class DelegatedAdministrators extends pulumi.ComponentResource {
    /** Service → regions where the account is registered (`global` for non-regional registrations). */
    public readonly registrations: Record<string, readonly string[]>;

    constructor(name: string, args: DelegatedAdministratorsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:organization:DelegatedAdministrators", name, {}, opts);
        const a = resolveDelegatedAdministratorsArgs(name, args);
        const id = a.accountId;
        const child = { parent: this };
        for (const region of a.regions) {
            new aws.guardduty.OrganizationAdminAccount(`${name}-guardduty-${region}`, { adminAccountId: id, region }, child);
            new aws.inspector2.DelegatedAdminAccount(`${name}-inspector-${region}`, { accountId: id, region }, child);
            new aws.macie2.OrganizationAdminAccount(`${name}-macie-${region}`, { adminAccountId: id, region }, child);
            new aws.detective.OrganizationAdminAccount(`${name}-detective-${region}`, { accountId: id, region }, child);
        }
        new aws.securityhub.OrganizationAdminAccount(`${name}-securityhub`, { adminAccountId: id, region: a.homeRegion }, child);
        new aws.cloudtrail.OrganizationDelegatedAdminAccount(`${name}-cloudtrail`, { accountId: id }, child);
        for (const principal of a.organizationsServicePrincipals) {
            new aws.organizations.DelegatedAdministrator(`${name}-${principal.split(".amazonaws")[0].replace(/\./g, "-")}`, { accountId: id, servicePrincipal: principal }, child);
        }
        this.registrations = {
            guardduty: a.regions,
            inspector2: a.regions,
            macie2: a.regions,
            detective: a.regions,
            securityhub: [a.homeRegion],
            cloudtrail: ["global"],
            ...Object.fromEntries(a.organizationsServicePrincipals.map((p) => [p, ["global"]])),
        };
        this.registerOutputs({ registrations: this.registrations });
    }
}
