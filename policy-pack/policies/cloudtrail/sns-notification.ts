import { resourceRule } from "../../lib/rule";
import { TRAIL } from "../../lib/types";
import { isSet } from "../../lib/values";

/** A notification per delivered log file lets a pipeline pick files up at once; a hint, not a control. */
export const cloudtrailSnsNotification = resourceRule({
    name: "lz-cloudtrail-sns-notification",
    description: "CloudTrail trails notify an SNS topic when they deliver a log file (snsTopicName); advisory.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-6", "SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: TRAIL,
    follows: {
        control: "AWS CloudTrail User Guide, \"Configuring Amazon SNS notifications for CloudTrail\" (no Security Hub, Config or CIS control; Checkov CKV_AWS_252)",
        page: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-sns-notifications-for-cloudtrail.html",
        note: "Alerting on trail content is the CIS metric-filter alarms' job (CloudWatch Logs); a delivery notification only tells consumers a new file is there, so the rule is advisory. S3 event notifications on the archive do the same for every log source.",
    },
    remediation: "Set `snsTopicName` on the trail to a topic whose policy lets cloudtrail.amazonaws.com publish (condition aws:SourceArn = the trail ARN).",
    check(r, _c, f) {
        // An unknown topic name is still a topic.
        if (!isSet(r.get("snsTopicName"))) f.fail("Set `snsTopicName` on this trail so consumers are notified of every log file it delivers.");
    },
});
