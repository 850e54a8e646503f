import { configuredList } from "../../lib/log-exports";
import { stackRule } from "../../lib/rule";
import { NETWORK_FIREWALL, NETWORK_FIREWALL_LOGGING } from "../../lib/types";
import { get, isUnknown, list, plain, str, UNKNOWN } from "../../lib/values";

/**
 * A firewall's alerts and flows are only kept when a LoggingConfiguration sends them somewhere.
 * NetworkFirewall.2 is satisfied by any log type; which types an organisation wants on top (ALERT to
 * see what the rules caught) is its choice, so `requiredLogTypes` is empty by default.
 */
export const networkfirewallLogging = stackRule({
    name: "lz-networkfirewall-logging",
    description: "Network Firewall firewalls have a LoggingConfiguration that delivers at least one log type (FLOW, ALERT or TLS), and every type listed in requiredLogTypes (none by default).",
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
        requiredLogTypes: { type: "array", items: { type: "string", enum: ["ALERT", "FLOW", "TLS"] }, default: [], description: "Log types that must be delivered on top of the one any firewall needs (e.g. [\"ALERT\"] to keep what the firewall's rules matched)." },
    },
    follows: {
        control: "Security Hub NetworkFirewall.2",
        page: "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html",
        note: "NetworkFirewall.2 (AWS Config netfw-logging-enabled) passes a firewall that logs at least one log type, FLOW only included; the rule does the same by default and requires further types only when requiredLogTypes lists them.",
    },
    remediation: "Add `new aws.networkfirewall.LoggingConfiguration(name, { firewallArn: fw.arn, loggingConfiguration: { logDestinationConfigs: [{ logType: \"FLOW\", logDestinationType: \"S3\", logDestination: { bucketName } }] } })` (one entry per log type you keep: FLOW, ALERT, TLS).",
    check(stack, config, f) {
        const required = configuredList(config.requiredLogTypes);
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
            if (types.size && !missing.length) continue;
            if (unknown) f.unknown(fw, `the logging configuration of firewall ${fw.name}`);
            else if (!types.size) f.fail(fw, `Turn on logging for firewall ${fw.name}: add an aws.networkfirewall.LoggingConfiguration with \`firewallArn: ${fw.name}.arn\` and a logDestinationConfigs entry for ${missing.length ? missing.join(" and ") : "FLOW or ALERT (or TLS)"} logs.`);
            else f.fail(fw, `Deliver ${missing.join(" and ")} logs of firewall ${fw.name} too: add a logDestinationConfigs entry per log type to its aws.networkfirewall.LoggingConfiguration.`);
        }
    },
});
