import { resourceRule } from "../../lib/rule";
import { checkPublishing } from "../../lib/search";
import { SEARCH_DOMAIN } from "../../lib/types";

export const opensearchApplicationLogs = resourceRule({
    name: "lz-opensearch-application-logs",
    description: "OpenSearch / Elasticsearch domains publish error (application) logs to CloudWatch Logs.",
    controls: {
        cis: [],
        securityHub: ["Opensearch.4", "ES.4"],
        awsConfig: ["opensearch-logs-to-cloudwatch", "elasticsearch-logs-to-cloudwatch"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "low",
    types: SEARCH_DOMAIN,
    remediation: "Add a `logPublishingOptions` entry with `logType: \"ES_APPLICATION_LOGS\"` and a log group ARN.",
    check(r, _c, f) {
        checkPublishing(r, f, "ES_APPLICATION_LOGS", "error logs");
    },
});
