import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { failIfAny, regionProblems } from "../validate";

/** CloudWatch Logs' retention values (days); 0 here means "never expire". */
const RETENTION_DAYS = [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export interface DeliveryErrorLogsArgs {
    /** Regions with a delivery stream: one encrypted log group in each (Firehose logs in its own region). */
    readonly regions: readonly string[];
    /** Log group name, the same in every region, under the landing zone's log-group prefix (naming.ts). */
    readonly logGroupName: string;
    /**
     * Log stream Firehose writes to.
     * @default "S3Delivery"
     */
    readonly logStreamName?: string;
    /** Retention in days, a CloudWatch Logs value; 0 = never expire. */
    readonly retentionDays: number;
    /** Key policy of each region's key (it names that region's Logs principal and log group). */
    readonly keyPolicies: Readonly<Record<string, PolicyDocument>>;
    /**
     * Protect the keys and log groups from deletion (`protect` + `retainOnDelete`).
     * @default true
     */
    readonly protect?: boolean;
}

export type ResolvedDeliveryErrorLogsArgs = DeliveryErrorLogsArgs & { readonly logStreamName: string; readonly protect: boolean };

export function resolveDeliveryErrorLogsArgs(name: string, args: DeliveryErrorLogsArgs): ResolvedDeliveryErrorLogsArgs {
    const r = { logStreamName: "S3Delivery", protect: true, ...args };
    const problems: string[] = [];
    problems.push(...regionProblems(r.regions, {}, "regions"));
    if (!/^[\w\-./#]{1,512}$/.test(r.logGroupName)) problems.push(`logGroupName: ${JSON.stringify(r.logGroupName)} may contain only letters, digits and _-./# (1-512)`);
    if (!RETENTION_DAYS.includes(r.retentionDays)) problems.push(`retentionDays: ${r.retentionDays} is not a CloudWatch Logs retention value (${RETENTION_DAYS.join(", ")}; 0 = never expire)`);
    const missing = r.regions.filter((x) => r.keyPolicies[x] === undefined);
    if (missing.length > 0) problems.push(`keyPolicies: no key policy for ${missing.join(", ")}`);
    failIfAny("DeliveryErrorLogs", name, problems);
    return r;
}

/**
 * Where the central pipeline's Firehose streams report delivery errors: in every region a log group
 * (encrypted under a key of its own region, kept `retentionDays`) and the stream Firehose writes to.
 * The account-level subscription of every account excludes this group by name (stack output
 * `pipelineLogGroupNames`), so a failing pipeline never feeds its own errors back into itself.
 */
export class DeliveryErrorLogs extends pulumi.ComponentResource {
    /** The log group name (the same in every region). */
    public readonly logGroupName: string;
    public readonly logStreamName: string;
    /** Region → log group ARN (without `:*`). */
    public readonly logGroupArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: DeliveryErrorLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:log-archive:DeliveryErrorLogs", name, {}, opts);
        const a = resolveDeliveryErrorLogsArgs(name, args);
        const keep = { parent: this, protect: a.protect, retainOnDelete: a.protect };
        const arns: Record<string, pulumi.Output<string>> = {};
        for (const region of a.regions) {
            const key = new aws.kms.Key(
                `${name}-${region}-key`,
                { description: `Encrypts ${a.logGroupName} in ${region}`, enableKeyRotation: true, deletionWindowInDays: 30, policy: policyJson(a.keyPolicies[region]), region },
                keep,
            );
            const group = new aws.cloudwatch.LogGroup(
                `${name}-${region}-group`,
                { name: a.logGroupName, kmsKeyId: key.arn, retentionInDays: a.retentionDays === 0 ? undefined : a.retentionDays, region },
                keep,
            );
            new aws.cloudwatch.LogStream(`${name}-${region}-stream`, { name: a.logStreamName, logGroupName: group.name, region }, { parent: this });
            arns[region] = group.arn.apply((x) => x.replace(/:\*$/, ""));
        }
        this.logGroupName = a.logGroupName;
        this.logStreamName = a.logStreamName;
        this.logGroupArns = pulumi.output(arns);
        this.registerOutputs({ logGroupName: this.logGroupName, logStreamName: this.logStreamName, logGroupArns: this.logGroupArns });
    }
}
