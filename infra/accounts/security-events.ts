/**
 * The security account's central bus and alerting (composition only: config → components → outputs).
 * `runSecurityStack` calls `buildSecurityEvents` first: the CIS alarms notify its `topicArns`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Severity, StackModel } from "../config/model";
import { SEVERITIES } from "../config/model";
import { ProblemList } from "../config/errors";
import { arn, centralBusArn, centralBusName, servicePrincipal, stackReferenceName } from "../naming";
import { busPolicy } from "../iam/bus-policy";
import { chatbotNotificationsPolicy } from "../iam/chatbot-notifications";
import { chatbotTrustPolicy } from "../iam/chatbot-trust";
import { forwardingDeadLetterQueuePolicy } from "../iam/forwarding-dead-letter";
import { forwardingPutEventsPolicy } from "../iam/forwarding-put-events";
import { forwardingTrustPolicy } from "../iam/forwarding-trust";
import { securityEventLogPolicy } from "../iam/security-event-log-policy";
import { selfTestSchedulerTrustPolicy } from "../iam/self-test-scheduler-trust";
import { siemQueuePolicy } from "../iam/siem-queue-policy";
import { topicKeyPolicy } from "../iam/topic-key-policy";
import { topicPolicy } from "../iam/topic-policy";
import { CIS_CONTROLS } from "../components/trail/cis-controls";
import { AlertSelfTest } from "../components/events/alert-self-test";
import { AlertTopics } from "../components/events/alert-topics";
import { securityDashboardBody } from "../components/events/dashboard-body";
import { FindingsForwarding } from "../components/events/findings-forwarding";
import * as names from "../components/events/names";
import { CUSTOM_ACTIONS, SELF_TEST_DETAIL_TYPE, SELF_TEST_SOURCE, securityRoutes, type SecurityRoute } from "../components/events/routing-table";
import { SecurityDashboard } from "../components/events/security-dashboard";
import { SecurityEventBus } from "../components/events/security-event-bus";
import { SecurityEventLog } from "../components/events/security-event-log";
import { SecurityEventRouting } from "../components/events/security-event-routing";
import { SiemQueue } from "../components/events/siem-queue";
import { SlackAlerts } from "../components/events/slack-alerts";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "security" }>;

export interface SecurityEvents {
    readonly busName: pulumi.Output<string>;
    readonly busArn: pulumi.Output<string>;
    readonly topicArns: Readonly<Record<Severity, pulumi.Output<string>>>;
    readonly siemQueueArn: pulumi.Output<string>;
    readonly outputs: RoleOutputs;
}

export interface SecurityEventsOptions {
    /**
     * Prefix of the CIS alarm names (`CisAlarms` names them `<prefix>-<control id>`): the dashboard shows
     * them. Must start with the organisation's name prefix, which the topic policies admit.
     * @default "<namePrefix>-cis"
     */
    readonly cisAlarmNamePrefix?: string;
}

/** The naming scope of the security account's alerting resources. */
export function alertingScope(model: Model): names.AlertingScope {
    const { org } = model;
    return { partition: org.partition, accountId: org.security.id, homeRegion: org.homeRegion, namePrefix: org.namePrefix, busName: centralBusName(org) };
}

/** The routing table of this organisation (custom-action ARNs and name prefix filled in). */
export function routesOf(scope: names.AlertingScope): SecurityRoute[] {
    return securityRoutes({
        namePrefix: scope.namePrefix,
        sendToSiemActionArn: names.customActionArn(scope, CUSTOM_ACTIONS.sendToSiem.identifier),
        escalateActionArn: names.customActionArn(scope, CUSTOM_ACTIONS.escalate.identifier),
    });
}

/** Checks across `lz:security.events` keys the schema cannot express, reported as configuration errors. */
export function checkSecurityEventsSettings(model: Model): void {
    const problems = new ProblemList();
    const t = model.settings.events.selfTest;
    if (t.enabled && t.intervalMinutes * t.missedIntervals > 1440) {
        problems.add(
            model.file,
            "lz:security.events.selfTest",
            `intervalMinutes × missedIntervals is ${t.intervalMinutes} × ${t.missedIntervals} = ${t.intervalMinutes * t.missedIntervals} minutes, more than one day, the longest a CloudWatch alarm can look back; lower one of them`,
        );
    }
    problems.throwIfAny();
}

