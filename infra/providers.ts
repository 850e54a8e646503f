import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DeployedAccount, StackModel } from "./config/model";
import { roleArn } from "./naming";
import { baselineTags } from "./tags";

/**
 * The one provider of an account. It assumes the landing-zone deployment role, refuses to touch
 * any other account (`allowedAccountIds`) and tags everything. Its region is the home region;
 * resources elsewhere set the v7 `region` argument instead of needing another provider.
 */
export function accountProvider(model: StackModel, account: DeployedAccount, opts?: pulumi.CustomResourceOptions): aws.Provider {
    const org = model.org;
    return new aws.Provider(
        `account-${account.name}`,
        {
            region: org.homeRegion as aws.Region,
            allowedAccountIds: [account.id],
            assumeRoles: [
                {
                    roleArn: roleArn(org, account.id, org.roles.deployment),
                    sessionName: `lz-${model.stack}`.slice(0, 64),
                },
            ],
            defaultTags: { tags: baselineTags(model) },
        },
        opts,
    );
}
