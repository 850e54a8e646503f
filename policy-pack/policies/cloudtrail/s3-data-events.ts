import { resourceRule } from "../../lib/rule";
import { selectorFacts } from "../../lib/selectors";
import { TRAIL } from "../../lib/types";
import { isUnknown } from "../../lib/values";

/** Data events cost per event, so the pack only advises them (ARCHITECTURE §4). */
export const cloudtrailS3DataEvents = resourceRule({
    name: "lz-cloudtrail-s3-data-events",
    description: "CloudTrail trails record S3 data events (object-level S3 API calls (GetObject, PutObject, DeleteObject)); advisory because of cost.",
    controls: {
        cis: ["3.8", "3.9"],
        securityHub: [],
        awsConfig: ["cloudtrail-s3-dataevents-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: TRAIL,
    remediation: "Add a data-event selector for AWS::S3::Object: advanced `eventCategory = Data`, `resources.type = AWS::S3::Object` (exclude the archive buckets themselves to avoid a loop), or basic `dataResources: [{ type: \"AWS::S3::Object\", values: [\"arn:<partition>:s3 (all buckets) or specific bucket ARNs\"] }]`.",
    check(r, _c, f) {
        const facts = selectorFacts(r);
        if (isUnknown(facts)) f.unknown("the trail's event selectors");
        else if (!facts.dataTypes.includes("AWS::S3::Object")) f.fail("Add a data-event selector with resources.type AWS::S3::Object to record object-level S3 API calls (GetObject, PutObject, DeleteObject).");
    },
});
