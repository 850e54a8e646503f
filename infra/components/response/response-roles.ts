import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PLAYBOOK_IDS, type PlaybookId } from "../../config/playbooks";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { failIfAny, roleNameProblem } from "../validate";

/** One playbook's role in this account. */
export interface ResponseRoleSpec {
    readonly playbook: PlaybookId;
    /** Physical name (`naming.responseRoleName`): under the prefix, so the roles guardrail protects it. */
    readonly roleName: string;
    /** Only the playbook's function, with its external id (`iam/response-role-trust.ts`). */
    readonly trustPolicy: PolicyDocument;
    /** Exactly the playbook's actions on its resource types in this account (`iam/response-role-permissions.ts`). */
    readonly permissionsPolicy: PolicyDocument;
}

export interface ResponseRolesArgs {
    /** The playbooks that act in this account; at least one. */
    readonly roles: readonly ResponseRoleSpec[];
}

export function resolveResponseRolesArgs(name: string, args: ResponseRolesArgs): ResponseRolesArgs {
    const problems: string[] = [];
    if (args.roles.length === 0) problems.push("roles: at least one playbook role; create no component when no playbook acts in the account");
    args.roles.forEach((r, i) => {
        if (!PLAYBOOK_IDS.includes(r.playbook)) problems.push(`roles[${i}].playbook: ${JSON.stringify(r.playbook)} is not one of ${PLAYBOOK_IDS.join(", ")}`);
        if (args.roles.findIndex((o) => o.playbook === r.playbook) !== i) problems.push(`roles[${i}].playbook: ${r.playbook} is listed twice`);
        const p = roleNameProblem(`roles[${i}].roleName`, r.roleName);
        if (p) problems.push(p);
        if (r.trustPolicy.Statement.length === 0) problems.push(`roles[${i}].trustPolicy: has no statement; the playbook could not act`);
    });
    failIfAny("ResponseRoles", name, problems);
    return args;
}

/**
 * The roles the response playbooks act through in this account: one per playbook in whose scope
 * the account is, each allowed exactly its playbook's calls and assumable only by that playbook's
 * function in the security account. The guardrail on `<prefix>-*` roles keeps the account's own
 * administrators from widening, re-trusting or deleting them.
 */
export class ResponseRoles extends pulumi.ComponentResource {
    /** Role ARN by playbook. */
    public readonly roleArns: pulumi.Output<Partial<Record<PlaybookId, string>>>;

    constructor(name: string, args: ResponseRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:response:ResponseRoles", name, {}, opts);
        const a = resolveResponseRolesArgs(name, args);
        const arns: Partial<Record<PlaybookId, pulumi.Output<string>>> = {};
        for (const r of a.roles) {
            const role = new aws.iam.Role(
                `${name}-${r.playbook}`,
                { name: r.roleName, description: `Response playbook ${r.playbook}: assumed by its function in the security account (docs/response.md)`, assumeRolePolicy: policyJson(r.trustPolicy), maxSessionDuration: 3600 },
                { parent: this },
            );
            new aws.iam.RolePolicy(`${name}-${r.playbook}-permissions`, { role: role.name, policy: policyJson(r.permissionsPolicy) }, { parent: this });
            arns[r.playbook] = role.arn;
        }
        this.roleArns = pulumi.output(arns) as pulumi.Output<Partial<Record<PlaybookId, string>>>;
        this.registerOutputs({ roleArns: this.roleArns });
    }
}
