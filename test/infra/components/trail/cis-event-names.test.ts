/**
 * Every event name of every event-name CIS filter, one realistic CloudTrail record each, must raise
 * its control's metric; near misses (real calls of the same service that change nothing the control
 * is about, and the same name from another service where the filter names its source) must not.
 *
 * The names and sources are transcribed here from the published filter texts (Security Hub User
 * Guide, "Security Hub controls for CloudWatch", CloudWatch.4–14, Remediation; CIS AWS Foundations
 * Benchmark v1.4.0, 4.15), not from the code; the fixtures in test/fixtures/cloudtrail/ cover only a
 * few names per control. Each record is the control's first positive fixture (a real record shape)
 * with the documented source and name.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CIS_CONTROLS } from "../../../../infra/components/trail/cis-controls";
import { matchesMetricFilter } from "../../../support/metric-filter";

interface Documented {
    /** The control id as published (CloudWatch.N or CIS 4.15). */
    readonly control: string;
    /** The eventSource every name comes from. */
    readonly source: string;
    readonly names: readonly string[];
    /** Real calls of `source` the filter must not count. */
    readonly nearMisses: readonly string[];
    /** The same names from another service: only where the published filter names its eventSource. */
    readonly otherSource?: { readonly source: string; readonly names: readonly string[] };
}

const DOCUMENTED: readonly Documented[] = [
    {
        control: "CloudWatch.4",
        source: "iam.amazonaws.com",
        names: [
            "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy", "CreatePolicy", "DeletePolicy",
            "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy",
        ],
        nearMisses: ["GetRolePolicy", "ListRolePolicies", "GetPolicyVersion", "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary", "CreateRole", "TagPolicy"],
    },
    {
        control: "CloudWatch.5",
        source: "cloudtrail.amazonaws.com",
        names: ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"],
        nearMisses: ["DescribeTrails", "GetTrailStatus", "GetEventSelectors", "ListTrails", "AddTags"],
    },
    {
        control: "CloudWatch.7",
        source: "kms.amazonaws.com",
        names: ["DisableKey", "ScheduleKeyDeletion"],
        nearMisses: ["EnableKey", "CancelKeyDeletion", "DisableKeyRotation", "DescribeKey"],
        otherSource: { source: "sso.amazonaws.com", names: ["DisableKey"] },
    },
    {
        control: "CloudWatch.8",
        source: "s3.amazonaws.com",
        names: ["PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication"],
        nearMisses: ["GetBucketPolicy", "GetBucketAcl", "PutBucketTagging", "PutObject", "CreateBucket"],
    },
    {
        control: "CloudWatch.9",
        source: "config.amazonaws.com",
        names: ["StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"],
        nearMisses: ["StartConfigurationRecorder", "DescribeConfigurationRecorders", "DescribeDeliveryChannels", "PutConfigRule"],
        otherSource: { source: "ssm.amazonaws.com", names: ["PutConfigurationRecorder", "PutDeliveryChannel"] },
    },
    {
        control: "CloudWatch.10",
        source: "ec2.amazonaws.com",
        names: ["AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup"],
        nearMisses: ["DescribeSecurityGroups", "DescribeSecurityGroupRules", "ModifyInstanceAttribute", "CreateTags"],
    },
    {
        control: "CloudWatch.11",
        source: "ec2.amazonaws.com",
        names: ["CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation"],
        nearMisses: ["DescribeNetworkAcls", "CreateSubnet", "CreateTags"],
    },
    {
        control: "CloudWatch.12",
        source: "ec2.amazonaws.com",
        names: ["CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway"],
        nearMisses: ["DescribeInternetGateways", "DescribeCustomerGateways", "CreateNatGateway", "CreateEgressOnlyInternetGateway"],
    },
    {
        control: "CloudWatch.13",
        source: "ec2.amazonaws.com",
        names: ["CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable"],
        nearMisses: ["DescribeRouteTables", "AssociateAddress", "CreateTags"],
    },
    {
        control: "CloudWatch.14",
        source: "ec2.amazonaws.com",
        names: [
            "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection",
            "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink",
        ],
        nearMisses: ["DescribeVpcs", "CreateVpcEndpoint", "DescribeVpcPeeringConnections", "CreateSubnet"],
    },
    {
        control: "CIS 4.15",
        source: "organizations.amazonaws.com",
        names: [
            "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake", "DeleteOrganization", "DeleteOrganizationalUnit", "DeletePolicy",
            "DetachPolicy", "DisablePolicyType", "EnablePolicyType", "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit",
        ],
        nearMisses: ["DescribeOrganization", "ListAccounts", "DescribePolicy", "TagResource", "EnableAWSServiceAccess"],
        otherSource: { source: "iam.amazonaws.com", names: ["CreatePolicy", "DeletePolicy"] },
    },
];

const FIXTURES = path.resolve(__dirname, "../../../fixtures/cloudtrail");

/** A real record of the control (its first positive fixture) as a call `eventName` of `eventSource`. */
function record(controlId: string, eventSource: string, eventName: string): Record<string, unknown> {
    const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${controlId}.json`), "utf8")) as { positive: Record<string, unknown>[] };
    assert.ok(fixture.positive.length > 0, `${controlId}: no positive fixture`);
    return { ...structuredClone(fixture.positive[0]), eventSource, eventName };
}

function controlFor(published: string) {
    const c = CIS_CONTROLS.find((x) => x.controls.includes(published));
    assert.ok(c, `no row for ${published}`);
    return c;
}

describe("CIS metric filters, event name by event name", () => {
    it("cover the eleven event-name controls the benchmark publishes, 90 names in all", () => {
        assert.equal(DOCUMENTED.length, 11);
        assert.equal(DOCUMENTED.reduce((n, d) => n + d.names.length, 0), 90);
    });

    for (const d of DOCUMENTED) {
        describe(d.control, () => {
            it(`raises the metric for each of its ${d.names.length} documented calls of ${d.source}`, () => {
                const c = controlFor(d.control);
                assert.ok(d.names.length > 0);
                const missed = d.names.filter((name) => !matchesMetricFilter(c.pattern, record(c.id, d.source, name)));
                assert.deepEqual(missed, []);
            });

            it("stays silent on near misses of the same service", () => {
                const c = controlFor(d.control);
                assert.ok(d.nearMisses.length > 0);
                const hit = d.nearMisses.filter((name) => matchesMetricFilter(c.pattern, record(c.id, d.source, name)));
                assert.deepEqual(hit, []);
            });

            if (d.otherSource) {
                const other = d.otherSource;
                it(`stays silent on the same names called on ${other.source}`, () => {
                    const c = controlFor(d.control);
                    const hit = other.names.filter((name) => matchesMetricFilter(c.pattern, record(c.id, other.source, name)));
                    assert.deepEqual(hit, []);
                });
            }
        });
    }
});
