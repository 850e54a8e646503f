import * as assert from "assert";
import { decideAs, itDecides, usesEncryptionContext, type DecisionCase } from "../../support/iam";
import {
    ARCHIVE_BUCKET_ARN as ARCHIVE,
    ARCHIVE_BUCKET_POLICY_ARGS,
    ARCHIVE_KEY_ARN as ARCHIVE_KEY,
    ARCHIVE_KEY_POLICY_ARGS,
    BREAK_GLASS,
    DEPLOY,
    INVESTIGATOR,
    LOG_ARCHIVE as ACCOUNT,
    ORG,
    SECURITY,
} from "../../support/archive-policies";
import { queryRolePermissionsPolicy, queryRoleTrustPolicy } from "../../../infra/iam/log-archive-query-role";
import { archiveBucketPolicy, DEFAULT_ARCHIVE_PREFIXES } from "../../../infra/iam/archive-bucket-policy";
import { archiveKeyPolicy } from "../../../infra/iam/archive-key-policy";
import { readerKeyPolicy } from "../../../infra/iam/log-archive-reader-key-policy";
import { queryResultsBucketPolicy } from "../../../infra/iam/log-archive-query-results-bucket-policy";
import { logTables, objectGlob } from "../../../infra/components/log-archive/log-tables";
import type { PolicyDocument, Statement } from "../../../infra/iam/types";

