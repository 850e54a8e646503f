import * as assert from "assert";
import { GetAccessKeyLastUsedCommand, ListAccessKeysCommand } from "@aws-sdk/client-iam";
import { iamRegion } from "../../../infra/response/exposed-key";
import { awsError, calls, useAwsMocks } from "./aws-mocks";
import { config, PROD, sample } from "./fixtures";
import { firstDelivery, itSendsOnlyAllowedActions, memberCalls, posted, ROLE_KEY, run } from "./harness";

const ANOMALOUS = sample("GuardDuty InitialAccess:IAMUser/AnomalousBehavior: an IAM user's access key used anomalously (workload-prod)");
const HEALTH = sample("Health AWS_RISK_CREDENTIALS_EXPOSED: a workload-prod access key found in public");
const OUTSIDE = sample("GuardDuty InstanceCredentialExfiltration.OutsideAWS: an instance role's temporary credentials used from outside AWS (not-actionable)");
const KEYS = (status: "Active" | "Inactive") => ({ AccessKeyMetadata: [{ UserName: "ci-deployer", AccessKeyId: "AKIA2PRODEXAMPLE0007", Status: status }, { UserName: "ci-deployer", AccessKeyId: "AKIA2PRODEXAMPLE0008", Status: "Active" as const }] });

