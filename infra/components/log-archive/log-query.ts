import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyJson } from "../../iam/types";
import { queryRolePermissionsPolicy, queryRoleTrustPolicy } from "../../iam/log-archive-query-role";
import { objectGlob, projectionProperties, PARTITION_KEYS, type LogTable } from "./log-tables";
import type { QueryTable, SavedQuery } from "./saved-queries";
import { failIfAny } from "../validate";

/** Athena's minimum per-query data usage limit (10 MB). */
export const MIN_BYTES_SCANNED_CUTOFF = 10 * 1024 * 1024;
/** Default per-query limit: 10 GiB, a week of CloudTrail for a mid-sized organisation, and a cost stop for runaway scans. */
export const DEFAULT_BYTES_SCANNED_CUTOFF = 10 * 1024 * 1024 * 1024;

export interface LogQueryArgs {
    /** Athena workgroup name. */
    readonly workgroupName: string;
    /** Glue database name (lowercase letters, digits, `_`). */
    readonly databaseName: string;
    /** Name of the role the investigator assumes to query. */
    readonly roleName: string;
    /** Roles (the security account's investigator) that may assume the query role. */
    readonly trustedRoleArns: readonly string[];
    /** Tables over the archive, by the key saved queries use. */
    readonly tables: Readonly<Record<QueryTable, LogTable>>;
    /** Saved queries (Athena named queries) of the workgroup. */
    readonly queries: readonly SavedQuery[];
    /** The archive the tables read. */
    readonly archive: { readonly bucketName: string; readonly bucketArn: string; readonly keyArn: pulumi.Input<string> };
    /** Where results go (`QueryResults`). */
    readonly results: { readonly bucketName: pulumi.Input<string>; readonly bucketArn: pulumi.Input<string>; readonly keyArn: pulumi.Input<string> };
    /** Account ids projected as the `account` partition: every account of the organisation. */
    readonly accountIds: readonly string[];
    /** Days of data in the archive: the projected `day` range reaches back this far. */
    readonly retentionDays: number;
    /** Log-archive account id (expected owner of the results bucket). */
    readonly accountId: string;
    /** Partition and region of the workgroup (ARNs in the role's policy). */
    readonly partition: string;
    readonly region: string;
    /** Athena's service principal (`aws:CalledVia`) and `s3.<region>.amazonaws.com` (`kms:ViaService`). */
    readonly athenaPrincipal: string;
    readonly s3ViaService: string;
    /**
     * Per-query limit of data scanned, bytes; a query that exceeds it is cancelled.
     * @default 10737418240 (10 GiB)
     */
    readonly bytesScannedCutoffPerQuery?: number;
}

export type ResolvedLogQueryArgs = LogQueryArgs & { readonly bytesScannedCutoffPerQuery: number };

export function resolveLogQueryArgs(name: string, args: LogQueryArgs): ResolvedLogQueryArgs {
    const r = { bytesScannedCutoffPerQuery: DEFAULT_BYTES_SCANNED_CUTOFF, ...args };
    const problems: string[] = [];
    if (!Number.isInteger(r.bytesScannedCutoffPerQuery) || r.bytesScannedCutoffPerQuery < MIN_BYTES_SCANNED_CUTOFF) {
        problems.push(`bytesScannedCutoffPerQuery: ${r.bytesScannedCutoffPerQuery} is below Athena's minimum of ${MIN_BYTES_SCANNED_CUTOFF} bytes (10 MB)`);
    }
    if (!/^[a-z0-9_]{1,255}$/.test(r.databaseName)) problems.push(`databaseName: ${JSON.stringify(r.databaseName)} must be lowercase letters, digits and _ (Athena cannot query other names unquoted)`);
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(r.workgroupName)) problems.push(`workgroupName: ${JSON.stringify(r.workgroupName)} must be 1-128 of A-Z a-z 0-9 . _ -`);
    if (r.accountIds.length === 0) problems.push("accountIds: at least one account is required, or every table is empty");
    const badIds = r.accountIds.filter((id) => !/^\d{12}$/.test(id));
    if (badIds.length > 0) problems.push(`accountIds: ${JSON.stringify(badIds)} are not 12-digit account ids`);
    if (!Number.isInteger(r.retentionDays) || r.retentionDays < 1) problems.push(`retentionDays: ${r.retentionDays} must be a whole number of days ≥ 1`);
    if (r.trustedRoleArns.length === 0) problems.push("trustedRoleArns: at least one role must be able to query");
    const ids = r.queries.map((q) => q.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (twice.length > 0) problems.push(`queries: ${JSON.stringify(twice)} used as the id of more than one query`);
    for (const q of r.queries) {
        if (!(q.table in r.tables)) problems.push(`queries: ${q.id} reads table ${JSON.stringify(q.table)}, which is not defined`);
        if (!Number.isInteger(q.lookbackDays) || q.lookbackDays < 1) problems.push(`queries: ${q.id} looks back ${q.lookbackDays} days; use a whole number ≥ 1`);
    }
    failIfAny("LogQuery", name, problems);
    return r;
}

