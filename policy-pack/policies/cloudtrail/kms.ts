import { resourceRule } from "../../lib/rule";
import { TRAIL } from "../../lib/types";
import { isSet } from "../../lib/values";

/** A customer managed key adds an access decision (key policy) on top of the bucket policy for reading logs. */
export const cloudtrailKms = resourceRule({
    name: "lz-cloudtrail-kms",
    description: "CloudTrail trails encrypt log files with a customer managed KMS key.",
    controls: {
        cis: ["3.5"],
        securityHub: ["CloudTrail.2"],
        awsConfig: ["cloud-trail-encryption-enabled"],
        nist: ["AU-9", "SC-28"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: TRAIL,
    remediation: "Set `kmsKeyId` on the trail to the ARN of a customer managed key whose policy lets cloudtrail.amazonaws.com encrypt for this trail (the log archive's `archiveKeyArn`).",
    check(r, _c, f) {
        // An unknown key ARN is still a key: only absence fails.
        if (!isSet(r.props.kmsKeyId)) f.fail("Set `kmsKeyId` on this trail to a customer managed KMS key ARN (e.g. the log archive's archiveKeyArn).");
    },
});