/** Central security bus, routing, severity topics, SIEM queue, self-test, Slack and dashboard of the security account. */
export function buildSecurityEvents(ctx: RoleContext<Model>, options: SecurityEventsOptions = {}): SecurityEvents {
    checkSecurityEventsSettings(ctx.model);
    const { org, settings } = ctx.model;
    const events = settings.events;
    const s = alertingScope(ctx.model);
    const accountId = org.security.id;
    const provider = { provider: ctx.provider };
    const routes = routesOf(s);
    const ruleArns = (pick: (r: SecurityRoute) => boolean) => routes.filter(pick).map((r) => names.routeRuleArn(s, r.id));
    const topicArns = Object.fromEntries(SEVERITIES.map((sev) => [sev, names.severityTopicArn(s, sev)])) as Record<Severity, string>;
    const queueArns = [names.siemQueueArn(s), names.siemDeadLetterQueueArn(s)];
    const logGroupArn = names.securityEventLogGroupArn(s);
    const principal = (service: string) => servicePrincipal(org, service);

    // An organisation the management stack creates has its id only once that stack ran.
    const organizationId: pulumi.Input<string> =
        org.organizationId === "create"
            ? new pulumi.StackReference("security-events-management", { name: stackReferenceName(org, "management") }, provider).requireOutput("organizationId").apply(String)
            : org.organizationId;
    const bus = new SecurityEventBus(
        "security-events",
        {
            busName: s.busName,
            busPolicy: pulumi.output(organizationId).apply((id) => busPolicy({ busArn: centralBusArn(org), organizationId: id })),
            keyPolicy: topicKeyPolicy({
                accountRootArn: arn(org, "iam", "", accountId, "root"),
                accountId,
                principals: { events: principal("events"), cloudwatch: principal("cloudwatch"), logs: principal(`logs.${org.homeRegion}`) },
                topicArns: SEVERITIES.map((sev) => topicArns[sev]),
                queueArns,
                logGroupArn,
                siemConsumerArns: events.siem.consumerArns,
                sqsViaService: principal(`sqs.${org.homeRegion}`),
            }),
            keyAlias: names.securityKeyAlias(s),
            archiveName: names.archiveName(s),
            archiveRetentionDays: events.archiveRetentionDays,
        },
        provider,
    );

    const topics = new AlertTopics(
        "security-alerts",
        {
            topicNames: Object.fromEntries(SEVERITIES.map((sev) => [sev, names.severityTopicName(s, sev)])) as Record<Severity, string>,
            topicPolicies: Object.fromEntries(
                SEVERITIES.map((sev) => [
                    sev,
                    topicPolicy({
                        topicArn: topicArns[sev],
                        accountId,
                        eventsPrincipal: principal("events"),
                        cloudwatchPrincipal: principal("cloudwatch"),
                        ruleArns: ruleArns((r) => r.targets.topic === sev),
                        alarmArnPattern: names.alarmArnPattern(s),
                    }),
                ]),
            ) as Record<Severity, ReturnType<typeof topicPolicy>>,
            keyArn: bus.keyArn,
            emails: org.alerts.emails,
            selfTestSource: events.selfTest.enabled ? SELF_TEST_SOURCE : undefined,
        },
        provider,
    );

    const siem = new SiemQueue(
        "security-siem",
        {
            queueName: names.siemQueueName(s),
            deadLetterQueueName: names.siemDeadLetterQueueName(s),
            keyArn: bus.keyArn,
            queuePolicy: siemQueuePolicy({ queueArn: queueArns[0], accountId, eventsPrincipal: principal("events"), ruleArns: ruleArns((r) => Boolean(r.targets.siem)), consumerArns: events.siem.consumerArns }),
            // Every routing target leaves what it cannot deliver here, whichever destination failed.
            deadLetterQueuePolicy: siemQueuePolicy({ queueArn: queueArns[1], accountId, eventsPrincipal: principal("events"), ruleArns: ruleArns(() => true), consumerArns: events.siem.consumerArns }),
            alarmTopicArn: topics.topicArns.high,
            deadLetterAlarmName: `${s.namePrefix}-security-dead-letters`,
            retentionDays: events.siem.retentionDays,
            maxReceiveCount: events.siem.maxReceiveCount,
        },
        provider,
    );

    const log = new SecurityEventLog(
        "security-event-log",
        {
            logGroupName: names.securityEventLogGroupName(s),
            keyArn: bus.keyArn,
            retentionDays: org.retention.logGroupDays,
            resourcePolicy: securityEventLogPolicy({ logGroupArn, principals: [principal("events"), principal("delivery.logs")], ruleArns: ruleArns((r) => Boolean(r.targets.log)) }),
            resourcePolicyName: `${s.namePrefix}-security-events-to-logs`,
        },
        provider,
    );

    const routing = new SecurityEventRouting(
        "security-routing",
        {
            busName: bus.busName,
            routes,
            ruleName: (id) => names.routeRuleName(s, id),
            topicArns: topics.topicArns,
            siemQueueArn: siem.queueArn,
            logGroupArn: log.logGroupArn,
            deadLetterQueueArn: siem.deadLetterQueueArn,
            customActions: [CUSTOM_ACTIONS.sendToSiem, CUSTOM_ACTIONS.escalate],
            // Depending on the components waits for all their children, the resource policies included.
            targetDependencies: [topics, siem, log],
        },
        provider,
    );

    const forwarding = new FindingsForwarding(
        "security-findings-forwarding",
        {
            regions: org.regions,
            homeRegion: org.homeRegion,
            centralBusArn: centralBusArn(org),
            roleName: names.findingsForwardingRoleName(s),
            trustPolicy: forwardingTrustPolicy({ eventsPrincipal: principal("events"), accountId, ruleArnPattern: names.findingsForwardingRuleArnPattern(s) }),
            permissionsPolicy: forwardingPutEventsPolicy({ centralBusArn: centralBusArn(org) }),
            ruleName: (id) => names.findingsForwardingRuleName(s, id),
            deadLetterQueueName: names.findingsDeadLetterQueueName(s),
            deadLetterQueuePolicy: (region, queueArn) =>
                forwardingDeadLetterQueuePolicy({ eventsPrincipal: principal("events"), queueArn, accountId, ruleArnPattern: names.findingsForwardingRuleArnPattern(s, region) }),
        },
        { ...provider, dependsOn: [bus] },
    );

    const alarmArns = [
        ...CIS_CONTROLS.map((c) => names.alarmArn(s, `${options.cisAlarmNamePrefix ?? `${s.namePrefix}-cis`}-${c.id}`)),
        names.alarmArn(s, `${s.namePrefix}-security-dead-letters`),
    ];
    let selfTest: AlertSelfTest | undefined;
    if (events.selfTest.enabled) {
        const name = names.selfTestName(s);
        selfTest = new AlertSelfTest(
            "security-self-test",
            {
                name,
                busArn: centralBusArn(org),
                busName: s.busName,
                ruleName: names.routeRuleName(s, "self-test"),
                source: SELF_TEST_SOURCE,
                detailType: SELF_TEST_DETAIL_TYPE,
                trustPolicy: selfTestSchedulerTrustPolicy({ schedulerPrincipal: principal("scheduler"), accountId, scheduleGroupArn: names.selfTestScheduleGroupArn(s) }),
                permissionsPolicy: forwardingPutEventsPolicy({ centralBusArn: centralBusArn(org) }),
                alarmTopicArn: topics.topicArns.high,
                intervalMinutes: events.selfTest.intervalMinutes,
                missedIntervals: events.selfTest.missedIntervals,
            },
            { ...provider, dependsOn: [routing] },
        );
        alarmArns.push(names.alarmArn(s, `${name}-missing`), names.alarmArn(s, `${name}-failed`));
    }

    const slackConfig = org.alerts.slack;
    const slack = slackConfig
        ? new SlackAlerts(
              "security-slack",
              {
                  workspaceId: slackConfig.workspaceId,
                  channels: slackConfig.channels,
                  topicArns: topics.topicArns,
                  roleName: names.chatbotRoleName(s),
                  trustPolicy: chatbotTrustPolicy({ chatbotPrincipal: principal("chatbot") }),
                  permissionsPolicy: chatbotNotificationsPolicy(),
                  guardrailPolicyArns: [arn(org, "iam", "", "aws", "policy/ReadOnlyAccess")],
                  region: events.chatbotRegion,
              },
              provider,
          )
        : undefined;

    const dashboard = new SecurityDashboard(
        "security-dashboard",
        {
            dashboardName: names.securityDashboardName(s),
            body: securityDashboardBody({
                region: org.homeRegion,
                busName: s.busName,
                routes,
                ruleName: (id) => names.routeRuleName(s, id),
                alarmArns,
                siemQueueName: names.siemQueueName(s),
                siemDeadLetterQueueName: names.siemDeadLetterQueueName(s),
                findingsRegions: org.regions,
                findingsDeadLetterQueueName: names.findingsDeadLetterQueueName(s),
            }),
        },
        provider,
    );

    return {
        busName: bus.busName,
        busArn: bus.busArn,
        topicArns: topics.topicArns,
        siemQueueArn: siem.queueArn,
        outputs: {
            centralBusName: bus.busName,
            centralBusArn: bus.busArn,
            severityTopicArns: topics.topicArns,
            siemQueueArn: siem.queueArn,
            siemQueueUrl: siem.queueUrl,
            siemDeadLetterQueueArn: siem.deadLetterQueueArn,
            securityEventsKeyArn: bus.keyArn,
            securityEventLogGroupName: log.logGroupName,
            customActionArns: routing.customActionArns,
            findingsForwardingRoleArn: forwarding.roleArn,
            securityDashboardArn: dashboard.dashboardArn,
            ...(selfTest ? { selfTestAlarmArns: { missing: selfTest.missingAlarmArn, failed: selfTest.failedAlarmArn } } : {}),
            ...(slack ? { slackConfigurationArns: slack.configurationArns } : {}),
        },
    };
}
