import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { anyOccurrenceAlarm } from "../health/any-occurrence-alarm";
import { CIS_CONTROLS, type AlarmSeverity, type CisControl } from "./cis-controls";
import { failIfAny } from "../validate";

export interface CisAlarmsArgs {
    /** Log group of the organisation trail. */
    readonly logGroupName: pulumi.Input<string>;
    /** Severity topic each alarm notifies, by severity. */
    readonly topicArns: Readonly<Record<AlarmSeverity, pulumi.Input<string>>>;
    /** Prefix of alarm names, e.g. `acme-lz-cis`. */
    readonly alarmNamePrefix: string;
    /**
     * CloudWatch metric namespace of the filter metrics.
     * @default "LandingZone/CIS"
     */
    readonly namespace?: string;
    /**
     * Controls to implement.
     * @default CIS_CONTROLS
     */
    readonly controls?: readonly CisControl[];
    /**
     * Start of each metric filter's name (`<prefix>-<control id>`).
     * @default "cis"
     */
    readonly filterNamePrefix?: string;
}

export interface ResolvedCisAlarmsArgs extends Required<CisAlarmsArgs> {}

export function resolveCisAlarmsArgs(name: string, args: CisAlarmsArgs): ResolvedCisAlarmsArgs {
    const controls = args.controls ?? CIS_CONTROLS;
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const c of controls) {
        // Additional filters name metrics too: their ids share the controls' namespace.
        for (const f of [c, ...(c.additionalFilters ?? [])]) {
            if (seen.has(f.id)) problems.push(`controls: id ${JSON.stringify(f.id)} appears twice`);
            if (!/^[a-z0-9-]+$/.test(f.id)) problems.push(`controls: id ${JSON.stringify(f.id)} must be lower-case kebab-case`);
            if (!/^\{.*\}$/s.test(f.pattern.trim())) problems.push(`controls: ${f.id}: pattern must be a JSON filter in braces`);
            if (f.pattern.length > 1024) problems.push(`controls: ${f.id}: pattern is ${f.pattern.length} characters, over CloudWatch Logs' 1,024`);
            seen.add(f.id);
        }
    }
    failIfAny("CisAlarms", name, problems);
    return { namespace: "LandingZone/CIS", filterNamePrefix: "cis", ...args, controls };
}

/** Metric name of a control or additional filter: PascalCase of its id, e.g. `RootAccountUsage`. */
export function cisMetricName(control: { readonly id: string }): string {
    return control.id.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

/**
 * A metric filter, a metric and an alarm per CIS monitoring control on the organisation trail's
 * log group; each alarm notifies the topic of the control's severity. A control's additional
 * (narrower) filters get a metric filter and metric each, and no alarm: the prescribed filter's
 * alarm is the one Security Hub checks and the one that notifies.
 */
export class CisAlarms extends pulumi.ComponentResource {
    /** Alarm ARNs by control id. */
    public readonly alarmArns: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: CisAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:trail:CisAlarms", name, {}, opts);
        const a = resolveCisAlarmsArgs(name, args);
        const alarmArns: Record<string, pulumi.Output<string>> = {};
        for (const c of a.controls) {
            const metricName = cisMetricName(c);
            const filter = new aws.cloudwatch.LogMetricFilter(
                `${name}-${c.id}-filter`,
                {
                    name: `${a.filterNamePrefix}-${c.id}`,
                    logGroupName: a.logGroupName,
                    pattern: c.pattern,
                    metricTransformation: { name: metricName, namespace: a.namespace, value: "1", defaultValue: "0" },
                },
                { parent: this },
            );
            const alarm = anyOccurrenceAlarm(
                `${name}-${c.id}-alarm`,
                { name: `${a.alarmNamePrefix}-${c.id}`, description: `${c.title} (${c.controls.join(", ")})`, namespace: a.namespace, metricName, statistic: "Sum", topicArns: [a.topicArns[c.severity]] },
                { parent: this, dependsOn: [filter] },
            );
            alarmArns[c.id] = alarm.arn;
            for (const f of c.additionalFilters ?? []) {
                new aws.cloudwatch.LogMetricFilter(
                    `${name}-${f.id}-filter`,
                    {
                        name: `cis-${f.id}`,
                        logGroupName: a.logGroupName,
                        pattern: f.pattern,
                        metricTransformation: { name: cisMetricName(f), namespace: a.namespace, value: "1", defaultValue: "0" },
                    },
                    { parent: this },
                );
            }
        }
        this.alarmArns = alarmArns;
        this.registerOutputs({ alarmArns });
    }
}
