import { resourceRule } from "../../lib/rule";
import { STATE_MACHINE } from "../../lib/types";
import { isSet, isUnknown, str } from "../../lib/values";

const ORDER = ["OFF", "FATAL", "ERROR", "ALL"];

export const sfnLogging = resourceRule({
    name: "lz-sfn-logging",
    description: "Step Functions state machines log executions to CloudWatch Logs at the configured level or above (default ERROR).",
    controls: {
        cis: [],
        securityHub: ["StepFunctions.1"],
        awsConfig: ["step-functions-state-machine-logging-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "low",
    types: STATE_MACHINE,
    config: { minimumLevel: { type: "string", enum: ["FATAL", "ERROR", "ALL"], default: "ERROR", description: "Lowest accepted logging level." } },
    remediation: "Set `loggingConfiguration: { level: \"ERROR\" (or \"ALL\"), includeExecutionData: false, logDestination: \"<log group ARN>:*\" }`.",
    check(r, config, f) {
        const level = str(r.get("loggingConfiguration.level"));
        if (isUnknown(level)) return f.unknown("loggingConfiguration.level");
        const min = String(config.minimumLevel);
        if (ORDER.indexOf(level ?? "OFF") < ORDER.indexOf(min)) {
            return f.fail(`Set \`loggingConfiguration.level\` to "${min}" or higher (it is ${level ? `"${level}"` : "not set"}) with a \`logDestination\` log group ARN.`);
        }
        if (!isSet(r.get("loggingConfiguration.logDestination"))) f.fail("Set `loggingConfiguration.logDestination` to a log group ARN (ending in `:*`).");
    },
});