describe("exposed-key playbook (enforce)", () => {
    const m = useAwsMocks();
    beforeEach(() => firstDelivery(m));

    it("deactivates the GuardDuty finding's key of the user it names, with IAM in the partition's IAM region, and never deletes it", async () => {
        m.iam.on(ListAccessKeysCommand).resolves(KEYS("Active"));
        const { member } = await run(config("exposed-key"), ANOMALOUS.event);
        assert.deepStrictEqual(member, [{ region: "us-east-1", accessKeyId: ROLE_KEY }]);
        assert.deepStrictEqual(memberCalls(m, "iam"), [
            ["ListAccessKeysCommand", { UserName: "ci-deployer" }],
            ["UpdateAccessKeyCommand", { UserName: "ci-deployer", AccessKeyId: "AKIA2PRODEXAMPLE0007", Status: "Inactive" }],
        ]);
        assert.deepStrictEqual(posted(m), [
            {
                playbook: "exposed-key",
                mode: "enforce",
                outcome: "succeeded",
                findingId: "b6c4a1e2d3f405a6b7c8d9e0f1a2b3c4",
                findingSource: "aws.guardduty",
                account: PROD,
                region: "us-east-1",
                resource: "AKIA2PRODEXAMPLE0007",
                actions: [{ action: "iam:UpdateAccessKey", target: "AKIA2PRODEXAMPLE0007", status: "done" }],
                summary: `Deactivated access key AKIA2PRODEXAMPLE0007 of IAM user ci-deployer in account ${PROD} (InitialAccess:IAMUser/AnomalousBehavior); not deleted: review its recent use in CloudTrail, give the user a new key, then delete this one.`,
            },
        ]);
        assert.deepStrictEqual(calls(m.events)[0][1].Entries[0].Resources, [`arn:aws:iam::${PROD}:user/ci-deployer`]);
    });

    it("looks the user up from the key for a Health event, which names only the key", async () => {
        m.iam.on(GetAccessKeyLastUsedCommand).resolves({ UserName: "legacy-uploader", AccessKeyLastUsed: { Region: "us-east-1", ServiceName: "s3", LastUsedDate: new Date("2026-11-20T05:00:00Z") } });
        m.iam.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ UserName: "legacy-uploader", AccessKeyId: "AKIA2PRODEXAMPLE0042", Status: "Active" }] });
        await run(config("exposed-key"), HEALTH.event);
        assert.deepStrictEqual(memberCalls(m, "iam"), [
            ["GetAccessKeyLastUsedCommand", { AccessKeyId: "AKIA2PRODEXAMPLE0042" }],
            ["ListAccessKeysCommand", { UserName: "legacy-uploader" }],
            ["UpdateAccessKeyCommand", { UserName: "legacy-uploader", AccessKeyId: "AKIA2PRODEXAMPLE0042", Status: "Inactive" }],
        ]);
        assert.deepStrictEqual(posted(m).map((d) => [d.outcome, d.findingId, d.findingSource]), [["succeeded", HEALTH.event.detail.eventArn, "aws.health"]]);
    });

    it("changes nothing when the key is already inactive, and posts no-change", async () => {
        m.iam.on(ListAccessKeysCommand).resolves(KEYS("Inactive"));
        await run(config("exposed-key"), ANOMALOUS.event);
        assert.deepStrictEqual(memberCalls(m, "iam"), [["ListAccessKeysCommand", { UserName: "ci-deployer" }]]);
        assert.deepStrictEqual(posted(m).map((d) => [d.outcome, d.actions]), [["no-change", [{ action: "iam:UpdateAccessKey", target: "AKIA2PRODEXAMPLE0007", status: "skipped" }]]]);
    });

    it("reports an instance role's temporary credentials not-actionable, telling the human to revoke the role's sessions, with no call in the member account", async () => {
        await run(config("exposed-key"), OUTSIDE.event);
        assert.deepStrictEqual([calls(m.sts), memberCalls(m, "iam")], [[], []]);
        assert.deepStrictEqual(posted(m).map((d) => [d.outcome, d.resource, d.actions, d.summary]), [
            [
                "not-actionable",
                "ASIA2PRODEXAMPLE0042",
                [],
                `UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS in account ${PROD}: ASIA2PRODEXAMPLE0042 is a temporary credential of AssumedRole app-instance-role, which UpdateAccessKey cannot deactivate. ` +
                    `Revoke the role's active sessions (IAM User Guide, "Revoking IAM role temporary security credentials"), then find how its credentials left the instance.`,
            ],
        ]);
        // Claimed and completed all the same: a second delivery does not page twice.
        assert.deepStrictEqual(calls(m.dynamodb).map(([c, i]) => [c, i.Item.status.S]), [["PutItemCommand", "running"], ["PutItemCommand", "done"]]);
    });

    it("posts failed when the key is not among its user's keys (the finding's user is stale), and releases the claim", async () => {
        m.iam.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [] });
        await run(config("exposed-key"), ANOMALOUS.event);
        assert.deepStrictEqual(posted(m).map((d) => [d.outcome, d.actions]), [["failed", [{ action: "iam:UpdateAccessKey", target: "AKIA2PRODEXAMPLE0007", status: "failed", error: "not among the access keys of user ci-deployer" }]]]);
        assert.deepStrictEqual(calls(m.dynamodb).map(([c]) => c), ["PutItemCommand", "DeleteItemCommand"]);
    });

    it("posts failed with IAM's error when the lookup of a Health event's key fails", async () => {
        m.iam.on(GetAccessKeyLastUsedCommand).rejects(awsError("NoSuchEntity", "The Access Key with id AKIA2PRODEXAMPLE0042 cannot be found."));
        await run(config("exposed-key"), HEALTH.event);
        assert.deepStrictEqual(posted(m).map((d) => [d.outcome, d.actions]), [
            ["failed", [{ action: "iam:GetAccessKeyLastUsed", target: "AKIA2PRODEXAMPLE0042", status: "failed", error: "NoSuchEntity: The Access Key with id AKIA2PRODEXAMPLE0042 cannot be found." }]],
        ]);
        assert.deepStrictEqual(memberCalls(m, "iam").map(([c]) => c), ["GetAccessKeyLastUsedCommand"]);
    });

    it("uses IAM's own region in each partition", () => {
        assert.deepStrictEqual(["aws", "aws-us-gov", "aws-cn"].map(iamRegion), ["us-east-1", "us-gov-west-1", "cn-north-1"]);
        assert.throws(() => iamRegion("aws-iso"), /no IAM region known for partition aws-iso/);
    });

    itSendsOnlyAllowedActions("exposed-key", m, ["iam:GetAccessKeyLastUsed", "iam:ListAccessKeys", "iam:UpdateAccessKey"]);
});
