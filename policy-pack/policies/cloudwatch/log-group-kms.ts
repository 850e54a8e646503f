import { resourceRule } from "../../lib/rule";
import { LOG_GROUP } from "../../lib/types";
import { isSet } from "../../lib/values";

/**
 * CloudWatch Logs always encrypts at rest; a customer managed key adds a key policy to who can
 * read. Advisory by default: the pack judges logging, not encryption choices (ARCHITECTURE §4).
 */
export const cloudwatchLogGroupKms = resourceRule({
    name: "lz-cloudwatch-log-group-kms",
    description: "CloudWatch log groups are encrypted with a customer managed KMS key.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: ["cloudwatch-log-group-encrypted"],
        nist: ["AU-9", "SC-28"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: LOG_GROUP,
    remediation: "Set `kmsKeyId` on the log group to a KMS key ARN whose policy allows logs.<region>.amazonaws.com with a `kms:EncryptionContext:aws:logs:arn` condition.",
    check(r, _c, f) {
        if (!isSet(r.props.kmsKeyId)) f.fail("Set `kmsKeyId` on this log group to a customer managed KMS key ARN.");
    },
});