const MEMBER = "444444444444";
const QUERY_ROLE = `arn:aws:iam::${ACCOUNT}:role/acme-lz-log-query`;
const RESULTS = `arn:aws:s3:::acme-lz-query-results-${ACCOUNT}-us-east-1`;
const RESULTS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/5678efgh-56ef-78gh-90ij-5678901234ef`;
const WORKGROUP = `arn:aws:athena:us-east-1:${ACCOUNT}:workgroup/acme-lz-log-queries`;
const GLUE = `arn:aws:glue:us-east-1:${ACCOUNT}`;

const tables = logTables({ organizationId: ORG, prefixes: DEFAULT_ARCHIVE_PREFIXES, regions: ["us-east-1"], cloudTrailRegions: ["us-east-1"] });
const json = (d: PolicyDocument) => JSON.parse(JSON.stringify(d));
const permissions = json(
    queryRolePermissionsPolicy({
        workgroupArn: WORKGROUP,
        dataCatalogArn: `arn:aws:athena:us-east-1:${ACCOUNT}:datacatalog/AwsDataCatalog`,
        glueArnPrefix: GLUE,
        databaseName: "acme_lz_logs",
        archiveBucketArn: ARCHIVE,
        archiveReadPrefixes: Object.values(tables).map(objectGlob),
        archiveKeyArn: ARCHIVE_KEY,
        resultsBucketArn: RESULTS,
        resultsKeyArn: RESULTS_KEY,
        athenaPrincipal: "athena.amazonaws.com",
        s3ViaService: "s3.us-east-1.amazonaws.com",
    }),
);
const trust = json(queryRoleTrustPolicy({ trustedRoleArns: [INVESTIGATOR] }));
/** The resource policies the role meets: the archive's, the results bucket's and both keys' (as deployed). */
const archivePolicy = json(archiveBucketPolicy(ARCHIVE_BUCKET_POLICY_ARGS));
const resultsPolicy = json(queryResultsBucketPolicy({ bucketArn: RESULTS, organizationId: ORG, configurationRoleArns: [DEPLOY, BREAK_GLASS], investigatorRoleArn: INVESTIGATOR }));
const archiveKey = json(archiveKeyPolicy(ARCHIVE_KEY_POLICY_ARGS));
// iam-simulate ignores kms:EncryptionContext:*: those service statements are irrelevant to the role and left out.
archiveKey.Statement = archiveKey.Statement.filter((s: Statement) => !usesEncryptionContext(s));
const resultsKey = json(readerKeyPolicy({ accountRootArn: `arn:aws:iam::${ACCOUNT}:root`, exemptRoleArns: [DEPLOY, BREAK_GLASS], securityAccountId: SECURITY, readerRoleArns: [INVESTIGATOR] }));

const RESOURCE_POLICY: [string, unknown][] = [
    [`${ARCHIVE}`, archivePolicy],
    [`${RESULTS}`, resultsPolicy],
    [ARCHIVE_KEY, archiveKey],
    [RESULTS_KEY, resultsKey],
];
const VIA_ATHENA = { "aws:CalledVia": ["athena.amazonaws.com"] };
const VIA_S3 = { "kms:ViaService": "s3.us-east-1.amazonaws.com" };
const IN_ORG = { "aws:SecureTransport": "true", "aws:PrincipalOrgID": ORG, "aws:PrincipalIsAWSService": "false" };

const ct = (key: string) => `${ARCHIVE}/AWSLogs/${ORG}/${MEMBER}/CloudTrail/us-east-1/2026/11/22/${key}`;
const CASES: DecisionCase[] = [
    { it: "runs a query in the landing zone's workgroup", action: "athena:StartQueryExecution", resource: WORKGROUP, expect: "Allowed" },
    { it: "reads a saved query of the workgroup", action: "athena:GetNamedQuery", resource: WORKGROUP, expect: "Allowed" },
    { it: "does not run queries in another workgroup (whose settings are not enforced)", action: "athena:StartQueryExecution", resource: `arn:aws:athena:us-east-1:${ACCOUNT}:workgroup/primary`, expect: "ImplicitlyDenied" },
    { it: "cannot change the workgroup's enforced settings", action: "athena:UpdateWorkGroup", resource: WORKGROUP, expect: "ImplicitlyDenied" },
    { it: "cannot delete the workgroup", action: "athena:DeleteWorkGroup", resource: WORKGROUP, expect: "ImplicitlyDenied" },
    { it: "browses the account's data catalog in the Athena console", action: "athena:ListTableMetadata", resource: `arn:aws:athena:us-east-1:${ACCOUNT}:datacatalog/AwsDataCatalog`, expect: "Allowed" },
    { it: "does not browse another data catalog", action: "athena:ListTableMetadata", resource: `arn:aws:athena:us-east-1:${ACCOUNT}:datacatalog/other`, expect: "ImplicitlyDenied" },
    { it: "reads a table of the log database", action: "glue:GetTable", resource: `${GLUE}:table/acme_lz_logs/cloudtrail`, expect: "Allowed" },
    { it: "reads partitions of a table", action: "glue:GetPartitions", resource: `${GLUE}:table/acme_lz_logs/vpc_flow_logs`, expect: "Allowed" },
    { it: "does not read tables of another database", action: "glue:GetTable", resource: `${GLUE}:table/finance/ledger`, expect: "ImplicitlyDenied" },
    { it: "cannot alter a table", action: "glue:UpdateTable", resource: `${GLUE}:table/acme_lz_logs/cloudtrail`, expect: "ImplicitlyDenied" },
    { it: "reads a CloudTrail log file through Athena", action: "s3:GetObject", resource: ct("x.json.gz"), context: { ...IN_ORG, ...VIA_ATHENA }, expect: "Allowed" },
    { it: "does not read a CloudTrail log file directly (only through Athena)", action: "s3:GetObject", resource: ct("x.json.gz"), context: IN_ORG, expect: "ImplicitlyDenied" },
    { it: "reads a flow-log file through Athena", action: "s3:GetObject", resource: `${ARCHIVE}/vpc-flow-logs/AWSLogs/${MEMBER}/vpcflowlogs/eu-west-1/2026/11/22/x.log.gz`, context: { ...IN_ORG, ...VIA_ATHENA }, expect: "Allowed" },
    { it: "reads an ALB log file through Athena", action: "s3:GetObject", resource: `${ARCHIVE}/AWSLogs/${MEMBER}/elasticloadbalancing/us-east-1/2026/11/22/x.log.gz`, context: { ...IN_ORG, ...VIA_ATHENA }, expect: "Allowed" },
    { it: "does not read archived objects no table covers (Config snapshots)", action: "s3:GetObject", resource: `${ARCHIVE}/AWSLogs/${MEMBER}/Config/us-east-1/2026/11/22/x.json.gz`, context: { ...IN_ORG, ...VIA_ATHENA }, expect: "ImplicitlyDenied" },
    { it: "does not read CloudTrail digest files", action: "s3:GetObject", resource: `${ARCHIVE}/AWSLogs/${ORG}/${MEMBER}/CloudTrail-Digest/us-east-1/2026/11/22/x.json.gz`, context: { ...IN_ORG, ...VIA_ATHENA }, expect: "ImplicitlyDenied" },
    { it: "lists a projected CloudTrail day folder through Athena", action: "s3:ListBucket", resource: ARCHIVE, context: { ...IN_ORG, ...VIA_ATHENA, "s3:prefix": `AWSLogs/${ORG}/${MEMBER}/CloudTrail/us-east-1/2026/11/22/` }, expect: "Allowed" },
    { it: "does not list the archive's root", action: "s3:ListBucket", resource: ARCHIVE, context: { ...IN_ORG, ...VIA_ATHENA, "s3:prefix": "AWSLogs/" }, expect: "ImplicitlyDenied" },
    { it: "never writes into the archive (denied to every IAM principal but the Firehose role by the bucket policy)", action: "s3:PutObject", resource: ct("forged.json.gz"), context: { ...IN_ORG, ...VIA_ATHENA }, expect: "ExplicitlyDenied" },
    { it: "never deletes from the archive (denied to everyone by the bucket policy)", action: "s3:DeleteObject", resource: ct("x.json.gz"), context: { ...IN_ORG, ...VIA_ATHENA }, expect: "ExplicitlyDenied" },
    { it: "writes query results", action: "s3:PutObject", resource: `${RESULTS}/results/abc.csv`, context: IN_ORG, expect: "Allowed" },
    { it: "reads query results", action: "s3:GetObject", resource: `${RESULTS}/results/abc.csv`, context: IN_ORG, expect: "Allowed" },
    { it: "cannot change the results bucket's lifecycle", action: "s3:PutLifecycleConfiguration", resource: RESULTS, context: IN_ORG, expect: "ExplicitlyDenied" },
    { it: "decrypts archived logs through S3", action: "kms:Decrypt", resource: ARCHIVE_KEY, context: VIA_S3, expect: "Allowed" },
    { it: "does not call the archive key directly", action: "kms:Decrypt", resource: ARCHIVE_KEY, expect: "ImplicitlyDenied" },
    { it: "does not encrypt with the archive key", action: "kms:GenerateDataKey", resource: ARCHIVE_KEY, context: VIA_S3, expect: "ImplicitlyDenied" },
    { it: "encrypts results under the results key through S3", action: "kms:GenerateDataKey", resource: RESULTS_KEY, context: VIA_S3, expect: "Allowed" },
    { it: "decrypts results through S3", action: "kms:Decrypt", resource: RESULTS_KEY, context: VIA_S3, expect: "Allowed" },
    { it: "does not call the results key directly", action: "kms:Decrypt", resource: RESULTS_KEY, expect: "ImplicitlyDenied" },
];

describe("query role (decision table)", () => {
    const resourcePolicy = (resource: string) => RESOURCE_POLICY.find(([prefix]) => resource === prefix || resource.startsWith(`${prefix}/`))?.[1];
    itDecides(CASES, (c) => decideAs({ ...c, principal: QUERY_ROLE, resourceAccount: ACCOUNT, identityPolicies: [permissions], resourcePolicy: resourcePolicy(c.resource) }));
});

describe("query role trust", () => {
    const assume = (principal: string) => decideAs({ principal, action: "sts:AssumeRole", resource: QUERY_ROLE, resourceAccount: ACCOUNT, resourcePolicy: trust });
    it("lets the security account's investigator assume the query role", async () => {
        assert.strictEqual(await assume(INVESTIGATOR), "Allowed");
    });
    it("refuses any other role of the security account", async () => {
        assert.strictEqual(await assume(`arn:aws:iam::${SECURITY}:role/Developer`), "ImplicitlyDenied");
    });
    it("refuses an administrator of the log-archive account", async () => {
        assert.strictEqual(await assume(`arn:aws:iam::${ACCOUNT}:role/Administrator`), "ImplicitlyDenied");
    });
    it("refuses to build a trust policy nobody can use", () => {
        assert.throws(() => queryRoleTrustPolicy({ trustedRoleArns: [] }), /trustedRoleArns: at least one role must be able to assume the query role/);
    });
});
