import type { ProblemList } from "../errors";
import { closest, show, type ObjectSchema, type Schema } from "../schema";

/**
 * Settings of the cost estimate (`estimate:` in `stacks/org.yaml`): how busy the accounts are. They
 * change no resource; `npm run plan -- --estimate` multiplies them by the planned resources and
 * the price table (infra/estimate/prices.ts).
 */
export const WORKLOAD_SIZES = ["small", "medium", "large"] as const;
export type WorkloadSize = (typeof WORKLOAD_SIZES)[number];

/** One monthly usage volume the estimate needs, with its default per workload size. */
export interface WorkloadVolume {
    readonly doc: string;
    readonly small: number;
    readonly medium: number;
    readonly large: number;
    /** Largest value that makes sense (a percentage), where there is one. */
    readonly max?: number;
}

/**
 * Monthly usage of one account in one active region (unless the doc says otherwise) by workload
 * size. Round orders of magnitude, not measurements: `small` is a sandbox or a quiet core account,
 * `medium` a typical production workload account, `large` a busy shared platform account. Override
 * any of them per size under `estimate.volumes` once the organisation's own usage is known (AWS
 * Cost Explorer usage types, the GuardDuty and Security Hub usage pages, CloudWatch metrics).
 */
export const WORKLOAD_VOLUMES = {
    managementEvents: { doc: "CloudTrail management events (read and write)", small: 200_000, medium: 2_000_000, large: 20_000_000 },
    writeEventsPercent: { doc: "Share of management events that are write events, in percent (CloudTrail Insights' API call rate analyses these)", small: 20, medium: 20, large: 20, max: 100 },
    s3DataEvents: { doc: "S3 object-level API calls (CloudTrail data events, GuardDuty S3 Protection)", small: 1_000_000, medium: 20_000_000, large: 300_000_000 },
    lambdaDataEvents: { doc: "Lambda invocations (CloudTrail data events)", small: 100_000, medium: 2_000_000, large: 30_000_000 },
    configItems: { doc: "AWS Config configuration items recorded continuously", small: 1_500, medium: 15_000, large: 100_000 },
    flowAndDnsLogGb: { doc: "GB of VPC flow logs and DNS query logs GuardDuty analyses", small: 1, medium: 20, large: 300 },
    subscribedLogGb: { doc: "GB of CloudWatch Logs the account-level subscription streams to the central pipeline", small: 1, medium: 20, large: 200 },
    accessLogGb: { doc: "GB of S3 server access logs and load balancer logs staged and archived", small: 0, medium: 2, large: 20 },
    findings: { doc: "Security findings and finding updates (GuardDuty, Inspector, Macie, Access Analyzer, Security Hub controls) that reach the buses", small: 100, medium: 1_000, large: 10_000 },
    securityHubChecksPerStandard: { doc: "Security Hub control checks per enabled standard", small: 5_000, medium: 40_000, large: 250_000 },
    ec2Instances: { doc: "EC2 instances (Inspector scans)", small: 1, medium: 20, large: 150 },
    ec2Vcpus: { doc: "vCPUs of EC2, EKS and Fargate workloads (GuardDuty Runtime Monitoring), averaged over the month", small: 2, medium: 40, large: 300 },
    lambdaFunctions: { doc: "Lambda functions (Inspector standard and code scans)", small: 5, medium: 40, large: 300 },
    containerImages: { doc: "Container images pushed to ECR (Inspector scans on push)", small: 0, medium: 20, large: 200 },
    s3Buckets: { doc: "S3 buckets (Macie inventory and monitoring)", small: 10, medium: 40, large: 200 },
    s3ObjectsMonitored: { doc: "S3 objects in scope of Macie automated sensitive data discovery", small: 100_000, medium: 2_000_000, large: 50_000_000 },
    macieInspectedGb: { doc: "GB Macie automated discovery inspects (it samples objects)", small: 1, medium: 5, large: 30 },
    detectiveGb: { doc: "GB Detective ingests into the behavior graph", small: 0.5, medium: 5, large: 50 },
    eksAuditEvents: { doc: "EKS audit log events (GuardDuty EKS Protection)", small: 0, medium: 1_000_000, large: 20_000_000 },
    ebsScannedGb: { doc: "GB of EBS volume data GuardDuty Malware Protection scans (scans follow findings)", small: 0, medium: 50, large: 500 },
    rdsVcpus: { doc: "vCPUs of RDS and Aurora databases (GuardDuty RDS Protection)", small: 0, medium: 4, large: 32 },
    lambdaNetworkGb: { doc: "GB of Lambda network activity logs (GuardDuty Lambda Protection)", small: 0.1, medium: 2, large: 20 },
    aiEvents: { doc: "Amazon Bedrock and SageMaker AI events (GuardDuty AI Protection)", small: 0, medium: 100_000, large: 2_000_000 },
    iamPrincipals: { doc: "IAM roles and users of the account (all regions together; Access Analyzer unused access)", small: 20, medium: 100, large: 500 },
} as const satisfies Record<string, WorkloadVolume>;
export type VolumeKey = keyof typeof WORKLOAD_VOLUMES;

