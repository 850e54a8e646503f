import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { stringify } from "yaml";
import { failIfAny, regionProblems } from "../validate";

/** An AWS managed Config rule checked in every account of the organisation. */
export interface LoggingRule {
    /** Logical id in the template. */
    readonly id: string;
    /** AWS managed rule identifier. */
    readonly identifier: string;
    /** `global`: evaluated once, in the home region (trail settings); `regional`: in every enabled region. */
    readonly scope: "global" | "regional";
    readonly parameters?: (o: { readonly logGroupRetentionDays: number }) => Record<string, string>;
}

/** The landing zone's logging controls as AWS managed Config rules. */
export const LOGGING_RULES: readonly LoggingRule[] = [
    { id: "CloudTrailEnabled", identifier: "CLOUD_TRAIL_ENABLED", scope: "global" },
    { id: "MultiRegionCloudTrailEnabled", identifier: "MULTI_REGION_CLOUD_TRAIL_ENABLED", scope: "global" },
    { id: "CloudTrailLogFileValidationEnabled", identifier: "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", scope: "global" },
    { id: "CloudTrailEncryptionEnabled", identifier: "CLOUD_TRAIL_ENCRYPTION_ENABLED", scope: "global" },
    { id: "CloudTrailCloudWatchLogsEnabled", identifier: "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", scope: "global" },
    { id: "S3BucketLoggingEnabled", identifier: "S3_BUCKET_LOGGING_ENABLED", scope: "regional" },
    { id: "VpcFlowLogsEnabled", identifier: "VPC_FLOW_LOGS_ENABLED", scope: "regional" },
    { id: "ElbLoggingEnabled", identifier: "ELB_LOGGING_ENABLED", scope: "regional" },
    { id: "ApiGatewayExecutionLoggingEnabled", identifier: "API_GW_EXECUTION_LOGGING_ENABLED", scope: "regional" },
    {
        id: "LogGroupRetentionPeriod",
        identifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK",
        scope: "regional",
        parameters: (o) => ({ MinRetentionTime: String(o.logGroupRetentionDays) }),
    },
    { id: "LogGroupEncrypted", identifier: "CLOUDWATCH_LOG_GROUP_ENCRYPTED", scope: "regional" },
    { id: "GuardDutyEnabledCentralized", identifier: "GUARDDUTY_ENABLED_CENTRALIZED", scope: "regional" },
    { id: "SecurityHubEnabled", identifier: "SECURITYHUB_ENABLED", scope: "regional" },
];

/** The CloudFormation-syntax template of the conformance pack for one region. */
export function conformancePackTemplate(rules: readonly LoggingRule[], home: boolean, o: { readonly logGroupRetentionDays: number }): string {
    const resources: Record<string, unknown> = {};
    for (const r of rules) {
        if (r.scope === "global" && !home) continue;
        const params = r.parameters?.(o);
        resources[r.id] = {
            Type: "AWS::Config::ConfigRule",
            Properties: {
                ConfigRuleName: r.identifier.toLowerCase().replace(/_/g, "-"),
                Source: { Owner: "AWS", SourceIdentifier: r.identifier },
                ...(params ? { InputParameters: params } : {}),
            },
        };
    }
    return stringify({ Resources: resources });
}

export interface LoggingConformancePackArgs {
    /** Enabled regions, home first. */
    readonly regions: readonly string[];
    readonly homeRegion: string;
    /** Name of the organisation conformance pack. */
    readonly packName: string;
    /** Minimum log group retention the retention rule accepts. */
    readonly logGroupRetentionDays: number;
    /**
     * Rules of the pack.
     * @default LOGGING_RULES
     */
    readonly rules?: readonly LoggingRule[];
}

export type ResolvedLoggingConformancePackArgs = Required<LoggingConformancePackArgs>;

export function resolveLoggingConformancePackArgs(name: string, args: LoggingConformancePackArgs): ResolvedLoggingConformancePackArgs {
    const problems = regionProblems(args.regions, {}, "regions");
    if (!args.regions.includes(args.homeRegion)) problems.push(`homeRegion: ${args.homeRegion} is not one of the regions ${args.regions.join(", ")}`);
    if (!/^[A-Za-z][A-Za-z0-9-]{0,50}$/.test(args.packName)) problems.push(`packName: ${JSON.stringify(args.packName)} must start with a letter and contain only letters, digits and - (at most 51)`);
    failIfAny("LoggingConformancePack", name, problems);
    return { rules: LOGGING_RULES, ...args };
}

/**
 * An organisation conformance pack per enabled region holding the landing zone's logging controls:
 * one resource per region, whatever the number of accounts. Trail rules are checked in the home
 * region only (the organisation trail is multi-region).
 */
export class LoggingConformancePack extends pulumi.ComponentResource {
    public readonly packArns: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: LoggingConformancePackArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:detection:LoggingConformancePack", name, {}, opts);
        const a = resolveLoggingConformancePackArgs(name, args);
        const packArns: Record<string, pulumi.Output<string>> = {};
        for (const region of a.regions) {
            const pack = new aws.cfg.OrganizationConformancePack(
                `${name}-${region}`,
                { region, name: a.packName, templateBody: conformancePackTemplate(a.rules, region === a.homeRegion, a) },
                { parent: this },
            );
            packArns[region] = pack.arn;
        }
        this.packArns = packArns;
        this.registerOutputs({ packArns });
    }
}
