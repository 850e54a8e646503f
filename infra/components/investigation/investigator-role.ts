import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { investigatorPermissionsPolicy, investigatorTrustPolicy } from "../../iam/investigator";
import { policyJson } from "../../iam/types";
import { failIfAny, roleNameProblem } from "../validate";

export interface InvestigatorRoleArgs {
    /** Physical role name: the log-archive stack's bucket, key and query-role policies name exactly this role. */
    readonly roleName: string;
    /** `arn:<partition>:iam::<this account>:root`. */
    readonly accountRootArn: string;
    readonly archiveBucketArn: pulumi.Input<string>;
    readonly archiveKeyArn: pulumi.Input<string>;
    readonly resultsBucketArn: pulumi.Input<string>;
    readonly resultsKeyArn: pulumi.Input<string>;
    readonly queryRoleArn: pulumi.Input<string>;
    /** `s3.<home region>.<partition suffix>`. */
    readonly s3ViaService: string;
    /**
     * Longest session, in seconds.
     * @default 3600
     */
    readonly maxSessionDuration?: number;
}

export function resolveInvestigatorRoleArgs(name: string, a: InvestigatorRoleArgs): Required<InvestigatorRoleArgs> {
    const problems: string[] = [];
    const roleName = roleNameProblem("roleName", a.roleName);
    if (roleName) problems.push(roleName);
    if (!/^arn:[a-z-]+:iam::\d{12}:root$/.test(a.accountRootArn)) problems.push(`accountRootArn: ${JSON.stringify(a.accountRootArn)} is not an account root ARN`);
    const maxSessionDuration = a.maxSessionDuration ?? 3600;
    if (!Number.isInteger(maxSessionDuration) || maxSessionDuration < 3600 || maxSessionDuration > 43200) {
        problems.push(`maxSessionDuration: ${maxSessionDuration} must be a whole number of seconds from 3600 to 43200`);
    }
    failIfAny("InvestigatorRole", name, problems);
    return { ...a, maxSessionDuration };
}

/**
 * The security account's investigator: the one principal outside the log-archive account that
 * reads the archive and query results and runs the saved Athena queries (through the query role).
 */
export class InvestigatorRole extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;
    public readonly roleName: pulumi.Output<string>;

    constructor(name: string, args: InvestigatorRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:investigation:InvestigatorRole", name, {}, opts);
        const a = resolveInvestigatorRoleArgs(name, args);
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                name: a.roleName,
                description: "Reads the log archive and runs its saved queries (read-only)",
                maxSessionDuration: a.maxSessionDuration,
                assumeRolePolicy: policyJson(investigatorTrustPolicy({ accountRootArn: a.accountRootArn })),
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-permissions`,
            {
                role: role.name,
                policy: pulumi
                    .all([a.archiveBucketArn, a.archiveKeyArn, a.resultsBucketArn, a.resultsKeyArn, a.queryRoleArn])
                    .apply(([archiveBucketArn, archiveKeyArn, resultsBucketArn, resultsKeyArn, queryRoleArn]) =>
                        policyJson(investigatorPermissionsPolicy({ archiveBucketArn, archiveKeyArn, resultsBucketArn, resultsKeyArn, queryRoleArn, s3ViaService: a.s3ViaService })),
                    ),
            },
            { parent: this },
        );
        this.roleArn = role.arn;
        this.roleName = role.name;
        this.registerOutputs({ roleArn: this.roleArn, roleName: this.roleName });
    }
}
