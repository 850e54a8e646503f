import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface AccountHardeningArgs {
    /** The account the settings apply to (guards against a provider pointed elsewhere). */
    readonly accountId: string;
}

export function resolveAccountHardeningArgs(name: string, args: AccountHardeningArgs): AccountHardeningArgs {
    if (!/^\d{12}$/.test(args.accountId)) throw new Error(`AccountHardening ${name}:\n  accountId: ${JSON.stringify(args.accountId)} is not a 12-digit AWS account id`);
    return args;
}

/**
 * Account-wide settings the logging depends on. The S3 public access block, all four switches, at
 * account level: buckets that hold logs in this account (ELB/flow/access logs before replication,
 * Config and CloudTrail staging in the log archive) can never be opened by a bucket policy or ACL,
 * whatever a later bucket-level setting says.
 */
export class AccountHardening extends pulumi.ComponentResource {
    public readonly publicAccessBlockId: pulumi.Output<string>;

    constructor(name: string, args: AccountHardeningArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:baseline:AccountHardening", name, {}, opts);
        const a = resolveAccountHardeningArgs(name, args);
        const block = new aws.s3.AccountPublicAccessBlock(
            `${name}-s3-public-access-block`,
            { accountId: a.accountId, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            { parent: this },
        );
        this.publicAccessBlockId = block.id;
        this.registerOutputs({ publicAccessBlockId: this.publicAccessBlockId });
    }
}
