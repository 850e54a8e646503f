import * as assert from "assert";
import { decideAs, itDecides, type DecisionCase } from "../../support/iam";
import { queryResultsBucketPolicy } from "../../../infra/iam/log-archive-query-results-bucket-policy";

const ORG = "o-exampleorg1";
const ACCOUNT = "222222222222";
const SECURITY = "333333333333";
const BUCKET = `arn:aws:s3:::acme-lz-query-results-${ACCOUNT}-us-east-1`;
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/LandingZoneDeployment`;
const BREAK_GLASS = `arn:aws:iam::${ACCOUNT}:role/LandingZoneBreakGlass`;
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/Administrator`;
const INVESTIGATOR = `arn:aws:iam::${SECURITY}:role/SecurityInvestigator`;
const DEVELOPER = `arn:aws:iam::${SECURITY}:role/Developer`;
const OUTSIDER = "arn:aws:iam::999999999999:role/Administrator";

const policy = JSON.parse(JSON.stringify(queryResultsBucketPolicy({ bucketArn: BUCKET, organizationId: ORG, configurationRoleArns: [DEPLOY, BREAK_GLASS], investigatorRoleArn: INVESTIGATOR })));
const TLS = { "aws:SecureTransport": "true" };
const inOrg = { ...TLS, "aws:PrincipalOrgID": ORG, "aws:PrincipalIsAWSService": "false" };
const result = `${BUCKET}/results/6b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e.csv`;

const CASES: (DecisionCase & { readonly principal: string })[] = [
    { it: "lets the security investigator read a query result", principal: INVESTIGATOR, action: "s3:GetObject", resource: result, context: inOrg, expect: "Allowed" },
    { it: "lets the security investigator list the results", principal: INVESTIGATOR, action: "s3:ListBucket", resource: BUCKET, context: inOrg, expect: "Allowed" },
    { it: "refuses the investigator writing a result", principal: INVESTIGATOR, action: "s3:PutObject", resource: result, context: inOrg, expect: "ImplicitlyDenied" },
    { it: "refuses the investigator deleting a result", principal: INVESTIGATOR, action: "s3:DeleteObject", resource: result, context: inOrg, expect: "ImplicitlyDenied" },
    { it: "refuses any other role of the security account", principal: DEVELOPER, action: "s3:GetObject", resource: result, context: inOrg, expect: "ImplicitlyDenied" },
    { it: "denies a non-TLS read to the investigator", principal: INVESTIGATOR, action: "s3:GetObject", resource: result, context: { ...inOrg, "aws:SecureTransport": "false" }, expect: "ExplicitlyDenied" },
    { it: "denies a principal outside the organisation", principal: OUTSIDER, action: "s3:GetObject", resource: result, context: TLS, expect: "ExplicitlyDenied" },
    { it: "denies changing the bucket policy to an administrator of the log-archive account", principal: ADMIN, action: "s3:PutBucketPolicy", resource: BUCKET, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies turning encryption off to an administrator", principal: ADMIN, action: "s3:PutEncryptionConfiguration", resource: BUCKET, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "lets the deployment role change the lifecycle (the next deployment must succeed)", principal: DEPLOY, action: "s3:PutLifecycleConfiguration", resource: BUCKET, context: inOrg, expect: "Allowed" },
    { it: "lets the break-glass role change the bucket policy", principal: BREAK_GLASS, action: "s3:PutBucketPolicy", resource: BUCKET, context: inOrg, expect: "Allowed" },
];

describe("query results bucket policy (decision table)", () => {
    itDecides(CASES, (c) => decideAs({ ...c, resourceAccount: ACCOUNT, resourcePolicy: policy }));
    it("refuses to build a policy without an exempt configuration role", () => {
        assert.throws(() => queryResultsBucketPolicy({ bucketArn: BUCKET, organizationId: ORG, configurationRoleArns: [], investigatorRoleArn: INVESTIGATOR }), /configurationRoleArns: at least the deployment role is required/);
    });
});
