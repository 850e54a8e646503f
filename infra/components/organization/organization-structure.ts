import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny } from "../validate";

/** One account the structure places in an OU: created, or adopted by id. */
export interface StructureAccount {
    /** Short name; also the account's display name. */
    readonly name: string;
    readonly email: string;
    /** OU path below the root (`Workloads/Prod`), or `Root`. */
    readonly ou: string;
    /** Existing account id to adopt with `import`; absent to create the account. */
    readonly adoptId?: string | undefined;
}

export interface OrganizationStructureArgs {
    /**
     * Id (`o-…`) of an existing organisation to adopt with the `import` resource option, or
     * undefined to create a new one.
     */
    readonly adoptOrganizationId: string | undefined;
    /** Service principals given trusted access (`aws organizations enable-aws-service-access`). */
    readonly serviceAccessPrincipals: readonly string[];
    /**
     * Organisation policy types to enable on the root.
     * @default ["SERVICE_CONTROL_POLICY"]
     */
    readonly policyTypes?: readonly string[];
    /** Member accounts (never the management account itself). */
    readonly accounts: readonly StructureAccount[];
    /** Role created in accounts the structure creates (the landing-zone deployment role). */
    readonly accountRoleName: string;
    /**
     * Close a created account when it leaves the program. False keeps accounts (and their logs)
     * alive; closing is a deliberate manual step.
     * @default false
     */
    readonly closeOnDeletion?: boolean;
}

const OU_PATH = /^[A-Za-z0-9][A-Za-z0-9 _-]*(\/[A-Za-z0-9][A-Za-z0-9 _-]*)*$/;

export function resolveOrganizationStructureArgs(name: string, args: OrganizationStructureArgs): Required<OrganizationStructureArgs> {
    const problems: string[] = [];
    if (args.adoptOrganizationId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(args.adoptOrganizationId)) {
        problems.push(`adoptOrganizationId: ${JSON.stringify(args.adoptOrganizationId)} is not an organisation id (o- and 10-32 lower-case letters or digits)`);
    }
    const seen = new Set<string>();
    for (const a of args.accounts) {
        if (seen.has(a.name)) problems.push(`accounts: ${a.name} is listed twice`);
        seen.add(a.name);
        if (a.ou !== "Root" && !OU_PATH.test(a.ou)) problems.push(`accounts.${a.name}.ou: ${JSON.stringify(a.ou)} is not an OU path such as Workloads/Prod`);
        if (a.adoptId !== undefined && !/^\d{12}$/.test(a.adoptId)) problems.push(`accounts.${a.name}.adoptId: ${JSON.stringify(a.adoptId)} is not a 12-digit account id`);
    }
    failIfAny("OrganizationStructure", name, problems);
    return { policyTypes: ["SERVICE_CONTROL_POLICY"], closeOnDeletion: false, ...args };
}

/** Every OU path the accounts need, parents before children (`Workloads` before `Workloads/Prod`). */
export function ouPaths(accounts: readonly StructureAccount[]): string[] {
    const paths = new Set<string>();
    for (const a of accounts) {
        if (a.ou === "Root") continue;
        const parts = a.ou.split("/");
        for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join("/"));
    }
    return [...paths].sort((x, y) => x.split("/").length - y.split("/").length || x.localeCompare(y));
}

function slug(path: string): string {
    return path.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** The organisation (created or adopted), its OUs and its member accounts placed in them. */
export class OrganizationStructure extends pulumi.ComponentResource {
    public readonly organizationId: pulumi.Output<string>;
    public readonly rootId: pulumi.Output<string>;
    /** OU path → OU id. */
    public readonly ouIds: pulumi.Output<Record<string, string>>;
    /** Account name → account id. */
    public readonly accountIds: pulumi.Output<Record<string, string>>;
    /** The organisation resource, for `dependsOn` of whatever needs trusted access first. */
    public readonly organization: aws.organizations.Organization;

    constructor(name: string, args: OrganizationStructureArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:organization:OrganizationStructure", name, {}, opts);
        const a = resolveOrganizationStructureArgs(name, args);

        this.organization = new aws.organizations.Organization(
            `${name}-organization`,
            { featureSet: "ALL", awsServiceAccessPrincipals: [...a.serviceAccessPrincipals].sort(), enabledPolicyTypes: [...a.policyTypes] },
            { parent: this, protect: true, ...(a.adoptOrganizationId ? { import: a.adoptOrganizationId } : {}) },
        );
        this.organizationId = this.organization.id;
        this.rootId = this.organization.roots.apply((roots) => roots[0].id);

        const ous = new Map<string, aws.organizations.OrganizationalUnit>();
        for (const path of ouPaths(a.accounts)) {
            const parts = path.split("/");
            const parent = parts.length > 1 ? ous.get(parts.slice(0, -1).join("/"))!.id : this.rootId;
            ous.set(path, new aws.organizations.OrganizationalUnit(`${name}-ou-${slug(path)}`, { name: parts[parts.length - 1], parentId: parent }, { parent: this, protect: true }));
        }

        const accounts = a.accounts.map((acct) => {
            const parentId = acct.ou === "Root" ? this.rootId : ous.get(acct.ou)!.id;
            const resource = new aws.organizations.Account(
                `${name}-account-${acct.name}`,
                { name: acct.name, email: acct.email, parentId, roleName: a.accountRoleName, closeOnDeletion: a.closeOnDeletion },
                {
                    parent: this,
                    protect: true,
                    retainOnDelete: !a.closeOnDeletion,
                    // The role name is only used at creation and AWS cannot read it back; changing it would replace the account.
                    ignoreChanges: ["roleName", "iamUserAccessToBilling"],
                    ...(acct.adoptId ? { import: acct.adoptId } : {}),
                },
            );
            return [acct.name, resource.id] as const;
        });

        this.ouIds = pulumi.all([...ous].map(([path, ou]) => ou.id.apply((id) => [path, id] as const))).apply((e) => Object.fromEntries(e));
        this.accountIds = pulumi.all(accounts.map(([n, id]) => id.apply((v) => [n, v] as const))).apply((e) => Object.fromEntries(e));
        this.registerOutputs({ organizationId: this.organizationId, rootId: this.rootId, ouIds: this.ouIds, accountIds: this.accountIds, organization: this.organization });
    }
}
