import { strict as assert } from "assert";
import type { StackPlan } from "../../../../infra/engine/run";
import type { PlannedResource } from "../../../../infra/engine/monitor";
import { resolveResponsePlaybookArgs, type ResponsePlaybookArgs } from "../../../../infra/components/response/response-playbook";
import { resolveResponseRolesArgs } from "../../../../infra/components/response/response-roles";
import { resolveQuarantineGroupsArgs } from "../../../../infra/components/response/quarantine-groups";
import { errorMessage } from "../../../support/errors";
import { byName, ofType, referenceStack } from "../../../support/plan";

const doc = { Version: "2012-10-17" as const, Statement: [{ Sid: "X", Effect: "Allow" as const, Action: "sts:AssumeRole" }] };
const PLAYBOOK: ResponsePlaybookArgs = {
    playbook: "exposed-key",
    functionName: "acme-lz-playbook-exposed-key",
    config: { playbook: "exposed-key", mode: "dry-run", partition: "aws", roleName: "r", externalId: "e", accounts: ["444444444444"], dedupTable: "t", dedupMinutes: 60, eventBusArn: "arn:aws:events:us-east-1:333333333333:event-bus/b", tagKey: "lz:quarantine" },
    trustPolicy: doc,
    permissionsPolicy: doc,
    eventsPrincipal: "events.amazonaws.com",
    busName: "acme-lz-security-events",
    triggers: [{ id: "guardduty-exposed-key", description: "d", pattern: { source: ["aws.guardduty"] } }],
    ruleName: (id) => `acme-lz-playbook-${id}`,
    logGroupName: "/acme-lz/playbook-exposed-key",
    logRetentionDays: 365,
    alarmTopicArn: "arn:aws:sns:us-east-1:333333333333:acme-lz-security-high",
    failedAlarmName: (id) => `acme-lz-health-high-routing-failed-playbook-${id}`,
    exemptRoleArns: [],
};

describe("response components' arguments", () => {
    it("gives a playbook two minutes per run by default", () => {
        assert.equal(resolveResponsePlaybookArgs("p", PLAYBOOK).timeoutSeconds, 120);
    });

    it("refuses a playbook no rule feeds, a trigger id twice, and a rule name EventBridge would refuse, all at once", () => {
        assert.equal(errorMessage(() => resolveResponsePlaybookArgs("p", { ...PLAYBOOK, triggers: [] })), "ResponsePlaybook p:\n  triggers: at least one rule must feed the playbook, or it never runs");
        const t = PLAYBOOK.triggers[0];
        assert.equal(
            errorMessage(() => resolveResponsePlaybookArgs("p", { ...PLAYBOOK, triggers: [t, t, { ...t, id: "x".repeat(60) }] })),
            [
                "ResponsePlaybook p:",
                '  triggers[1].id: "guardduty-exposed-key" is used twice',
                `  triggers[2].id: rule name "acme-lz-playbook-${"x".repeat(60)}" is not 1-64 letters, digits, . - _ (EventBridge)`,
            ].join("\n"),
        );
    });

    it("refuses response roles with no playbook, one playbook twice, or a name IAM would refuse", () => {
        assert.equal(errorMessage(() => resolveResponseRolesArgs("r", { roles: [] })), "ResponseRoles r:\n  roles: at least one playbook role; create no component when no playbook acts in the account");
        const role = { playbook: "public-bucket" as const, roleName: "acme-lz-response-public-bucket", trustPolicy: doc, permissionsPolicy: doc };
        assert.match(errorMessage(() => resolveResponseRolesArgs("r", { roles: [role, { ...role, roleName: "bad name" }] })), /roles\[1\]\.playbook: public-bucket is listed twice\n {2}roles\[1\]\.roleName: "bad name" is not/);
    });

    it("refuses quarantine groups without a VPC, with a malformed VPC id, or named like a group id", () => {
        assert.equal(errorMessage(() => resolveQuarantineGroupsArgs("q", { groupName: "g", vpcs: { "us-east-1": [] } })), "QuarantineGroups q:\n  vpcs: at least one VPC; create no component when the account lists none");
        assert.equal(
            errorMessage(() => resolveQuarantineGroupsArgs("q", { groupName: "sg-x", vpcs: { "us-east-1": ["vpc-123"] } })),
            'QuarantineGroups q:\n  vpcs.us-east-1: "vpc-123" is not a VPC id like vpc-0123456789abcdef0\n  groupName: "sg-x" is not a security group name (1-255 characters, not starting with sg-)',
        );
    });
});

