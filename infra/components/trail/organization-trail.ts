import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson } from "../../iam/types";
import { trailLogGroupKeyPolicy } from "../../iam/trail-log-group-key";
import { trailLogsTrustPolicy } from "../../iam/trail-logs-trust";
import { trailLogsDeliveryPolicy } from "../../iam/trail-logs-delivery";
import { INSIGHT_TYPES, organizationTrailSelectors } from "./event-selectors";
import { failIfAny } from "../validate";

export interface OrganizationTrailArgs {
    /** Physical name of the trail. */
    readonly trailName: string;
    /**
     * ARN the trail has once created. A trail created by the CloudTrail delegated administrator is
     * owned by the management account, so this is not the ARN of this account: it is what the
     * CloudWatch Logs role trusts.
     */
    readonly trailArn: string;
    /** Archive bucket the trail delivers to (log-archive account). */
    readonly bucketName: pulumi.Input<string>;
    /**
     * Key prefix inside the bucket (the archive's bucket policy grants CloudTrail only that prefix).
     * @default undefined (CloudTrail's own layout from the bucket root: `AWSLogs/<org id>/…`)
     */
    readonly s3KeyPrefix?: pulumi.Input<string | undefined>;
    /** KMS key (log-archive account) that encrypts the delivered log files. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Name of the log group the trail also delivers to. */
    readonly logGroupName: string;
    /** ARN of that log group (without `:*`), derived from the name: the key policy needs it before the group exists. */
    readonly logGroupArn: string;
    /** Days the log group keeps events (0 = never expire). */
    readonly retentionDays: number;
    /**
     * Physical name of the role CloudTrail assumes to write to the log group (the guardrails protect
     * landing-zone roles by name).
     * @default autonamed
     */
    readonly logsRoleName?: string;
    /** `arn:<partition>:iam::<this account>:root`, administrator of the log-group key. */
    readonly accountRootArn: string;
    /** CloudTrail service principal of the partition. */
    readonly cloudTrailPrincipal: string;
    /** Regional CloudWatch Logs service principal of the trail's home region. */
    readonly logsPrincipal: string;
    /** `arn:<partition>:s3:::`. */
    readonly s3ArnPrefix: string;
    /** Buckets whose data events are never recorded, by exact name (the log archive's own buckets, a log-archive stack output). */
    readonly excludedBuckets: pulumi.Input<readonly string[]>;
    /**
     * Record S3 object-level and Lambda invoke data events.
     * @default true
     */
    readonly dataEvents?: boolean;
    /**
     * CloudTrail Insights on API call rate and error rate.
     * @default true
     */
    readonly insights?: boolean;
    /**
     * Protect the log group and its key from deletion (`protect` + `retainOnDelete`).
     * @default true
     */
    readonly protect?: boolean;
}

export type ResolvedOrganizationTrailArgs = Required<Omit<OrganizationTrailArgs, "s3KeyPrefix" | "logsRoleName">> & Pick<OrganizationTrailArgs, "s3KeyPrefix" | "logsRoleName">;

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export function resolveOrganizationTrailArgs(name: string, args: OrganizationTrailArgs): ResolvedOrganizationTrailArgs {
    const problems: string[] = [];
    if (args.retentionDays !== 0 && !(LOG_RETENTION_DAYS as readonly number[]).includes(args.retentionDays)) {
        problems.push(`retentionDays: ${args.retentionDays} is not a CloudWatch Logs retention period; use one of ${LOG_RETENTION_DAYS.join(", ")} or 0 (never expire)`);
    }
    if (!args.trailArn.endsWith(`:trail/${args.trailName}`)) {
        problems.push(`trailArn: ${JSON.stringify(args.trailArn)} does not name the trail ${JSON.stringify(args.trailName)}`);
    }
    if (!args.logGroupArn.endsWith(`:log-group:${args.logGroupName}`)) {
        problems.push(`logGroupArn: ${JSON.stringify(args.logGroupArn)} does not name the log group ${JSON.stringify(args.logGroupName)}`);
    }
    failIfAny("OrganizationTrail", name, problems);
    return { dataEvents: true, insights: true, protect: true, ...args };
}

