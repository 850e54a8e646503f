import { stackRule } from "../../lib/rule";
import { CLOUDFRONT, LOG_DELIVERY_SOURCE } from "../../lib/types";
import { isSet, isUnknown, plain, str } from "../../lib/values";

/**
 * CloudFront logs either the legacy way (`loggingConfig.bucket`) or through CloudWatch Logs
 * delivery (standard logging v2: a LogDeliverySource whose resourceArn is the distribution).
 */
export const cloudfrontAccessLogs = stackRule({
    name: "lz-cloudfront-access-logs",
    description: "CloudFront distributions have access logging (legacy loggingConfig or a standard-logging v2 delivery source).",
    controls: {
        cis: [],
        securityHub: ["CloudFront.5"],
        awsConfig: ["cloudfront-accesslogs-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: CLOUDFRONT[0],
    types: [...CLOUDFRONT, ...LOG_DELIVERY_SOURCE],
    remediation: "Set `loggingConfig: { bucket: \"<bucket>.s3.amazonaws.com\", prefix }` on the distribution, or add an aws.cloudwatch.LogDeliverySource (logType ACCESS_LOGS, resourceArn: distribution.arn) with a delivery.",
    check(stack, _c, f) {
        for (const d of stack.ofType(CLOUDFRONT)) {
            const cfg = plain(d.props.loggingConfig);
            if (isUnknown(cfg)) {
                f.unknown(d, "loggingConfig");
                continue;
            }
            if (isSet(d.get("loggingConfig.bucket"))) continue;
            const linked = stack.linked(d, LOG_DELIVERY_SOURCE, "resourceArn", ["arn"]);
            if (linked.some((s) => str(s.get("logType")) === "ACCESS_LOGS" || isUnknown(str(s.get("logType"))))) continue;
            f.fail(d, `Turn on access logging for distribution ${d.name}: set \`loggingConfig.bucket\` or add a LogDeliverySource with logType ACCESS_LOGS and resourceArn ${d.name}.arn.`);
        }
    },
});