/**
 * The query layer over the archive: an Athena workgroup whose settings queries cannot override
 * (results location and SSE-KMS encryption, a per-query scan limit, CloudWatch metrics), a Glue
 * database with one table per log class (partition projection, so nothing needs crawling or
 * `MSCK REPAIR`), the saved queries, and the role the security account's investigator assumes to
 * run them.
 */
export class LogQuery extends pulumi.ComponentResource {
    public readonly workgroupName: pulumi.Output<string>;
    public readonly databaseName: pulumi.Output<string>;
    public readonly roleArn: pulumi.Output<string>;
    /** Saved-query id → named query id. */
    public readonly namedQueryIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: LogQueryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:log-archive:LogQuery", name, {}, opts);
        const a = resolveLogQueryArgs(name, args);
        const child = { parent: this };

        const workgroup = new aws.athena.Workgroup(
            `${name}-workgroup`,
            {
                name: a.workgroupName,
                description: "Queries over the organisation's log archive",
                state: "ENABLED",
                forceDestroy: false,
                configuration: {
                    enforceWorkgroupConfiguration: true,
                    publishCloudwatchMetricsEnabled: true,
                    bytesScannedCutoffPerQuery: a.bytesScannedCutoffPerQuery,
                    engineVersion: { selectedEngineVersion: "Athena engine version 3" },
                    resultConfiguration: {
                        outputLocation: pulumi.interpolate`s3://${a.results.bucketName}/results/`,
                        encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: a.results.keyArn },
                        expectedBucketOwner: a.accountId,
                    },
                },
            },
            child,
        );
        const database = new aws.glue.CatalogDatabase(`${name}-database`, { name: a.databaseName, description: "Tables over the organisation's log archive (partition projection)" }, child);
        for (const t of Object.values(a.tables)) {
            new aws.glue.CatalogTable(
                `${name}-table-${t.name.replace(/_/g, "-")}`,
                {
                    name: t.name,
                    databaseName: database.name,
                    description: t.description,
                    tableType: "EXTERNAL_TABLE",
                    parameters: { EXTERNAL: "TRUE", ...t.properties, ...projectionProperties(t, { bucketName: a.archive.bucketName, accountIds: a.accountIds, days: a.retentionDays }) },
                    partitionKeys: PARTITION_KEYS.map((k) => ({ name: k, type: "string" })),
                    storageDescriptor: {
                        location: `s3://${a.archive.bucketName}/${t.keyPrefix}`,
                        inputFormat: t.inputFormat,
                        outputFormat: t.outputFormat,
                        serDeInfo: { serializationLibrary: t.serde.library, parameters: { ...t.serde.parameters } },
                        columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
                    },
                },
                child,
            );
        }
        const namedQueryIds: Record<string, pulumi.Output<string>> = {};
        for (const q of a.queries) {
            const named = new aws.athena.NamedQuery(
                `${name}-query-${q.id}`,
                { name: q.title, description: q.description, workgroup: workgroup.name, database: database.name, query: q.sql(`"${a.databaseName}"."${a.tables[q.table].name}"`, q.lookbackDays) },
                child,
            );
            namedQueryIds[q.id] = named.id;
        }

        const role = new aws.iam.Role(
            `${name}-role`,
            { name: a.roleName, description: "Investigators of the security account query the log archive with Athena", assumeRolePolicy: policyJson(queryRoleTrustPolicy({ trustedRoleArns: a.trustedRoleArns })) },
            child,
        );
        const arnIn = (service: string) => `arn:${a.partition}:${service}:${a.region}:${a.accountId}`;
        new aws.iam.RolePolicy(
            `${name}-permissions`,
            {
                role: role.name,
                policy: pulumi.all([a.archive.keyArn, a.results.bucketArn, a.results.keyArn]).apply(([archiveKeyArn, resultsBucketArn, resultsKeyArn]) =>
                    policyJson(
                        queryRolePermissionsPolicy({
                            workgroupArn: `${arnIn("athena")}:workgroup/${a.workgroupName}`,
                            dataCatalogArn: `${arnIn("athena")}:datacatalog/AwsDataCatalog`,
                            glueArnPrefix: arnIn("glue"),
                            databaseName: a.databaseName,
                            archiveBucketArn: a.archive.bucketArn,
                            archiveReadPrefixes: Object.values(a.tables).map(objectGlob),
                            archiveKeyArn,
                            resultsBucketArn,
                            resultsKeyArn,
                            athenaPrincipal: a.athenaPrincipal,
                            s3ViaService: a.s3ViaService,
                        }),
                    ),
                ),
            },
            child,
        );

        this.workgroupName = workgroup.name;
        this.databaseName = database.name;
        this.roleArn = role.arn;
        this.namedQueryIds = pulumi.output(namedQueryIds);
        this.registerOutputs({ workgroupName: this.workgroupName, databaseName: this.databaseName, roleArn: this.roleArn, namedQueryIds: this.namedQueryIds });
    }
}
