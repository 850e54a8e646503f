import { configuredList } from "../../lib/log-exports";
import { resourceRule } from "../../lib/rule";
import { MWAA_ENVIRONMENT } from "../../lib/types";
import { bool, isUnknown, plain, str } from "../../lib/values";

/** Airflow log levels, most verbose first. */
const LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];
const LOG_TYPES = ["dagProcessingLogs", "schedulerLogs", "taskLogs", "webserverLogs", "workerLogs"];

/**
 * Each Airflow component logs to CloudWatch Logs only when its module logging is enabled; only task
 * logs are on (at INFO) when the environment says nothing (@pulumi/aws EnvironmentLoggingConfiguration).
 */
export const mwaaLogging = resourceRule({
    name: "lz-mwaa-logging",
    description: "MWAA environments send the logs of every Airflow component (scheduler, web server, worker, DAG processing, tasks) to CloudWatch Logs at INFO or more detail.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: MWAA_ENVIRONMENT,
    config: {
        requiredLogTypes: { type: "array", items: { type: "string", enum: LOG_TYPES }, default: LOG_TYPES, description: "Airflow components whose logs must be enabled." },
        minimumLevel: { type: "string", enum: ["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"], default: "INFO", description: "Least detailed accepted log level (DEBUG is more detailed than INFO)." },
    },
    follows: {
        control: "Amazon MWAA User Guide, \"Accessing Apache Airflow logs in Amazon CloudWatch\" (no Security Hub, Config or CIS control)",
        page: "https://docs.aws.amazon.com/mwaa/latest/userguide/monitoring-airflow.html",
        note: "Checkov checks scheduler, web server and worker logs are enabled at any level (CKV_AWS_242 to 244). The rule also requires DAG processing and task logs, and INFO or more detail by default: INFO is MWAA's own default for task logs and the level at which Airflow records the web server's requests and the scheduler's decisions (what ran, when, for whom); WARNING and above keep only failures, which does not let an investigator reconstruct activity.",
    },
    remediation: "Set `loggingConfiguration: { schedulerLogs: { enabled: true, logLevel: \"INFO\" }, webserverLogs: {...}, workerLogs: {...}, dagProcessingLogs: {...}, taskLogs: {...} }` on the environment.",
    check(r, config, f) {
        const cfg = plain(r.props.loggingConfiguration);
        if (isUnknown(cfg)) return f.unknown("loggingConfiguration");
        const min = typeof config.minimumLevel === "string" && LEVELS.includes(config.minimumLevel) ? config.minimumLevel : "INFO";
        const off: string[] = [];
        const quiet: string[] = [];
        for (const t of configuredList(config.requiredLogTypes)) {
            const block = plain(r.get(`loggingConfiguration.${t}`));
            if (isUnknown(block)) {
                f.unknown(`loggingConfiguration.${t}`);
                continue;
            }
            // Without a block, task logs are on at INFO and every other component is off.
            const absent = block === undefined || block === null;
            const enabled = absent ? t === "taskLogs" : bool(r.get(`loggingConfiguration.${t}.enabled`));
            const level = absent ? "INFO" : str(r.get(`loggingConfiguration.${t}.logLevel`)) ?? "INFO";
            if (isUnknown(enabled) || isUnknown(level)) {
                f.unknown(`loggingConfiguration.${t}`);
                continue;
            }
            if (enabled !== true) off.push(t);
            else if (LEVELS.indexOf(level.toUpperCase()) > LEVELS.indexOf(min) || !LEVELS.includes(level.toUpperCase())) quiet.push(`${t} (${level})`);
        }
        if (off.length) f.fail(`Turn on ${off.join(", ")} of this environment: set \`loggingConfiguration.<type>: { enabled: true, logLevel: "${min}" }\` for each.`);
        if (quiet.length) f.fail(`Log ${quiet.join(", ")} at "${min}" or more detail (${LEVELS.slice(0, LEVELS.indexOf(min) + 1).reverse().join(", ")}).`);
    },
});
