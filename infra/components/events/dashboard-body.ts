import { SEVERITIES, type Severity } from "../../config/model";
import { routesBySeverity, type SecurityRoute } from "./routing-table";

export interface SecurityDashboardInput {
    /** Home region: the bus, its rules, queues and alarms. */
    readonly region: string;
    readonly busName: string;
    readonly routes: readonly SecurityRoute[];
    readonly ruleName: (routeId: string) => string;
    /** Alarms shown in the alarm status widget (CIS alarms, self-test, dead-letter). */
    readonly alarmArns: readonly string[];
    readonly siemQueueName: string;
    readonly siemDeadLetterQueueName: string;
    /** Regions of the findings-forwarding dead-letter queues and their (common) name. */
    readonly findingsRegions: readonly string[];
    readonly findingsDeadLetterQueueName: string;
}

type Metric = (string | Record<string, unknown>)[];
interface Widget {
    type: "metric" | "alarm" | "text";
    x: number;
    y: number;
    width: number;
    height: number;
    properties: Record<string, unknown>;
}

const COLOURS: Record<Severity, string> = { high: "#d62728", medium: "#ff7f0e", low: "#1f77b4" };

/** The dashboard body (CloudWatch dashboard JSON) of the security account. */
export function securityDashboardBody(d: SecurityDashboardInput): Record<string, unknown> {
    const rule = (id: string): Metric => ["AWS/Events", "MatchedEvents", "EventBusName", d.busName, "RuleName", d.ruleName(id)];
    const bySeverity = routesBySeverity(d.routes);
    const severityMetrics: Metric[] = [];
    SEVERITIES.forEach((s, si) => {
        const ids = bySeverity[s].map((id, i) => `${s[0]}${i}`);
        bySeverity[s].forEach((id, i) => severityMetrics.push([...rule(id), { id: ids[i], visible: false }]));
        severityMetrics.push([{ expression: ids.length ? `SUM([${ids.join(",")}])` : "0", label: s, id: `sev${si}`, color: COLOURS[s] }]);
    });
    const catchAll = d.routes.find((r) => r.targets.log);
    const failed: Metric[] = d.routes.map((r, i) => ["AWS/Events", "FailedInvocations", "EventBusName", d.busName, "RuleName", d.ruleName(r.id), { id: `f${i}`, visible: false }]);
    const queue = (name: string, metric: string, label: string): Metric => ["AWS/SQS", metric, "QueueName", name, { label }];
    const widgets: Widget[] = [
        {
            type: "text",
            x: 0,
            y: 0,
            width: 24,
            height: 2,
            properties: {
                markdown: `## Security events\nEvents on the central bus \`${d.busName}\` (${d.region}), routed by the table in docs/alerting.md: severity topics, SIEM queue, log group.`,
            },
        },
        {
            type: "metric",
            x: 0,
            y: 2,
            width: 12,
            height: 6,
            properties: { title: "Findings by severity (events matched by routing rules)", region: d.region, view: "timeSeries", stacked: true, stat: "Sum", period: 300, metrics: severityMetrics },
        },
        { type: "alarm", x: 12, y: 2, width: 12, height: 6, properties: { title: "Alarms: CIS controls, alert self-test, dead letters", alarms: [...d.alarmArns] } },
        {
            type: "metric",
            x: 0,
            y: 8,
            width: 12,
            height: 6,
            properties: {
                title: "Central bus throughput",
                region: d.region,
                view: "timeSeries",
                stat: "Sum",
                period: 300,
                metrics: [
                    ...(catchAll ? [[...rule(catchAll.id), { label: "events on the bus" }]] : []),
                    ...failed,
                    [{ expression: `SUM([${failed.map((_, i) => `f${i}`).join(",")}])`, label: "failed deliveries", id: "failed", color: "#d62728" }],
                ],
            },
        },
        {
            type: "metric",
            x: 12,
            y: 8,
            width: 12,
            height: 6,
            properties: {
                title: "SIEM queue",
                region: d.region,
                view: "timeSeries",
                stat: "Maximum",
                period: 300,
                metrics: [
                    queue(d.siemQueueName, "ApproximateNumberOfMessagesVisible", "waiting"),
                    queue(d.siemQueueName, "ApproximateAgeOfOldestMessage", "oldest (s)"),
                    queue(d.siemDeadLetterQueueName, "ApproximateNumberOfMessagesVisible", "dead letters"),
                ],
            },
        },
        {
            type: "metric",
            x: 0,
            y: 14,
            width: 24,
            height: 5,
            properties: {
                title: "Findings the central bus refused (forwarding dead letters, by region)",
                view: "timeSeries",
                stat: "Maximum",
                period: 300,
                region: d.region,
                metrics: d.findingsRegions.map((r) => ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", d.findingsDeadLetterQueueName, { region: r, label: r }]),
            },
        },
    ];
    return { widgets };
}
