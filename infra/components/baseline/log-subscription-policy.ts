import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson } from "../../iam/types";
import { logSubscriptionTrustPolicy } from "../../iam/log-subscription-trust";
import { logSubscriptionPutLogEventsPolicy } from "../../iam/log-subscription-put-log-events";
import { failIfAny, regionProblems } from "../validate";

/** Most log groups one `LogGroupName NOT IN [...]` selection is allowed to list here. */
export const MAX_EXCLUDED_LOG_GROUPS = 50;

export interface LogSubscriptionPolicyArgs {
    /** Enabled regions: one account policy in each, to that region's destination. */
    readonly regions: readonly string[];
    /** Central CloudWatch Logs destination ARN by region (log-archive output `logDestinationArns`). */
    readonly destinationArns: pulumi.Input<Record<string, string>>;
    /** Physical policy name (unique in the account per policy type). */
    readonly policyName: string;
    /** This account's id: the only account whose CloudWatch Logs may assume the subscription role. */
    readonly accountId: string;
    /** CloudWatch Logs service principal of the partition (`logs.amazonaws.com`). */
    readonly logsPrincipal: string;
    /** `arn:<partition>:logs` — the start of every log group ARN, for the role's trust condition. */
    readonly logsArnPrefix: string;
    /**
     * Physical name of the one role (all regions) CloudWatch Logs delivers as: a destination that admits
     * senders by organisation requires it. Starts with the organisation's name prefix, so the guardrail
     * protecting `<prefix>-*` roles covers it.
     */
    readonly roleName: string;
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
    problems.push(...regionProblems(args.regions, {}, "regions"));
    if (!/^[\w\-./#]{1,256}$/.test(args.policyName)) problems.push(`policyName: ${JSON.stringify(args.policyName)} may contain only letters, digits and _-./#`);
    if (!/^\d{12}$/.test(args.accountId)) problems.push(`accountId: ${JSON.stringify(args.accountId)} is not a 12-digit AWS account id`);
    if (!/^arn:aws[a-z-]*:logs$/.test(args.logsArnPrefix)) problems.push(`logsArnPrefix: ${JSON.stringify(args.logsArnPrefix)} must be arn:<partition>:logs`);
    if (!/^[\w+=,.@-]{1,64}$/.test(args.roleName)) problems.push(`roleName: ${JSON.stringify(args.roleName)} must be 1-64 characters of letters, digits and +=,.@_-`);
    if (!pulumi.Output.isInstance(args.destinationArns) && isPlainRecord(args.destinationArns)) {
        const missing = args.regions.filter((r) => !(args.destinationArns as Record<string, string>)[r]);
        if (missing.length > 0) problems.push(`destinationArns: no central log destination for enabled region(s) ${missing.join(", ")}`);
    }
    failIfAny("LogSubscriptionPolicy", name, problems);
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

/**
 * The subscription-filter policy document for one region's destination. `RoleArn` is required because
 * the destination admits senders by organisation: CloudWatch Logs then delivers as that role of the
 * sending account, which must be allowed `logs:PutLogEvents` on the destination.
 */
export function subscriptionPolicyDocument(destinationArn: string, roleArn: string, filterPattern: string): string {
    return JSON.stringify({ DestinationArn: destinationArn, RoleArn: roleArn, FilterPattern: filterPattern, Distribution: "Random" });
}

/**
 * An account-level subscription-filter policy in every enabled region: every log group of the
 * account, existing or future, streams to the central CloudWatch Logs destination of its region
 * (a log group and its destination must share a region), except the excluded groups. One IAM role
 * (IAM is global) is what CloudWatch Logs delivers as, allowed `logs:PutLogEvents` on those
 * destinations only.
 */
export class LogSubscriptionPolicy extends pulumi.ComponentResource {
    /** Policy names by region. */
    public readonly policyNames: pulumi.Output<Record<string, string>>;
    /** ARN of the role every region's policy names as `RoleArn`. */
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: LogSubscriptionPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:baseline:LogSubscriptionPolicy", name, {}, opts);
        const a = resolveLogSubscriptionPolicyArgs(name, args);
        const criteria = pulumi.output(a.excludedLogGroups).apply((groups) => selectionCriteria(groups));
        const destinations = pulumi.output(a.destinationArns).apply((arns) =>
            a.regions.map((region) => {
                const arn = arns?.[region];
                if (!arn) throw new Error(`LogSubscriptionPolicy ${name}: no central log destination for enabled region ${region} in ${JSON.stringify(Object.keys(arns ?? {}))}`);
                return arn;
            }),
        );

        const role = new aws.iam.Role(
            `${name}-role`,
            {
                name: a.roleName,
                description: "CloudWatch Logs delivers this account's log groups to the organisation's central log destinations",
                assumeRolePolicy: policyJson(
                    logSubscriptionTrustPolicy({
                        logsPrincipal: a.logsPrincipal,
                        accountId: a.accountId,
                        sourceArnPatterns: a.regions.map((region) => `${a.logsArnPrefix}:${region}:${a.accountId}:*`),
                    }),
                ),
            },
            { parent: this },
        );
        const permissions = new aws.iam.RolePolicy(
            `${name}-role-policy`,
            { role: role.name, policy: destinations.apply((destinationArns) => policyJson(logSubscriptionPutLogEventsPolicy({ destinationArns }))) },
            { parent: this },
        );

        const names: Record<string, pulumi.Output<string>> = {};
        a.regions.forEach((region, i) => {
            const policy = new aws.cloudwatch.LogAccountPolicy(
                `${name}-${region}`,
                {
                    policyName: a.policyName,
                    policyType: "SUBSCRIPTION_FILTER_POLICY",
                    policyDocument: pulumi.all([destinations, role.arn]).apply(([arns, roleArn]) => subscriptionPolicyDocument(arns[i], roleArn, a.filterPattern)),
                    selectionCriteria: criteria,
                    scope: "ALL",
                    region,
                },
                // The role carries its permissions before any policy names it (the subscription is checked when it is put).
                { parent: this, dependsOn: [permissions] },
            );
            names[region] = policy.policyName;
        });
        this.policyNames = pulumi.output(names);
        this.roleArn = role.arn;
        this.registerOutputs({ policyNames: this.policyNames, roleArn: this.roleArn });
    }
}
