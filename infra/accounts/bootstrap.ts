import type { StackModel } from "../config/model";
import type { BootstrapFacts } from "../config/bootstrap";
import { accountRolesTemplate, type CloudFormationTemplate } from "../components/bootstrap/account-roles-template";
import { AccountRoles } from "../components/bootstrap/account-roles";
import { CiIdentity } from "../components/bootstrap/ci-identity";
import { StateBackend } from "../components/bootstrap/state-backend";
import { deploymentTrustPolicy, previewTrustPolicy } from "../iam/account-role-trust";
import { breakGlassTrustPolicy } from "../iam/break-glass-trust";
import { previewDataDenyPolicy } from "../iam/ci-role-permissions";
import { ciRoleName, roleStackSetName, servicePrincipal, stateAccessLogBucketName, stateBucketName, stateKeyAlias } from "../naming";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "bootstrap" }>;

/**
 * The `bootstrap` role, run once by an administrator of the management account with their own
 * credentials (nothing else exists yet): the state backend, the CI identity, and the deployment,
 * break-glass and preview roles in every account. Its own state starts in a local backend and moves
 * into the bucket it creates (README, "Deploy for real").
 */
export function runBootstrapStack(ctx: RoleContext<Model>): RoleOutputs {
    const { org, settings } = ctx.model;
    const facts = org.bootstrap as BootstrapFacts;
    const opts = { provider: ctx.provider };
    const state = new StateBackend(
        "state",
        {
            partition: org.partition,
            accountId: org.management.id,
            region: org.homeRegion,
            bucketName: stateBucketName(org),
            accessLogBucketName: stateAccessLogBucketName(org),
            keyAlias: stateKeyAlias(org),
            loggingPrincipal: servicePrincipal(org, "logging.s3"),
        },
        opts,
    );
    const ci = new CiIdentity(
        "ci",
        {
            partition: org.partition,
            repository: facts.githubRepository,
            deployEnvironment: facts.deployEnvironment,
            roleNames: { preview: ciRoleName(org, "preview"), deploy: ciRoleName(org, "deploy") },
            accountRoleNames: { preview: org.roles.preview, deploy: org.roles.deployment },
            stateBucketArn: state.bucketArn,
            stateKeyArn: state.keyArn,
        },
        opts,
    );
    const roles = new AccountRoles(
        "account-roles",
        {
            stackSetName: roleStackSetName(org),
            memberTemplate: accountRolesTemplateOf(ctx.model, "member"),
            managementTemplate: accountRolesTemplateOf(ctx.model, "management"),
            targets: facts.stackSetTargets,
            region: org.homeRegion,
            ...settings.stackSet,
        },
        // The management account's deployment role trusts the CI deploy role by ARN: IAM checks
        // that the principal exists when the trust is written.
        { ...opts, dependsOn: [ci] },
    );
    return {
        backendUrl: state.backendUrl,
        secretsProvider: state.secretsProvider,
        stateBucketName: state.bucketName,
        stateKeyArn: state.keyArn,
        ciPreviewRoleArn: ci.previewRoleArn,
        ciDeployRoleArn: ci.deployRoleArn,
        oidcProviderArn: ci.providerArn,
        accountRolesStackSetArn: roles.stackSetArn,
    };
}

/**
 * The roles template of a target account, or of the management account (whose deployment role
 * also admits the break-glass holders, the path of a deploy by hand). Exported for the tests and
 * the docs, which judge exactly what is deployed.
 */
export function accountRolesTemplateOf(model: StackModel, where: "member" | "management"): CloudFormationTemplate {
    const org = model.org;
    const base = { partition: org.partition, managementAccountId: org.management.id };
    const holders = { users: org.breakGlass.users, identityCenterPermissionSets: org.breakGlass.identityCenterPermissionSets };
    return accountRolesTemplate({
        deploymentRoleName: org.roles.deployment,
        deploymentTrust: deploymentTrustPolicy({ ...base, ciDeployRoleName: ciRoleName(org, "deploy"), deploymentRoleName: org.roles.deployment, holders: where === "management" ? holders : undefined }),
        breakGlassRoleName: org.roles.breakGlass,
        breakGlassTrust: breakGlassTrustPolicy({ ...base, ...holders }),
        breakGlassMaxSessionSeconds: org.breakGlass.maxSessionMinutes * 60,
        previewRoleName: org.roles.preview,
        previewTrust: previewTrustPolicy({ ...base, ciPreviewRoleName: ciRoleName(org, "preview") }),
        previewDeny: previewDataDenyPolicy(),
    });
}
