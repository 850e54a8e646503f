import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny, regionProblems } from "../validate";

/** The global IAM resource types that `includeGlobalResourceTypes` records. */
export const GLOBAL_IAM_RESOURCE_TYPES = ["AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Role", "AWS::IAM::Policy"] as const;

export interface ConfigRecorderArgs {
    /** Enabled regions: one recorder, delivery channel and recorder status in each. */
    readonly regions: readonly string[];
    /** The only region that records the global IAM resource types. */
    readonly homeRegion: string;
    /** Bucket the delivery channels deliver to (the log archive's Config staging bucket). */
    readonly bucketName: pulumi.Input<string>;
    /** KMS key the delivery channels encrypt with. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** AWS Config service name of the partition (`config.amazonaws.com`), for the service-linked role. */
    readonly configServiceName: string;
    /**
     * Recording frequency of every type not in `dailyResourceTypes`.
     * @default "CONTINUOUS"
     */
    readonly recordingFrequency?: "CONTINUOUS" | "DAILY";
    /**
     * Types recorded daily instead (one `recordingModeOverride`).
     * @default []
     */
    readonly dailyResourceTypes?: readonly string[];
    /**
     * Types not recorded at all. Non-empty switches to the `EXCLUSION_BY_RESOURCE_TYPES` strategy,
     * and the global IAM types are then excluded outside the home region.
     * @default []
     */
    readonly excludedResourceTypes?: readonly string[];
    /**
     * ARN of an existing `AWSServiceRoleForConfig` to adopt with `import` instead of creating it.
     * @default undefined (create it)
     */
    readonly adoptServiceLinkedRoleArn?: string;
    /**
     * Recorders and delivery channels that exist already, adopted with `import` in these regions and
     * then set to this component's settings. Their names are kept: AWS Config allows one
     * customer-managed recorder per account and region, and a new name would replace the recorder
     * (create a second one, which fails). The recorder status is adopted with them.
     * @default undefined (create them in every region)
     */
    readonly adopt?: {
        readonly regions: readonly string[];
        readonly recorderName: string;
        readonly deliveryChannelName: string;
    };
}

type Resolved = Required<Omit<ConfigRecorderArgs, "adoptServiceLinkedRoleArn" | "adopt">> & Pick<ConfigRecorderArgs, "adoptServiceLinkedRoleArn" | "adopt">;

/** The name every recorder and delivery channel the component creates has. */
const DEFAULT_NAME = "default";

export function resolveConfigRecorderArgs(name: string, args: ConfigRecorderArgs): Resolved {
    const a: Resolved = {
        recordingFrequency: "CONTINUOUS",
        dailyResourceTypes: [],
        excludedResourceTypes: [],
        ...args,
    };
    const problems: string[] = [];
    problems.push(...regionProblems(a.regions, {}, "regions"));
    if (!a.regions.includes(a.homeRegion)) problems.push(`homeRegion: ${a.homeRegion} is not one of the enabled regions ${a.regions.join(", ")}`);
    const both = a.dailyResourceTypes.filter((t) => a.excludedResourceTypes.includes(t));
    if (both.length > 0) problems.push(`dailyResourceTypes: ${both.join(", ")} also excluded; a type is either recorded daily or not recorded`);
    if (a.recordingFrequency === "DAILY" && a.dailyResourceTypes.length > 0) {
        problems.push("dailyResourceTypes: the recording frequency is already DAILY; list types only to record them less often than the default");
    }
    const globals = a.excludedResourceTypes.filter((t) => (GLOBAL_IAM_RESOURCE_TYPES as readonly string[]).includes(t));
    if (globals.length > 0) problems.push(`excludedResourceTypes: ${globals.join(", ")} are the global IAM types; they are always recorded in the home region`);
    const strays = (a.adopt?.regions ?? []).filter((r) => !a.regions.includes(r));
    if (strays.length > 0) problems.push(`adopt.regions: ${strays.join(", ")} not among the enabled regions ${a.regions.join(", ")}`);
    failIfAny("ConfigRecorder", name, problems);
    return a;
}

/** The recording group of one region: global IAM types only in the home region. */
export function recordingGroup(a: Resolved, region: string): aws.types.input.cfg.RecorderRecordingGroup {
    const home = region === a.homeRegion;
    if (a.excludedResourceTypes.length === 0) {
        // includeGlobalResourceTypes is only valid with allSupported.
        return { allSupported: true, includeGlobalResourceTypes: home };
    }
    const excluded = home ? [...a.excludedResourceTypes] : [...a.excludedResourceTypes, ...GLOBAL_IAM_RESOURCE_TYPES];
    return {
        allSupported: false,
        includeGlobalResourceTypes: false,
        recordingStrategies: [{ useOnly: "EXCLUSION_BY_RESOURCE_TYPES" }],
        exclusionByResourceTypes: [{ resourceTypes: excluded }],
    };
}

/**
 * AWS Config in every enabled region of the account: recorder (all supported types, global IAM types
 * in the home region only), delivery channel to the central bucket with KMS and daily snapshots, and
 * the recorder switched on; one service-linked role for all regions.
 */
export class ConfigRecorder extends pulumi.ComponentResource {
    /** ARN of the service-linked role the recorders use. */
    public readonly roleArn: pulumi.Output<string>;
    /** Recorder names by region. */
    public readonly recorderNames: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: ConfigRecorderArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:baseline:ConfigRecorder", name, {}, opts);
        const a = resolveConfigRecorderArgs(name, args);

        const role = new aws.iam.ServiceLinkedRole(
            `${name}-service-role`,
            { awsServiceName: a.configServiceName },
            { parent: this, retainOnDelete: true, ...(a.adoptServiceLinkedRoleArn ? { import: a.adoptServiceLinkedRoleArn } : {}) },
        );

        const recorderNames: Record<string, pulumi.Output<string>> = {};
        for (const region of a.regions) {
            const adopted = a.adopt?.regions.includes(region) ? a.adopt : undefined;
            const recorderName = adopted?.recorderName ?? DEFAULT_NAME;
            // Recorders and channels are imported by name (the provider reads them in the resource's region).
            const adopt = (id: string) => (adopted ? { import: id } : {});
            const recorder = new aws.cfg.Recorder(
                `${name}-recorder-${region}`,
                {
                    name: recorderName,
                    roleArn: role.arn,
                    region,
                    recordingGroup: recordingGroup(a, region),
                    recordingMode: {
                        recordingFrequency: a.recordingFrequency,
                        ...(a.dailyResourceTypes.length > 0
                            ? { recordingModeOverride: { description: "Daily recording of high-churn types (cost)", recordingFrequency: "DAILY", resourceTypes: [...a.dailyResourceTypes] } }
                            : {}),
                    },
                },
                { parent: this, ...adopt(recorderName) },
            );
            const channelName = adopted?.deliveryChannelName ?? DEFAULT_NAME;
            const channel = new aws.cfg.DeliveryChannel(
                `${name}-delivery-${region}`,
                {
                    name: channelName,
                    region,
                    s3BucketName: a.bucketName,
                    s3KmsKeyArn: a.kmsKeyArn,
                    snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
                },
                { parent: this, dependsOn: [recorder], ...adopt(channelName) },
            );
            new aws.cfg.RecorderStatus(`${name}-status-${region}`, { name: recorder.name, isEnabled: true, region }, { parent: this, dependsOn: [channel], ...adopt(recorderName) });
            recorderNames[region] = recorder.name;
        }

        this.roleArn = role.arn;
        this.recorderNames = pulumi.output(recorderNames);
        this.registerOutputs({ roleArn: this.roleArn, recorderNames: this.recorderNames });
    }
}
