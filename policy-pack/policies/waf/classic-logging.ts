import { resourceRule } from "../../lib/rule";
import { WAF_CLASSIC_ACL } from "../../lib/types";
import { isSet, isUnknown, plain } from "../../lib/values";

/** WAF Classic (global and regional) logs through an inline loggingConfiguration to Firehose. */
export const wafClassicLogging = resourceRule({
    name: "lz-waf-classic-logging",
    description: "WAF Classic web ACLs (global and regional) have a logging configuration.",
    controls: {
        cis: [],
        securityHub: ["WAF.1"],
        awsConfig: ["waf-classic-logging-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "low",
    types: WAF_CLASSIC_ACL,
    remediation: "Set `loggingConfiguration: { logDestination: <aws-waf-logs-* Firehose ARN> }` on the web ACL (or migrate to WAFv2).",
    check(r, _c, f) {
        const c = plain(r.props.loggingConfiguration);
        if (isUnknown(c)) return f.unknown("loggingConfiguration");
        if (!isSet(r.get("loggingConfiguration.logDestination"))) f.fail("Set `loggingConfiguration.logDestination` to an aws-waf-logs-* Firehose delivery stream ARN on this web ACL.");
    },
});
