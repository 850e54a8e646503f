import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ciRolePermissions } from "../../iam/ci-role-permissions";
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST, githubOidcTrustPolicy, githubSubjects } from "../../iam/github-oidc-trust";
import { policyJson } from "../../iam/types";
import { failIfAny, roleNameProblem } from "../validate";

export interface CiIdentityArgs {
    readonly partition: string;
    /** `owner/name` of the repository whose workflows assume the roles. */
    readonly repository: string;
    /** GitHub environment of the deploy jobs. */
    readonly deployEnvironment: string;
    /** Names of the two CI roles in this (the management) account. */
    readonly roleNames: { readonly preview: string; readonly deploy: string };
    /** What each assumes in every account: `roles.preview` and `roles.deployment`. */
    readonly accountRoleNames: { readonly preview: string; readonly deploy: string };
    readonly stateBucketArn: pulumi.Input<string>;
    readonly stateKeyArn: pulumi.Input<string>;
    /**
     * An OIDC provider for GitHub already exists in the account (one per issuer URL is allowed): its ARN, used instead of creating one.
     * @default undefined (created)
     */
    readonly existingProviderArn?: string;
}

export function resolveCiIdentityArgs(name: string, args: CiIdentityArgs): CiIdentityArgs {
    const problems: string[] = [];
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(args.repository)) problems.push(`repository: ${JSON.stringify(args.repository)} is not owner/name`);
    for (const [k, v] of Object.entries(args.roleNames)) {
        const p = roleNameProblem(`roleNames.${k}`, v);
        if (p) problems.push(p);
    }
    if (args.roleNames.preview === args.roleNames.deploy) problems.push("roleNames: the preview and deploy roles must differ, or pull requests could deploy");
    failIfAny("CiIdentity", name, problems);
    return args;
}

/**
 * The CI identity: GitHub Actions' OIDC provider and two roles the workflows assume, with no
 * long-lived secret anywhere. The preview role (pull requests, the scheduled drift check) may only
 * assume the read-only preview role in the accounts; the deploy role (the deploy environment's jobs
 * only) may assume the deployment role.
 */
export class CiIdentity extends pulumi.ComponentResource {
    public readonly providerArn: pulumi.Output<string>;
    public readonly previewRoleArn: pulumi.Output<string>;
    public readonly deployRoleArn: pulumi.Output<string>;

    constructor(name: string, args: CiIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:bootstrap:CiIdentity", name, {}, opts);
        const a = resolveCiIdentityArgs(name, args);
        // GitHub's issuer is verified against AWS's own trusted CAs; the thumbprint is kept only because the API wants one (IAM User Guide, "Create an OpenID Connect identity provider").
        const providerArn = a.existingProviderArn
            ? pulumi.output(a.existingProviderArn)
            : new aws.iam.OpenIdConnectProvider(`${name}-github`, { url: `https://${GITHUB_OIDC_HOST}`, clientIdLists: [GITHUB_OIDC_AUDIENCE] }, { parent: this }).arn;
        const roleArns = {} as Record<"preview" | "deploy", pulumi.Output<string>>;
        for (const kind of ["preview", "deploy"] as const) {
            const role = new aws.iam.Role(
                `${name}-${kind}`,
                {
                    name: a.roleNames[kind],
                    description: kind === "preview" ? "GitHub Actions: read-only previews and drift checks of the landing zone" : "GitHub Actions: landing-zone deployments from the deploy environment",
                    assumeRolePolicy: providerArn.apply((arn) => policyJson(githubOidcTrustPolicy({ providerArn: arn, subjects: githubSubjects(a.repository, kind, a.deployEnvironment) }))),
                    maxSessionDuration: 3600 * 2,
                },
                { parent: this },
            );
            new aws.iam.RolePolicy(
                `${name}-${kind}-permissions`,
                {
                    role: role.name,
                    name: "landing-zone-ci",
                    policy: pulumi
                        .all([a.stateBucketArn, a.stateKeyArn])
                        .apply(([stateBucketArn, stateKeyArn]) => policyJson(ciRolePermissions({ partition: a.partition, kind, accountRoleName: a.accountRoleNames[kind], stateBucketArn, stateKeyArn }))),
                },
                { parent: this },
            );
            roleArns[kind] = role.arn;
        }
        this.providerArn = providerArn;
        this.previewRoleArn = roleArns.preview;
        this.deployRoleArn = roleArns.deploy;
        this.registerOutputs({ providerArn: this.providerArn, previewRoleArn: this.previewRoleArn, deployRoleArn: this.deployRoleArn });
    }
}
