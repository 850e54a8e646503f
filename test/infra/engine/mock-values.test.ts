import { strict as assert } from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { runStack, type StackPlan } from "../../../infra/engine/run";

const ACCOUNT = "222222222222";
const REGION = "eu-west-1";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Resources whose computed outputs a real provider always returns; the program exports what it reads from them. */
function program() {
    const provider = new aws.Provider("acct", { region: REGION, allowedAccountIds: [ACCOUNT] });
    const o = { provider };
    const zone = new aws.route53.Zone("zone", { name: "logs.acme.example" }, o);
    const oidc = new aws.iam.OpenIdConnectProvider("github", { url: "https://token.actions.githubusercontent.com", clientIdLists: ["sts.amazonaws.com"] }, o);
    const recorder = new aws.cfg.Recorder("recorder", { roleArn: "arn:aws:iam::222222222222:role/config" }, o);
    const named = new aws.cfg.Recorder("named-recorder", { name: "org-recorder", roleArn: "arn:aws:iam::222222222222:role/config" }, o);
    const aggregator = new aws.securityhub.FindingAggregator("aggregator", { linkingMode: "ALL_REGIONS" }, o);
    const policy = new aws.securityhub.ConfigurationPolicy(
        "policy",
        { name: "baseline", configurationPolicy: { serviceEnabled: true, enabledStandardArns: [] } },
        o,
    );
    const bus = new aws.cloudwatch.EventBus("bus", { name: "acme-security-events" }, o);
    const topic = new aws.sns.Topic("high", { name: "acme-high" }, o);
    const autoTopic = new aws.sns.Topic("fifo", { fifoTopic: true }, o);
    const queue = new aws.sqs.Queue("siem", { name: "acme-siem" }, o);
    const prefixed = new aws.sqs.Queue("dlq", { namePrefix: "acme-dlq-" }, o);
    const group = new aws.cloudwatch.LogGroup("events", { name: "/acme/security-events" }, o);
    const slack = new aws.chatbot.SlackChannelConfiguration(
        "slack",
        { configurationName: "acme-alerts", iamRoleArn: "arn:aws:iam::222222222222:role/chatbot", slackChannelId: "C0", slackTeamId: "T0" },
        o,
    );
    const action = new aws.securityhub.ActionTarget("action", { name: "Send", identifier: "SendToTicket", description: "d" }, o);
    const schedule = new aws.scheduler.Schedule(
        "self-test",
        { name: "acme-self-test", scheduleExpression: "rate(1 day)", flexibleTimeWindow: { mode: "OFF" }, target: { arn: "arn:aws:events:eu-west-1:222222222222:event-bus/x", roleArn: "arn:aws:iam::222222222222:role/s" } },
        o,
    );
    const grouped = new aws.scheduler.Schedule(
        "grouped",
        { name: "nightly", groupName: "acme", scheduleExpression: "rate(1 day)", flexibleTimeWindow: { mode: "OFF" }, target: { arn: "arn:aws:sqs:eu-west-1:222222222222:q", roleArn: "arn:aws:iam::222222222222:role/s" } },
        o,
    );
    const dashboard = new aws.cloudwatch.Dashboard("dashboard", { dashboardName: "acme-security", dashboardBody: "{}" }, o);
    return {
        oidcArn: oidc.arn,
        zoneId: zone.zoneId,
        zoneResourceId: zone.id,
        zoneArn: zone.arn,
        nameServers: zone.nameServers,
        recorderName: recorder.name,
        recorderId: recorder.id,
        namedRecorder: named.name,
        aggregatorArn: aggregator.arn,
        aggregatorId: aggregator.id,
        policyArn: policy.arn,
        policyId: policy.id,
        busArn: bus.arn,
        topicArn: topic.arn,
        fifoTopicName: autoTopic.name,
        queueArn: queue.arn,
        queueUrl: queue.url,
        prefixedQueueName: prefixed.name,
        logGroupArn: group.arn,
        chatConfigurationArn: slack.chatConfigurationArn,
        actionArn: action.arn,
        scheduleArn: schedule.arn,
        scheduleId: schedule.id,
        groupedScheduleArn: grouped.arn,
        dashboardArn: dashboard.dashboardArn,
        known: pulumi.output(true),
    };
}

