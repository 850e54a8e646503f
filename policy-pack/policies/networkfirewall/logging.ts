import { stackRule } from "../../lib/rule";
import { NETWORK_FIREWALL, NETWORK_FIREWALL_LOGGING } from "../../lib/types";
import { get, isUnknown, list, plain, str, UNKNOWN } from "../../lib/values";

/** A firewall's alerts and flows are only kept when a LoggingConfiguration sends them somewhere. */
export const networkfirewallLogging = stackRule({
    name: "lz-networkfirewall-logging",
    description: "Network Firewall firewalls have a LoggingConfiguration with the required log types (default ALERT and FLOW).",
    controls: {
        cis: [],
        securityHub: ["NetworkFirewall.2"],
        awsConfig: ["netfw-logging-enabled"],
        nist: ["AU-2", "AU-12", "SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: NETWORK_FIREWALL[0],
    types: [...NETWORK_FIREWALL, ...NETWORK_FIREWALL_LOGGING],
    config: {
        requiredLogTypes: { type: "array", items: { type: "string", enum: ["ALERT", "FLOW", "TLS"] }, default: ["ALERT", "FLOW"], description: "Log types that must be delivered." },
    },
    remediation: "Add `new aws.networkfirewall.LoggingConfiguration(name, { firewallArn: fw.arn, loggingConfiguration: { logDestinationConfigs: [{ logType: \"ALERT\", ... }, { logType: \"FLOW\", ... }] } })`.",
    check(stack, config, f) {
        const required = Array.isArray(config.requiredLogTypes) ? (config.requiredLogTypes as string[]) : [];
        const configs = stack.ofType(NETWORK_FIREWALL_LOGGING);
        const undecided = configs.some((c) => plain(c.props.firewallArn) === UNKNOWN && !c.propertyDependencies.firewallArn?.length);
        for (const fw of stack.ofType(NETWORK_FIREWALL)) {
            const mine = stack.linked(fw, NETWORK_FIREWALL_LOGGING, "firewallArn", ["arn"]);
            const types = new Set<string>();
            let unknown = undecided && !mine.length;
            for (const c of mine) {
                const dests = list(c.get("loggingConfiguration.logDestinationConfigs"));
                if (isUnknown(dests)) {
                    unknown = true;
                    continue;
                }
                for (const d of dests) {
                    const t = str(get(d, "logType"));
                    if (isUnknown(t)) unknown = true;
                    else if (t) types.add(t);
                }
            }
            const missing = required.filter((t) => !types.has(t));
            if (!missing.length) continue;
            if (unknown) f.unknown(fw, `the logging configuration of firewall ${fw.name}`);
            else f.fail(fw, `Deliver ${missing.join(" and ")} logs of firewall ${fw.name}: add an aws.networkfirewall.LoggingConfiguration with \`firewallArn: ${fw.name}.arn\` and a logDestinationConfigs entry per log type.`);
        }
    },
});
