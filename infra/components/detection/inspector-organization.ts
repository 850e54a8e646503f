import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny, regionProblems } from "../validate";

/** Resource types Inspector scans, as `Enabler` names them. */
export const INSPECTOR_RESOURCE_TYPES = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE"] as const;

export interface InspectorOrganizationArgs {
    /** Enabled regions: Inspector is regional. */
    readonly regions: readonly string[];
    /** This (delegated administrator) account, scanned too. */
    readonly accountId: string;
}

export function resolveInspectorOrganizationArgs(name: string, args: InspectorOrganizationArgs): InspectorOrganizationArgs {
    failIfAny("InspectorOrganization", name, regionProblems(args.regions, {}, "regions"));
    return args;
}

/**
 * Inspector v2 from the delegated administrator in every enabled region: this account scanned, and
 * every scan type auto-enabled for accounts that join the organisation. Existing member accounts are
 * enrolled by a separate per-account stack (auto-enable covers only new accounts), which keeps this
 * stack's size independent of the number of accounts.
 */
export class InspectorOrganization extends pulumi.ComponentResource {
    constructor(name: string, args: InspectorOrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:detection:InspectorOrganization", name, {}, opts);
        const a = resolveInspectorOrganizationArgs(name, args);
        for (const region of a.regions) {
            const self = new aws.inspector2.Enabler(
                `${name}-${region}-enabler`,
                { region, accountIds: [a.accountId], resourceTypes: [...INSPECTOR_RESOURCE_TYPES] },
                { parent: this },
            );
            new aws.inspector2.OrganizationConfiguration(
                `${name}-${region}-organization`,
                { region, autoEnable: { ec2: true, ecr: true, lambda: true, lambdaCode: true } },
                { parent: this, dependsOn: [self] },
            );
        }
        this.registerOutputs({});
    }
}
