import { resourceRule } from "../../lib/rule";
import { MSK_CLUSTER } from "../../lib/types";
import { bool, isUnknown, plain } from "../../lib/values";

export const mskBrokerLogs = resourceRule({
    name: "lz-msk-broker-logs",
    description: "MSK clusters deliver broker logs (CloudWatch Logs, Firehose or S3).",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "low",
    types: MSK_CLUSTER,
    remediation: "Set `loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup } } }` (or firehose / s3) on the cluster.",
    check(r, _c, f) {
        const logs = plain(r.get("loggingInfo.brokerLogs"));
        if (isUnknown(logs)) return f.unknown("loggingInfo.brokerLogs");
        const states = ["cloudwatchLogs", "firehose", "s3"].map((k) => bool(r.get(`loggingInfo.brokerLogs.${k}.enabled`)));
        if (states.includes(true)) return;
        if (states.some(isUnknown)) return f.unknown("loggingInfo.brokerLogs.*.enabled");
        f.fail("Set `loggingInfo.brokerLogs.cloudwatchLogs: { enabled: true, logGroup: <name> }` (or firehose / s3) on this cluster.");
    },
});