describe("offline engine: mocked computed outputs look like the ones AWS returns", () => {
    let update: StackPlan;
    before(async () => {
        update = await runStack({ project: "p", stack: "s", preview: false, config: {}, program });
    });
    const out = (k: string) => update.outputs[k] as string;

    it("route53 Zone: a Z… zone id (also the resource id), a global hosted-zone ARN and four name servers", () => {
        assert.match(out("zoneId"), /^Z[0-9A-Z]{12,31}$/);
        assert.equal(out("zoneResourceId"), out("zoneId"));
        assert.equal(out("zoneArn"), `arn:aws:route53:::hostedzone/${out("zoneId")}`);
        const ns = update.outputs.nameServers as string[];
        assert.equal(ns.length, 4);
        for (const n of ns) assert.match(n, /^ns-\d{1,4}\.awsdns-\d{2}\.(com|net|org|co\.uk)$/);
    });

    it("IAM OpenIdConnectProvider: a global ARN named by its issuer, as IAM names it", () => {
        assert.equal(out("oidcArn"), `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`);
    });

    it("config Recorder: named \"default\" when not given, as the provider does; its id is the name", () => {
        assert.equal(out("recorderName"), "default");
        assert.equal(out("recorderId"), "default");
        assert.equal(out("namedRecorder"), "org-recorder");
    });

    it("Security Hub FindingAggregator and ConfigurationPolicy: ARNs with a UUID, ids as the provider imports them", () => {
        assert.match(out("aggregatorArn"), new RegExp(`^arn:aws:securityhub:${REGION}:${ACCOUNT}:finding-aggregator/${UUID}$`));
        assert.equal(out("aggregatorId"), out("aggregatorArn"));
        assert.match(out("policyArn"), new RegExp(`^arn:aws:securityhub:${REGION}:${ACCOUNT}:configuration-policy/${UUID}$`));
        assert.match(out("policyId"), new RegExp(`^${UUID}$`));
        assert.ok(out("policyArn").endsWith(`/${out("policyId")}`));
    });

    it("EventBridge bus, SNS topic, SQS queue, log group: ARNs (and the queue URL) in the provider's account and region", () => {
        assert.equal(out("busArn"), `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/acme-security-events`);
        assert.equal(out("topicArn"), `arn:aws:sns:${REGION}:${ACCOUNT}:acme-high`);
        assert.match(out("fifoTopicName"), /^fifo-[0-9a-f]{7}\.fifo$/);
        assert.equal(out("queueArn"), `arn:aws:sqs:${REGION}:${ACCOUNT}:acme-siem`);
        assert.equal(out("queueUrl"), `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/acme-siem`);
        assert.match(out("prefixedQueueName"), /^acme-dlq-[0-9a-f]{26}$/);
        assert.equal(out("logGroupArn"), `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/acme/security-events`);
    });

    it("Chatbot, Security Hub action target, Scheduler schedule, CloudWatch dashboard", () => {
        assert.equal(out("chatConfigurationArn"), `arn:aws:chatbot::${ACCOUNT}:chat-configuration/slack-channel/acme-alerts`);
        assert.equal(out("actionArn"), `arn:aws:securityhub:${REGION}:${ACCOUNT}:action/custom/SendToTicket`);
        assert.equal(out("scheduleArn"), `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/default/acme-self-test`);
        assert.equal(out("scheduleId"), "default/acme-self-test");
        assert.equal(out("groupedScheduleArn"), `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/acme/nightly`);
        assert.equal(out("dashboardArn"), `arn:aws:cloudwatch::${ACCOUNT}:dashboard/acme-security`);
    });

    it("leaves them unknown in a preview, as pulumi preview does", async () => {
        const preview = await runStack({ project: "p", stack: "s", preview: true, config: {}, program });
        for (const k of ["zoneId", "nameServers", "aggregatorArn", "policyArn", "busArn", "topicArn", "queueUrl", "chatConfigurationArn", "scheduleArn", "dashboardArn"]) {
            assert.equal(preview.outputs[k], null, k);
        }
        assert.equal(preview.outputs.known, true);
    });

    it("gives the same values on every run", async () => {
        const again = await runStack({ project: "p", stack: "s", preview: false, config: {}, program });
        assert.deepEqual(again.outputs, update.outputs);
    });
});

describe("offline engine: database parameter groups get the name a program passes to its databases", () => {
    const groups = () => {
        const pg = new aws.rds.ParameterGroup("orders-params", { family: "postgres16" });
        const cpg = new aws.rds.ClusterParameterGroup("analytics-params", { name: "analytics-params", family: "aurora-postgresql16" });
        const docdb = new aws.docdb.ClusterParameterGroup("catalog-params", { namePrefix: "catalog-", family: "docdb5.0" });
        const neptune = new aws.neptune.ClusterParameterGroup("graph-params", { family: "neptune1.3" });
        return { pg: pg.name, pgArn: pg.arn, cpgArn: cpg.arn, docdb: docdb.name, neptuneArn: neptune.arn };
    };

    it("auto-names a group the program does not name, as the provider does, so group.name is known after the update", async () => {
        const plan = await runStack({ project: "p", stack: "s", preview: false, config: {}, program: groups });
        const o = plan.outputs as Record<string, string>;
        assert.match(o.pg, /^orders-params-[0-9a-f]{7}$/);
        assert.match(o.pgArn, new RegExp(`^arn:aws:rds:[a-z0-9-]+:\\d{12}:pg:${o.pg}$`));
        assert.match(o.cpgArn, /^arn:aws:rds:[a-z0-9-]+:\d{12}:cluster-pg:analytics-params$/);
        assert.match(o.docdb, /^catalog-[0-9a-f]{26}$/);
        assert.match(o.neptuneArn, /:cluster-pg:graph-params-[0-9a-f]{7}$/);
    });
});
