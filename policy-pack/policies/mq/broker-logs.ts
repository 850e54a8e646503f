import { resourceRule } from "../../lib/rule";
import { MQ_BROKER } from "../../lib/types";
import { bool, isUnknown, plain, str } from "../../lib/values";

/**
 * ActiveMQ's audit log records management actions (JMX, web console); RabbitMQ has no audit log, so
 * only its general log is required. @pulumi/aws 5 and 6 brokers may carry `logs.audit` as the
 * string "true"/"false" (the Terraform provider's nullable boolean); `bool` reads both.
 */
export const mqBrokerLogs = resourceRule({
    name: "lz-mq-broker-logs",
    description: "Amazon MQ brokers send general logs to CloudWatch Logs, and ActiveMQ brokers audit logs too.",
    controls: {
        cis: [],
        securityHub: ["MQ.2"],
        awsConfig: ["mq-cloudwatch-audit-log-enabled"],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: MQ_BROKER,
    config: {
        requireGeneralLogs: { type: "boolean", default: true, description: "Require general logs (connections, errors) from every broker, RabbitMQ included; no Security Hub control covers them." },
    },
    follows: {
        control: "Security Hub MQ.2 for ActiveMQ audit logs",
        page: "https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html",
        note: "MQ.2 (AWS Config mq-cloudwatch-audit-log-enabled) requires audit logs of ActiveMQ brokers only: RabbitMQ brokers have none and the API rejects the setting. General logs have no Security Hub control; Checkov's CKV_AWS_48 requires them and so does the rule (requireGeneralLogs), because they record connections and broker errors an investigation needs.",
    },
    remediation: "Set `logs: { general: true, audit: true }` on an ActiveMQ broker, `logs: { general: true }` on a RabbitMQ broker.",
    check(r, config, f) {
        const logs = plain(r.props.logs);
        if (isUnknown(logs)) return f.unknown("logs");
        const general = bool(r.get("logs.general"));
        if (config.requireGeneralLogs !== false) {
            if (isUnknown(general)) f.unknown("logs.general");
            else if (general !== true) f.fail("Set `logs.general: true` on this broker so its general log (connections, errors) reaches CloudWatch Logs.");
        }
        const audit = bool(r.get("logs.audit"));
        if (audit === true) return;
        const engine = str(r.get("engineType"));
        if (isUnknown(engine)) return f.unknown("engineType");
        if (engine === undefined || engine.toLowerCase() !== "activemq") return;
        if (isUnknown(audit)) return f.unknown("logs.audit");
        f.fail("Set `logs.audit: true` on this ActiveMQ broker so management actions (JMX, web console) are logged to CloudWatch Logs.");
    },
});
