import * as assert from "assert";
import { decideAs, itDecides, type DecisionCase } from "../../support/iam";
import { replicaBucketPolicy } from "../../../infra/iam/log-archive-replica-bucket-policy";
import { replicationPermissionsPolicy } from "../../../infra/iam/log-archive-replication-role";

const ORG = "o-exampleorg1";
const ACCOUNT = "222222222222";
const SECURITY = "333333333333";
const REPLICA = `arn:aws:s3:::acme-lz-archive-${ACCOUNT}-eu-west-1`;
const ARCHIVE = `arn:aws:s3:::acme-lz-archive-${ACCOUNT}-us-east-1`;
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/LandingZoneDeployment`;
const BREAK_GLASS = `arn:aws:iam::${ACCOUNT}:role/LandingZoneBreakGlass`;
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/Administrator`;
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const REPLICATION = `arn:aws:iam::${ACCOUNT}:role/acme-lz-archive-replication`;
const INVESTIGATOR = `arn:aws:iam::${SECURITY}:role/SecurityInvestigator`;
const OUTSIDER = "arn:aws:iam::999999999999:role/Administrator";
/** The replica admits replicas from the archive's replication role and the staging buckets' (a pattern). */
const REPLICATION_ROLES = [REPLICATION, `arn:aws:iam::${ACCOUNT}:role/acme-lz-staging-*-replication`];

const policy = JSON.parse(JSON.stringify(replicaBucketPolicy({ bucketArn: REPLICA, organizationId: ORG, configurationRoleArns: [DEPLOY, BREAK_GLASS], investigatorRoleArn: INVESTIGATOR, replicationRoleArnPatterns: REPLICATION_ROLES })));
/** The replication role's own permissions: what it is granted, not administrator rights. */
const replicationIdentity = JSON.parse(
    JSON.stringify(
        replicationPermissionsPolicy({
            sourceBucketArns: [ARCHIVE],
            sourceKeyArns: [`arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
            sourceViaService: "s3.us-east-1.amazonaws.com",
            destinations: [{ bucketArn: REPLICA, keyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a`, viaService: "s3.eu-west-1.amazonaws.com" }],
        }),
    ),
);
const TLS = { "aws:SecureTransport": "true" };
const inOrg = { ...TLS, "aws:PrincipalOrgID": ORG, "aws:PrincipalIsAWSService": "false" };
const object = `${REPLICA}/AWSLogs/${ORG}/444444444444/CloudTrail/us-east-1/2026/11/22/x.json.gz`;

interface Case extends DecisionCase {
    readonly principal: string;
    /** Identity side: administrator rights for an IAM principal and none for a service (`decideAs`), or the replication role's own policy. */
    readonly identity?: "replication";
}

const CASES: Case[] = [
    { it: "lets the replication role write replicas", principal: REPLICATION, action: "s3:ReplicateObject", resource: object, context: inOrg, identity: "replication", expect: "Allowed" },
    { it: "lets the replication role copy object tags", principal: REPLICATION, action: "s3:ReplicateTags", resource: object, context: inOrg, identity: "replication", expect: "Allowed" },
    { it: "refuses to replicate a delete marker in, even for the replication role", principal: REPLICATION, action: "s3:ReplicateDelete", resource: object, context: inOrg, identity: "replication", expect: "ExplicitlyDenied" },
    { it: "denies PutObject to an administrator of the log-archive account (no way in but replication)", principal: ADMIN, action: "s3:PutObject", resource: object, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies PutObject to the deployment role too", principal: DEPLOY, action: "s3:PutObject", resource: object, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies PutObject to CloudTrail: services deliver to the archive, never to the replica", principal: "cloudtrail.amazonaws.com", action: "s3:PutObject", resource: object, context: { ...TLS, "aws:PrincipalIsAWSService": "true", "s3:x-amz-acl": "bucket-owner-full-control" }, expect: "ExplicitlyDenied" },
    { it: "denies DeleteObjectVersion to the account root", principal: ROOT, action: "s3:DeleteObjectVersion", resource: object, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies DeleteObjectVersion to the break-glass role", principal: BREAK_GLASS, action: "s3:DeleteObjectVersion", resource: object, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies shortening an object's retention to an administrator", principal: ADMIN, action: "s3:PutObjectRetention", resource: object, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies PutBucketPolicy to an administrator", principal: ADMIN, action: "s3:PutBucketPolicy", resource: REPLICA, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies changing the Object Lock configuration to the account root", principal: ROOT, action: "s3:PutBucketObjectLockConfiguration", resource: REPLICA, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "denies changing the lifecycle to an administrator", principal: ADMIN, action: "s3:PutLifecycleConfiguration", resource: REPLICA, context: inOrg, expect: "ExplicitlyDenied" },
    { it: "lets the deployment role change the bucket policy (the next deployment must succeed)", principal: DEPLOY, action: "s3:PutBucketPolicy", resource: REPLICA, context: inOrg, expect: "Allowed" },
    { it: "lets the break-glass role change the lifecycle", principal: BREAK_GLASS, action: "s3:PutLifecycleConfiguration", resource: REPLICA, context: inOrg, expect: "Allowed" },
    { it: "lets the security investigator read a replica", principal: INVESTIGATOR, action: "s3:GetObject", resource: object, context: inOrg, expect: "Allowed" },
    { it: "lets the security investigator list the replica", principal: INVESTIGATOR, action: "s3:ListBucket", resource: REPLICA, context: inOrg, expect: "Allowed" },
    { it: "refuses any other role of the security account", principal: `arn:aws:iam::${SECURITY}:role/Developer`, action: "s3:GetObject", resource: object, context: inOrg, expect: "ImplicitlyDenied" },
    { it: "denies a non-TLS read to the investigator", principal: INVESTIGATOR, action: "s3:GetObject", resource: object, context: { ...inOrg, "aws:SecureTransport": "false" }, expect: "ExplicitlyDenied" },
    { it: "denies a principal outside the organisation", principal: OUTSIDER, action: "s3:GetObject", resource: object, context: TLS, expect: "ExplicitlyDenied" },
];

describe("replica bucket policy (decision table)", () => {
    itDecides(CASES, (c) => decideAs({ ...c, resourceAccount: ACCOUNT, identityPolicies: c.identity === "replication" ? [replicationIdentity] : undefined, resourcePolicy: policy }));
    it("refuses to build a policy without an exempt configuration role", () => {
        assert.throws(() => replicaBucketPolicy({ bucketArn: REPLICA, organizationId: ORG, configurationRoleArns: [], investigatorRoleArn: INVESTIGATOR, replicationRoleArnPatterns: REPLICATION_ROLES }), /configurationRoleArns: at least the deployment role is required/);
    });
});
