import { resourceRule } from "../../lib/rule";
import { LAMBDA_FUNCTION } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

/** Traces tie one request across functions and services; they cost per trace, so advisory. */
export const lambdaXrayTracing = resourceRule({
    name: "lz-lambda-xray-tracing",
    description: "Lambda functions use AWS X-Ray active tracing (tracingConfig.mode Active); advisory.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: ["lambda-function-xray-enabled"],
        nist: ["AU-12", "SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: LAMBDA_FUNCTION,
    remediation: "Set `tracingConfig: { mode: \"Active\" }` on the function (its role needs `xray:PutTraceSegments` and `xray:PutTelemetryRecords`, e.g. the AWSXRayDaemonWriteAccess policy).",
    check(r, _c, f) {
        const mode = str(r.get("tracingConfig.mode"));
        if (isUnknown(mode)) f.unknown("tracingConfig.mode");
        else if (mode !== "Active") f.fail(`Set \`tracingConfig: { mode: "Active" }\` on this function (it is ${mode ? `"${mode}"` : "PassThrough by default"}) to trace its requests with X-Ray.`);
    },
});
