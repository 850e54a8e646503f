import { resourceRule } from "../../lib/rule";
import { METRIC_ALARM } from "../../lib/types";
import { bool, isUnknown, list, str } from "../../lib/values";
import { approvedList } from "../../lib/destinations";

/** An alarm nobody hears is a metric: it must notify someone when it fires. */
export const cloudwatchAlarmActions = resourceRule({
    name: "lz-cloudwatch-alarm-actions",
    description: "CloudWatch metric alarms have at least one alarm action and their actions are enabled.",
    controls: {
        cis: [],
        securityHub: ["CloudWatch.15", "CloudWatch.17"],
        awsConfig: ["cloudwatch-alarm-action-check", "cloudwatch-alarm-action-enabled-check"],
        nist: ["AU-5", "SI-4(5)"],
        soc2: ["CC7.3"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: METRIC_ALARM,
    config: {
        forwardedAlarmNamePrefixes: {
            type: "array",
            items: { type: "string" },
            default: [],
            description:
                "Name prefixes of alarms whose state changes the organisation forwards to its central event bus, which routes them to a topic (the landing zone's health alarms, `<namePrefix>-health-`): such an alarm notifies without an action of its own. Empty: every alarm needs an action.",
        },
    },
    remediation: "Set `alarmActions` to the severity topic ARN (security stack output `severityTopicArns`) and remove `actionsEnabled: false`.",
    check(r, c, f) {
        const enabled = bool(r.get("actionsEnabled"));
        if (isUnknown(enabled)) f.unknown("actionsEnabled");
        else if (enabled === false) f.fail("Remove `actionsEnabled: false` (or set it to true) so this alarm's actions run when it fires.");
        const actions = list(r.props.alarmActions);
        if (isUnknown(actions)) f.unknown("alarmActions");
        else if (!actions.length && !forwarded(str(r.props.name), approvedList(c.forwardedAlarmNamePrefixes))) f.fail("Set `alarmActions` to at least one SNS topic ARN (e.g. a severity topic) so this alarm notifies someone.");
    },
});

/** An alarm named under a forwarded prefix: its state changes reach a topic through the central bus. An unknown name is not known to be forwarded. */
function forwarded(name: unknown, prefixes: readonly string[]): boolean {
    return typeof name === "string" && prefixes.some((p) => p !== "" && name.startsWith(p));
}