/** The estimate settings with defaults applied. */
export interface EstimateSettings {
    /** Workload size of every account not named in `accounts`. */
    readonly workload: WorkloadSize;
    /** Account name → workload size, where it differs. */
    readonly accounts: Readonly<Record<string, WorkloadSize>>;
    /** Size → volume key → monthly volume, replacing the default of that key for that size. */
    readonly volumes: Readonly<Partial<Record<WorkloadSize, Readonly<Partial<Record<VolumeKey, number>>>>>>;
    /** The first this-many enabled regions (home region first) carry an account's full volumes. */
    readonly activeRegions: number;
    /** Share of the volumes, in percent, every other enabled region carries (default resources, stray activity). */
    readonly idleRegionPercent: number;
    /** Runs per month of each saved Athena query (the investigations the security team runs). */
    readonly queryRunsPerMonth: number;
    /** GB one saved-query run scans before partition pruning stops it (capped by the workgroup's per-query limit). */
    readonly queryScanGb: number;
}

const size = { kind: "string", enum: WORKLOAD_SIZES } as const;
const volumeFields: Record<string, Schema> = Object.fromEntries(
    Object.entries(WORKLOAD_VOLUMES).map(([k, v]: [string, WorkloadVolume]) => [k, { kind: "number", min: 0, max: v.max, optional: true, doc: v.doc } as Schema]),
);

export const estimateSettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    doc: "Usage assumptions of the cost estimate (`npm run plan -- --estimate`, docs/cost.md); they change no resource.",
    fields: {
        workload: { ...size, default: "medium", doc: "Workload size of every account not listed in accounts: small, medium or large (volumes per size in docs/cost.md)." },
        accounts: { kind: "map", default: {}, values: size, doc: "Account name → workload size, where it differs from workload." },
        volumes: {
            kind: "map",
            default: {},
            keys: size,
            values: { kind: "object", fields: volumeFields },
            doc: "Per workload size, monthly volumes that replace the defaults (keys and defaults in docs/cost.md), e.g. medium: { managementEvents: 5000000 }.",
        },
        activeRegions: {
            kind: "integer",
            min: 1,
            default: 2,
            doc: "How many enabled regions (the home region first, in the order of regions) carry an account's full volumes; workloads seldom run in every enabled region.",
        },
        idleRegionPercent: { kind: "integer", min: 0, max: 100, default: 5, doc: "Percent of the volumes every other enabled region carries (default VPCs and security groups, stray calls)." },
        queryRunsPerMonth: { kind: "integer", min: 0, default: 30, doc: "Runs per month of each saved Athena query." },
        queryScanGb: { kind: "integer", min: 0, default: 10, doc: "GB one saved-query run scans (capped by the workgroup's per-query scan limit)." },
    },
};

/** Every account named under `estimate.accounts` exists in the org file. */
export function validateEstimateSettings(s: EstimateSettings, accountNames: readonly string[], file: string, problems: ProblemList): void {
    for (const name of Object.keys(s.accounts)) {
        if (accountNames.includes(name)) continue;
        const hint = closest(name, accountNames);
        problems.add(file, `estimate.accounts.${name}`, `${show(name)} is not an account of ${file}${hint ? ` (did you mean ${show(hint)}?)` : ""}; accounts: ${accountNames.join(", ")}`);
    }
}
