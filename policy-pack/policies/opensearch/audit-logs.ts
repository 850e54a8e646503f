import { resourceRule } from "../../lib/rule";
import { checkPublishing } from "../../lib/search";
import { SEARCH_DOMAIN } from "../../lib/types";

/** Audit logs record who read or changed which index (they need fine-grained access control). */
export const opensearchAuditLogs = resourceRule({
    name: "lz-opensearch-audit-logs",
    description: "OpenSearch / Elasticsearch domains publish audit logs to CloudWatch Logs.",
    controls: {
        cis: [],
        securityHub: ["Opensearch.5", "ES.5"],
        awsConfig: ["opensearch-audit-logging-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: SEARCH_DOMAIN,
    remediation: "Enable fine-grained access control and add a `logPublishingOptions` entry with `logType: \"AUDIT_LOGS\"` and a log group ARN (the log group needs a resource policy for es.amazonaws.com).",
    check(r, _c, f) {
        checkPublishing(r, f, "AUDIT_LOGS", "audit logs");
    },
});
