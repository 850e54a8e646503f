import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { CIS_CONTROLS } from "../../../../infra/components/trail/cis-controls";
import { matchesMetricFilter, parseMetricFilter } from "../../../support/metric-filter";
import { nonEmpty } from "../../../support/non-empty";

const FIXTURES = path.resolve(__dirname, "../../../fixtures/cloudtrail");

interface Samples {
    readonly control: string;
    readonly positive: readonly Record<string, unknown>[];
    readonly negative: readonly Record<string, unknown>[];
    /** Records the published pattern matches although they are not what the control is about. */
    readonly outOfScope?: readonly Record<string, unknown>[];
}

/**
 * The published filter patterns, copied character for character from the sources (not from the code):
 * - CloudWatch.N: "Copy the following pattern and then paste it into the Filter Pattern field" in the
 *   control's Remediation section, https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 *   (source: awsdocs/aws-security-hub-user-guide, doc_source/cloudwatch-controls.md).
 * - CIS 4.15: CIS AWS Foundations Benchmark v1.4.0, 4.15, remediation step (`--filter-pattern`).
 */
const PUBLISHED: Readonly<Record<string, string>> = {
    "CloudWatch.1": '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
    "CloudWatch.2": '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
    "CloudWatch.3": '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    "CloudWatch.4": "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",
    "CloudWatch.5": "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",
    "CloudWatch.6": '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
    "CloudWatch.7": "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
    "CloudWatch.8": "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}",
    "CloudWatch.9": "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",
    "CloudWatch.10": "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
    "CloudWatch.11": "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
    "CloudWatch.12": "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",
    "CloudWatch.13": "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}",
    "CloudWatch.14": "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",
    "CIS 4.15":
        '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
};

function samples(id: string): Samples {
    return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${id}.json`), "utf8")) as Samples;
}

const allSamples = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".json")).map((f) => samples(path.basename(f, ".json")));

describe("CIS metric filters", () => {
    it("cover every Security Hub CloudWatch.1–14 control and the Organizations-changes control", () => {
        const covered = CIS_CONTROLS.flatMap((c) => c.controls);
        for (let i = 1; i <= 14; i++) assert.ok(covered.includes(`CloudWatch.${i}`), `CloudWatch.${i} has no metric filter`);
        assert.ok(covered.includes("CIS 4.15"));
    });

    it("alert on failed console authentication (CloudWatch.6) through the medium topic", () => {
        const c = CIS_CONTROLS.find((x) => x.controls.includes("CloudWatch.6"))!;
        assert.strictEqual(c.id, "console-authentication-failures");
        assert.strictEqual(c.severity, "medium");
    });

    it("send root use, CloudTrail, KMS deletion and Config changes to the high topic", () => {
        for (const id of ["root-account-usage", "cloudtrail-changes", "kms-key-disable-or-deletion", "config-changes", "console-signin-without-mfa"]) {
            assert.strictEqual(CIS_CONTROLS.find((c) => c.id === id)?.severity, "high", id);
        }
    });

    it("have a fixture file with positive and negative CloudTrail records for every control", () => {
        for (const c of CIS_CONTROLS) {
            const s = samples(c.id);
            assert.strictEqual(s.control, c.id);
            assert.ok(s.positive.length >= 2, `${c.id}: at least two positive samples`);
            assert.ok(s.negative.length >= 2, `${c.id}: at least two negative samples`);
        }
    });

    for (const [control, published] of Object.entries(PUBLISHED)) {
        it(`uses the published ${control} filter pattern verbatim (Security Hub fails the control on any other)`, () => {
            const c = CIS_CONTROLS.find((x) => x.controls.includes(control));
            assert.ok(c, `${control} has a row`);
            assert.strictEqual(c.pattern, published);
        });
    }

    it("keeps narrower variants only as additional filters, each matching its control's changes and none of its near misses", () => {
        const extras = CIS_CONTROLS.flatMap((c) => (c.additionalFilters ?? []).map((f) => ({ c, f })));
        assert.ok(extras.length > 0);
        for (const { c, f } of extras) {
            const s = samples(c.id);
            s.positive.forEach((e, i) => assert.ok(matchesMetricFilter(f.pattern, e), `${f.id}: positive[${i}] ${String(e.eventName)} not matched`));
            [...s.negative, ...(s.outOfScope ?? [])].forEach((e) => assert.ok(!matchesMetricFilter(f.pattern, e), `${f.id}: ${String(e.eventSource)} ${String(e.eventName)} matched`));
        }
    });

    it("lets the published route-table filter count API Gateway and App Mesh routes, which the EC2-only additional filter leaves out", () => {
        const c = CIS_CONTROLS.find((x) => x.id === "route-table-changes")!;
        const outOfScope = samples(c.id).outOfScope ?? [];
        assert.deepStrictEqual(outOfScope.map((e) => e.eventSource), ["apigateway.amazonaws.com", "appmesh.amazonaws.com"]);
        for (const e of outOfScope) assert.ok(matchesMetricFilter(c.pattern, e), String(e.eventSource));
        const ec2Only = c.additionalFilters?.find((f) => f.id === "route-table-changes-ec2");
        assert.ok(ec2Only);
        for (const e of outOfScope) assert.ok(!matchesMetricFilter(ec2Only.pattern, e), String(e.eventSource));
    });

    it("parse as CloudWatch Logs JSON filter patterns", () => {
        for (const f of CIS_CONTROLS.flatMap((c) => [c, ...(c.additionalFilters ?? [])])) assert.doesNotThrow(() => parseMetricFilter(f.pattern), f.id);
    });

    for (const c of CIS_CONTROLS) {
        describe(`${c.id} (${c.controls.join(", ")})`, () => {
            const s = samples(c.id);
            it("matches every positive sample", () => {
                s.positive.forEach((e, i) => assert.ok(matchesMetricFilter(c.pattern, e), `positive[${i}] ${String(e.eventName)} not matched`));
            });
            it("matches none of its negative samples", () => {
                s.negative.forEach((e, i) => assert.ok(!matchesMetricFilter(c.pattern, e), `negative[${i}] ${String(e.eventName)} matched`));
            });
        });
    }

    it("never fire on a read-only Describe/List/Get call from any fixture", () => {
        const reads = allSamples.flatMap((s) => [...s.positive, ...s.negative]).filter((e) => /^(Describe|List|Get|Lookup)/.test(String(e.eventName)) && !e.errorCode);
        assert.ok(reads.length >= 5);
        for (const c of nonEmpty(CIS_CONTROLS.filter((x) => x.id !== "root-account-usage"), "controls")) {
            for (const e of reads) assert.ok(!matchesMetricFilter(c.pattern, e), `${c.id} matched read-only ${String(e.eventName)}`);
        }
    });
});
