/**
 * The org file's `bootstrap` block: what the bootstrap stack needs to give the organisation its CI
 * identity and, through a service-managed StackSet, the deployment, break-glass and preview roles
 * in every account. Present means the bootstrap stack owns those roles everywhere, so member stacks
 * create none of them (one owner per role: two would fight over its trust).
 */
import type { ObjectSchema } from "./schema";

/** `bootstrap` in the organisation model (absent: the roles are made by hand or by the member baseline). */
export interface BootstrapFacts {
    /** `owner/name` of the GitHub repository whose workflows assume the CI roles. */
    readonly githubRepository: string;
    /** GitHub environment of the deploy jobs: the only OIDC subject the deploy role trusts. */
    readonly deployEnvironment: string;
    /** Root (`r-…`) or OU (`ou-…`) ids the StackSet deploys the roles into; new accounts there get them automatically. */
    readonly stackSetTargets: readonly string[];
}

export const bootstrapSchema: ObjectSchema = {
    kind: "object",
    optional: true,
    doc: "Bootstrap: the CI identity (GitHub OIDC) and a service-managed StackSet creating the deployment, break-glass and preview roles in every account of the targets (auto-deployed to new accounts). With this block, member stacks no longer create the break-glass role: the StackSet (and, in the management account, the bootstrap stack) owns it.",
    fields: {
        githubRepository: {
            kind: "string",
            pattern: /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/,
            describe: "a GitHub repository as owner/name",
            doc: "The repository whose workflows deploy (`owner/name`): pull requests and the scheduled drift check assume the read-only preview role, the deploy jobs the deploy role.",
        },
        deployEnvironment: {
            kind: "string",
            pattern: /^[A-Za-z0-9_.-]{1,255}$/,
            describe: "a GitHub environment name",
            default: "production",
            doc: "GitHub environment of the deploy jobs (its deployment-branch rule admits `main` only): the deploy role trusts only this environment's OIDC subject.",
        },
        stackSetTargets: {
            kind: "array",
            minItems: 1,
            items: { kind: "string", pattern: /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/, describe: "a root id (r-…) or OU id (ou-…-…)" },
            doc: "Root or OU ids the StackSet deploys the roles into (`aws organizations list-roots`); the root covers every account but the management account, which the bootstrap stack serves itself.",
        },
    },
};
