import { configuredList } from "../../lib/log-exports";
import { resourceRule } from "../../lib/rule";
import { alternatives } from "../../lib/text";
import { APPSYNC_GRAPHQL_API } from "../../lib/types";
import { isSet, isUnknown, plain, str } from "../../lib/values";

/** AppSync writes request and resolver logs only with a logConfig: a role to write with and a field log level. */
export const appsyncLogging = resourceRule({
    name: "lz-appsync-logging",
    description: "AppSync GraphQL APIs log to CloudWatch Logs (logConfig with a role) at an accepted field log level (default ERROR, INFO, DEBUG or ALL).",
    controls: {
        cis: [],
        securityHub: ["AppSync.2"],
        awsConfig: ["appsync-logging-enabled"],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: APPSYNC_GRAPHQL_API,
    config: {
        acceptedFieldLogLevels: { type: "array", items: { type: "string", enum: ["ERROR", "INFO", "DEBUG", "ALL"] }, default: ["ERROR", "INFO", "DEBUG", "ALL"], description: "Field log levels that count as logging (NONE never does)." },
    },
    follows: {
        control: "Security Hub AppSync.2",
        page: "https://docs.aws.amazon.com/securityhub/latest/userguide/appsync-controls.html",
        note: "AppSync.2 (AWS Config appsync-logging-enabled) fails a field log level of NONE and, with its default parameters, passes ERROR or ALL; INFO and DEBUG, added to AppSync later, log errors too (AppSync API reference, LogConfig), so the rule accepts them unless acceptedFieldLogLevels says otherwise. Checkov splits the same check in two (CKV_AWS_193 logging, CKV_AWS_194 field level).",
    },
    remediation: "Set `logConfig: { cloudwatchLogsRoleArn: <role AppSync assumes to write logs>, fieldLogLevel: \"ERROR\" (or \"ALL\"), excludeVerboseContent: true }` on the API.",
    check(r, config, f) {
        const cfg = plain(r.props.logConfig);
        if (isUnknown(cfg)) return f.unknown("logConfig");
        if (cfg === undefined || cfg === null) {
            return f.fail("Turn on logging for this API: set `logConfig: { cloudwatchLogsRoleArn, fieldLogLevel: \"ERROR\" }`.");
        }
        if (!isSet(r.get("logConfig.cloudwatchLogsRoleArn"))) f.fail("Set `logConfig.cloudwatchLogsRoleArn` to the role AppSync assumes to write this API's logs.");
        const level = str(r.get("logConfig.fieldLogLevel"));
        if (isUnknown(level)) return f.unknown("logConfig.fieldLogLevel");
        const accepted = configuredList(config.acceptedFieldLogLevels);
        if (!level || !accepted.includes(level.toUpperCase())) {
            f.fail(`Set \`logConfig.fieldLogLevel\` to ${alternatives(accepted)} (it is ${level ? `"${level}"` : "not set"}), so resolver errors are logged.`);
        }
    },
});
