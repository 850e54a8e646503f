import { strict as assert } from "assert";
import { checkInvokes, renderPolicyDocument } from "../../../infra/check/invokes";

const CTX = { account: "111122223333", region: "eu-west-1", partition: "aws" };

describe("check's offline function answers", () => {
    it("renders an IAM policy document as the provider does: single values unwrapped, principals and conditions grouped", () => {
        const json = renderPolicyDocument({
            policyId: "p",
            statements: [
                {
                    sid: "Write",
                    actions: ["s3:PutObject"],
                    resources: ["arn:aws:s3:::b/*", "arn:aws:s3:::c/*"],
                    principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
                    conditions: [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111122223333"] }],
                },
                { effect: "Deny", actions: ["s3:*"], resources: ["*"], principals: [{ type: "*", identifiers: ["*"] }] },
            ],
        });
        assert.deepEqual(JSON.parse(json), {
            Version: "2012-10-17",
            Id: "p",
            Statement: [
                {
                    Sid: "Write",
                    Effect: "Allow",
                    Action: "s3:PutObject",
                    Resource: ["arn:aws:s3:::b/*", "arn:aws:s3:::c/*"],
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
                },
                { Effect: "Deny", Action: "s3:*", Resource: "*", Principal: "*" },
            ],
        });
    });

    it("answers caller identity, region and availability zones from the provider's account and region", () => {
        assert.equal(checkInvokes("aws:index/getCallerIdentity:getCallerIdentity", {}, CTX)!.accountId, "111122223333");
        assert.equal(checkInvokes("aws:index/getRegion:getRegion", {}, CTX)!.region, "eu-west-1");
        const azs = checkInvokes("aws:index/getAvailabilityZones:getAvailabilityZones", {}, CTX)!;
        assert.deepEqual(azs.names, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
        assert.deepEqual(azs.zoneIds, ["euw1-az1", "euw1-az2", "euw1-az3"]);
    });

    it("answers an AMI lookup with a stable image id named after the pattern asked for", () => {
        const args = { mostRecent: true, owners: ["amazon"], filters: [{ name: "name", values: ["al2023-ami-2023.*-arm64"] }] };
        const a = checkInvokes("aws:ec2/getAmi:getAmi", args, CTX)!;
        assert.match(String(a.id), /^ami-0[0-9a-f]{16}$/);
        assert.equal(a.id, checkInvokes("aws:ec2/getAmi:getAmi", args, CTX)!.id, "the same arguments give the same image");
        assert.notEqual(a.id, checkInvokes("aws:ec2/getAmi:getAmi", args, { ...CTX, region: "us-east-1" })!.id, "another region has another image");
        assert.equal(a.name, "al2023-ami-2023.20250101-arm64");
        assert.equal(a.architecture, "arm64");
        assert.equal(a.arn, `arn:aws:ec2:eu-west-1::image/${a.id}`);
    });

    it("answers AWS's public image parameters but leaves the account's own SSM parameters unanswered", () => {
        const p = checkInvokes("aws:ssm/getParameter:getParameter", { name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" }, CTX)!;
        assert.match(String(p.value), /^ami-0[0-9a-f]{16}$/);
        assert.equal(checkInvokes("aws:ssm/getParameter:getParameter", { name: "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id" }, CTX)!.type, "String");
        assert.equal(checkInvokes("aws:ssm/getParameter:getParameter", { name: "/platform/db-password" }, CTX), undefined);
    });

    it("answers the default VPC and its subnets, not a VPC of the account's own", () => {
        const vpc = checkInvokes("aws:ec2/getVpc:getVpc", { default: true }, CTX)!;
        assert.equal(vpc.cidrBlock, "172.31.0.0/16");
        const subnets = checkInvokes("aws:ec2/getSubnets:getSubnets", { filters: [{ name: "vpc-id", values: [vpc.id] }] }, CTX)!;
        assert.equal((subnets.ids as string[]).length, 3, "one default subnet per availability zone");
        assert.equal(checkInvokes("aws:ec2/getVpc:getVpc", { tags: { Name: "prod" } }, CTX), undefined);
        assert.equal(checkInvokes("aws:ec2/getSubnets:getSubnets", { filters: [{ name: "vpc-id", values: ["vpc-0123456789abcdef0"] }] }, CTX), undefined);
    });

    it("answers the region's Elastic Load Balancing account as AWS documents it, and nothing for regions without one", () => {
        assert.deepEqual(checkInvokes("aws:elb/getServiceAccount:getServiceAccount", {}, { ...CTX, region: "us-east-1" }), { id: "127311923021", arn: "arn:aws:iam::127311923021:root", region: "us-east-1" });
        assert.equal(checkInvokes("aws:elb/getServiceAccount:getServiceAccount", { region: "eu-central-2" }, CTX), undefined);
    });

    it("answers the organisation, hosted zones, certificates, AWS managed key aliases and ARN parts; not customer aliases", () => {
        const org = checkInvokes("aws:organizations/getOrganization:getOrganization", {}, CTX)!;
        assert.match(String(org.id), /^o-[0-9a-z]{10}$/);
        assert.equal(org.masterAccountId, "111122223333");
        const zone = checkInvokes("aws:route53/getZone:getZone", { name: "example.com." }, CTX)!;
        assert.equal(zone.name, "example.com");
        assert.match(String(zone.zoneId), /^Z0[0-9A-Z]{19}$/);
        assert.equal((zone.nameServers as string[]).length, 4);
        assert.match(String(checkInvokes("aws:acm/getCertificate:getCertificate", { domain: "shop.example.com" }, CTX)!.arn), /^arn:aws:acm:eu-west-1:111122223333:certificate\//);
        assert.match(String(checkInvokes("aws:kms/getAlias:getAlias", { name: "alias/aws/s3" }, CTX)!.targetKeyArn), /^arn:aws:kms:eu-west-1:111122223333:key\//);
        assert.equal(checkInvokes("aws:kms/getAlias:getAlias", { name: "alias/app" }, CTX), undefined);
        assert.deepEqual(checkInvokes("aws:index/getArn:getArn", { arn: "arn:aws:s3:::logs/a/b" }, CTX), { id: "arn:aws:s3:::logs/a/b", arn: "arn:aws:s3:::logs/a/b", partition: "aws", service: "s3", region: "", account: "", resource: "logs/a/b" });
    });

    it("leaves functions it does not know, and policy documents merged from others, unanswered (the engine makes them unknown)", () => {
        assert.equal(checkInvokes("aws:ec2/getSecurityGroup:getSecurityGroup", { name: "bastion" }, CTX), undefined);
        assert.equal(checkInvokes("aws:iam/getPolicyDocument:getPolicyDocument", { sourcePolicyDocuments: ["{}"], statements: [] }, CTX), undefined);
    });
});
