import { resourceRule } from "../../lib/rule";
import { selectorFacts } from "../../lib/selectors";
import { TRAIL } from "../../lib/types";
import { isUnknown } from "../../lib/values";

/** Data events cost per event, so the pack only advises them (ARCHITECTURE §4). */
export const cloudtrailLambdaDataEvents = resourceRule({
    name: "lz-cloudtrail-lambda-data-events",
    description: "CloudTrail trails record Lambda data events (Lambda Invoke calls); advisory because of cost.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: TRAIL,
    remediation: "Add a data-event selector for AWS::Lambda::Function: advanced `eventCategory = Data`, `resources.type = AWS::Lambda::Function` (exclude the archive buckets themselves to avoid a loop), or basic `dataResources: [{ type: \"AWS::Lambda::Function\", values: [\"arn:<partition>:lambda (all functions)\"] }]`.",
    check(r, _c, f) {
        const facts = selectorFacts(r);
        if (isUnknown(facts)) f.unknown("the trail's event selectors");
        else if (!facts.dataTypes.includes("AWS::Lambda::Function")) f.fail("Add a data-event selector with resources.type AWS::Lambda::Function to record Lambda Invoke calls.");
    },
});
