import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DeployedAccount, StackModel } from "./config/model";
import { roleArn } from "./naming";
import { baselineTags } from "./tags";

/**
 * The one provider of an account. It assumes the landing-zone deployment role (or the read-only
 * preview role), refuses to touch
 * any other account (`allowedAccountIds`) and tags everything. Its region is the home region;
 * resources elsewhere set the v7 `region` argument instead of needing another provider.
 */
export function accountProvider(model: StackModel, account: DeployedAccount, opts?: pulumi.CustomResourceOptions, assume: AssumedRole = "deployment"): aws.Provider {
    const org = model.org;
    return new aws.Provider(
        `account-${account.name}`,
        {
            region: org.homeRegion as aws.Region,
            allowedAccountIds: [account.id],
            // The bootstrap creates the roles, so it runs as the caller (an administrator of the
            // management account, once); every other stack goes through a role of its account.
            ...(model.role === "bootstrap"
                ? {}
                : { assumeRoles: [{ roleArn: roleArn(org, account.id, assume === "preview" ? org.roles.preview : org.roles.deployment), sessionName: `lz-${model.stack}`.slice(0, 64) }] }),
            defaultTags: { tags: baselineTags(model) },
        },
        opts,
    );
}

/**
 * The role the providers assume: `deployment` to deploy; `preview` for a read-only preview or drift
 * check (pull requests, the scheduled drift workflow), chosen with `LZ_ASSUME=preview`.
 */
export type AssumedRole = "deployment" | "preview";