/**
 * The organisation trail, created by the CloudTrail delegated administrator: multi-region, global
 * service events, log-file validation, KMS-encrypted delivery to the archive, and a copy in an
 * encrypted log group of this account for metric filters and Logs Insights.
 */
export class OrganizationTrail extends pulumi.ComponentResource {
    public readonly trailArn: pulumi.Output<string>;
    public readonly logGroupName: pulumi.Output<string>;
    public readonly logGroupArn: pulumi.Output<string>;
    public readonly logGroupKeyArn: pulumi.Output<string>;
    public readonly logsRoleArn: pulumi.Output<string>;

    constructor(name: string, args: OrganizationTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:trail:OrganizationTrail", name, {}, opts);
        const a = resolveOrganizationTrailArgs(name, args);
        const keep = { protect: a.protect, retainOnDelete: a.protect };

        const key = new aws.kms.Key(
            `${name}-log-key`,
            {
                description: `Encrypts the organisation trail log group ${a.logGroupName}`,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                policy: policyJson(trailLogGroupKeyPolicy({ accountRootArn: a.accountRootArn, logsPrincipal: a.logsPrincipal, logGroupArn: a.logGroupArn })),
            },
            { parent: this, ...keep },
        );
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-log-group`,
            { name: a.logGroupName, retentionInDays: a.retentionDays === 0 ? undefined : a.retentionDays, kmsKeyId: key.arn },
            { parent: this, ...keep },
        );
        const role = new aws.iam.Role(
            `${name}-logs-role`,
            {
                name: a.logsRoleName,
                description: "CloudTrail delivers the organisation trail to its log group",
                assumeRolePolicy: policyJson(trailLogsTrustPolicy({ cloudTrailPrincipal: a.cloudTrailPrincipal, trailArn: a.trailArn })),
            },
            { parent: this },
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-logs-delivery`,
            { role: role.name, policy: policyJson(trailLogsDeliveryPolicy({ logGroupArn: a.logGroupArn })) },
            { parent: this },
        );
        const trail = new aws.cloudtrail.Trail(
            `${name}-trail`,
            {
                name: a.trailName,
                isOrganizationTrail: true,
                isMultiRegionTrail: true,
                includeGlobalServiceEvents: true,
                enableLogFileValidation: true,
                enableLogging: true,
                s3BucketName: a.bucketName,
                s3KeyPrefix: a.s3KeyPrefix,
                kmsKeyId: a.kmsKeyArn,
                cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
                cloudWatchLogsRoleArn: role.arn,
                advancedEventSelectors: pulumi.output(a.excludedBuckets).apply((excludedBuckets) => organizationTrailSelectors({ s3ArnPrefix: a.s3ArnPrefix, excludedBuckets, dataEvents: a.dataEvents })),
                insightSelectors: a.insights ? INSIGHT_TYPES.map((insightType) => ({ insightType })) : undefined,
            },
            // The role's permissions must exist before CloudTrail validates delivery to the log group.
            { parent: this, dependsOn: [rolePolicy], protect: a.protect },
        );

        // The provider reports the ARN under this account; every consumer needs the owner's form.
        // (`urn`, not `arn`: known in preview too, and still tied to the trail.)
        this.trailArn = trail.urn.apply(() => a.trailArn);
        this.logGroupName = logGroup.name;
        this.logGroupArn = logGroup.arn;
        this.logGroupKeyArn = key.arn;
        this.logsRoleArn = role.arn;
        this.registerOutputs({
            trailArn: this.trailArn,
            logGroupName: this.logGroupName,
            logGroupArn: this.logGroupArn,
            logGroupKeyArn: this.logGroupKeyArn,
            logsRoleArn: this.logsRoleArn,
        });
    }
}
