import { policyDocument, type PolicyDocument } from "./types";

/** Running, watching and reading queries of the one workgroup, and its saved queries. */
export const WORKGROUP_QUERY_ACTIONS = [
    "athena:StartQueryExecution",
    "athena:StopQueryExecution",
    "athena:GetQueryExecution",
    "athena:BatchGetQueryExecution",
    "athena:ListQueryExecutions",
    "athena:GetQueryResults",
    "athena:GetQueryRuntimeStatistics",
    "athena:GetWorkGroup",
    "athena:GetNamedQuery",
    "athena:BatchGetNamedQuery",
    "athena:ListNamedQueries",
] as const;
/** What the Athena console's data pane reads about the account's catalog (`AwsDataCatalog`). */
export const DATA_CATALOG_BROWSE_ACTIONS = ["athena:GetDataCatalog", "athena:ListDatabases", "athena:GetDatabase", "athena:ListTableMetadata", "athena:GetTableMetadata"] as const;
/** Listings with no resource-level permissions. */
export const ATHENA_LIST_ACTIONS = ["athena:ListWorkGroups", "athena:ListDataCatalogs", "athena:ListEngineVersions"] as const;
/** Table and partition metadata Athena reads from the Glue Data Catalog on the caller's behalf. */
export const CATALOG_READ_ACTIONS = ["glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"] as const;
export const RESULTS_BUCKET_ACTIONS = ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"] as const;
export const RESULTS_OBJECT_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"] as const;
export const RESULTS_KEY_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"] as const;

/** Trust of the query role: the security account's investigator role only. */
export function queryRoleTrustPolicy(a: { readonly trustedRoleArns: readonly string[] }): PolicyDocument {
    if (a.trustedRoleArns.length === 0) throw new Error("trustedRoleArns: at least one role must be able to assume the query role");
    return policyDocument([{ Sid: "InvestigatorAssumes", Effect: "Allow", Principal: { AWS: [...a.trustedRoleArns] }, Action: "sts:AssumeRole" }]);
}

export interface QueryRolePermissionsArgs {
    /** `arn:<partition>:athena:<home>:<log-archive>:workgroup/<name>`. */
    readonly workgroupArn: string;
    /** `arn:<partition>:athena:<home>:<log-archive>:datacatalog/AwsDataCatalog` (the console's catalog browser). */
    readonly dataCatalogArn: string;
    /** `arn:<partition>:glue:<home>:<log-archive>` — catalog, database and table ARNs are built from it. */
    readonly glueArnPrefix: string;
    readonly databaseName: string;
    readonly archiveBucketArn: string;
    /** Key patterns of the tables' data in the archive (e.g. `AWSLogs/o-…/*`): the only objects the role reads. */
    readonly archiveReadPrefixes: readonly string[];
    readonly archiveKeyArn: string;
    readonly resultsBucketArn: string;
    readonly resultsKeyArn: string;
    /** Athena's service principal: archive reads must come through Athena (`aws:CalledVia`). */
    readonly athenaPrincipal: string;
    /** `s3.<home>.amazonaws.com`: the keys are usable only through S3. */
    readonly s3ViaService: string;
}

/**
 * What querying the archive takes, and nothing else: queries in one workgroup, read-only catalog
 * metadata of one database, the tables' objects of the archive read only through Athena, the
 * results bucket read and written, each key used only through S3. The archive's bucket policy
 * denies writes and deletions to everyone anyway; this role is not even granted them.
 */
export function queryRolePermissionsPolicy(a: QueryRolePermissionsArgs): PolicyDocument {
    if (a.archiveReadPrefixes.length === 0) throw new Error("archiveReadPrefixes: at least one table location is required");
    const viaAthena = { "ForAnyValue:StringEquals": { "aws:CalledVia": a.athenaPrincipal } };
    const viaS3 = { StringEquals: { "kms:ViaService": a.s3ViaService } };
    return policyDocument([
        { Sid: "RunQueriesInWorkgroup", Effect: "Allow", Action: [...WORKGROUP_QUERY_ACTIONS], Resource: a.workgroupArn },
        { Sid: "ListAthenaResources", Effect: "Allow", Action: [...ATHENA_LIST_ACTIONS], Resource: "*" },
        { Sid: "BrowseDataCatalog", Effect: "Allow", Action: [...DATA_CATALOG_BROWSE_ACTIONS], Resource: a.dataCatalogArn },
        {
            Sid: "ReadCatalog",
            Effect: "Allow",
            Action: [...CATALOG_READ_ACTIONS],
            Resource: [`${a.glueArnPrefix}:catalog`, `${a.glueArnPrefix}:database/${a.databaseName}`, `${a.glueArnPrefix}:table/${a.databaseName}/*`],
        },
        { Sid: "LocateArchive", Effect: "Allow", Action: "s3:GetBucketLocation", Resource: a.archiveBucketArn },
        {
            Sid: "ListTableLocations",
            Effect: "Allow",
            Action: "s3:ListBucket",
            Resource: a.archiveBucketArn,
            Condition: { ...viaAthena, StringLike: { "s3:prefix": [...a.archiveReadPrefixes] } },
        },
        { Sid: "ReadTableObjects", Effect: "Allow", Action: "s3:GetObject", Resource: a.archiveReadPrefixes.map((p) => `${a.archiveBucketArn}/${p}`), Condition: viaAthena },
        { Sid: "DecryptArchive", Effect: "Allow", Action: "kms:Decrypt", Resource: a.archiveKeyArn, Condition: viaS3 },
        { Sid: "UseResultsBucket", Effect: "Allow", Action: [...RESULTS_BUCKET_ACTIONS], Resource: a.resultsBucketArn },
        { Sid: "ReadWriteResults", Effect: "Allow", Action: [...RESULTS_OBJECT_ACTIONS], Resource: `${a.resultsBucketArn}/*` },
        { Sid: "UseResultsKey", Effect: "Allow", Action: [...RESULTS_KEY_ACTIONS], Resource: a.resultsKeyArn, Condition: viaS3 },
    ]);
}
