import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny } from "../validate";
import type { CloudFormationTemplate } from "./account-roles-template";

export interface AccountRolesArgs {
    /** Name of the StackSet and of the management account's stack. */
    readonly stackSetName: string;
    /** The template for the target accounts (`accountRolesTemplate`). */
    readonly memberTemplate: CloudFormationTemplate;
    /** The template for the management account: the same roles, the deployment role also trusting the people who deploy by hand. */
    readonly managementTemplate: CloudFormationTemplate;
    /** Root (`r-…`) or OU (`ou-…`) ids: every account in them, now and later, gets the roles. */
    readonly targets: readonly string[];
    /** Region of the stack instances (IAM is global: one region suffices); the home region. */
    readonly region: string;
    /**
     * Percentage of target accounts deployed at once.
     * @default 25
     */
    readonly maxConcurrentPercentage?: number;
    /**
     * Percentage of target accounts that may fail before an operation stops.
     * @default 10
     */
    readonly failureTolerancePercentage?: number;
}

type Resolved = Required<AccountRolesArgs>;

const TARGET = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;

export function resolveAccountRolesArgs(name: string, args: AccountRolesArgs): Resolved {
    const a: Resolved = { maxConcurrentPercentage: 25, failureTolerancePercentage: 10, ...args };
    const problems: string[] = [];
    if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(a.stackSetName)) problems.push(`stackSetName: ${JSON.stringify(a.stackSetName)} is not a StackSet name (a letter, then up to 127 letters, digits and -)`);
    if (a.targets.length === 0) problems.push("targets: at least one root or OU id is required, or no account gets the roles");
    for (const t of a.targets) if (!TARGET.test(t)) problems.push(`targets: ${JSON.stringify(t)} is not a root id (r-…) or OU id (ou-…-…)`);
    if (!Number.isInteger(a.maxConcurrentPercentage) || a.maxConcurrentPercentage < 1 || a.maxConcurrentPercentage > 100) problems.push(`maxConcurrentPercentage: ${a.maxConcurrentPercentage} must be a whole number from 1 to 100`);
    if (!Number.isInteger(a.failureTolerancePercentage) || a.failureTolerancePercentage < 0 || a.failureTolerancePercentage > 100) problems.push(`failureTolerancePercentage: ${a.failureTolerancePercentage} must be a whole number from 0 to 100`);
    failIfAny("AccountRoles", name, problems);
    return a;
}

/**
 * The deployment, break-glass and preview roles in every account: a service-managed StackSet with
 * auto-deployment over the target OUs — AWS's own engine for fanning a baseline across accounts, so an
 * account that joins a target OU gets the roles without anyone running anything — and, since
 * service-managed StackSets never deploy to the management account (AWS CloudFormation User Guide,
 * "Create a StackSet with service-managed permissions"), the same roles there as a stack of their own.
 */
export class AccountRoles extends pulumi.ComponentResource {
    public readonly stackSetArn: pulumi.Output<string>;
    public readonly managementStackId: pulumi.Output<string>;

    constructor(name: string, args: AccountRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:bootstrap:AccountRoles", name, {}, opts);
        const a = resolveAccountRolesArgs(name, args);
        const preferences = { maxConcurrentPercentage: a.maxConcurrentPercentage, failureTolerancePercentage: a.failureTolerancePercentage };
        const stackSet = new aws.cloudformation.StackSet(
            `${name}-stack-set`,
            {
                name: a.stackSetName,
                description: "Landing-zone deployment, break-glass and preview roles in every account of the target OUs",
                permissionModel: "SERVICE_MANAGED",
                callAs: "SELF",
                autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
                capabilities: ["CAPABILITY_NAMED_IAM"],
                managedExecution: { active: true },
                operationPreferences: preferences,
                templateBody: JSON.stringify(a.memberTemplate),
                region: a.region,
            },
            // AWS reports an administration role for service-managed sets that the program never sets;
            // without this, every preview would show it as a change.
            { parent: this, protect: true, ignoreChanges: ["administrationRoleArn"] },
        );
        new aws.cloudformation.StackSetInstance(
            `${name}-targets`,
            {
                stackSetName: stackSet.name,
                callAs: "SELF",
                deploymentTargets: { organizationalUnitIds: [...a.targets] },
                stackSetInstanceRegion: a.region,
                operationPreferences: preferences,
                region: a.region,
            },
            { parent: this },
        );
        const management = new aws.cloudformation.Stack(
            `${name}-management`,
            { name: a.stackSetName, capabilities: ["CAPABILITY_NAMED_IAM"], templateBody: JSON.stringify(a.managementTemplate), onFailure: "ROLLBACK", region: a.region },
            { parent: this, protect: true },
        );
        this.stackSetArn = stackSet.arn;
        this.managementStackId = management.id;
        this.registerOutputs({ stackSetArn: this.stackSetArn, managementStackId: this.managementStackId });
    }
}