describe("response components in the reference plans", () => {
    let security: StackPlan;
    let prod: StackPlan;
    let dev: StackPlan;
    let logArchive: StackPlan;
    before(async function () {
        [security, prod, dev, logArchive] = await Promise.all([referenceStack("security"), referenceStack("member-workload-prod"), referenceStack("member-workload-dev"), referenceStack("member-log-archive")]);
    });

    const functions = () => ofType(security, "aws:lambda/function:Function").filter((f) => String(f.inputs.name).startsWith("acme-lz-playbook-"));

    it("deploys one function per playbook, in dry-run, told its scope (Workloads/Prod: workload-prod), its role, external id, table and bus", () => {
        const fns = functions();
        assert.deepEqual(fns.map((f) => f.inputs.name).sort(), ["acme-lz-playbook-compromised-instance", "acme-lz-playbook-exposed-key", "acme-lz-playbook-public-bucket"]);
        const config = JSON.parse(String((byName(security, "playbook-exposed-key-function-function").inputs.environment as any).variables.LZ_RESPONSE_CONFIG));
        assert.deepEqual(config, {
            playbook: "exposed-key",
            mode: "dry-run",
            partition: "aws",
            roleName: "acme-lz-response-exposed-key",
            externalId: "acme-lz-exposed-key-333333333333",
            accounts: ["444444444444"],
            dedupTable: "acme-lz-response-dedup",
            dedupMinutes: 60,
            eventBusArn: "arn:aws:events:us-east-1:333333333333:event-bus/acme-lz-security-events",
            tagKey: "lz:quarantine",
        });
    });

    it("feeds each function from rules on the central bus, and lets exactly those rules invoke it", () => {
        const rules = ofType(security, "aws:cloudwatch/eventRule:EventRule").filter((r) => String(r.inputs.name).startsWith("acme-lz-playbook-"));
        assert.deepEqual(rules.map((r) => r.inputs.name).sort(), [
            "acme-lz-playbook-access-analyzer-public-bucket",
            "acme-lz-playbook-guardduty-compromised-instance",
            "acme-lz-playbook-guardduty-exposed-key",
            "acme-lz-playbook-health-exposed-key",
            "acme-lz-playbook-securityhub-public-bucket",
        ]);
        for (const r of rules) assert.equal(r.inputs.eventBusName, "acme-lz-security-events");
        const permissions = ofType(security, "aws:lambda/permission:Permission").filter((p) => String(p.inputs.function).startsWith("acme-lz-playbook-"));
        assert.deepEqual(permissions.map((p) => p.inputs.sourceArn).sort(), rules.map((r) => r.outputs.arn).sort());
        for (const p of permissions) assert.equal(p.inputs.principal, "events.amazonaws.com");
        const targets = ofType(security, "aws:cloudwatch/eventTarget:EventTarget").filter((t) => String(t.inputs.rule).startsWith("acme-lz-playbook-"));
        const fnArns = new Set(functions().map((f) => f.outputs.arn));
        assert.equal(targets.length, rules.length);
        for (const t of targets) assert.ok(fnArns.has(t.inputs.arn), `${t.inputs.rule} targets a playbook function`);
    });

    it("keeps one dedup table with expiry and deletion protection", () => {
        const [table] = ofType(security, "aws:dynamodb/table:Table");
        assert.equal(table.inputs.name, "acme-lz-response-dedup");
        assert.deepEqual(table.inputs.ttl, { attributeName: "expiresAt", enabled: true });
        assert.equal(table.inputs.deletionProtectionEnabled, true);
        assert.equal(table.inputs.hashKey, "findingKey");
    });

    it("gives the account in scope (Workloads/Prod) the three response roles and the others none", () => {
        const names = (p: StackPlan) => ofType(p, "aws:iam/role:Role").map((r) => String(r.inputs.name)).filter((n) => n.startsWith("acme-lz-response-")).sort();
        const all = ["acme-lz-response-compromised-instance", "acme-lz-response-exposed-key", "acme-lz-response-public-bucket"];
        assert.deepEqual(names(prod), all);
        assert.deepEqual(names(dev), []);
        assert.deepEqual(names(logArchive), []);
    });

    it("creates a quarantine group with no rule in or out in each VPC the stack file lists, and none elsewhere", () => {
        const groups = ofType(prod, "aws:ec2/securityGroup:SecurityGroup");
        assert.deepEqual(groups.map((g) => [g.inputs.region, g.inputs.vpcId]).sort(), [["eu-west-1", "vpc-0f1e2d3c4b5a69788"], ["us-east-1", "vpc-0a1b2c3d4e5f60718"]]);
        for (const g of groups as PlannedResource[]) {
            assert.deepEqual([g.inputs.ingress, g.inputs.egress], [[], []]);
            assert.equal((g.inputs.tags as any)["lz:quarantine"], "true");
            assert.equal(g.inputs.name, "acme-lz-quarantine");
        }
        assert.deepEqual(ofType(dev, "aws:ec2/securityGroup:SecurityGroup"), []);
    });
});
