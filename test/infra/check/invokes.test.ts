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
        assert.deepEqual(checkInvokes("aws:index/getAvailabilityZones:getAvailabilityZones", {}, CTX)!.names, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    });

    it("refuses any other function, naming it", () => {
        assert.throws(() => checkInvokes("aws:ec2/getAmi:getAmi", {}, CTX), /no offline answer for the function aws:ec2\/getAmi:getAmi/);
    });
});
