import { stackRule } from "../../lib/rule";
import { WAFV2_ACL, WAFV2_LOGGING } from "../../lib/types";
import { plain, UNKNOWN } from "../../lib/values";

/** WAFv2 logs every request an ACL inspected; logging is a separate resource keyed by the ACL's ARN. */
export const wafV2Logging = stackRule({
    name: "lz-waf-v2-logging",
    description: "Every WAFv2 web ACL has a WebAclLoggingConfiguration.",
    controls: {
        cis: [],
        securityHub: ["WAF.11"],
        awsConfig: ["wafv2-logging-enabled"],
        nist: ["AU-2", "AU-12", "SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: WAFV2_ACL[0],
    types: [...WAFV2_ACL, ...WAFV2_LOGGING],
    remediation: "Add `new aws.wafv2.WebAclLoggingConfiguration(name, { resourceArn: acl.arn, logDestinationConfigs: [<aws-waf-logs-* log group, bucket or Firehose ARN>] })`.",
    check(stack, _c, f) {
        const configs = stack.ofType(WAFV2_LOGGING);
        const undecided = configs.some((c) => plain(c.props.resourceArn) === UNKNOWN && !c.propertyDependencies.resourceArn?.length);
        for (const acl of stack.ofType(WAFV2_ACL)) {
            if (stack.linked(acl, WAFV2_LOGGING, "resourceArn", ["arn"]).length) continue;
            if (undecided) f.unknown(acl, "which web ACL each logging configuration belongs to (resourceArn)");
            else f.fail(acl, `Add an aws.wafv2.WebAclLoggingConfiguration with \`resourceArn: ${acl.name}.arn\` for web ACL ${acl.name}.`);
        }
    },
});
