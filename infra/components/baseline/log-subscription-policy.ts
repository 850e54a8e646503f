import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

/** Most log groups one `LogGroupName NOT IN [...]` selection is allowed to list here. */
export const MAX_EXCLUDED_LOG_GROUPS = 50;

export interface LogSubscriptionPolicyArgs {
    /** Enabled regions: one account policy in each, to that region's destination. */
    readonly regions: readonly string[];
    /** Central CloudWatch Logs destination ARN by region (log-archive output `logDestinationArns`). */
    readonly destinationArns: pulumi.Input<Record<string, string>>;
    /** Physical policy name (unique in the account per policy type). */
    readonly policyName: string;
    /**
     * Log groups (exact names) kept out: the pipeline's own groups, so delivery problems do not feed
     * back into the pipeline, and groups already archived another way.
     * @default []
     */
    readonly excludedLogGroups?: pulumi.Input<readonly string[]>;
    /**
     * CloudWatch Logs filter pattern; empty forwards every event.
     * @default ""
     */
    readonly filterPattern?: string;
}

export function resolveLogSubscriptionPolicyArgs(name: string, args: LogSubscriptionPolicyArgs): Required<LogSubscriptionPolicyArgs> {
    const problems: string[] = [];
    if (args.regions.length === 0) problems.push("regions: at least one region is required");
    if (new Set(args.regions).size !== args.regions.length) problems.push(`regions: ${JSON.stringify(args.regions)} lists a region twice`);
    if (!/^[\w\-./#]{1,256}$/.test(args.policyName)) problems.push(`policyName: ${JSON.stringify(args.policyName)} may contain only letters, digits and _-./#`);
    if (!pulumi.Output.isInstance(args.destinationArns) && isPlainRecord(args.destinationArns)) {
        const missing = args.regions.filter((r) => !(args.destinationArns as Record<string, string>)[r]);
        if (missing.length > 0) problems.push(`destinationArns: no central log destination for enabled region(s) ${missing.join(", ")}`);
    }
    if (problems.length > 0) throw new Error(`LogSubscriptionPolicy ${name}:\n  ${problems.join("\n  ")}`);
    return { excludedLogGroups: [], filterPattern: "", ...args };
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && Object.values(v).every((x) => typeof x === "string");
}

/** The account policy's selection criteria: every log group except the excluded ones. */
export function selectionCriteria(excluded: readonly string[]): string | undefined {
    const names = [...new Set(excluded)].sort();
    if (names.length > MAX_EXCLUDED_LOG_GROUPS) {
        throw new Error(`excludedLogGroups: ${names.length} log groups; an account subscription policy can exclude at most ${MAX_EXCLUDED_LOG_GROUPS}`);
    }
    return names.length === 0 ? undefined : `LogGroupName NOT IN ${JSON.stringify(names)}`;
}

/** The subscription-filter policy document for one region's destination. */
export function subscriptionPolicyDocument(destinationArn: string, filterPattern: string): string {
    return JSON.stringify({ DestinationArn: destinationArn, FilterPattern: filterPattern, Distribution: "Random" });
}

/**
 * An account-level subscription-filter policy in every enabled region: every log group of the
 * account, existing or future, streams to the central CloudWatch Logs destination of its region
 * (a log group and its destination must share a region), except the excluded groups.
 */
export class LogSubscriptionPolicy extends pulumi.ComponentResource {
    /** Policy names by region. */
    public readonly policyNames: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: LogSubscriptionPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:baseline:LogSubscriptionPolicy", name, {}, opts);
        const a = resolveLogSubscriptionPolicyArgs(name, args);
        const criteria = pulumi.output(a.excludedLogGroups).apply((groups) => selectionCriteria(groups));
        const names: Record<string, pulumi.Output<string>> = {};
        for (const region of a.regions) {
            const destination = pulumi.output(a.destinationArns).apply((arns) => {
                const arn = arns?.[region];
                if (!arn) throw new Error(`LogSubscriptionPolicy ${name}: no central log destination for enabled region ${region} in ${JSON.stringify(Object.keys(arns ?? {}))}`);
                return arn;
            });
            const policy = new aws.cloudwatch.LogAccountPolicy(
                `${name}-${region}`,
                {
                    policyName: a.policyName,
                    policyType: "SUBSCRIPTION_FILTER_POLICY",
                    policyDocument: destination.apply((arn) => subscriptionPolicyDocument(arn, a.filterPattern)),
                    selectionCriteria: criteria,
                    scope: "ALL",
                    region,
                },
                { parent: this },
            );
            names[region] = policy.policyName;
        }
        this.policyNames = pulumi.output(names);
        this.registerOutputs({ policyNames: this.policyNames });
    }
}
