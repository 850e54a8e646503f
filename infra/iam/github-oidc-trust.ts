/**
 * Trust of the management account's CI roles: GitHub Actions' OIDC tokens of one repository, by
 * subject. GitHub sets `sub` to `repo:<owner>/<repo>:environment:<name>` for a job that names an
 * environment, `repo:<owner>/<repo>:pull_request` for a pull-request job, and
 * `repo:<owner>/<repo>:ref:refs/heads/<branch>` otherwise (GitHub Docs, "About security hardening
 * with OpenID Connect", example subject claims); AWS checks `aud` and `sub` of the token against the
 * role's trust (IAM User Guide, "Configuring a role for GitHub OIDC identity provider"). Forks get no
 * OIDC token for pull requests, so `pull_request` means a branch of this repository.
 */
import { policyDocument, type PolicyDocument } from "./types";

/** The OIDC issuer host of GitHub Actions: the provider URL and the prefix of its condition keys. */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
/** The audience `aws-actions/configure-aws-credentials` requests. */
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

/** The OIDC subjects a CI role admits. */
export function githubSubjects(repository: string, kind: "preview" | "deploy", deployEnvironment: string): string[] {
    // Deploy: only jobs of the deploy environment, whose branch rule admits main alone. Preview: pull
    // requests and the scheduled drift check, which runs on main without an environment.
    return kind === "deploy" ? [`repo:${repository}:environment:${deployEnvironment}`] : [`repo:${repository}:pull_request`, `repo:${repository}:ref:refs/heads/main`];
}

export function githubOidcTrustPolicy(a: { readonly providerArn: string; readonly subjects: readonly string[] }): PolicyDocument {
    if (a.subjects.length === 0) throw new Error("subjects: a GitHub OIDC trust without a subject would admit every repository on GitHub");
    return policyDocument([
        {
            Sid: "GitHubActionsOfThisRepository",
            Effect: "Allow",
            Principal: { Federated: a.providerArn },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
                StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE, [`${GITHUB_OIDC_HOST}:sub`]: [...a.subjects] },
            },
        },
    ]);
}
