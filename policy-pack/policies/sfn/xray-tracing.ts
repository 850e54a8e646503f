import { resourceRule } from "../../lib/rule";
import { STATE_MACHINE } from "../../lib/types";
import { bool, isUnknown } from "../../lib/values";

/** A trace follows an execution through every service it calls; it costs per trace, so advisory. */
export const sfnXrayTracing = resourceRule({
    name: "lz-sfn-xray-tracing",
    description: "Step Functions state machines use AWS X-Ray tracing (tracingConfiguration.enabled); advisory.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-12", "SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: STATE_MACHINE,
    follows: {
        control: "AWS Control Tower CT.STEPFUNCTIONS.PR.2 (no Security Hub, Config or CIS control; Checkov CKV_AWS_284)",
        page: "https://docs.aws.amazon.com/controltower/latest/controlreference/stepfunctions-rules.html",
        note: "Control Tower's proactive control requires X-Ray tracing on every state machine; as with Lambda and API Gateway tracing, the pack makes it advisory because traces are a monitoring aid that costs per trace, not a log an investigation depends on.",
    },
    remediation: "Set `tracingConfiguration: { enabled: true }` on the state machine.",
    check(r, _c, f) {
        const on = bool(r.get("tracingConfiguration.enabled"));
        if (isUnknown(on)) f.unknown("tracingConfiguration.enabled");
        else if (on !== true) f.fail("Set `tracingConfiguration: { enabled: true }` on this state machine to trace its executions with X-Ray.");
    },
});
