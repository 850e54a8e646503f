import type * as pulumi from "@pulumi/pulumi";
import type { StackModel } from "../config/model";
import { BreakGlassRole } from "../components/baseline/break-glass-role";
import { breakGlassTrustPolicy } from "../iam/break-glass-trust";
import { arn, roleArn } from "../naming";

type Model = Extract<StackModel, { role: "member" }>;

/**
 * The break-glass role of a member stack's account. With the org file's `bootstrap` block the
 * bootstrap owns it (the StackSet in the target accounts, its own stack in the management
 * account), so the member stack creates nothing and only names it: two owners would each rewrite
 * the role's trust and policies, and removing either would take the role from the other. Without
 * the block, the member baseline creates it (or adopts it, `breakGlassRole.adopt`).
 */
export function memberBreakGlassRoleArn(model: Model, opts: pulumi.ComponentResourceOptions): pulumi.Input<string> {
    const { org, account, settings } = model;
    if (org.bootstrap !== undefined) return roleArn(org, account.id, org.roles.breakGlass);
    return new BreakGlassRole(
        "break-glass",
        {
            roleName: org.roles.breakGlass,
            trustPolicy: breakGlassTrustPolicy({ partition: org.partition, managementAccountId: org.management.id, ...org.breakGlass }),
            administratorPolicyArn: arn(org, "iam", "", "aws", "policy/AdministratorAccess"),
            maxSessionMinutes: org.breakGlass.maxSessionMinutes,
            adopt: settings.breakGlassRole.adopt,
        },
        opts,
    ).roleArn;
}
