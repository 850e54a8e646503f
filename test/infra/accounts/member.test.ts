import * as assert from "assert";
import { byName, generatedOrg, ofType, planGenerated, REPO_ROOT, referenceOrg, referenceStack } from "../../support/plan";
import type { StackPlan } from "../../../infra/engine/run";
import { DEFAULT_ENABLED_REGIONS } from "../../../infra/config/regions";
import { FORWARDING_RULES, landingZoneForwardingRules } from "../../../infra/components/baseline/forwarding-rules";
import { loadOrg } from "../../../infra/config/load";
import { landingZoneRolePatterns } from "../../../infra/iam/scp-protect-roles";
import { globMatch } from "../../support/policy-evaluator";

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];
const CENTRAL_BUS = "arn:aws:events:us-east-1:333333333333:event-bus/acme-lz-security-events";
const MEMBER_STACKS = ["member-management", "member-log-archive", "member-security", "member-workload-prod", "member-workload-dev"];

describe("member stack", () => {
    let p: StackPlan;
    let archive: StackPlan;
    before(async function () {
        p = await referenceStack("member-workload-prod");
        archive = await referenceStack("log-archive");
    });

    it("deploys into the member's own account through its one provider", () => {
        const providers = ofType(p, "pulumi:providers:aws");
        assert.strictEqual(providers.length, 1);
        assert.strictEqual(providers[0].inputs.allowedAccountIds, JSON.stringify(["444444444444"]));
        assert.strictEqual(p.outputs.accountId, "444444444444");
    });

    it("delivers Config in every region to the log-archive stack's Config bucket and key", () => {
        const channels = ofType(p, "aws:cfg/deliveryChannel:DeliveryChannel");
        assert.deepStrictEqual(channels.map((c) => c.inputs.region).sort(), [...REGIONS].sort());
        assert.ok(archive.outputs.configBucketName, "log-archive exports configBucketName");
        for (const c of channels) {
            assert.strictEqual(c.inputs.s3BucketName, archive.outputs.configBucketName);
            assert.strictEqual(c.inputs.s3KmsKeyArn, archive.outputs.configKeyArn);
            assert.deepStrictEqual(c.inputs.snapshotDeliveryProperties, { deliveryFrequency: "TwentyFour_Hours" });
        }
    });

    it("records global IAM types in the home region only", () => {
        const recorders = ofType(p, "aws:cfg/recorder:Recorder");
        assert.deepStrictEqual(
            recorders.filter((r) => (r.inputs.recordingGroup as any).includeGlobalResourceTypes).map((r) => r.inputs.region),
            ["us-east-1"],
        );
        assert.strictEqual(recorders.length, REGIONS.length);
    });

    it("forwards to the central bus named from the org facts, in the security account's home region", () => {
        const targets = ofType(p, "aws:cloudwatch/eventTarget:EventTarget").filter((t) => t.name.startsWith("forwarding-"));
        assert.ok(targets.length > 0);
        for (const t of targets) assert.strictEqual(t.inputs.arn, CENTRAL_BUS);
        const security = referenceOrg().accounts.security.id;
        assert.ok(CENTRAL_BUS.includes(`:${security}:`));
    });

    it("sends every log group to the central destination of its region, except the pipeline's and the org trail's groups", () => {
        const destinations = archive.outputs.logDestinationArns as Record<string, string>;
        assert.ok(destinations, "log-archive exports logDestinationArns");
        const pipeline = (archive.outputs.pipelineLogGroupNames as string[] | undefined) ?? [];
        for (const region of REGIONS) {
            const policy = byName(p, `central-logs-${region}`);
            assert.strictEqual(JSON.parse(String(policy.inputs.policyDocument)).DestinationArn, destinations[region]);
            const criteria = String(policy.inputs.selectionCriteria);
            const excluded = JSON.parse(criteria.replace(/^LogGroupName NOT IN /, "")) as string[];
            for (const g of ["/acme-lz/cloudtrail/organization", ...pipeline]) assert.ok(excluded.includes(g), `${region}: ${g} must be excluded`);
        }
    });

    it("subscribes as the account's one log-subscription role, allowed PutLogEvents on the log archive's destinations only", () => {
        const destinations = archive.outputs.logDestinationArns as Record<string, string>;
        const roles = ofType(p, "aws:iam/role:Role").filter((r) => r.name === "central-logs-role");
        assert.strictEqual(roles.length, 1, "one role for all regions");
        const roleArn = "arn:aws:iam::444444444444:role/acme-lz-log-subscription";
        assert.strictEqual(p.outputs.logSubscriptionRoleArn, roleArn);
        for (const region of REGIONS) {
            assert.strictEqual(JSON.parse(String(byName(p, `central-logs-${region}`).inputs.policyDocument)).RoleArn, roleArn, region);
        }
        const permissions = JSON.parse(String(byName(p, "central-logs-role-policy").inputs.policy));
        assert.deepStrictEqual(permissions.Statement.map((s: any) => [s.Effect, s.Action, [...s.Resource].sort()]), [["Allow", ["logs:PutLogEvents"], REGIONS.map((r) => destinations[r]).sort()]]);
    });

    it("names the log-subscription role so that the guardrail protecting landing-zone roles covers it", () => {
        const role = byName(p, "central-logs-role");
        const arn = `arn:aws:iam::444444444444:role/${String(role.inputs.name)}`;
        const patterns = landingZoneRolePatterns(loadOrg(REPO_ROOT));
        assert.ok(
            patterns.some((pattern) => globMatch(pattern, arn)),
            `${arn} matches none of ${patterns.join(", ")}`,
        );
    });

    it("applies the secure defaults when the stack file has no lz:member settings", () => {
        for (const r of ofType(p, "aws:cfg/recorder:Recorder")) {
            assert.deepStrictEqual(r.inputs.recordingMode, { recordingFrequency: "CONTINUOUS" });
            assert.strictEqual((r.inputs.recordingGroup as any).allSupported, true);
            assert.strictEqual((r.inputs.recordingGroup as any).exclusionByResourceTypes, undefined);
        }
        assert.strictEqual(byName(p, "config-service-role").importId, null);
        assert.strictEqual(ofType(p, "aws:cloudwatch/logAccountPolicy:LogAccountPolicy").length, REGIONS.length);
    });

    it("gives every enabled region an access-log bucket of this account, and exports their names", () => {
        const buckets = ofType(p, "aws:s3/bucket:Bucket");
        assert.deepStrictEqual(buckets.map((b) => b.inputs.region).sort(), [...REGIONS].sort());
        const expected = Object.fromEntries(REGIONS.map((r) => [r, `acme-lz-s3-access-logs-444444444444-${r}`]));
        for (const b of buckets) assert.strictEqual(b.inputs.bucket, expected[String(b.inputs.region)]);
        assert.deepStrictEqual(p.outputs.accessLogBucketNames, expected);
    });

    it("expires access logs after the organisation's archive retention, and keeps a replaced version as long", () => {
        const o = referenceOrg();
        const lifecycles = ofType(p, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration");
        assert.strictEqual(lifecycles.length, REGIONS.length, "one per access-log bucket");
        for (const l of lifecycles) {
            const [rule] = l.inputs.rules as any[];
            assert.deepStrictEqual(rule.expiration, { days: o.retention.archiveDays });
            assert.deepStrictEqual(rule.noncurrentVersionExpiration, { noncurrentDays: 2557 });
        }
    });

    it("blocks public S3 access account-wide", () => {
        const [block] = ofType(p, "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock");
        assert.strictEqual(block.inputs.blockPublicPolicy, true);
        assert.strictEqual(block.inputs.restrictPublicBuckets, true);
    });

    it("gives every account, core accounts included, the same baseline shape, plus the forwarding rows of the security and log-archive accounts and the canary account's log canary", async () => {
        const shape = (q: StackPlan) => q.resources.filter((r) => !r.type.startsWith("pulumi:")).map((r) => `${r.type} ${r.name}`).sort();
        // The security account forwards its tooling's changes everywhere and its functions' in the home region; the log-archive
        // account, forged archive writes and the canary's arrivals in the home region, and (the quiet account) its sign-ins in the
        // enabled regions, the global-events region and the three regions the console records IAM users' sign-ins in, each of
        // those with its dead-letter queue, its alarm and the forwarding of that alarm; the canary account (workload-prod) sends the
        // canary, and it alone is in the playbooks' scope (Workloads/Prod: three response roles, each with its policy) and lists two
        // VPCs for quarantine groups.
        const own: Record<string, { readonly names: RegExp; readonly count: number }> = {
            "member-security": { names: /^forwarding-(tooling|function)-tampering-/, count: 2 * REGIONS.length + 2 },
            "member-log-archive": {
                names: /^forwarding-(archive-writer-|log-canary-|quiet-sign-in-|dlq-(us-east-2|eu-north-1|ap-southeast-2)|health-alarms-(us-east-2|eu-north-1|ap-southeast-2))/,
                count: 4 + 2 * (REGIONS.length + 3) + 3 * 3 + 2 * 3,
            },
            "member-workload-prod": { names: /^(log-canary|response|quarantine)(-|$)/, count: 5 + (1 + 3 * 2) + (1 + 2) },
        };
        const reference = shape(p).filter((x) => !own["member-workload-prod"].names.test(x.split(" ")[1]));
        assert.ok(MEMBER_STACKS.length >= 5 && MEMBER_STACKS.every((s) => s !== "member-workload-prod" || own[s]));
        for (const stack of MEMBER_STACKS) {
            const q = shape(await referenceStack(stack));
            const extra = own[stack];
            assert.deepStrictEqual(q.filter((x) => !extra || !extra.names.test(x.split(" ")[1])), reference, stack);
            if (extra) assert.strictEqual(q.filter((x) => extra.names.test(x.split(" ")[1])).length, extra.count, stack);
        }
    });

    it("creates no break-glass role when the org file's bootstrap block gives it to the StackSet, and names the StackSet's role", () => {
        assert.deepStrictEqual(p.resources.filter((r) => r.type === "lz:baseline:BreakGlassRole" || (r.type === "aws:iam/role:Role" && r.inputs.name === "LandingZoneBreakGlass")), []);
        assert.strictEqual(p.outputs.breakGlassRoleArn, "arn:aws:iam::444444444444:role/LandingZoneBreakGlass");
    });

    it("plans in preview mode too", async () => {
        const q = await referenceStack("member-workload-prod", { preview: true });
        assert.strictEqual(q.resources.length, p.resources.length);
    });
});

/** The org without a log canary. */
function noCanary(o: Record<string, any>): Record<string, any> {
    return { ...o, health: { ...o.health, logCanary: { ...o.health?.logCanary, account: "none" } } };
}

describe("member stack size and settings", () => {
    const core = { management: { "lz:role": "management" }, "log-archive": { "lz:role": "log-archive" }, security: { "lz:role": "security" } };

    async function member(o: Record<string, any>, settings: Record<string, unknown> = {}, account = "workload-0"): Promise<StackPlan> {
        const stack = `member-${account}`;
        const [plan] = await planGenerated(o, { ...core, [stack]: { "lz:role": "member", "lz:account": account, "lz:member": settings } }, [stack]);
        return plan;
    }

    /**
     * Resources per region: recorder + channel + status + log policy + dead-letter queue, its policy and its alarm,
     * the access-log bucket and its six settings, and a rule + target per regional rule.
     */
    const lzRows = landingZoneForwardingRules({ namePrefix: "acme-lz", breakGlassRoleName: "LandingZoneBreakGlass", accountKind: "member" });
    const regional = 7 + 7 + 2 * [...FORWARDING_RULES, ...lzRows].filter((r) => r.scope !== "global").length;

    it("grows with enabled regions only: 17 regions cost exactly 13 more regions' worth than 4", async () => {
        const four = await member(generatedOrg(REGIONS));
        const seventeen = await member(generatedOrg(DEFAULT_ENABLED_REGIONS));
        assert.ok(DEFAULT_ENABLED_REGIONS.includes("us-east-1"));
        assert.strictEqual(seventeen.resources.length - four.resources.length, (DEFAULT_ENABLED_REGIONS.length - REGIONS.length) * regional);
        assert.strictEqual(ofType(seventeen, "aws:cfg/recorder:Recorder").length, DEFAULT_ENABLED_REGIONS.length);
    });

    it("does not grow with the number of accounts in the organisation", async () => {
        const few = await member(generatedOrg(REGIONS, 2));
        const many = await member(generatedOrg(REGIONS, 60));
        assert.strictEqual(many.resources.length, few.resources.length);
    });

    it("records high-churn types daily and leaves excluded types out when the settings say so", async () => {
        const q = await member(generatedOrg(REGIONS), { config: { dailyResourceTypes: ["AWS::EC2::NetworkInterface"], excludedResourceTypes: ["AWS::EC2::Volume"] } });
        const rec = byName(q, "config-recorder-us-west-2");
        assert.deepStrictEqual((rec.inputs.recordingMode as any).recordingModeOverride.resourceTypes, ["AWS::EC2::NetworkInterface"]);
        assert.ok((rec.inputs.recordingGroup as any).exclusionByResourceTypes[0].resourceTypes.includes("AWS::EC2::Volume"));
    });

    /** An organisation without the bootstrap block: the member baseline owns the break-glass role. */
    const withoutBootstrap = () => {
        const o = generatedOrg(REGIONS);
        delete o.bootstrap;
        return o;
    };

    it("creates the break-glass role without a bootstrap: the management account's named holders as its only trust, AdministratorAccess, a one-hour session, protected", async () => {
        const q = await member(withoutBootstrap());
        const role = byName(q, "break-glass-role");
        assert.strictEqual(role.inputs.name, "LandingZoneBreakGlass");
        assert.strictEqual(role.inputs.maxSessionDuration, 3600);
        assert.strictEqual(role.protect, true);
        assert.strictEqual(role.retainOnDelete, true);
        const trust = JSON.parse(String(role.inputs.assumeRolePolicy));
        assert.deepStrictEqual(trust.Statement.map((x: any) => x.Principal), [{ AWS: "arn:aws:iam::111111111111:root" }]);
        assert.deepStrictEqual(trust.Statement[0].Condition.ArnEquals, { "aws:PrincipalArn": ["arn:aws:iam::111111111111:user/break-glass-1", "arn:aws:iam::111111111111:user/break-glass-2"] });
        assert.strictEqual(byName(q, "break-glass-administrator").inputs.policyArn, "arn:aws:iam::aws:policy/AdministratorAccess");
        assert.strictEqual(q.outputs.breakGlassRoleArn, role.outputs.arn);
    });

    it("adopts an existing break-glass role with import when asked, and creates it otherwise (without a bootstrap)", async () => {
        const adopted = await member(withoutBootstrap(), { breakGlassRole: { adopt: true } });
        assert.strictEqual(byName(adopted, "break-glass-role").importId, "LandingZoneBreakGlass");
        const created = await member(withoutBootstrap());
        assert.strictEqual(byName(created, "break-glass-role").importId, null);
    });

    it("drops the log subscription policy when switched off, and adds extra exclusions when listed", async () => {
        const off = await member(noCanary(generatedOrg(REGIONS)), { logSubscription: { enabled: false } });
        assert.strictEqual(ofType(off, "aws:cloudwatch/logAccountPolicy:LogAccountPolicy").length, 0);
        assert.ok(!("logSubscriptionPolicyNames" in off.outputs) && !("logSubscriptionRoleArn" in off.outputs), Object.keys(off.outputs).join(", "));
        assert.deepStrictEqual(off.diagnostics, [], "no undefined stack output for the SDK to warn about");
        // The generated members are in Workloads/Prod, the reference playbooks' scope: their response roles stay.
        assert.deepStrictEqual(ofType(off, "aws:iam/role:Role").map((r) => r.name).sort(), ["forwarding-role", "response-compromised-instance", "response-exposed-key", "response-public-bucket"]);
        const extra = await member(generatedOrg(REGIONS), { logSubscription: { excludedLogGroups: ["/app/noisy-debug"] } });
        assert.match(String(byName(extra, "central-logs-eu-west-1").inputs.selectionCriteria), /"\/app\/noisy-debug"/);
    });

    it("refuses to switch the log subscription off in the canary account, naming the stack file, the key and the org file's key", async () => {
        await assert.rejects(member(generatedOrg(REGIONS), { logSubscription: { enabled: false } }), (e: Error) => {
            assert.match(e.message, /stacks\/Pulumi\.member-workload-0\.yaml: lz:member\.logSubscription\.enabled: is false, but stacks\/org\.yaml health\.logCanary\.account names this account \(workload-0\)/);
            return true;
        });
    });

    it("adopts the Config service-linked role when the account already has one", async () => {
        const q = await member(generatedOrg(REGIONS), { config: { adoptServiceLinkedRole: true } });
        assert.strictEqual(byName(q, "config-service-role").importId, "arn:aws:iam::600000000000:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
    });

    it("creates no recorder, delivery channel or status when Control Tower owns the account's recorders, and keeps the rest of the baseline", async () => {
        const full = await member(generatedOrg(REGIONS));
        const ct = await member(generatedOrg(REGIONS), { config: { owner: "control-tower" } });
        const configTypes = ["lz:baseline:ConfigRecorder", "aws:cfg/recorder:Recorder", "aws:cfg/deliveryChannel:DeliveryChannel", "aws:cfg/recorderStatus:RecorderStatus", "aws:iam/serviceLinkedRole:ServiceLinkedRole"];
        assert.ok(ofType(full, "aws:cfg/recorder:Recorder").length > 0);
        for (const t of configTypes) assert.deepStrictEqual(ofType(ct, t), [], t);
        assert.deepStrictEqual(
            ct.resources.map((r) => r.type).sort(),
            full.resources.map((r) => r.type).filter((t) => !configTypes.includes(t)).sort(),
            "everything else of the baseline stays: forwarding, subscription, access logs, hardening",
        );
        assert.ok(!("configRecorderNames" in ct.outputs) && !("configRoleArn" in ct.outputs));
        assert.deepStrictEqual(ct.diagnostics, []);
    });

    it("adopts an account's existing recorders and delivery channels by name in the listed regions", async () => {
        const q = await member(generatedOrg(REGIONS), { config: { adopt: { regions: ["us-east-1", "eu-west-1"], recorderName: "default", deliveryChannelName: "legacy" } } });
        const imported = q.resources.filter((r) => r.importId !== null && r.type.startsWith("aws:cfg/")).map((r) => `${r.name}=${r.importId}`).sort();
        assert.deepStrictEqual(imported, [
            "config-delivery-eu-west-1=legacy",
            "config-delivery-us-east-1=legacy",
            "config-recorder-eu-west-1=default",
            "config-recorder-us-east-1=default",
            "config-status-eu-west-1=default",
            "config-status-us-east-1=default",
        ]);
    });

    it("rejects a resource type that is not an AWS Config type, naming the file and key", async () => {
        await assert.rejects(member(generatedOrg(REGIONS), { config: { excludedResourceTypes: ["EC2 volumes"] } }), /lz:member\.config\.excludedResourceTypes\[0\].*AWS Config resource type/);
    });
});
