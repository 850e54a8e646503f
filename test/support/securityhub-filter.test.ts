import * as assert from "assert";
import { groupsOf, matchesFilters } from "./securityhub-filter";

const finding = {
    AwsAccountId: "444444444444",
    ProductName: "GuardDuty",
    Types: ["TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce", "Effects/Data Exposure"],
    Severity: { Label: "HIGH" },
    RecordState: "ACTIVE",
    Workflow: { Status: "NEW" },
    Resources: [{ Id: "arn:aws:ec2:us-east-1:444444444444:instance/i-1", Type: "AwsEc2Instance" }, { Id: "AWS::::Account:444444444444", Type: "AwsAccount" }],
};

describe("Security Hub filter evaluator (test support)", () => {
    it("joins EQUALS values of one attribute by OR", () => {
        assert.deepStrictEqual(
            [matchesFilters({ severityLabels: [{ comparison: "EQUALS", value: "CRITICAL" }, { comparison: "EQUALS", value: "HIGH" }] }, finding), matchesFilters({ severityLabels: [{ comparison: "EQUALS", value: "CRITICAL" }] }, finding)],
            [true, false],
        );
    });

    it("joins attributes by AND", () => {
        assert.strictEqual(matchesFilters({ severityLabels: [{ comparison: "EQUALS", value: "HIGH" }], productNames: [{ comparison: "EQUALS", value: "Inspector" }] }, finding), false);
    });

    it("compares case-sensitively", () => {
        assert.strictEqual(matchesFilters({ productNames: [{ comparison: "EQUALS", value: "guardduty" }] }, finding), false);
    });

    it("matches a multi-valued attribute when any value matches a positive filter, and only when none matches a negative one", () => {
        assert.deepStrictEqual(
            [
                matchesFilters({ types: [{ comparison: "PREFIX", value: "Effects/" }] }, finding),
                matchesFilters({ types: [{ comparison: "PREFIX_NOT_EQUALS", value: "Effects/" }] }, finding),
                matchesFilters({ resourceTypes: [{ comparison: "NOT_EQUALS", value: "AwsS3Bucket" }, { comparison: "NOT_EQUALS", value: "AwsIamRole" }] }, finding),
            ],
            [true, false, true],
        );
    });

    it("does not match a positive filter on an attribute the finding lacks", () => {
        assert.strictEqual(matchesFilters({ complianceStatuses: [{ comparison: "EQUALS", value: "FAILED" }] }, finding), false);
    });

    it("throws on combinations Security Hub rejects", () => {
        assert.throws(() => matchesFilters({ productNames: [{ comparison: "EQUALS", value: "GuardDuty" }, { comparison: "NOT_EQUALS", value: "Macie" }] }, finding), /rejects the combination EQUALS \+ NOT_EQUALS/);
        assert.throws(() => matchesFilters({ productNames: [{ comparison: "CONTAINS", value: "Guard" }, { comparison: "PREFIX", value: "G" }] }, finding), /rejects the combination CONTAINS \+ PREFIX/);
    });

    it("groups a finding under each of its resources", () => {
        assert.deepStrictEqual(groupsOf("ResourceId", finding), ["arn:aws:ec2:us-east-1:444444444444:instance/i-1", "AWS::::Account:444444444444"]);
    });
});
