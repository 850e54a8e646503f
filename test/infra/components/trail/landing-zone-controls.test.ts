import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { landingZoneTrailControls, FILTER_PATTERN_MAX_CHARS } from "../../../../infra/components/trail/landing-zone-controls";
import { matchesMetricFilter as matchesFilter } from "../../../support/metric-filter";
import { REPO_ROOT } from "../../../support/plan";

const CONTROLS = landingZoneTrailControls({ exemptRoleNames: ["LandingZoneDeployment", "LandingZoneBreakGlass"], breakGlassRoleName: "LandingZoneBreakGlass" });
const control = (id: string) => CONTROLS.find((c) => c.id === id)!;

/** CloudTrail records (the `detail` of the EventBridge samples) of the tampering fixtures, by name. */
const RECORDS: { name: string; record: Record<string, any> }[] = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test", "fixtures", "events", "member", "tampering.json"), "utf8")) as { name: string; event: any }[])
    .filter((s) => String(s.event["detail-type"]).endsWith("via CloudTrail"))
    .map((s) => ({ name: s.name, record: s.event.detail }));

/** A call made with a session of `role` (the shape CloudTrail gives an assumed-role identity). */
function callAs(role: string, account: string, eventName = "DescribeInstances"): Record<string, unknown> {
    return {
        eventVersion: "1.09",
        userIdentity: {
            type: "AssumedRole",
            principalId: `AROAEXAMPLE:${role}`,
            arn: `arn:aws:sts::${account}:assumed-role/${role}/break-glass-1`,
            accountId: account,
            sessionContext: { sessionIssuer: { type: "Role", principalId: "AROAEXAMPLE", arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role }, attributes: { mfaAuthenticated: "false" } },
        },
        eventSource: "ec2.amazonaws.com",
        eventName,
        awsRegion: "eu-west-1",
        readOnly: true,
        recipientAccountId: account,
    };
}

describe("landing-zone trail controls (metric filters on the organisation trail's log group)", () => {
    it("matches any call made with a break-glass session, in a member account or the management account, read-only ones included", () => {
        for (const account of ["444444444444", "111111111111"]) assert.strictEqual(matchesFilter(control("break-glass-used").pattern, callAs("LandingZoneBreakGlass", account)), true, account);
        assert.strictEqual(matchesFilter(control("break-glass-used").pattern, callAs("LandingZoneBreakGlass", "444444444444", "StopLogging")), true);
    });
    it("ignores sessions of other roles, the deployment role's included, and IAM users", () => {
        for (const role of ["LandingZoneDeployment", "Administrator", "LandingZoneBreakGlassCopy"]) assert.strictEqual(matchesFilter(control("break-glass-used").pattern, callAs(role, "444444444444")), false, role);
        assert.strictEqual(matchesFilter(control("break-glass-used").pattern, { userIdentity: { type: "IAMUser", userName: "LandingZoneBreakGlass" }, eventName: "ListUsers" }), false);
    });
    it("matches every IAM change to either exempt role in the tampering fixtures, and nothing else there", () => {
        const hits = RECORDS.filter((r) => matchesFilter(control("exempt-role-changed").pattern, r.record)).map((r) => r.name);
        assert.deepStrictEqual(hits.sort(), RECORDS.filter((r) => r.record.eventSource === "iam.amazonaws.com").map((r) => r.name).sort());
        assert.ok(hits.length >= 4);
    });
    it("ignores the same calls on other roles", () => {
        const base = RECORDS.find((r) => r.record.eventName === "UpdateAssumeRolePolicy")!.record;
        for (const roleName of ["app-runner", "acme-lz-event-forwarding", "LandingZoneDeploymentOld"]) {
            assert.strictEqual(matchesFilter(control("exempt-role-changed").pattern, { ...base, requestParameters: { ...base.requestParameters, roleName } }), false, roleName);
        }
    });
    it("keeps every pattern within CloudWatch Logs' 1,024 characters with 64-character role names", () => {
        const longest = landingZoneTrailControls({ exemptRoleNames: ["D".repeat(64), "B".repeat(64)], breakGlassRoleName: "B".repeat(64) });
        for (const c of longest) assert.ok(c.pattern.length <= FILTER_PATTERN_MAX_CHARS, `${c.id}: ${c.pattern.length}`);
    });
});
