import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny } from "../validate";

/**
 * Service principal of AWS Account Management: Organizations must give it trusted access before the
 * management account may enable a region in a member account (EnableRegion with AccountId).
 */
export const ACCOUNT_MANAGEMENT_SERVICE = "account";

export interface OptInRegionsArgs {
    /** Opt-in regions to enable (regions launched after March 2019, disabled in every account until enabled). */
    readonly regions: readonly string[];
    /** Name of the account whose credentials the provider uses (the management account): it enables its own regions. */
    readonly callerAccountName: string;
    /** Every other account of the organisation, name → id; enabled through Account Management's `AccountId`. */
    readonly memberAccountIds: Readonly<Record<string, pulumi.Input<string>>>;
    /**
     * Leave the regions enabled when they leave the program: disabling one makes whatever runs there
     * unreachable, a step to take by hand.
     * @default true
     */
    readonly retainOnDelete?: boolean;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ACCOUNT_NAME = /^[a-z][a-z0-9-]*$/;

export function resolveOptInRegionsArgs(name: string, args: OptInRegionsArgs): Required<OptInRegionsArgs> {
    const problems: string[] = [];
    if (new Set(args.regions).size !== args.regions.length) problems.push(`regions: ${JSON.stringify(args.regions)} lists a region twice`);
    for (const r of args.regions) if (!REGION.test(r)) problems.push(`regions: ${JSON.stringify(r)} is not a region name such as me-central-1`);
    for (const n of [args.callerAccountName, ...Object.keys(args.memberAccountIds)]) {
        if (!ACCOUNT_NAME.test(n)) problems.push(`${JSON.stringify(n)} is not a kebab-case account name`);
    }
    if (args.callerAccountName in args.memberAccountIds) problems.push(`memberAccountIds: names the caller account ${args.callerAccountName}, which AWS lets enable regions only for itself (without AccountId)`);
    failIfAny("OptInRegions", name, problems);
    return { retainOnDelete: true, ...args };
}

/**
 * Every opt-in region enabled in every account of the organisation: the management account enables
 * its own (EnableRegion without AccountId, as AWS requires of it) and each member account's (with
 * AccountId, which needs Account Management's trusted access in Organizations).
 */
export class OptInRegions extends pulumi.ComponentResource {
    /** Account name → the opt-in regions enabled there. */
    public readonly enabledRegions: Readonly<Record<string, readonly string[]>>;

    constructor(name: string, args: OptInRegionsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:organization:OptInRegions", name, {}, opts);
        const a = resolveOptInRegionsArgs(name, args);
        // Source of the AccountId rules: https://docs.aws.amazon.com/accounts/latest/reference/API_EnableRegion.html
        // ("The management account can't specify its own AccountId"; members need trusted access).
        const accounts: [string, pulumi.Input<string> | undefined][] = [[a.callerAccountName, undefined], ...Object.entries(a.memberAccountIds)];
        for (const [account, accountId] of accounts) {
            for (const region of a.regions) {
                new aws.account.Region(
                    `${name}-${account}-${region}`,
                    { regionName: region, enabled: true, ...(accountId === undefined ? {} : { accountId }) },
                    { parent: this, retainOnDelete: a.retainOnDelete },
                );
            }
        }
        this.enabledRegions = Object.fromEntries(accounts.map(([account]) => [account, a.regions]));
        this.registerOutputs({ enabledRegions: this.enabledRegions });
    }
}
