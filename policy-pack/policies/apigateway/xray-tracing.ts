import { resourceRule } from "../../lib/rule";
import { APIGW_STAGE } from "../../lib/types";
import { bool, isUnknown } from "../../lib/values";

/** Active tracing samples every stage's requests into X-Ray; it costs per trace, so advisory. */
export const apigatewayXrayTracing = resourceRule({
    name: "lz-apigateway-xray-tracing",
    description: "API Gateway REST API stages use AWS X-Ray active tracing (xrayTracingEnabled); advisory.",
    controls: {
        cis: [],
        securityHub: ["APIGateway.3"],
        awsConfig: ["api-gw-xray-enabled"],
        nist: ["AU-12", "SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: APIGW_STAGE,
    remediation: "Set `xrayTracingEnabled: true` on the stage.",
    check(r, _c, f) {
        const on = bool(r.get("xrayTracingEnabled"));
        if (isUnknown(on)) f.unknown("xrayTracingEnabled");
        else if (on !== true) f.fail("Set `xrayTracingEnabled: true` on this stage to trace its requests with X-Ray.");
    },
});
