/**
 * The security account's central bus and alerting (composition only: config → components → outputs).
 * `runSecurityStack` calls `buildSecurityEvents` first: the CIS alarms notify its `topicArns`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Severity, StackModel } from "../config/model";
import { SEVERITIES } from "../config/model";
import { ProblemList } from "../config/errors";
import { archiveBucketName, arn, centralBusArn, centralBusName, roleArn, servicePrincipal, stackReferenceName } from "../naming";
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
import { landingZoneTrailControls } from "../components/trail/landing-zone-controls";
import { AlertSelfTest, type SelfTestPath } from "../components/events/alert-self-test";
import { ArrivalWatch } from "../components/health/arrival-watch";
import { canaryArrivalPattern, heartbeatPattern, silentAccountsQuery } from "../components/health/arrival-patterns";
import { healthAlarmName } from "../config/health";
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
import { integrityAlarmNames, integrityPublisher } from "./security-integrity";
import { responseAlarmNames, responsePublisher } from "./security-response";
import { quietAccountsOf } from "./quiet-accounts";

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

/** The routing table of this organisation (custom-action ARNs, accounts and landing-zone names filled in). */
export function routesOf(model: Model): SecurityRoute[] {
    const { org } = model;
    const scope = alertingScope(model);
    return securityRoutes({
        namePrefix: scope.namePrefix,
        securityAccountId: org.security.id,
        exemptRoleNames: [org.roles.deployment, org.roles.breakGlass],
        breakGlassRoleName: org.roles.breakGlass,
        archiveBucketName: archiveBucketName(org),
        sendToSiemActionArn: names.customActionArn(scope, CUSTOM_ACTIONS.sendToSiem.identifier),
        escalateActionArn: names.customActionArn(scope, CUSTOM_ACTIONS.escalate.identifier),
        quiet: quietAccountsOf(org),
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

/** What every step of the security events program needs: the model, names derived once, the routing table. */
interface EventsContext extends RoleContext<Model> {
    readonly org: Model["org"];
    readonly events: Model["settings"]["events"];
    readonly scope: names.AlertingScope;
    readonly accountId: string;
    readonly opts: { readonly provider: RoleContext<Model>["provider"] };
    readonly routes: SecurityRoute[];
    /** ARNs of the routing rules a target is for. */
    readonly ruleArns: (pick: (r: SecurityRoute) => boolean) => string[];
    readonly topicArns: Record<Severity, string>;
    /** SIEM queue, then its dead-letter queue. */
    readonly queueArns: [string, string];
    readonly logGroupArn: string;
    readonly principal: (service: string) => string;
    readonly selfTestRoleArn: string;
    /** The security account's deployment and break-glass roles. */
    readonly exempt: string[];
}

interface Delivery {
    readonly topics: AlertTopics;
    readonly siem: SiemQueue;
    readonly log: SecurityEventLog;
}

/** Central security bus, routing, severity topics, SIEM queue, self-test, Slack and dashboard of the security account: a table of contents of named steps. */
export function buildSecurityEvents(ctx: RoleContext<Model>, options: SecurityEventsOptions = {}): SecurityEvents {
    checkSecurityEventsSettings(ctx.model);
    const c = eventsContextOf(ctx);
    const bus = busTier(c);
    const delivery = deliveryTier(c, bus);
    const routing = routingTier(c, bus, delivery);
    const watch = watchTier(c, routing, delivery);
    const presentation = presentationTier(c, delivery, dashboardAlarmArns(c, options));
    return {
        busName: bus.busName,
        busArn: bus.busArn,
        topicArns: delivery.topics.topicArns,
        siemQueueArn: delivery.siem.queueArn,
        outputs: {
            centralBusName: bus.busName,
            centralBusArn: bus.busArn,
            severityTopicArns: delivery.topics.topicArns,
            siemQueueArn: delivery.siem.queueArn,
            siemQueueUrl: delivery.siem.queueUrl,
            siemDeadLetterQueueArn: delivery.siem.deadLetterQueueArn,
            securityEventsKeyArn: bus.keyArn,
            securityEventLogGroupName: delivery.log.logGroupName,
            customActionArns: routing.routing.customActionArns,
            findingsForwardingRoleArn: routing.forwarding.roleArn,
            securityDashboardArn: presentation.dashboard.dashboardArn,
            ...(watch.selfTest ? { selfTestAlarmArns: { missing: watch.selfTest.missingAlarmArns, unsubscribed: watch.selfTest.unsubscribedAlarmArns } } : {}),
            accountHeartbeatAlarmArn: watch.heartbeats.alarmArn,
            ...(watch.canary ? { logCanaryAlarmArn: watch.canary.alarmArn } : {}),
            ...(presentation.slack ? { slackConfigurationArns: presentation.slack.configurationArns } : {}),
        },
    };
}

function eventsContextOf(ctx: RoleContext<Model>): EventsContext {
    const { org, settings } = ctx.model;
    const s = alertingScope(ctx.model);
    const routes = routesOf(ctx.model);
    return {
        ...ctx,
        org,
        events: settings.events,
        scope: s,
        accountId: org.security.id,
        opts: { provider: ctx.provider },
        routes,
        ruleArns: (pick) => routes.filter(pick).map((r) => names.routeRuleArn(s, r.id)),
        topicArns: Object.fromEntries(SEVERITIES.map((sev) => [sev, names.severityTopicArn(s, sev)])) as Record<Severity, string>,
        queueArns: [names.siemQueueArn(s), names.siemDeadLetterQueueArn(s)],
        logGroupArn: names.securityEventLogGroupArn(s),
        principal: (service) => servicePrincipal(org, service),
        selfTestRoleArn: roleArn(org, org.security.id, names.selfTestName(s)),
        exempt: [roleArn(org, org.security.id, org.roles.deployment), roleArn(org, org.security.id, org.roles.breakGlass)],
    };
}

/** The central bus: a policy admitting the landing zone's forwarding rules and self-test only, its archive, and the key of everything it feeds. */
function busTier(c: EventsContext): SecurityEventBus {
    const { org } = c;
    // An organisation the management stack creates has its id only once that stack ran.
    const organizationId: pulumi.Input<string> =
        org.organizationId === "create"
            ? new pulumi.StackReference("security-events-management", { name: stackReferenceName(org, "management") }, c.opts).requireOutput("organizationId").apply(String)
            : org.organizationId;
    const forwardingRuleArnPatterns = [arn(org, "events", "*", "*", `rule/${org.namePrefix}-fwd-*`), names.findingsForwardingRuleArnPattern(c.scope)];
    const selfTest = c.events.selfTest.enabled ? { source: SELF_TEST_SOURCE, roleArn: c.selfTestRoleArn } : undefined;
    const publishers = [integrityPublisher(c.model), responsePublisher(c.model)].filter((p) => p !== undefined);
    return new SecurityEventBus(
        "security-events",
        {
            busName: c.scope.busName,
            busPolicy: pulumi.output(organizationId).apply((id) => busPolicy({ busArn: centralBusArn(org), organizationId: id, forwardingRuleArnPatterns, selfTest, publishers })),
            keyPolicy: topicKeyPolicy({
                accountRootArn: arn(org, "iam", "", c.accountId, "root"),
                accountId: c.accountId,
                principals: { events: c.principal("events"), cloudwatch: c.principal("cloudwatch"), logs: c.principal(`logs.${org.homeRegion}`) },
                topicArns: SEVERITIES.map((sev) => c.topicArns[sev]),
                queueArns: c.queueArns,
                logGroupArn: c.logGroupArn,
                siemConsumerArns: c.events.siem.consumerArns,
                sqsViaService: c.principal(`sqs.${org.homeRegion}`),
            }),
            keyAlias: names.securityKeyAlias(c.scope),
            archiveName: names.archiveName(c.scope),
            archiveRetentionDays: c.events.archiveRetentionDays,
        },
        c.opts,
    );
}

/** Where routed events go: the severity topics, the SIEM queue and its dead letters, the security-events log group. */
function deliveryTier(c: EventsContext, bus: SecurityEventBus): Delivery {
    const { org } = c;
    const s = c.scope;
    const topics = new AlertTopics(
        "security-alerts",
        {
            topicNames: Object.fromEntries(SEVERITIES.map((sev) => [sev, names.severityTopicName(s, sev)])) as Record<Severity, string>,
            topicPolicies: Object.fromEntries(
                SEVERITIES.map((sev) => [
                    sev,
                    topicPolicy({
                        topicArn: c.topicArns[sev],
                        accountId: c.accountId,
                        eventsPrincipal: c.principal("events"),
                        cloudwatchPrincipal: c.principal("cloudwatch"),
                        ruleArns: c.ruleArns((r) => r.targets.topic === sev),
                        alarmArnPattern: names.alarmArnPattern(s),
                        exemptRoleArns: c.exempt,
                    }),
                ]),
            ) as Record<Severity, ReturnType<typeof topicPolicy>>,
            keyArn: bus.keyArn,
            emails: org.alerts.emails,
            selfTestSource: c.events.selfTest.enabled ? SELF_TEST_SOURCE : undefined,
        },
        c.opts,
    );
    const siem = new SiemQueue(
        "security-siem",
        {
            queueName: names.siemQueueName(s),
            deadLetterQueueName: names.siemDeadLetterQueueName(s),
            keyArn: bus.keyArn,
            queuePolicy: siemQueuePolicy({ queueArn: c.queueArns[0], accountId: c.accountId, eventsPrincipal: c.principal("events"), ruleArns: c.ruleArns((r) => Boolean(r.targets.siem)), consumerArns: c.events.siem.consumerArns, exemptRoleArns: c.exempt }),
            // Every routing target leaves what it cannot deliver here, whichever destination failed.
            deadLetterQueuePolicy: siemQueuePolicy({ queueArn: c.queueArns[1], accountId: c.accountId, eventsPrincipal: c.principal("events"), ruleArns: c.ruleArns(() => true), consumerArns: c.events.siem.consumerArns, exemptRoleArns: c.exempt }),
            alarmTopicArn: topics.topicArns.high,
            deadLetterAlarmName: siemDeadLetterAlarmName(c),
            retentionDays: c.events.siem.retentionDays,
            maxReceiveCount: c.events.siem.maxReceiveCount,
        },
        c.opts,
    );
    const log = new SecurityEventLog(
        "security-event-log",
        {
            logGroupName: names.securityEventLogGroupName(s),
            keyArn: bus.keyArn,
            retentionDays: org.retention.logGroupDays,
            resourcePolicy: securityEventLogPolicy({ logGroupArn: c.logGroupArn, principals: [c.principal("events"), c.principal("delivery.logs")], ruleArns: [...c.ruleArns((r) => Boolean(r.targets.log)), ...watchRuleIds(c).map((id) => names.watchRuleArn(s, id))] }),
            resourcePolicyName: `${s.namePrefix}-security-events-to-logs`,
        },
        c.opts,
    );
    return { topics, siem, log };
}

/** The routing table's rules on the central bus, and the forwarding of the delegated admin's own findings to it. */
function routingTier(c: EventsContext, bus: SecurityEventBus, d: Delivery) {
    const { org } = c;
    const s = c.scope;
    const routing = new SecurityEventRouting(
        "security-routing",
        {
            busName: bus.busName,
            routes: c.routes,
            ruleName: (id) => names.routeRuleName(s, id),
            topicArns: d.topics.topicArns,
            siemQueueArn: d.siem.queueArn,
            logGroupArn: d.log.logGroupArn,
            deadLetterQueueArn: d.siem.deadLetterQueueArn,
            customActions: [CUSTOM_ACTIONS.sendToSiem, CUSTOM_ACTIONS.escalate],
            // Depending on the components waits for all their children, the resource policies included.
            targetDependencies: [d.topics, d.siem, d.log],
            failedAlarms: { name: (id) => healthAlarmName(s.namePrefix, "routing-failed", id), topicArns: [d.topics.topicArns.high] },
        },
        c.opts,
    );
    const forwarding = new FindingsForwarding(
        "security-findings-forwarding",
        {
            regions: org.regions,
            homeRegion: org.homeRegion,
            centralBusArn: centralBusArn(org),
            roleName: names.findingsForwardingRoleName(s),
            trustPolicy: forwardingTrustPolicy({ eventsPrincipal: c.principal("events"), accountId: c.accountId, ruleArnPattern: names.findingsForwardingRuleArnPattern(s) }),
            permissionsPolicy: forwardingPutEventsPolicy({ centralBusArn: centralBusArn(org) }),
            ruleName: (id) => names.findingsForwardingRuleName(s, id),
            deadLetterQueueName: names.findingsDeadLetterQueueName(s),
            deadLetterQueuePolicy: (region, queueArn) =>
                forwardingDeadLetterQueuePolicy({ eventsPrincipal: c.principal("events"), queueArn, accountId: c.accountId, ruleArnPattern: names.findingsForwardingRuleArnPattern(s, region), exemptRoleArns: c.exempt }),
            deadLetterAlarmName: healthAlarmName(s.namePrefix, "findings-dead-letters"),
        },
        { ...c.opts, dependsOn: [bus] },
    );
    return { routing, forwarding };
}

/** The alarms the dashboard shows: CIS, the landing zone's trail alarms, the dead letters, and every watch of the alerting paths. */
function dashboardAlarmArns(c: EventsContext, options: SecurityEventsOptions): string[] {
    const s = c.scope;
    const { org } = c;
    const watches = [
        ...c.routes.map((r) => healthAlarmName(s.namePrefix, "routing-failed", r.id)),
        ...(c.events.selfTest.enabled ? selfTestPaths(c).flatMap((p) => [p.missingAlarmName, ...(p.subscribers ? [p.subscribers.alarmName] : [])]) : []),
        healthAlarmName(s.namePrefix, "account-silent"),
        ...(org.health.logCanary ? [healthAlarmName(s.namePrefix, "log-canary-missing")] : []),
    ];
    return [
        ...CIS_CONTROLS.map((x) => names.alarmArn(s, `${options.cisAlarmNamePrefix ?? `${s.namePrefix}-cis`}-${x.id}`)),
        ...landingZoneTrailControls({ exemptRoleNames: [org.roles.deployment, org.roles.breakGlass], breakGlassRoleName: org.roles.breakGlass }).map((x) => names.alarmArn(s, `${s.namePrefix}-trail-${x.id}`)),
        names.alarmArn(s, siemDeadLetterAlarmName(c)),
        ...watches.map((n) => names.alarmArn(s, n)),
        ...integrityAlarmNames(c.model).map((n) => names.alarmArn(s, n)),
        ...responseAlarmNames(c.model).map((n) => names.alarmArn(s, n)),
    ];
}

/** The SIEM dead-letter queue's alarm (a direct watch: it notifies the high topic itself). */
function siemDeadLetterAlarmName(c: EventsContext): string {
    return healthAlarmName(c.scope.namePrefix, "siem-dead-letters");
}

/**
 * The self-test's paths: each severity topic (its published messages; its e-mail subscribers'
 * filtered copies), the SIEM queue (messages sent) and the log group (events received). A path to a
 * topic alarms on the high topic and, when it is the high topic, on the medium one too.
 */
function selfTestPaths(c: EventsContext): SelfTestPath[] {
    const s = c.scope;
    const p = s.namePrefix;
    const topics: SelfTestPath[] = SEVERITIES.map((sev) => {
        const topicName = names.severityTopicName(s, sev);
        const notify = sev === "high" ? [c.topicArns.high, c.topicArns.medium] : [c.topicArns.high];
        const emails = c.org.alerts.emails[sev];
        return {
            id: sev,
            destination: `the ${sev} topic`,
            metric: { namespace: "AWS/SNS", metricName: "NumberOfMessagesPublished", dimensions: { TopicName: topicName } },
            missingAlarmName: healthAlarmName(p, "self-test-missing", sev),
            notify,
            subscribers:
                emails.length > 0
                    ? { count: emails.length, topicName, ruleName: names.routeRuleName(s, `self-test-${sev}`), alarmName: healthAlarmName(p, "unsubscribed", sev), notify }
                    : undefined,
        };
    });
    return [
        ...topics,
        {
            id: "siem",
            destination: "the SIEM queue",
            metric: { namespace: "AWS/SQS", metricName: "NumberOfMessagesSent", dimensions: { QueueName: names.siemQueueName(s) } },
            missingAlarmName: healthAlarmName(p, "self-test-missing", "siem"),
            notify: [c.topicArns.high],
        },
        {
            id: "log",
            destination: "the security-events log group",
            metric: { namespace: "AWS/Logs", metricName: "IncomingLogEvents", dimensions: { LogGroupName: names.securityEventLogGroupName(s) } },
            missingAlarmName: healthAlarmName(p, "self-test-missing", "log"),
            notify: [c.topicArns.high],
        },
    ];
}

/** Saved Logs Insights query listing every account's last heartbeat. */
function silentAccountsQueryName(s: names.AlertingScope): string {
    return `${s.namePrefix}/account-heartbeats`;
}

/** The watch rules the stack plans: the heartbeats always, the canary's arrivals when there is a canary. */
function watchRuleIds(c: EventsContext): names.WatchRuleId[] {
    return c.org.health.logCanary ? ["heartbeats", "log-canary"] : ["heartbeats"];
}

/** The accounts that send a forwarding heartbeat: every account of org.yaml with a known id (each has a member stack). */
function heartbeatSenders(c: EventsContext): number {
    return c.org.accounts.filter((a) => a.id !== undefined).length;
}

/** The scheduled self-test of every alerting path, and the arrival watches of every account's heartbeat and of the log canary. */
function watchTier(c: EventsContext, r: ReturnType<typeof routingTier>, d: Delivery) {
    const s = c.scope;
    const { org } = c;
    const high = [d.topics.topicArns.high];
    const selfTest = c.events.selfTest.enabled
        ? new AlertSelfTest(
              "security-self-test",
              {
                  name: names.selfTestName(s),
                  busArn: centralBusArn(org),
                  busName: s.busName,
                  source: SELF_TEST_SOURCE,
                  detailType: SELF_TEST_DETAIL_TYPE,
                  trustPolicy: selfTestSchedulerTrustPolicy({ schedulerPrincipal: c.principal("scheduler"), accountId: c.accountId, scheduleGroupArn: names.selfTestScheduleGroupArn(s) }),
                  permissionsPolicy: forwardingPutEventsPolicy({ centralBusArn: centralBusArn(org) }),
                  paths: selfTestPaths(c),
                  intervalMinutes: c.events.selfTest.intervalMinutes,
                  missedIntervals: c.events.selfTest.missedIntervals,
              },
              { ...c.opts, dependsOn: [r.routing] },
          )
        : undefined;
    const senders = heartbeatSenders(c);
    const arrivals = { busName: s.busName, logGroupArn: d.log.logGroupArn, logGroupName: d.log.logGroupName, topicArns: high };
    const heartbeats = new ArrivalWatch(
        "security-account-heartbeats",
        {
            ...arrivals,
            ruleName: names.watchRuleName(s, "heartbeats"),
            pattern: heartbeatPattern(s.namePrefix),
            alarmName: healthAlarmName(s.namePrefix, "account-silent"),
            description: `Fewer forwarding heartbeats than the ${senders} accounts of org.yaml for ${org.health.missedIntervals} × ${org.health.heartbeatMinutes} minutes: an account's security events no longer reach the central bus; the saved query ${silentAccountsQueryName(s)} lists each account's last heartbeat`,
            periodSeconds: org.health.heartbeatMinutes * 60,
            periods: org.health.missedIntervals,
            expected: senders,
            query: { name: silentAccountsQueryName(s), queryString: silentAccountsQuery(s.namePrefix) },
        },
        { ...c.opts, dependsOn: [d.log] },
    );
    const canary = org.health.logCanary
        ? new ArrivalWatch(
              "security-log-canary",
              {
                  ...arrivals,
                  ruleName: names.watchRuleName(s, "log-canary"),
                  pattern: canaryArrivalPattern(archiveBucketName(org)),
                  alarmName: healthAlarmName(s.namePrefix, "log-canary-missing"),
                  description: `No log canary record from ${org.health.logCanary.account.name} reached the archive for ${org.health.missedIntervals} × ${org.health.logCanary.intervalMinutes} minutes: the organisation's CloudWatch Logs are not being archived`,
                  periodSeconds: org.health.logCanary.intervalMinutes * 60,
                  periods: org.health.missedIntervals,
              },
              { ...c.opts, dependsOn: [d.log] },
          )
        : undefined;
    return { selfTest, heartbeats, canary };
}

/** Optional Slack delivery and the security dashboard. */
function presentationTier(c: EventsContext, d: Delivery, alarmArns: readonly string[]) {
    const { org } = c;
    const s = c.scope;
    const slackConfig = org.alerts.slack;
    const slack = slackConfig
        ? new SlackAlerts(
              "security-slack",
              {
                  workspaceId: slackConfig.workspaceId,
                  channels: slackConfig.channels,
                  topicArns: d.topics.topicArns,
                  roleName: names.chatbotRoleName(s),
                  trustPolicy: chatbotTrustPolicy({ chatbotPrincipal: c.principal("chatbot") }),
                  permissionsPolicy: chatbotNotificationsPolicy(),
                  guardrailPolicyArns: [arn(org, "iam", "", "aws", "policy/ReadOnlyAccess")],
                  region: c.events.chatbotRegion,
              },
              c.opts,
          )
        : undefined;
    const dashboard = new SecurityDashboard(
        "security-dashboard",
        {
            dashboardName: names.securityDashboardName(s),
            body: securityDashboardBody({
                region: org.homeRegion,
                busName: s.busName,
                routes: c.routes,
                ruleName: (id) => names.routeRuleName(s, id),
                alarmArns: [...alarmArns],
                siemQueueName: names.siemQueueName(s),
                siemDeadLetterQueueName: names.siemDeadLetterQueueName(s),
                findingsRegions: org.regions,
                findingsDeadLetterQueueName: names.findingsDeadLetterQueueName(s),
            }),
        },
        c.opts,
    );
    return { slack, dashboard };
}
