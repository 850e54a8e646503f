import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { failIfAny } from "../validate";

export interface SecurityEventBusArgs {
    /** Physical name of the central bus (`naming.centralBusName`). */
    readonly busName: string;
    /** Bus policy (`iam/bus-policy.ts`); an Output when the organisation id comes from the management stack. */
    readonly busPolicy: pulumi.Input<PolicyDocument>;
    /** Policy of the key of the topics, queues and log group (`iam/topic-key-policy.ts`). */
    readonly keyPolicy: PolicyDocument;
    /** Alias of the key, `alias/…`. */
    readonly keyAlias: string;
    /** Name of the archive of every event on the bus (≤ 48 characters). */
    readonly archiveName: string;
    /**
     * Days the archive keeps events for replay.
     * @default 365
     */
    readonly archiveRetentionDays?: number;
}

export type ResolvedSecurityEventBusArgs = Required<SecurityEventBusArgs>;

export function resolveSecurityEventBusArgs(name: string, args: SecurityEventBusArgs): ResolvedSecurityEventBusArgs {
    const archiveRetentionDays = args.archiveRetentionDays ?? 365;
    const problems: string[] = [];
    if (!/^[\w.-]{1,256}$/.test(args.busName)) problems.push(`busName: ${JSON.stringify(args.busName)} must be 1-256 characters of letters, digits and . - _`);
    if (!/^[\w.-]{1,48}$/.test(args.archiveName)) problems.push(`archiveName: ${JSON.stringify(args.archiveName)} must be 1-48 characters of letters, digits and . - _`);
    if (!/^alias\/[\w/-]+$/.test(args.keyAlias) || args.keyAlias.startsWith("alias/aws/")) problems.push(`keyAlias: ${JSON.stringify(args.keyAlias)} must be alias/<name> and not under alias/aws/`);
    if (!Number.isInteger(archiveRetentionDays) || archiveRetentionDays < 1) problems.push(`archiveRetentionDays: ${archiveRetentionDays} must be a whole number of days, at least 1`);
    failIfAny("SecurityEventBus", name, problems);
    return { ...args, archiveRetentionDays };
}

/**
 * The central security bus of the security account (home region): the bus with a policy that admits
 * PutEvents from the organisation only, an archive of every event for replay (kept on delete), and
 * the customer managed key that encrypts the topics, queues and log group the bus feeds.
 */
export class SecurityEventBus extends pulumi.ComponentResource {
    public readonly busName: pulumi.Output<string>;
    public readonly busArn: pulumi.Output<string>;
    public readonly keyArn: pulumi.Output<string>;
    public readonly archiveArn: pulumi.Output<string>;

    constructor(name: string, args: SecurityEventBusArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:events:SecurityEventBus", name, {}, opts);
        const a = resolveSecurityEventBusArgs(name, args);
        const key = new aws.kms.Key(
            `${name}-key`,
            {
                description: "Severity topics, SIEM queues and security-events log group of the central bus",
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                policy: policyJson(a.keyPolicy),
            },
            { parent: this, protect: true, retainOnDelete: true },
        );
        new aws.kms.Alias(`${name}-key-alias`, { name: a.keyAlias, targetKeyId: key.keyId }, { parent: this });
        const bus = new aws.cloudwatch.EventBus(`${name}-bus`, { name: a.busName }, { parent: this, protect: true });
        new aws.cloudwatch.EventBusPolicy(
            `${name}-bus-policy`,
            { eventBusName: bus.name, policy: pulumi.output(a.busPolicy).apply((doc) => policyJson(doc as PolicyDocument)) },
            { parent: this },
        );
        const archive = new aws.cloudwatch.EventArchive(
            `${name}-archive`,
            { name: a.archiveName, description: "Every event of the central security bus, for replay", eventSourceArn: bus.arn, retentionDays: a.archiveRetentionDays },
            { parent: this, protect: true, retainOnDelete: true },
        );
        this.busName = bus.name;
        this.busArn = bus.arn;
        this.keyArn = key.arn;
        this.archiveArn = archive.arn;
        this.registerOutputs({ busName: this.busName, busArn: this.busArn, keyArn: this.keyArn, archiveArn: this.archiveArn });
    }
}
