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
    /**
     * The regional detection services to register in every region. Registering one switches it on in
     * the security account (Macie, a Detective graph, a GuardDuty detector), so leave out the ones the
     * organisation does not run.
     * @default REGIONAL_SERVICES
     */
    readonly regionalServices?: readonly RegionalService[];
}

/** Detection services with a delegated administrator per region. */
export const REGIONAL_SERVICES = ["guardduty", "inspector", "macie", "detective"] as const;
export type RegionalService = (typeof REGIONAL_SERVICES)[number];

export function resolveDelegatedAdministratorsArgs(name: string, args: DelegatedAdministratorsArgs): Required<DelegatedAdministratorsArgs> {
    const problems: string[] = [];
    const regionalServices = args.regionalServices ?? REGIONAL_SERVICES;
    for (const s of regionalServices) if (!REGIONAL_SERVICES.includes(s)) problems.push(`regionalServices: ${JSON.stringify(s)} is not one of ${REGIONAL_SERVICES.join(", ")}`);
    if (new Set(regionalServices).size !== regionalServices.length) problems.push(`regionalServices: ${regionalServices.join(", ")} lists a service twice`);
    if (!/^\d{12}$/.test(args.accountId)) problems.push(`accountId: ${JSON.stringify(args.accountId)} is not a 12-digit account id`);
    problems.push(...regionProblems(args.regions, {}, "regions"));
    if (!args.regions.includes(args.homeRegion)) problems.push(`homeRegion: ${args.homeRegion} is not one of the regions ${args.regions.join(", ")}`);
    failIfAny("DelegatedAdministrators", name, problems);
    return { ...args, regionalServices };
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
        const on = (s: RegionalService) => a.regionalServices.includes(s);
        for (const region of a.regions) {
            if (on("guardduty")) new aws.guardduty.OrganizationAdminAccount(`${name}-guardduty-${region}`, { adminAccountId: id, region }, child);
            if (on("inspector")) new aws.inspector2.DelegatedAdminAccount(`${name}-inspector-${region}`, { accountId: id, region }, child);
            if (on("macie")) new aws.macie2.OrganizationAdminAccount(`${name}-macie-${region}`, { adminAccountId: id, region }, child);
            if (on("detective")) new aws.detective.OrganizationAdminAccount(`${name}-detective-${region}`, { accountId: id, region }, child);
        }
        new aws.securityhub.OrganizationAdminAccount(`${name}-securityhub`, { adminAccountId: id, region: a.homeRegion }, child);
        new aws.cloudtrail.OrganizationDelegatedAdminAccount(`${name}-cloudtrail`, { accountId: id }, child);
        for (const principal of a.organizationsServicePrincipals) {
            new aws.organizations.DelegatedAdministrator(`${name}-${principal.split(".amazonaws")[0].replace(/\./g, "-")}`, { accountId: id, servicePrincipal: principal }, child);
        }
        const regional = { guardduty: "guardduty", inspector: "inspector2", macie: "macie2", detective: "detective" } as const;
        this.registrations = {
            ...Object.fromEntries(a.regionalServices.map((s) => [regional[s], a.regions])),
            securityhub: [a.homeRegion],
            cloudtrail: ["global"],
            ...Object.fromEntries(a.organizationsServicePrincipals.map((p) => [p, ["global"]])),
        };
        this.registerOutputs({ registrations: this.registrations });
    }
}
